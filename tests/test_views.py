"""Views change nothing, so on SQLite they neither wait for nor hold the write lock."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, text

from tests.support.chat import Chat, shown


def test_a_view_answers_while_another_command_holds_the_write_lock(ehr: Chat, engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL readers never wait for writers anyway")
    ehr.ok("sam", '/status green "fine"')
    ehr.ok("sam", "/project list")  # the speaker is known and unchanged: the next one can take the read path
    with engine.connect() as writer:
        tx = writer.begin()  # BEGIN IMMEDIATE: someone else is mid-write
        writer.execute(text("UPDATE workspaces SET name = 'busy'"))
        answers: list[str] = []
        t = threading.Thread(target=lambda: answers.append(shown(ehr.say("sam", "/project list"))))
        t.start()
        t.join(5)
        finished = not t.is_alive()
        tx.rollback()
    t.join(10)
    assert finished, "a read-only view waited for the write lock"
    assert "EHR" in answers[0]


def test_a_view_by_someone_new_still_works(ehr: Chat) -> None:
    reply = ehr.say("newcomer", "/project list")
    assert not reply.error and "EHR" in shown(reply)


def test_a_view_that_fails_answers_like_any_command(ehr: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected failure inside a view is the same private "something went wrong" reply a command gives,
    never an exception out of Rounds (the console would print a stack trace, Teams would get a 500)."""
    from commands import dispatch
    from commands.grammar import models as m

    def broken(cmd, actor, uow):  # type: ignore[no-untyped-def]
        raise RuntimeError("the disk is full")

    ehr.ok("sam", "/status")  # the speaker is known and unchanged: the next one takes the read-only path
    monkeypatch.setitem(dispatch.HANDLERS, m.StatusShow, broken)
    reply = ehr.say("sam", "/status")
    assert reply.error and reply.visibility == "private"
    assert "Something went wrong on our side" in reply.text and "disk" not in reply.text
    home = ehr.rounds.home(ehr.context("sam"))
    assert not home.error
    monkeypatch.setitem(dispatch.HANDLERS, m.Home, broken)
    assert "Something went wrong on our side" in ehr.rounds.home(ehr.context("sam")).text
