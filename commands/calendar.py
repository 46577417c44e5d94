"""When may Rounds speak to someone? The workspace's half of the calendar (the person's half — zone, local
date, away, delegate, shifts — is on storage.models.Person): its own holidays and a country's public ones.

A DM goes out only inside the person's shift (never in its last half hour), never while they are away and
never on a holiday of their workspace. Nudges, escalations and anything else the clock sends ask `why_not_now`."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays as holiday_calendars

from storage.models import Person, Workspace


@lru_cache(maxsize=64)
def country_days(code: str, year: int) -> frozenset[date]:
    """A country's (or region's, `CA-ON`) public holidays in `year`. Raises for a calendar the library lacks."""
    country, _, sub = code.partition("-")
    return frozenset(holiday_calendars.country_holidays(country, subdiv=sub or None, years=[year]).keys())


def has_calendar(code: str, year: int) -> bool:
    try:
        country_days(code, year)
    except (NotImplementedError, KeyError, ValueError):
        return False
    return True


def is_holiday(workspace: Workspace, day: date, own_days: set[date] | frozenset[date]) -> bool:
    """`own_days`: the workspace's own holidays (at least those near `day`), loaded by the caller in bulk."""
    if day in own_days:
        return True
    code = workspace.holiday_country
    return bool(code) and has_calendar(code, day.year) and day in country_days(code, day.year)  # type: ignore[arg-type]


def why_not_now(
    person: Person,
    workspace: Workspace,
    now: datetime,
    own_days: set[date] | frozenset[date],
    *,
    any_hour: bool = False,
) -> str | None:
    """None when the person may be sent a message now; otherwise the reason (for counting, never shown).
    `any_hour` (a critical patient-safety escalation on a project that allows it) skips the shift check only."""
    if person.is_bot:
        return "bot"
    today = person.local_today(now)
    if person.away_on(today):
        return "away"
    if not any_hour and not person.on_shift(now):
        return "off-shift"
    if is_holiday(workspace, person.shift_day(now), own_days):
        return "holiday"
    return None


def next_window(person: Person, workspace: Workspace, now: datetime, own_days: set[date] | frozenset[date]) -> datetime:
    """When a message that is not urgent may reach them: now if it may, else the start of their next shift that is
    not on a holiday or while they are away (a message queued for then, not dropped). `own_days`: the workspace's
    holidays for the weeks ahead. Falls back to now when no such shift is in sight (the platform's own
    do-not-disturb then applies)."""
    if why_not_now(person, workspace, now, own_days) is None:
        return now
    at = now
    for _ in range(62):
        start = person.next_shift_start(at)
        if start is None:
            break
        candidate = start + timedelta(minutes=1)
        if why_not_now(person, workspace, candidate, own_days) is None:
            return candidate
        at = candidate
    return now
