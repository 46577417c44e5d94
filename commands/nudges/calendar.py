"""When may Rounds speak to someone? Inside their working hours, on their working days, never while
they are away and never on their workspace's holidays (its own dates or a country calendar)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holiday_calendars

from commands.grammar.dates import DAY_NAMES
from storage.models import Person, Workspace


def local_now(person: Person, workspace: Workspace, now: datetime) -> datetime:
    return now.astimezone(ZoneInfo(person.timezone or workspace.timezone or "UTC"))


@lru_cache(maxsize=64)
def country_days(code: str, year: int) -> frozenset[date]:
    country, _, sub = code.partition("-")
    try:
        return frozenset(holiday_calendars.country_holidays(country, subdiv=sub or None, years=[year]).keys())
    except (NotImplementedError, KeyError, ValueError):
        return frozenset()


def why_not_now(person: Person, workspace: Workspace, now: datetime, workspace_days: set[date]) -> str | None:
    """None when the person may be nudged now; otherwise the reason (for counting, never shown)."""
    if person.is_bot:
        return "bot"
    local = local_now(person, workspace, now)
    today = local.date()
    if person.away_until and person.away_until >= today:
        return "away"
    if DAY_NAMES[local.weekday()] not in person.work_days.split(","):
        return "off-shift"
    if not person.work_start <= local.time().replace(tzinfo=None) < person.work_end:
        return "off-shift"
    if today in workspace_days or (
        workspace.holiday_country and today in country_days(workspace.holiday_country, today.year)
    ):
        return "holiday"
    return None
