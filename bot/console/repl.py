"""The console loop: read a line, run it as the current speaker in the current channel, print the reply,
then send whatever the command queued (gate cards, DMs, digests) through the real outbox dispatcher."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.console.render import render
from bot.console.sender import ConsoleSender
from bot.outbox.dispatch import Dispatcher
from commands.context import Context, Speaker
from commands.grammar import COMMAND_NAMES
from commands.phi_commands import redacted_offer
from commands.service import Rounds
from storage.models import Platform

WORKSPACE = "local"
CONSOLE_HELP = """Console commands:
  /as NAME        speak as someone else (e.g. /as dana)
  /in #channel    move to a channel (e.g. /in #ehr-upgrade);  /dm  talk to Rounds directly
  /where          who and where you are
  /run nudges|digests [ISO-TIME]   run the clock's pass now (or as if at that time), then send what it queued
  /save           save the redacted text the PHI guard just offered (the "Save redacted" button)
  /quit           leave
Everything else is a Rounds command, as in Slack: /pmo help, /project list, /status EHR …"""


@dataclass
class Console:
    rounds: Rounds
    dispatcher_factory: Callable[[ConsoleSender], Dispatcher]
    speaker: str = "pat"
    channel: str | None = "#pmo"
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    write: Callable[[str], None] = print
    ansi: bool = False
    files: Path | None = None  # where exports are written (beside the database); None: the working directory
    _sender: ConsoleSender = field(init=False)
    _redo: str | None = field(init=False, default=None)  # the redacted command last offered (no PHI in it)

    def __post_init__(self) -> None:
        self._sender = ConsoleSender(write=self.write, ansi=self.ansi)
        self._dispatcher = self.dispatcher_factory(self._sender)

    @property
    def prompt(self) -> str:
        return f"{self.speaker} in {self.channel or 'a DM with Rounds'}> "

    def context(self) -> Context:
        return Context(
            platform=Platform.CONSOLE,
            workspace_id=WORKSPACE,
            workspace_name="Local console",
            channel_id=self.channel,
            is_direct=self.channel is None,
            speaker=Speaker(user_id=self.speaker, handle=self.speaker),
            now=self.clock(),
        )

    def handle(self, line: str) -> bool:
        """Run one line. Returns False when the user asked to quit."""
        line = line.strip()
        if not line or line.startswith("#!"):
            return True
        head, _, rest = line.partition(" ")
        word = head.lower().lstrip("/")
        if word in ("quit", "exit"):
            return False
        if word == "as":
            name = rest.strip().lstrip("@").lower()
            if not name.replace(".", "").replace("-", "").isalnum():
                self.write("Usage: /as NAME   (letters and digits, e.g. /as dana)")
            else:
                self.speaker = name
                self.write(f"You are now @{name}.")
            return True
        if word in ("in", "channel"):
            name = rest.strip().lower()
            if not name:
                self.write("Usage: /in #channel")
            else:
                self.channel = "#" + name.lstrip("#")
                self.write(f"You are now in {self.channel}.")
            return True
        if word == "dm":
            self.channel = None
            self.write("You are now in a DM with Rounds.")
            return True
        if word == "where":
            self.write(f"You are @{self.speaker} in {self.channel or 'a DM with Rounds'}.")
            return True
        if word == "run":
            self._run_pass(rest.split())
            return True
        if word == "save":
            if self._redo is None:
                self.write("There's nothing to save: /save runs the redacted text the PHI guard last offered.")
                return True
            line, self._redo = self._redo, None
            head, _, rest = line.partition(" ")
        elif word in ("help", "?"):
            self.write(CONSOLE_HELP)
            head, rest = "/pmo", "help"
        elif word not in COMMAND_NAMES:
            head, rest = "/pmo", line.lstrip("/")
        reply = self.rounds.run(self.context(), head, rest)
        self._redo = redacted_offer(reply)
        self.write(render(reply, self.ansi))
        if reply.attachment is not None:
            self.write(f"Saved to {self._save(reply.attachment.filename, reply.attachment.content)}")
        self.flush_outbox()
        return True

    def _save(self, filename: str, content: bytes) -> Path:
        """Write an export next to the database, never over an earlier one."""
        folder = self.files or Path.cwd()
        folder.mkdir(parents=True, exist_ok=True)
        stem, dot, ext = Path(filename).name.partition(".")
        path, n = folder / filename, 1
        while path.exists():
            n += 1
            path = folder / f"{stem}-{n}{dot}{ext}"
        path.write_bytes(content)
        return path

    def _run_pass(self, words: list[str]) -> None:
        from bot.clock import passes
        from bot.ops import parse_at

        if not words or words[0] not in ("nudges", "digests"):
            self.write("Usage: /run nudges|digests [ISO-TIME]")
            return
        try:
            at = parse_at(words[1]) if len(words) > 1 else self.clock()
        except ValueError:
            self.write("The time must be ISO 8601, like 2026-11-24T09:00-05:00.")
            return
        if words[0] == "nudges":
            n = passes.nudges(self.rounds.sessions, at)
            self.write(f"Nudge pass: {n.nudged} people, {n.items} items, {n.escalations} escalations.")
        else:
            d = passes.digests(self.rounds.sessions, at)
            self.write(f"Digest pass: {d.due} due, {d.queued} queued.")
        self._dispatcher.run_once(at)

    def flush_outbox(self) -> None:
        self._dispatcher.run_once(self.clock())

    def loop(self, lines: Iterable[str] | None = None, interactive: bool | None = None) -> None:
        interactive = sys.stdin.isatty() if interactive is None else interactive
        if interactive and lines is None:
            self._interactive()
            return
        for line in lines if lines is not None else sys.stdin:
            self.write(f"{self.prompt}{line.rstrip()}")
            if not self.handle(line):
                break

    def _interactive(self) -> None:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (history and line editing where available)
        while True:
            try:
                line = input(self.prompt)
            except (EOFError, KeyboardInterrupt):
                self.write("")
                return
            if not self.handle(line):
                return
