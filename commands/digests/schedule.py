"""Digest schedules as RFC 5545 RRULEs in local wall-clock time, evaluated DST-correctly with python-dateutil.

The rule is stored with a naive local DTSTART; occurrences are computed in local time and only then given
the subscription's zone, so "Monday 08:00 America/Toronto" stays 08:00 across the November change.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from commands.grammar.dates import DAY_NAMES, days_label, rrule_days

RRULE_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def make_rule(days: list[int], at: time, start_local: datetime) -> str:
    dtstart = start_local.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    return (
        f"DTSTART:{dtstart:%Y%m%dT%H%M%S}\n"
        f"RRULE:FREQ=WEEKLY;BYDAY={rrule_days(days)};BYHOUR={at.hour};BYMINUTE={at.minute};BYSECOND=0"
    )


@lru_cache(maxsize=4096)
def _rule(text: str) -> rrule:
    return rrulestr(text)


def _to_utc(local_naive: datetime, tz: ZoneInfo) -> datetime:
    # fold=0: in the repeated hour of a fall-back night, the first (daylight) instance.
    return local_naive.replace(tzinfo=tz).astimezone(UTC)


def latest_due(text: str, tz_name: str, now: datetime) -> datetime | None:
    """The most recent occurrence at or before `now` (UTC), or None if there has been none."""
    tz = ZoneInfo(tz_name)
    local_now = now.astimezone(tz).replace(tzinfo=None)
    occ = _rule(text).before(local_now, inc=True)
    if occ is None:
        return None
    utc = _to_utc(occ, tz)
    if utc > now:  # local_now fell in a skipped (spring-forward) hour
        occ = _rule(text).before(occ, inc=False)
        return _to_utc(occ, tz) if occ else None
    return utc


def next_due(text: str, tz_name: str, now: datetime) -> datetime | None:
    tz = ZoneInfo(tz_name)
    local_now = now.astimezone(tz).replace(tzinfo=None)
    occ = _rule(text).after(local_now, inc=False)
    return _to_utc(occ, tz) if occ else None


def describe(text: str, tz_name: str) -> str:
    """ "mon,thu 08:00 America/Toronto", read back from the rule Rounds wrote."""
    parts = dict(p.split("=", 1) for p in text.split("RRULE:", 1)[-1].strip().split(";") if "=" in p)
    codes = [c.strip()[-2:] for c in parts.get("BYDAY", "").split(",") if c.strip()]
    days = [RRULE_CODES.index(c) for c in codes if c in RRULE_CODES]
    hour, minute = int(parts.get("BYHOUR", "0")), int(parts.get("BYMINUTE", "0"))
    return f"{days_label(days)} {hour:02d}:{minute:02d} {tz_name}"


__all__ = ["DAY_NAMES", "describe", "latest_due", "make_rule", "next_due"]
