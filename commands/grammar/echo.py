"""Quoting what someone typed back to them, safely."""

from __future__ import annotations

from commands import phi


def echo(text: str, n: int = 40) -> str:
    """A piece of what someone typed, quoted back in an error — unless it looks like patient information:
    an error may be shown in a channel (Teams) or stored with an outbox message, so PHI is never repeated."""
    if phi.scan(text):
        return "(withheld: it looked like patient information)"
    text = text.replace("`", "'")
    return text if len(text) <= n else text[: n - 1] + "…"
