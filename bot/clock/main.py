"""`python -m bot clock`: take the clock lock (or wait for it as a hot standby), then run the schedule.

SIGTERM (or Ctrl-C) stops it within STOP_WITHIN seconds, even while a send pass is running: the dispatcher
takes no new row, the pass in hand finishes or is abandoned, and the process exits. Platforms send SIGKILL
30 s after SIGTERM; a clock that ran on past that would leave its last row claimed and maybe sent twice. A
row abandoned mid-send is left to its lease and sent again once it runs out: at most one duplicate, the
same window as a dispatcher that dies mid-send."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time

from bot.clock import scheduler as clock_scheduler
from bot.clock.lock import ClockLock
from bot.outbox.clocked import dispatcher
from bot.runtime import Runtime
from bot.senders import build_senders

log = logging.getLogger("rounds.clock")

STOP_WITHIN = 8.0  # seconds from SIGTERM to exit


def run(rt: Runtime) -> int:
    senders = build_senders(rt)
    if not senders:
        log.warning("no chat platform is configured: digests and nudges will be queued but nothing will be sent")
    stopping = threading.Event()
    sched = clock_scheduler.build()

    def stop(signum: int, _frame: object) -> None:
        if stopping.is_set():
            return
        log.info("signal %s: stopping the clock", signum)
        stopping.set()
        if sched.running:
            sched.shutdown(wait=False)
        else:  # still waiting for the lock as a standby: nothing is running, so nothing to finish
            raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    lock = ClockLock(rt.engine)
    lock.acquire()
    clock = rt.settings.time_source()
    log.info(
        "clock active: digests every minute, nudges every %s min, outbox every %s s%s",
        clock_scheduler.NUDGES_EVERY_MINUTES,
        clock_scheduler.OUTBOX_EVERY_SECONDS,
        f" (simulated time from {clock.start:%Y-%m-%d %H:%M} UTC, {clock.speed:g}x)" if clock.simulated else "",
    )
    clock_scheduler.install(rt.sessions, dispatcher(rt.sessions, senders, stopping=stopping.is_set), lock, sched)
    try:
        sched.start()
    finally:
        stopped_at = time.monotonic()
        lock.release()
    if stopping.is_set():
        _finish_or_leave(stopped_at + STOP_WITHIN)
    return 0


def _finish_or_leave(deadline: float) -> None:
    """Give the pass in hand until `deadline` to finish, then leave without waiting for it."""
    for thread in threading.enumerate():
        if thread is threading.main_thread() or thread.daemon:
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
    busy = [t.name for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if busy:
        log.warning("a pass was still running %ss after the stop signal: leaving it to its lease", STOP_WITHIN)
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    log.info("clock stopped")
