"""One-tap redaction on the console: a refusal shows the redacted text and its button; `/save` saves it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from bot.console.repl import Console
from bot.outbox.dispatch import Dispatcher
from commands.service import Rounds
from storage.db import make_sessions
from storage.models import Platform, StatusUpdate


def test_save_runs_the_redacted_text_the_guard_offered(engine: Engine) -> None:
    sessions = make_sessions(engine)
    out: list[str] = []
    console = Console(
        rounds=Rounds(sessions),
        dispatcher_factory=lambda sender: Dispatcher(sessions, {Platform.CONSOLE: sender}, channel_gap=timedelta(0)),
        clock=lambda: datetime(2026, 11, 23, 15, 0, tzinfo=UTC),
        write=out.append,
    )

    def say(line: str) -> str:
        start = len(out)
        assert console.handle(line) is True
        return "\n".join(out[start:])

    assert "nothing to save" in say("/save")
    say('/project create EHR "EHR Upgrade" pm:@pat')
    say("/in #ehr")
    say("/project link EHR")
    refused = say('/status EHR amber "pt John Smith MRN 1234567 fell after the pump alarm"')
    assert "looks like it contains patient information" in refused
    assert '[Save redacted → /status EHR amber "pt [name] MRN [number] fell after the pump alarm"]' in refused
    saved = say("/save")
    assert "pt [name] MRN [number] fell after the pump alarm" in saved
    with sessions() as s:
        assert s.scalars(select(StatusUpdate.note)).all() == ["pt [name] MRN [number] fell after the pump alarm"]
    assert "nothing to save" in say("/save")  # offered once, saved once
