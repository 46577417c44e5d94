"""Work that must not hold up a chat platform's answer (Slack waits 3 s): follow-ups and outbox passes.

Both are small and bounded. Follow-ups (an ephemeral confirmation after a click, the Home tab re-published,
an export file) run on a few threads with a cap on what may wait; past the cap a follow-up is dropped with
a warning, because the command's result is already stored. Outbox passes run on one thread: a kick while
a pass runs folds into one more pass, so a burst of clicks never starts a burst of passes. Threads start
on first use, so a forking server creates them in each worker, never in the master."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from bot.outbox.dispatch import Dispatcher, PassStats

log = logging.getLogger("rounds.background")


class Background:
    def __init__(self, workers: int = 4, max_waiting: int = 128) -> None:
        self._workers = workers
        self._slots = threading.BoundedSemaphore(workers + max_waiting)
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def submit(self, what: str, fn: Callable[[], object]) -> bool:
        if not self._slots.acquire(blocking=False):
            log.warning("background queue full: dropped a %s", what)
            return False
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="rounds-followup")
            pool = self._pool

        def run() -> None:
            try:
                fn()
            except Exception as e:
                log.warning("background %s failed: %s", what, type(e).__name__)
                log.debug("background %s failed", what, exc_info=True)
            finally:
                self._slots.release()

        pool.submit(run)
        return True

    def shutdown(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=False)
                self._pool = None


class OutboxKick:
    """Runs `dispatcher.run_once(now)` soon after a request queued messages, off the request thread."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        clock: Callable[[], datetime],
        *,
        limit: int = 100,
        follow_ups: int = 5,
        gap: float = 1.1,
    ) -> None:
        self.dispatcher = dispatcher
        self.clock = clock
        self.limit = limit  # rows per pass: the clock drains anything left
        self.follow_ups = follow_ups  # extra passes for rows deferred by the per-channel gap
        self.gap = gap
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def kick(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="rounds-outbox-kick", daemon=True)
                self._thread.start()
        self._idle.clear()
        self._wanted.set()

    def wait_idle(self, timeout: float) -> bool:
        return self._idle.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        self._wanted.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            if not self._wanted.wait(timeout=60):
                continue
            self._wanted.clear()
            stats = self._pass()
            extra = 0
            while stats is not None and stats.deferred and extra < self.follow_ups and not self._stop.wait(self.gap):
                stats = self._pass()
                extra += 1
            if not self._wanted.is_set():
                self._idle.set()

    def _pass(self) -> PassStats | None:
        try:
            stats = self.dispatcher.run_once(self.clock(), limit=self.limit)
        except Exception as e:
            log.warning("outbox kick failed: %s", type(e).__name__)
            log.debug("outbox kick failed", exc_info=True)
            return None
        if stats.sent or stats.updated or stats.failed:
            log.info(
                "outbox kick: %s sent, %s updated, %s retried, %s failed, %s deferred",
                stats.sent,
                stats.updated,
                stats.retried,
                stats.failed,
                stats.deferred,
            )
        return stats
