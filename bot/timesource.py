"""What time it is for this process.

In production, the wall clock. For deployment tests and demos, a simulated clock (ROUNDS_SIMULATED_START,
ROUNDS_SIMULATED_SPEED, optionally ROUNDS_SIMULATED_ANCHOR): it reads START at the wall-clock instant ANCHOR
(default: when the process started) and runs SPEED times faster. Every process given the same three values
agrees on the time, so a web process and a clock can live a fortnight in two minutes together. Settings
refuse it when ROUNDS_ENV=production.

Every "now" a process hands to the command core or to a pass comes from `utcnow()` here."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta


@dataclass(frozen=True)
class TimeSource:
    start: datetime | None = None  # None: the wall clock
    speed: float = 1.0
    anchor: float = field(default_factory=time.time)  # wall-clock epoch seconds at which the clock reads `start`

    @property
    def simulated(self) -> bool:
        return self.start is not None

    def now(self) -> datetime:
        if self.start is None:
            return datetime.now(UTC)
        return self.start + timedelta(seconds=(time.time() - self.anchor) * self.speed)

    def wall_seconds(self, simulated_seconds: float) -> float:
        """How long `simulated_seconds` of this clock last on the wall."""
        return simulated_seconds / self.speed


_source = TimeSource()


def use(source: TimeSource) -> None:
    """Set this process's time source (once, at start-up, from settings)."""
    global _source  # noqa: PLW0603 - one clock per process, chosen once before any thread starts
    _source = source


def current() -> TimeSource:
    return _source


def utcnow() -> datetime:
    return _source.now()
