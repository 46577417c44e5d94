"""The command grammar (DESIGN.md): words -> typed commands. No database access here."""

from commands.grammar.parse import COMMAND_NAMES, parse

__all__ = ["COMMAND_NAMES", "parse"]
