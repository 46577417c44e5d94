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
