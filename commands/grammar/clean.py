"""Text as people meant it: what arrives from a platform is cleaned once, at the edge, before anything reads it.

A NUL byte cannot be stored in PostgreSQL text, control characters cannot be written to an XLSX cell, and a lone
UTF-16 surrogate (valid JSON: `"\\ud800"`) cannot be encoded at all. None of them is something a person typed on
purpose — they come from pasted PDFs, broken clients or hostile callers — so they are dropped rather than refused:
C0 control characters go except tab and newline (a carriage return becomes a newline), DEL goes, and a lone
surrogate becomes U+FFFD. Everything else, emoji and all, is kept as sent."""

from __future__ import annotations

import re
from typing import Any

_NEWLINES = re.compile(r"\r\n?")
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]|[\ud800-\udfff]")


def _replace(m: re.Match[str]) -> str:
    return "\ufffd" if m.group(0) >= "\ud800" else ""


def clean(text: str) -> str:
    """The text without characters no person types (see the module's docstring); the same object if it had none."""
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return _UNWANTED.sub(_replace, text) if _UNWANTED.search(text) else text


def clean_all(value: Any, depth: int = 0) -> Any:
    """Every string in a decoded JSON value (dict keys too) cleaned; other values as they are.

    Payloads nest a few levels (Slack's view state, Teams' card data); past 64 levels the rest is left alone
    (json's own recursion limit refuses deeper documents before they get here)."""
    if isinstance(value, str):
        return clean(value)
    if depth > 64:
        return value
    if isinstance(value, dict):
        return {clean(k) if isinstance(k, str) else k: clean_all(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_all(v, depth + 1) for v in value]
    return value
