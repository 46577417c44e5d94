"""`python -m bot clock`: take the clock lock (or wait for it as a hot standby), then run the schedule."""

from __future__ import annotations

import logging
import signal

from bot.clock import scheduler as clock_scheduler
from bot.clock.lock import ClockLock
from bot.outbox.dispatch import Dispatcher
from bot.runtime import Runtime
from bot.senders import build_senders

log = logging.getLogger("rounds.clock")


def run(rt: Runtime) -> int:
    senders = build_senders(rt)
    if not senders:
        log.warning("no chat platform is configured: digests and nudges will be queued but nothing will be sent")
    lock = ClockLock(rt.engine)
    lock.acquire()
    log.info(
        "clock active: digests every minute, nudges every %s min, outbox every %s s",
        clock_scheduler.NUDGES_EVERY_MINUTES,
        clock_scheduler.OUTBOX_EVERY_SECONDS,
    )
    sched = clock_scheduler.build()
    clock_scheduler.install(rt.sessions, Dispatcher(rt.sessions, senders), lock, sched)

    def stop(signum: int, _frame: object) -> None:
        log.info("signal %s: stopping the clock", signum)
        sched.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        sched.start()
    finally:
        lock.release()
    return 0
