"""Working hours as shifts: the same weekly hours, different hours per weekday, shifts that cross midnight,
rotating rosters (3 x 12 h on, 4 off; a two-week pattern) and RFC 5545 rules (python-dateutil reads them).

Every pattern is kept as one small JSON value on the person (`people.hours`):

- a cycle: `{"from": "2026-12-01", "cycle": [["07:00", 720], ["07:00", 720], ["07:00", 720], null, null, null,
  null]}` — day i of the cycle (counted from `from`) has a shift starting at that local time and lasting that many
  minutes, or none. Weekly hours are a 7-day cycle from a Monday (`WEEK_START`);
- a rule: `{"from": "2026-12-01", "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU", "shift": ["19:00", 720]}` — a
  shift starts on each day the rule gives.

Times are local wall-clock times (a 19:00–07:00 shift is 19:00 to 07:00 on the clock, whatever the DST change
that night), read in the person's own time zone by the caller. No database here: pure rules, easy to test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

WEEK_START = date(2024, 1, 1)  # a Monday: weekly hours are a 7-day cycle counted from it
DAY_MINUTES = 24 * 60
DEFAULT_START, DEFAULT_END = time(8, 0), time(18, 0)
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LOOK_AHEAD_DAYS = 62  # how far `next_start` looks (a two-week cycle with long leave still finds a shift)
MAX_CYCLE_DAYS = 56


@dataclass(frozen=True)
class Span:
    """One shift: it starts at `start` (local) and lasts `minutes` (up to 24 h; past midnight is fine)."""

    start: time
    minutes: int

    @classmethod
    def between(cls, start: time, end: time) -> Span:
        """07:00-19:00 is 12 h; 19:00-07:00 crosses midnight (12 h); 00:00-00:00 is the whole day."""
        minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
        return cls(start, minutes if minutes > 0 else minutes + DAY_MINUTES)

    @property
    def end(self) -> time:
        total = (self.start.hour * 60 + self.start.minute + self.minutes) % DAY_MINUTES
        return time(total // 60, total % 60)

    def label(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def to_json(self) -> list[Any]:
        return [f"{self.start:%H:%M}", self.minutes]

    @classmethod
    def from_json(cls, raw: Any) -> Span | None:
        if not raw:
            return None
        hh, mm = str(raw[0]).split(":")
        return cls(time(int(hh), int(mm)), int(raw[1]))


@dataclass(frozen=True)
class Shift:
    """A concrete shift: local wall-clock start and end (naive datetimes in the person's zone)."""

    start: datetime
    end: datetime

    @property
    def day(self) -> date:
        """The day the shift belongs to: the date it starts (a night shift belongs to the evening it began)."""
        return self.start.date()


@dataclass(frozen=True)
class Hours:
    """A person's working pattern: a cycle of days from `since`, or a rule with one shift per occurrence."""

    since: date = WEEK_START
    cycle: tuple[Span | None, ...] = ()
    rule: str | None = None
    shift: Span | None = None

    # -- making one -------------------------------------------------------------------------------------
    @classmethod
    def weekly(cls, spans: dict[int, Span]) -> Hours:
        """Weekday (0 = Monday) to that day's shift."""
        return cls(WEEK_START, tuple(spans.get(d) for d in range(7)))

    @classmethod
    def standard(cls) -> Hours:
        """Mon–Fri 08:00–18:00: everyone's hours until they say otherwise."""
        span = Span.between(DEFAULT_START, DEFAULT_END)
        return cls.weekly(dict.fromkeys(range(5), span))

    @classmethod
    def roster(cls, since: date, days: list[Span | None]) -> Hours:
        return cls(since, tuple(days))

    @classmethod
    def by_rule(cls, since: date, rule: str, shift: Span) -> Hours:
        return cls(since, (), rule, shift)

    @classmethod
    def from_json(cls, raw: dict[str, Any] | None) -> Hours:
        if not raw:
            return cls.standard()
        since = date.fromisoformat(raw.get("from") or WEEK_START.isoformat())
        if raw.get("rrule"):
            return cls(since, (), str(raw["rrule"]), Span.from_json(raw.get("shift")))
        return cls(since, tuple(Span.from_json(x) for x in raw.get("cycle") or []))

    def to_json(self) -> dict[str, Any]:
        if self.rule:
            return {
                "from": self.since.isoformat(),
                "rrule": self.rule,
                "shift": self.shift.to_json() if self.shift else None,
            }
        return {"from": self.since.isoformat(), "cycle": [s.to_json() if s else None for s in self.cycle]}

    # -- reading it -----------------------------------------------------------------------------------------
    @property
    def is_weekly(self) -> bool:
        return not self.rule and len(self.cycle) == 7 and self.since == WEEK_START

    def weekdays(self) -> list[int]:
        """The weekdays with a shift (weekly hours only)."""
        return [d for d, s in enumerate(self.cycle) if s is not None] if self.is_weekly else []

    def span_on(self, day: date) -> Span | None:
        """The shift that starts on `day`, if any."""
        if self.rule:
            if self.shift is None or day < self.since:
                return None
            return (
                self.shift if _rule(self.rule, self.since).between(_midnight(day), _midnight(day), inc=True) else None
            )
        if not self.cycle:
            return None
        return self.cycle[(day - self.since).days % len(self.cycle)]  # a roster also runs back before its day 1

    def shifts(self, first: date, last: date) -> list[Shift]:
        """Every shift starting from `first` to `last` inclusive, in order."""
        if self.rule:
            if self.shift is None:
                return []
            starts = _rule(self.rule, self.since).between(_midnight(first), _midnight(last), inc=True)
            return [self._at(d.date(), self.shift) for d in starts]
        out = []
        day = first
        while day <= last:
            span = self.span_on(day)
            if span is not None:
                out.append(self._at(day, span))
            day += timedelta(days=1)
        return out

    @staticmethod
    def _at(day: date, span: Span) -> Shift:
        start = datetime.combine(day, span.start)
        return Shift(start, start + timedelta(minutes=span.minutes))

    def shift_at(self, local: datetime) -> Shift | None:
        """The shift `local` (a naive local time) falls in, if any."""
        day = local.date()
        for s in self.shifts(day - timedelta(days=1), day):
            if s.start <= local < s.end:
                return s
        return None

    def next_start(self, local: datetime) -> datetime | None:
        """When the next shift starts after `local` (naive local time), within LOOK_AHEAD_DAYS."""
        day = local.date()
        for s in self.shifts(day, day + timedelta(days=LOOK_AHEAD_DAYS)):
            if s.start > local:
                return s.start
        return None

    def describe(self) -> str:
        """How `/pmo prefs` says it, in the grammar's own words."""
        if self.rule:
            span = self.shift.label() if self.shift else "—"
            return f'{span} rrule:"{self.rule}" from {self.since.isoformat()}'
        if self.is_weekly:
            groups: dict[str, list[int]] = {}
            for d, s in enumerate(self.cycle):
                if s is not None:
                    groups.setdefault(s.label(), []).append(d)
            if not groups:
                return "none"
            return " · ".join(f"{label} {days_label(days)}" for label, days in groups.items())
        parts: list[str] = []
        for s in self.cycle:
            word = s.label() if s else "off"
            if parts and parts[-1].split("x", 1)[1] == word:
                n = int(parts[-1].split("x", 1)[0]) + 1
                parts[-1] = f"{n}x{word}"
            else:
                parts.append(f"1x{word}")
        return f"roster from {self.since.isoformat()}: " + " ".join(parts) + f" (repeats every {len(self.cycle)} days)"


def days_label(days: list[int]) -> str:
    ds = sorted(set(days))
    if ds == list(range(7)):
        return "every day"
    if ds == list(range(5)):
        return "mon-fri"
    if ds == [0, 1, 2, 3, 6]:
        return "sun-thu"
    return ",".join(DAY_CODES[d] for d in ds)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0))


ALLOWED_FREQ = (YEARLY, MONTHLY, WEEKLY, DAILY)


@lru_cache(maxsize=1024)
def _rule(text: str, since: date) -> rrule:
    """The rule's days (midnights) from `since`. Checked when set (see `check_rule`), so it parses here."""
    found = rrulestr(text, dtstart=_midnight(since), ignoretz=True)
    assert isinstance(found, rrule)
    return found.replace(byhour=0, byminute=0, bysecond=0)


def check_rule(text: str, since: date) -> str | None:
    """None when `text` is an RRULE a roster can use; otherwise why not (for the speaker)."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body or len(body) > 200 or "\n" in body or "DTSTART" in body.upper():
        return "Give the rule's RRULE part only, like FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE (the start is from:DATE)."
    try:
        found = rrulestr(body, dtstart=_midnight(since), ignoretz=True)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return "That isn't an RFC 5545 rule python-dateutil can read, like FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE."
    if not isinstance(found, rrule) or found._freq not in ALLOWED_FREQ:
        return "A roster rule repeats by day, week, month or year (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)."
    if found._count is not None or found._until is not None:
        return "A roster rule must not end (no COUNT or UNTIL): set new hours when it changes."
    if found.after(_midnight(since), inc=True) is None:
        return "That rule never gives a working day."
    return None
