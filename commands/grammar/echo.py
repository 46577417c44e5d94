"""Quoting what someone typed back to them, safely."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from commands import phi


def echo(text: str, n: int = 40) -> str:
    """A piece of what someone typed, quoted back in an error — unless it looks like patient information:
    an error may be shown in a channel (Teams) or stored with an outbox message, so PHI is never repeated."""
    if phi.scan(text):
        return "(withheld: it looked like patient information)"
    text = text.replace("`", "'")
    return text if len(text) <= n else text[: n - 1] + "…"


def did_you_mean(word: str, choices: Iterable[str], prefix: str = "", suffix: str = "") -> str:
    """' Did you mean `status`?' for the closest choice (difflib), or "" when nothing is close."""
    found = difflib.get_close_matches(word.lower(), sorted(set(choices)), n=1, cutoff=0.6)
    return f" Did you mean `{prefix}{found[0]}{suffix}`?" if found else ""
