"""Tests read like a conversation: someone says a command in a channel, Rounds replies.

chat.say("sam", '/status EHR amber "Vendor slipped"')  -> Reply
chat.refused("kim", "/risk R-1 close 'done'")           -> the error Reply, after checking nothing changed
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select, text

from commands.context import Context, Speaker
from commands.grammar.usage import usage
from commands.replies import Reply
from commands.service import Rounds
from storage.db import make_readers, make_sessions
from storage.models import Base, OutboxMessage, Platform, StatusUpdate

TEAM = {
    "pat": "Pat Okafor",
    "sam": "Sam Rivera",
    "dana": "Dana Whitfield",
    "maria": "Maria Santos",
    "kim": "Kim Nguyen",
    "alex": "Alex Moreau",
    "zed": "Zed Outsider",
}


class Chat:
    def __init__(self, engine: Engine, now: datetime, workspace: str = "T-test") -> None:
        self.engine = engine
        self.sessions = make_sessions(engine)
        self.rounds = Rounds(self.sessions)
        self.now = now
        self.workspace = workspace
        self.channel: str | None = "#ehr"
        self._reader: Any = None

    # -- talking ----------------------------------------------------------------------------------
    def context(self, who: str, channel: str | None = ..., tz: str | None = "America/Toronto") -> Context:  # type: ignore[assignment]
        ch = self.channel if channel is ... else channel
        return Context(
            platform=Platform.CONSOLE,
            workspace_id=self.workspace,
            channel_id=ch,
            is_direct=ch is None,
            speaker=Speaker(user_id=who, handle=who, display_name=TEAM.get(who, who), timezone=tz),
            now=self.now,
        )

    def say(self, who: str, line: str, channel: str | None = ...) -> Reply:  # type: ignore[assignment]
        command, _, rest = line.partition(" ")
        return self.rounds.run(self.context(who, channel), command, rest)

    def ok(self, who: str, line: str, channel: str | None = ...) -> Reply:  # type: ignore[assignment]
        reply = self.say(who, line, channel)
        assert not reply.error, f"{line!r} was refused: {reply.text}"
        return reply

    def refused(self, who: str, line: str, channel: str | None = ..., usage_key: str | None = None) -> Reply:  # type: ignore[assignment]
        """Say something that must be refused; check that nothing at all was written."""
        before = self.table_counts()
        reply = self.say(who, line, channel)
        assert reply.error, f"{line!r} was accepted: {reply.text}"
        assert reply.visibility == "private"
        assert self.table_counts() == before, f"{line!r} was refused but changed the database"
        if usage_key is not None:
            assert reply.text.endswith("Usage:\n" + usage(usage_key)), reply.text
        return reply

    def submit(self, who: str, form: str, values: dict[str, Any], context: dict[str, str] | None = None) -> Reply:
        return self.rounds.submit(self.context(who), form, values, context)

    # -- the PHI guard, as a status note from the form (any text reaches the guard as written, quotes included) ---
    def note(self, who: str, text: str, project: str = "EHR") -> Reply:
        return self.submit(who, "status.log", {"project": project, "overall": "amber", "note": text})

    def note_refused(self, who: str, text: str) -> Reply:
        """A note the PHI guard must refuse: the reply says so and nothing at all is written."""
        before = self.table_counts()
        reply = self.note(who, text)
        assert reply.error and "looks like it contains patient information" in reply.text, reply.text
        assert self.table_counts() == before, f"{text!r} was refused but changed the database"
        return reply

    def note_stored(self, who: str, text: str) -> Reply:
        """A note the PHI guard must let through: stored exactly as written."""
        reply = self.note(who, text)
        assert not reply.error, reply.text
        assert self.scalar(select(StatusUpdate.note).order_by(StatusUpdate.id.desc()).limit(1)) == text
        return reply

    def later(self, **delta: float) -> None:
        self.now = self.now + timedelta(**delta)

    # -- looking at the database --------------------------------------------------------------------
    def table_counts(self) -> dict[str, Any]:
        counts: dict[str, Any] = {}
        with self.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                counts[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
            counts["audit_head"] = conn.execute(text("SELECT coalesce(sum(audit_seq), 0) FROM workspaces")).scalar_one()
        return counts

    @property
    def _look(self) -> Any:
        """One reading session for the test: objects stay usable (relationships load), and every read
        starts from fresh data. Closed by the fixture, so PostgreSQL is not left inside a transaction."""
        if self._reader is None:
            self._reader = make_readers(self.engine)()
        self._reader.rollback()
        return self._reader

    def scalar(self, stmt: Any) -> Any:
        return self._look.scalar(stmt)

    def all(self, stmt: Any) -> list[Any]:
        return list(self._look.scalars(stmt))

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def outbox(self) -> list[OutboxMessage]:
        return self.all(select(OutboxMessage).order_by(OutboxMessage.id))

    # -- a standard world -----------------------------------------------------------------------------
    def setup_ehr(self) -> None:
        for who in TEAM:
            self.ok(who, "/pmo prefs", channel=None)  # everyone has spoken once, so @names resolve
        self.ok("pat", '/project create EHR "EHR Upgrade" pm:@sam sponsor:@dana,@maria', channel="#pmo")
        self.ok("sam", "/project link EHR", channel="#ehr")
        self.ok("sam", "/project role EHR cmio:@dana cno:@maria member:@kim,@alex", channel="#ehr")


def shown(reply: Reply) -> str:
    """Everything a person would read in a reply: blocks (with field labels and buttons) or the text."""
    from commands.replies import Buttons, Header, Section, Table
    from commands.replies import Context as ContextBlock

    lines: list[str] = []
    for b in reply.blocks:
        if isinstance(b, (Header, ContextBlock)):
            lines.append(b.text)
        elif isinstance(b, Section):
            lines.append(b.text)
            lines.extend(f"{f.label}: {f.value}" for f in b.fields)
        elif isinstance(b, Buttons):
            lines.extend(f"[{x.label}]" for x in b.buttons)
        elif isinstance(b, Table):  # a row as "cell | cell | …", blank cells kept, after the column names
            lines += [b.caption, " | ".join(b.columns)] + [" | ".join(row) for row in b.rows]
    return "\n".join(lines) if lines else reply.text
