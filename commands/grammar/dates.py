"""Dates, times and weekdays as people type them, read in the speaker's own time zone.

python-dateutil does the arithmetic (relativedelta) and the free-form parsing (parser.parse).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time

from dateutil import parser as dateparser
from dateutil.relativedelta import FR, relativedelta, weekday
from dateutil.rrule import weekdays as RRULE_WEEKDAYS

from commands.grammar.echo import echo

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ALIASES = {
    "monday": 0,
    "mon": 0,
    "mo": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "tu": 1,
    "wednesday": 2,
    "wed": 2,
    "we": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "th": 3,
    "friday": 4,
    "fri": 4,
    "fr": 4,
    "saturday": 5,
    "sat": 5,
    "sa": 5,
    "sunday": 6,
    "sun": 6,
    "su": 6,
}
_RELATIVE = re.compile(r"^(?:\+|in\s+)(\d{1,3})\s*(d|day|days|w|wk|wks|week|weeks|m|mo|month|months)$")
MAX_YEARS_AHEAD = 100
DATE_HELP = 'a date like 2026-12-04, fri, today, tomorrow, +3d, +2w, "in 3 days" or eow'


class DateError(ValueError):
    pass


DATE_ORDERS = {"dmy": "day/month/year", "mdy": "month/day/year", "ymd": "year/month/day"}
# How the speaker's workspace writes numeric dates (set by the service around parsing; None: ask).
_ORDER: ContextVar[str | None] = ContextVar("date_order", default=None)
_NUMERIC = re.compile(r"^(\d{1,4})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$")


@contextmanager
def date_order(order: str | None) -> Iterator[None]:
    """Read numeric dates (12/04) in the workspace's order while parsing one command."""
    token = _ORDER.set(order)
    try:
        yield
    finally:
        _ORDER.reset(token)


def _numeric(s: str, today: date) -> date | None:
    """12/04, 12/04/2026, 04.12.26: by the workspace's order; refused with both readings when there is none
    and the date is ambiguous (both numbers could be the month). None when `s` is not such a date."""
    found = _NUMERIC.match(s)
    if not found:
        return None
    a, b, c = found.group(1), found.group(2), found.group(3)
    order = _ORDER.get()
    if len(a) == 4 or (order == "ymd" and c is not None):  # 2026/12/04 (year first is never ambiguous), 26/12/04
        if c is None:
            raise DateError(f"'{echo(s)}' needs a day: write it like 2026-12-04.")
        return _make(_year(a, today), int(b), int(c), s)
    if len(a) > 2:
        return None
    x, y = int(a), int(b)
    year = _year(c, today)
    readings = []
    if 1 <= y <= 12 and 1 <= x <= 31:
        readings.append(("dmy", y, x))
    if 1 <= x <= 12 and 1 <= y <= 31:
        readings.append(("mdy", x, y))
    if not readings:
        raise DateError(f"'{echo(s)}' is not a real date.")
    if order in ("dmy", "mdy"):
        chosen = [r for r in readings if r[0] == order]
        if not chosen:
            raise DateError(f"'{echo(s)}' is not a real date read as {DATE_ORDERS[order]}.")
        _, month, day = chosen[0]
    elif len(readings) == 2 and x != y:
        one, other = (_make(year, r[1], r[2], s, today, c is None) for r in readings)
        raise DateError(
            f"'{echo(s)}' could be {one:%-d %B} or {other:%-d %B}: write it as {one.isoformat()} or "
            f"{other.isoformat()}, or a PMO admin can set how this workspace writes dates (`/pmo dates dmy|mdy`)."
        )
    else:
        _, month, day = readings[0]
    return _make(year, month, day, s, today, c is None)


def _year(raw: str | None, today: date) -> int:
    if raw is None:
        return today.year
    return int(raw) + (2000 if len(raw) == 2 else 0) if len(raw) != 3 else int(raw)


def _make(year: int, month: int, day: int, s: str, today: date | None = None, roll: bool = False) -> date:
    try:
        found = date(year, month, day)
    except ValueError:
        raise DateError(f"'{echo(s)}' is not a real date.") from None
    if roll and today is not None and found < today:
        found = found.replace(year=found.year + 1) if not (found.month == 2 and found.day == 29) else found
    return found


def weekday_index(word: str) -> int | None:
    return _DAY_ALIASES.get(word.strip().lower().rstrip("."))


def parse_date(text: str, today: date) -> date:
    """A calendar date. `today` is already the speaker's local date. Weekday names mean the next one
    strictly after today ("fri" said on a Friday is next week's Friday); eow is this week's Friday.
    A date a century or more away is refused: nothing a PMO tracks is due then, and the calendar's last
    days would overflow the day arithmetic of every view (the day after a due date, a review cycle)."""
    found = _parse_date(text, today)
    if found.year - today.year >= MAX_YEARS_AHEAD:
        raise DateError(f"{echo(text.strip())} is too far in the future.")
    return found


def _parse_date(text: str, today: date) -> date:
    s = " ".join(text.strip().lower().split())
    if not s:
        raise DateError(f"Expected {DATE_HELP}.")
    if s == "today":
        return today
    if s in ("tomorrow", "tmrw", "tmr"):
        return _shift(today, relativedelta(days=1))
    if s in ("eow", "end of week"):
        return _shift(today, relativedelta(weekday=FR(0) if today.weekday() <= 4 else FR(+1)))
    if s in ("eom", "end of month"):
        return _shift(today, relativedelta(day=31))
    if s.startswith("next ") and weekday_index(s[5:]) is not None:
        s = s[5:]
    idx = weekday_index(s)
    if idx is not None:
        return _shift(today, relativedelta(days=1, weekday=weekday(idx)(+1)))
    m = _RELATIVE.match(s)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        if unit.startswith("d"):
            return _shift(today, relativedelta(days=n))
        if unit.startswith("w"):
            return _shift(today, relativedelta(weeks=n))
        return _shift(today, relativedelta(months=n))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            raise DateError(f"{echo(text)} is not a real date.") from None
    numeric = _numeric(s, today)
    if numeric is not None:
        return numeric
    has_month = bool(re.search(r"[a-z]{3}|\d[/.-]\d", s))
    if not re.search(r"\d", s) or not has_month or not re.fullmatch(r"[\w\s/.,-]{1,40}", s):
        raise DateError(f"I couldn't read '{echo(text)}' as a date. Use {DATE_HELP}.")
    try:
        default = datetime(today.year, today.month, today.day)
        parsed: date = dateparser.parse(s, default=default, dayfirst=False, yearfirst=True).date()
    except (ValueError, OverflowError, TypeError):
        raise DateError(f"I couldn't read '{echo(text)}' as a date. Use {DATE_HELP}.") from None
    has_year = bool(re.search(r"\b\d{4}\b", s))
    if not has_year and parsed < today:
        parsed += relativedelta(years=1)  # "dec 4" in January means the coming one
    return parsed


def _shift(day: date, delta: relativedelta) -> date:
    """A date plus a relativedelta is a date; dateutil ships no type hints, so this says it once."""
    shifted: date = day + delta
    return shifted


def parse_clock(text: str) -> time:
    """08:00, 8:30, 0800, 8am, 5:30pm."""
    s = text.strip().lower().replace(".", "")
    m = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?\s*(am|pm)?", s)
    if not m:
        raise DateError(f"'{echo(text)}' is not a time of day; use 24-hour HH:MM like 08:00 or 17:30.")
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise DateError(f"'{echo(text)}' is not a time of day.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif m.group(2) is None and len(m.group(1)) <= 2 and not half:
        raise DateError(f"'{echo(text)}' is ambiguous; write 24-hour HH:MM like 08:00.")
    if hour > 23 or minute > 59:
        raise DateError(f"'{echo(text)}' is not a time of day.")
    return time(hour, minute)


def parse_days(text: str) -> list[int]:
    """mon,thu · mon-fri · sun-thu · weekdays · daily / every-day · weekends."""
    s = text.strip().lower()
    if s in ("daily", "every-day", "everyday", "every day", "all"):
        return list(range(7))
    if s in ("weekdays", "workdays"):
        return list(range(5))
    if s in ("weekends", "weekend"):
        return [5, 6]
    days: set[int] = set()
    for part in [p for p in re.split(r"[,\s]+", s) if p]:
        if "-" in part:
            a, _, b = part.partition("-")
            ia, ib = weekday_index(a), weekday_index(b)
            if ia is None or ib is None:
                raise DateError(f"{part!r} is not a range of weekdays like mon-fri.")
            i = ia
            while True:
                days.add(i)
                if i == ib:
                    break
                i = (i + 1) % 7
        else:
            idx = weekday_index(part)
            if idx is None:
                raise DateError(f"{part!r} is not a weekday; use mon, tue, wed, thu, fri, sat, sun.")
            days.add(idx)
    if not days:
        raise DateError("Name at least one weekday, like mon,thu or mon-fri.")
    return sorted(days)


def looks_like_days(text: str) -> bool:
    try:
        parse_days(text)
        return True
    except DateError:
        return False


def days_label(days: list[int] | tuple[int, ...]) -> str:
    ds = sorted(set(days))
    if ds == list(range(7)):
        return "every day"
    if ds == list(range(5)):
        return "mon-fri"
    if ds == [0, 1, 2, 3, 6]:
        return "sun-thu"
    return ",".join(DAY_NAMES[d] for d in ds)


def rrule_days(days: list[int]) -> str:
    return ",".join(str(RRULE_WEEKDAYS[d]) for d in days)
