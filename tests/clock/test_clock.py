"""One clock at a time: the lock, a hot standby taking over, and two clocks that never double-send."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from bot.clock import passes, scheduler
from bot.clock.lock import ClockLock
from bot.outbox.dispatch import Dispatcher
from storage.db import make_engine
from storage.models import OutboxMessage, Platform
from tests.support.chat import Chat
from tests.support.recording_sender import RecordingSender

DUE = datetime(2026, 11, 24, 13, 0, tzinfo=UTC)  # Tuesday 08:00 Toronto


def subscribed(ehr: Chat, channels: int = 3) -> Chat:
    for i in range(channels):
        ehr.ok("sam", "/project link EHR", channel=f"#ehr-{i}")
        ehr.ok("sam", "/digest subscribe every-day 08:00", channel=f"#ehr-{i}")
    return ehr


def second_engine(engine: Engine) -> Engine:
    return make_engine(engine.url.render_as_string(hide_password=False))


def test_a_second_clock_waits_and_takes_over_when_the_first_dies(ehr: Chat) -> None:
    first, other = ClockLock(ehr.engine), ClockLock(second_engine(ehr.engine))
    assert first.acquire(wait=False)
    assert not other.acquire(wait=False)  # the lock is taken: no second active clock
    took_over = threading.Event()

    def standby() -> None:
        other.acquire(wait=True)
        took_over.set()

    t = threading.Thread(target=standby, daemon=True)
    t.start()
    assert not took_over.wait(0.5)  # still waiting as a hot standby
    first.release()  # the first clock stops (or its database session ends)
    assert took_over.wait(10)
    assert other.still_held()
    other.release()
    t.join(5)


def test_two_clocks_in_threads_never_send_a_digest_twice(ehr: Chat) -> None:
    subscribed(ehr)
    sender = RecordingSender()
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def clock() -> None:
        engine = second_engine(ehr.engine)
        from storage.db import make_sessions

        sessions = make_sessions(engine)
        try:
            barrier.wait(5)
            lock = ClockLock(engine)
            with lock:
                for minute in range(3):  # three scheduler ticks each, the same minutes
                    passes.digests(sessions, DUE.replace(minute=minute))
                    passes.outbox(
                        Dispatcher(sessions, {Platform.CONSOLE: sender}), DUE.replace(minute=minute, second=30)
                    )
        except BaseException as e:  # noqa: BLE001
            errors.append(e)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=clock) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    digests = [p for p in sender.posts if p.reply.text.startswith("EHR digest")]
    assert sorted(p.target for p in digests) == ["#ehr-0", "#ehr-1", "#ehr-2"]  # once each


def test_without_the_lock_skip_locked_and_idempotency_still_prevent_doubles(ehr: Chat) -> None:
    if ehr.engine.dialect.name != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's; SQLite serialises writers with BEGIN IMMEDIATE")
    subscribed(ehr, channels=5)
    from storage.db import make_sessions

    sender = RecordingSender()
    barrier = threading.Barrier(4)

    def racer(kind: str) -> None:
        engine = second_engine(ehr.engine)
        sessions = make_sessions(engine)
        barrier.wait(5)
        for _ in range(3):
            if kind == "digests":
                passes.digests(sessions, DUE)
            else:
                Dispatcher(sessions, {Platform.CONSOLE: sender}).run_once(DUE)
            time.sleep(0.01)
        engine.dispose()

    threads = [threading.Thread(target=racer, args=(k,)) for k in ("digests", "digests", "outbox", "outbox")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    Dispatcher(ehr.sessions, {Platform.CONSOLE: sender}).run_once(DUE)
    keys = ehr.all(select(OutboxMessage.idempotency_key).where(OutboxMessage.idempotency_key.like("digest:%")))
    assert len(keys) == 5 == len(set(keys))
    assert sorted(p.target for p in sender.posts) == [f"#ehr-{i}" for i in range(5)]


def test_the_scheduler_has_fixed_job_ids_and_sane_defaults() -> None:
    s = scheduler.build()
    jobs = {j.id: j for j in s.get_jobs()}
    assert set(jobs) == {"digests", "nudges", "outbox", "lock-check", "anchors"}
    assert all(
        j.func.__module__ == "bot.clock.scheduler" and j.args == () for j in jobs.values()
    )  # module-level, no objects
    assert jobs["digests"].misfire_grace_time == 3600 and jobs["nudges"].misfire_grace_time == 600
    assert str(s.timezone) == "UTC"


def test_the_nudge_job_prunes_old_delivery_ids(ehr: Chat) -> None:
    from datetime import timedelta

    from storage import deliveries
    from storage.models import ProcessedEvent

    assert deliveries.first_delivery(ehr.sessions, Platform.SLACK, "Ev-old", DUE - timedelta(days=4))
    assert deliveries.first_delivery(ehr.sessions, Platform.SLACK, "Ev-new", DUE - timedelta(hours=1))
    assert not deliveries.first_delivery(ehr.sessions, Platform.SLACK, "Ev-new", DUE)  # a retry
    passes.nudges(ehr.sessions, DUE)
    assert ehr.all(select(ProcessedEvent.event_id)) == ["Ev-new"]
