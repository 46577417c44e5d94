"""Exceptions that become replies. Raised anywhere in a command; the service turns them into a Reply."""

from __future__ import annotations


class CommandError(Exception):
    """Something the speaker can fix. `usage` names the usage entry to show (see grammar.usage)."""

    def __init__(self, message: str, usage: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage
        self.field = field  # the form field it is about, when there is one (a modal shows it under that field)


class UsageError(CommandError):
    """The words did not fit the grammar."""


class NotFound(CommandError):
    """A key, ref or person that does not exist in this workspace."""


class Forbidden(CommandError):
    """The speaker may not do this (and we say who may)."""


class Conflict(CommandError):
    """The item is not in a state that allows this (already decided, closed, …)."""


class PHIRefused(CommandError):
    """Free text looked like patient information; nothing was stored."""
