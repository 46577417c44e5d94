"""A dispatcher on this process's clock (bot/timesource.py).

On a simulated clock that runs N times faster, a pass's sense of elapsed time and its lease run N times
faster too: a lease is a span of wall time in which a send may still be in flight, and a simulated two
minutes would otherwise run out while the first send is still on the wire (and a second dispatcher would
send the row again)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot import timesource
from bot.outbox.dispatch import LEASE, Dispatcher
from bot.outbox.sender import Sender
from storage.models import Platform


def dispatcher(sessions: sessionmaker[Session], senders: Mapping[Platform, Sender], **options: Any) -> Dispatcher:
    clock = timesource.current()
    if clock.simulated:
        speed = clock.speed
        options.setdefault("monotonic", lambda: time.monotonic() * speed)
        options.setdefault("lease", LEASE * speed)
    return Dispatcher(sessions, senders, **options)
