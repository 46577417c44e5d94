"""Only one clock acts at a time. PostgreSQL: a session advisory lock held on a dedicated connection (a
second clock blocks on it as a hot standby and takes over the moment the first one's session ends).
SQLite: an exclusive file lock beside the database file."""

from __future__ import annotations

import fcntl
import logging
import os
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, text

log = logging.getLogger("rounds.clock")

LOCK_KEY = 0x526F756E64733031  # "Rounds01": one clock per database


class ClockLock:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None
        self._fd: int | None = None

    def acquire(self, wait: bool = True) -> bool:
        if self.engine.dialect.name == "postgresql":
            self._conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            if self._conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar():
                return True
            if not wait:
                self._conn.close()
                self._conn = None
                return False
            log.info("another clock holds the lock: waiting as a hot standby")
            self._conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": LOCK_KEY})
            log.info("took over as the active clock")
            return True
        path = self._lock_path()
        if path is None:
            return True  # an in-memory database has only this process
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if not wait:
                os.close(self._fd)
                self._fd = None
                return False
            log.info("another clock holds %s: waiting as a hot standby", path)
            fcntl.flock(self._fd, fcntl.LOCK_EX)
            return True

    def still_held(self) -> bool:
        """The PostgreSQL lock lives as long as its connection: check the connection is alive."""
        if self._conn is None:
            return True
        try:
            self._conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001
            return False

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
            finally:
                self._conn.close()
                self._conn = None
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def _lock_path(self) -> str | None:
        db = self.engine.url.database
        if not db or db == ":memory:":
            return None
        return f"{db}.clock.lock"

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.release()
