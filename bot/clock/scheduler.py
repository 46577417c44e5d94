"""The APScheduler 3 setup. Job functions are module-level and take no objects (only ids or nothing);
they find the process's runtime through `install()`. Job ids are fixed, with replace_existing=True.

On a simulated clock (bot/timesource.py; tests and demos only) every job runs on an interval shrunk by the
clock's speed, never more often than a floor, and each pass still takes its `now` from the clock."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.orm import Session, sessionmaker

from bot import timesource
from bot.clock import passes
from bot.clock.lock import ClockLock
from bot.outbox.dispatch import Dispatcher
from bot.timesource import TimeSource
from commands import anchoring

log = logging.getLogger("rounds.clock")

OUTBOX_EVERY_SECONDS = 3
NUDGES_EVERY_MINUTES = 15
LOCK_CHECK_SECONDS = 30
SIMULATED_FLOOR_SECONDS = 0.25  # on a simulated clock, no job runs more often than this (wall time)


@dataclass
class _Installed:
    sessions: sessionmaker[Session]
    dispatcher: Dispatcher
    lock: ClockLock
    scheduler: BlockingScheduler


_current: _Installed | None = None


def install(
    sessions: sessionmaker[Session], dispatcher: Dispatcher, lock: ClockLock, scheduler: BlockingScheduler
) -> None:
    global _current  # noqa: PLW0603 - one clock per process; the job functions are module-level and take ids
    _current = _Installed(sessions, dispatcher, lock, scheduler)


def _now() -> datetime:
    return timesource.utcnow()


def _runtime() -> _Installed:
    assert _current is not None, "bot.clock.scheduler.install() was not called"
    return _current


# -- the jobs (module-level, argument-free) ---------------------------------------------------------
def digests_job() -> None:
    passes.digests(_runtime().sessions, _now())


def nudges_job() -> None:
    passes.nudges(_runtime().sessions, _now())


def outbox_job() -> None:
    rt = _runtime()
    passes.outbox(rt.dispatcher, _now())


def anchors_job() -> None:
    anchoring.run(_runtime().sessions, _now())


def lock_job() -> None:
    rt = _runtime()
    if not rt.lock.still_held():
        log.error("lost the clock lock (database connection gone): stopping so a standby can take over")
        rt.scheduler.shutdown(wait=False)


def build(time: TimeSource | None = None) -> BlockingScheduler:
    time = time or timesource.current()
    scheduler = BlockingScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 30},
    )

    def every(seconds: float, real: BaseTrigger) -> BaseTrigger:
        if not time.simulated:
            return real
        return IntervalTrigger(seconds=max(SIMULATED_FLOOR_SECONDS, time.wall_seconds(seconds)))

    # Digests: a late run still matters (the pass itself sends one catch-up per subscription).
    scheduler.add_job(
        digests_job, every(60, CronTrigger(second=0)), id="digests", replace_existing=True, misfire_grace_time=3600
    )
    scheduler.add_job(
        nudges_job,
        every(NUDGES_EVERY_MINUTES * 60, CronTrigger(minute=f"*/{NUDGES_EVERY_MINUTES}", second=20)),
        id="nudges",
        replace_existing=True,
        misfire_grace_time=600,
    )
    scheduler.add_job(
        outbox_job,
        every(OUTBOX_EVERY_SECONDS, IntervalTrigger(seconds=OUTBOX_EVERY_SECONDS)),
        id="outbox",
        replace_existing=True,
    )
    scheduler.add_job(lock_job, IntervalTrigger(seconds=LOCK_CHECK_SECONDS), id="lock-check", replace_existing=True)
    scheduler.add_job(
        anchors_job,
        every(86_400, CronTrigger(hour=5, minute=7)),
        id="anchors",
        replace_existing=True,
        misfire_grace_time=86_400,
    )
    return scheduler
