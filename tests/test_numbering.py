"""R-/A-/G-/D- numbers stay unique and gap-free when people raise things at the same moment
(storage/numbering.py: an UPDATE … RETURNING row lock on PostgreSQL, BEGIN IMMEDIATE on SQLite)."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from commands import trail
from commands.replies import Reply
from storage.audit import verify
from storage.db import make_engine, make_sessions
from storage.models import Base, Counter, Risk
from storage.numbering import next_number
from storage.uow import UnitOfWork
from tests.support.chat import TEAM, Chat
from tests.support.cli import sqlite_url

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
RAISED = re.compile(r"^Risk R-(\d+) raised on EHR")


def raise_concurrently(chat: Chat, threads: int, each: int) -> list[Reply]:
    """`threads` people each raise `each` risks, all starting at the same moment."""
    speakers = (sorted(TEAM) + [f"nurse{i}" for i in range(threads)])[:threads]
    start = threading.Barrier(threads)
    replies: list[Reply] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(who: str) -> None:
        try:
            start.wait(timeout=30)
            for i in range(each):
                reply = chat.rounds.run(chat.context(who, "#ehr"), "/risk", f'"Risk {i} seen by {who}" L2 I3')
                with lock:
                    replies.append(reply)
        except BaseException as e:  # noqa: BLE001  (reported below, in the test's own thread)
            with lock:
                errors.append(e)

    workers = [threading.Thread(target=work, args=(who,), name=f"raise-{who}") for who in speakers]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=300)
    assert not any(w.is_alive() for w in workers), "a worker is stuck"
    assert errors == []
    return replies


def check_numbers(chat: Chat, replies: list[Reply], total: int) -> None:
    refused = [r.text for r in replies if r.error]
    assert refused == []
    from_replies = sorted(int(RAISED.match(r.text).group(1)) for r in replies)  # type: ignore[union-attr]
    assert from_replies == list(range(1, total + 1))
    with make_sessions(chat.engine)() as s:
        numbers = sorted(s.scalars(select(Risk.number)))
        counter = s.scalar(select(Counter.value).where(Counter.kind == "risk"))
        checked, breaks = verify(s)
    assert numbers == list(range(1, total + 1))  # unique, no gaps
    assert counter == total
    assert breaks == []  # the audit chain was appended to just as concurrently
    assert checked >= total


def test_concurrent_risks_on_postgresql(engine: Engine, chat: Chat) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has its own test below (a WAL file, 4 threads)")
    chat.setup_ehr()
    replies = raise_concurrently(chat, threads=8, each=10)
    assert len(replies) == 80
    check_numbers(chat, replies, 80)


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Engine:
    engine = make_engine(sqlite_url(tmp_path / "numbers.db"))
    Base.metadata.create_all(engine)
    yield engine  # type: ignore[misc]
    engine.dispose()


def test_concurrent_risks_on_sqlite_with_wal(sqlite_file: Engine) -> None:
    with sqlite_file.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    chat = Chat(sqlite_file, now=NOW)
    try:
        chat.setup_ehr()
        replies = raise_concurrently(chat, threads=4, each=10)
        assert len(replies) == 40
        check_numbers(chat, replies, 40)
    finally:
        chat.close()


def test_numbers_are_per_workspace(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "First here" L2 I2')
    other = Chat(ehr.engine, now=NOW, workspace="T-other")
    try:
        other.ok("pat", '/project create LIMS "Lab system"', channel="#pmo")
        assert other.ok("pat", '/risk LIMS "First there" L2 I2', channel="#pmo").text.startswith("Risk R-1 ")
    finally:
        other.close()
    assert ehr.ok("sam", '/risk "Second here" L2 I2').text.startswith("Risk R-2 ")


# ---------------------------------------------------------------------------------------------------
# A command that does not commit does not use up a number
# ---------------------------------------------------------------------------------------------------
def test_a_phi_refused_risk_does_not_consume_a_number(ehr: Chat) -> None:
    assert ehr.ok("sam", '/risk "Interface may drop orders" L4 I5').text.startswith("Risk R-1 ")
    reply = ehr.refused("sam", '/risk "Mrs Jane Doe MRN 1234567 missed her dose" L4 I5')
    assert "patient information" in reply.text
    assert ehr.ok("sam", '/risk "Night shift coverage is thin" L3 I4').text.startswith("Risk R-2 ")


def test_a_command_that_fails_after_taking_a_number_gives_it_back(ehr: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure comes after next_number (in the audit write): the whole transaction, counter included,
    is rolled back, the speaker gets the internal-error reply, and the next risk reuses the number."""
    ehr.ok("sam", '/risk "Interface may drop orders" L4 I5')
    real_log = trail.log
    calls = []

    def failing_log(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[2])
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(trail, "log", failing_log)
    before = ehr.table_counts()
    reply = ehr.say("sam", '/risk "Night shift coverage is thin" L3 I4')
    assert calls == ["risk.raise"]
    assert reply.error and "Something went wrong on our side" in reply.text
    assert ehr.table_counts() == before
    monkeypatch.setattr(trail, "log", real_log)
    assert ehr.ok("sam", '/risk "Night shift coverage is thin" L3 I4').text.startswith("Risk R-2 ")


def test_next_number_rolls_back_with_its_transaction(ehr: Chat) -> None:
    sessions = make_sessions(ehr.engine)
    with sessions() as s:
        ws = s.scalar(select(Counter.workspace_id).limit(1))
    with UnitOfWork(sessions) as uow:
        assert next_number(uow.session, ws, "action") == 1
        assert next_number(uow.session, ws, "action") == 2
        # no commit: the unit of work rolls back when the block ends
    with UnitOfWork(sessions) as uow:
        assert next_number(uow.session, ws, "action") == 1
        uow.commit()
    with UnitOfWork(sessions) as uow:
        assert next_number(uow.session, ws, "action") == 2
        assert next_number(uow.session, ws, "gate") == 1  # each kind counts on its own
