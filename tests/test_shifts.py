"""Shifts and rosters: hours that cross midnight, per-weekday hours, rotating rosters and RFC 5545 rules, set by
the person or by a PMO admin for them; a nudge lands at the start of the next shift, never in its last half hour.
And the person's calendar has one home: delegation, away and time zone are read the same way everywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.clock import passes
from storage.models import OutboxMessage, Person
from storage.shifts import Hours, Span
from tests.support.chat import Chat, shown

TORONTO = ZoneInfo("America/Toronto")


def at(day: date, hh: int, mm: int = 0) -> datetime:
    """A Toronto wall-clock time, as the clock's UTC `now`."""
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=TORONTO).astimezone(UTC)


def person(chat: Chat, handle: str) -> Person:
    return chat.scalar(select(Person).where(Person.handle == handle))


def dms_to(chat: Chat, who: str) -> list[OutboxMessage]:
    return [o for o in chat.outbox() if o.idempotency_key.startswith("nudge:") and o.target == who]


def run_every_15_minutes(chat: Chat, start: datetime, days: int) -> list[datetime]:
    """The clock's nudge pass, every 15 minutes; returns when each of its passes queued something."""
    now = start
    while now < start + timedelta(days=days):
        chat.now = now
        passes.nudges(chat.sessions, now)
        now += timedelta(minutes=15)
    return []


def local_times(chat: Chat, who: str) -> list[datetime]:
    return [o.created_at.astimezone(TORONTO) for o in dms_to(chat, who)]


def kim_owes_an_overdue_action(ehr: Chat) -> None:
    ehr.now = datetime(2026, 11, 16, 15, 0, tzinfo=UTC)
    ehr.ok("sam", '/action @kim "Book the downtime drill" due:+1d')  # overdue from Wed 18 Nov


# -- setting hours ----------------------------------------------------------------------------------------
def test_a_night_shift_that_crosses_midnight_is_accepted_and_shown(ehr: Chat) -> None:
    reply = ehr.ok("kim", "/pmo prefs hours 19:00-07:00 sun-thu")
    assert "Your hours are 19:00-07:00 sun-thu (America/Toronto)" in reply.text
    assert "Next shift: Mon 23 Nov 19:00" in reply.text  # it is Monday 10:00 in Toronto
    assert person(ehr, "kim").working_hours == Hours.weekly({d: Span(time(19), 720) for d in (0, 1, 2, 3, 6)})
    view = shown(ehr.ok("kim", "/pmo prefs"))
    assert "Working hours: 19:00-07:00 sun-thu" in view and "Next shift: Mon 23 Nov 19:00" in view


def test_different_hours_on_different_weekdays(ehr: Chat) -> None:
    ehr.ok("kim", "/pmo prefs hours mon,wed 08:00-16:00 tue 12:00-20:00 fri 19:00-07:00")
    assert "08:00-16:00 mon,wed · 12:00-20:00 tue · 19:00-07:00 fri" in shown(ehr.ok("kim", "/pmo prefs"))
    hours = person(ehr, "kim").working_hours
    assert hours.shift_at(datetime(2026, 11, 28, 6, 30)) is not None  # Saturday 06:30: Friday's night shift
    assert hours.shift_at(datetime(2026, 11, 26, 12, 0)) is None  # Thursday: off


def test_a_rotating_roster_three_twelves_on_four_off(ehr: Chat) -> None:
    reply = ehr.ok("kim", "/pmo prefs hours roster 2026-12-01 3x07:00-19:00 4xoff")
    assert "roster from 2026-12-01: 3x07:00-19:00 4xoff (repeats every 7 days)" in reply.text
    hours = person(ehr, "kim").working_hours
    working = [d.day for d in (date(2026, 12, 1) + timedelta(days=i) for i in range(14)) if hours.span_on(d)]
    assert working == [1, 2, 3, 8, 9, 10]


def test_a_two_week_pattern_and_an_rrule(ehr: Chat) -> None:
    ehr.ok("kim", "/pmo prefs hours roster 2026-11-30 5x07:00-15:00 2xoff 3x19:00-07:00 4xoff")
    assert "(repeats every 14 days)" in shown(ehr.ok("kim", "/pmo prefs"))
    ehr.ok("alex", '/pmo prefs hours 19:00-07:00 rrule:"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU" from:2026-11-30')
    hours = person(ehr, "alex").working_hours
    starts = [s.start for s in hours.shifts(date(2026, 11, 30), date(2026, 12, 20))]
    assert starts == [
        datetime(2026, 11, 30, 19),
        datetime(2026, 12, 1, 19),
        datetime(2026, 12, 14, 19),
        datetime(2026, 12, 15, 19),
    ]
    assert 'rrule:"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU"' in shown(ehr.ok("alex", "/pmo prefs"))


def test_a_pmo_admin_sets_someone_elses_hours_and_they_are_told(ehr: Chat) -> None:
    assert "Only a PMO admin" in ehr.refused("sam", "/pmo prefs hours @kim 19:00-07:00").text
    reply = ehr.ok("pat", "/pmo prefs hours @kim 19:00-07:00 sun-thu")
    assert "Kim Nguyen's hours are 19:00-07:00 sun-thu" in reply.text
    [told] = [o for o in ehr.outbox() if o.idempotency_key.startswith("prefs:hours:")]
    assert told.target == "kim" and "Pat Okafor set your working hours" in told.payload["text"]
    assert person(ehr, "kim").working_hours.weekdays() == [0, 1, 2, 3, 6]
    ehr.ok("kim", "/pmo prefs hours @kim 08:00-16:00")  # one's own, named: no admin needed


def test_bad_hours_say_what_is_wrong_and_point_to_commands_that_exist(ehr: Chat) -> None:
    reply = ehr.refused("kim", "/pmo prefs hours 7-19", usage_key="prefs")
    assert "ask your PMO admin" not in reply.text and "/pmo prefs hours [@u]" in reply.text
    assert "at least one shift" in ehr.refused("kim", "/pmo prefs hours roster 4xoff").text
    assert "must not end" in ehr.refused("kim", '/pmo prefs hours 07:00-19:00 rrule:"FREQ=DAILY;UNTIL=20270101"').text


# -- nudges land at the start of a shift ---------------------------------------------------------------------
def test_a_night_nurse_is_nudged_at_the_start_of_her_shift_once_per_shift(ehr: Chat) -> None:
    kim_owes_an_overdue_action(ehr)
    ehr.ok("kim", "/pmo prefs hours 19:00-07:00 sun-thu")
    run_every_15_minutes(ehr, at(date(2026, 11, 23), 0, 0), days=7)  # Monday to Sunday, every quarter hour
    sent = local_times(ehr, "kim")
    assert [(t.strftime("%a %H:%M")) for t in sent] == [
        "Mon 00:00",  # Sunday's night shift, still running at midnight: its first pass
        "Mon 19:00",
        "Tue 19:00",
        "Wed 19:00",
        "Thu 19:00",
        "Sun 19:00",
    ]
    assert [o.idempotency_key.rsplit(":", 1)[1] for o in dms_to(ehr, "kim")][:2] == ["2026-11-22", "2026-11-23"]


def test_never_in_the_last_half_hour_of_a_shift(ehr: Chat) -> None:
    kim_owes_an_overdue_action(ehr)
    ehr.ok("kim", "/pmo prefs hours 19:00-07:00 mon")
    ehr.now = at(date(2026, 11, 24), 6, 45)  # Tuesday 06:45: Monday's shift ends at 07:00
    assert passes.nudges(ehr.sessions, ehr.now).skipped["off-shift"] == 1
    ehr.now = at(date(2026, 11, 24), 6, 29)
    assert passes.nudges(ehr.sessions, ehr.now).nudged == 1


def test_a_roster_decides_the_days(ehr: Chat) -> None:
    kim_owes_an_overdue_action(ehr)
    ehr.ok("kim", "/pmo prefs hours roster 2026-11-23 3x07:00-19:00 4xoff")
    run_every_15_minutes(ehr, at(date(2026, 11, 23), 0, 0), days=8)
    assert [t.strftime("%a %d %H:%M") for t in local_times(ehr, "kim")] == [
        "Mon 23 07:00",
        "Tue 24 07:00",
        "Wed 25 07:00",
        "Mon 30 07:00",
    ]


# -- one home for each rule about a person -------------------------------------------------------------------
def test_a_delegation_runs_to_the_end_of_its_last_day_in_the_delegators_calendar(ehr: Chat) -> None:
    """Dana (Toronto) delegates to Alex (Tokyo) until Monday. At 23:00 Monday in Toronto it is already Tuesday
    in Tokyo: the delegation still holds, because it is Dana's Monday that counts — for the decision, the nudge
    and the snooze alike."""
    ehr.ok("dana", "/pmo prefs delegate @alex until 2026-11-23")
    ehr.ok("sam", '/gate request "Budget" approvers:@dana quorum:any')
    ehr.now = at(date(2026, 11, 23), 23, 0)
    tokyo = ehr.context("alex", tz="Asia/Tokyo")
    assert ehr.rounds.run(tokyo, "/pmo", "snooze G-1 1d").error is False
    assert "on behalf of Dana Whitfield" in ehr.rounds.run(tokyo, "/gate", "approve G-1").text


def test_a_lapsed_delegate_can_neither_decide_nor_snooze(ehr: Chat) -> None:
    ehr.ok("dana", "/pmo prefs delegate @alex until 2026-11-23")
    ehr.ok("sam", '/gate request "Budget" approvers:@dana')
    ehr.now = at(date(2026, 11, 24), 9, 0)  # Tuesday in Toronto: over
    assert "isn't yours" in ehr.refused("alex", "/pmo snooze G-1 1d").text
    assert "not an approver" in ehr.refused("alex", "/gate approve G-1").text
    assert "Delegate: —" in shown(ehr.ok("dana", "/pmo prefs"))


@pytest.mark.parametrize(
    ("zone", "workspace_zone", "expected"),
    [
        ("Europe/London", "UTC", "Europe/London"),
        (None, "America/Toronto", "America/Toronto"),
        ("Not/AZone", "UTC", "UTC"),
    ],
)
def test_the_time_zone_falls_back_from_the_person_to_the_workspace_to_utc(
    ehr: Chat, zone: str | None, workspace_zone: str, expected: str
) -> None:
    kim = person(ehr, "kim")
    kim.timezone, kim.workspace.timezone = zone, workspace_zone
    assert kim.zone.key == expected


def test_a_changed_profile_is_seen_the_same_way_by_every_path(ehr: Chat) -> None:
    kim = person(ehr, "kim")
    assert kim.profile_changes("kim", "Kim Nguyen", "America/Toronto", False) == {}
    assert kim.profile_changes("kim", "Kim Nguyen RN", "Europe/London", True) == {
        "display_name": "Kim Nguyen RN",
        "timezone": "Europe/London",
        "is_pmo_admin": True,
    }
    ehr.ok("kim", "/pmo prefs tz Asia/Tokyo")
    assert "timezone" not in person(ehr, "kim").profile_changes(None, None, "Europe/London", False)  # pinned


def test_old_hours_are_carried_over_by_the_migration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from storage import migrate
    from storage.db import make_engine
    from tests.support.cli import sqlite_url

    engine = make_engine(sqlite_url(tmp_path / "old.db"))
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO workspaces (platform, external_id, name, timezone, audit_seq, audit_head, created_at) "
                "VALUES ('console', 'T', 'T', 'UTC', 0, '', '2026-11-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO people (workspace_id, platform_user_id, handle, display_name, timezone_pinned, work_days, "
                "work_start, work_end, is_pmo_admin, is_bot, created_at) VALUES (1, 'kim', 'kim', 'Kim', 0, "
                "'mon,tue,sun', '07:00:00.000000', '19:30:00.000000', 0, 0, '2026-11-01 00:00:00')"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        import json

        raw = conn.execute(text("SELECT hours FROM people")).scalar_one()
    hours = Hours.from_json(json.loads(raw) if isinstance(raw, str) else raw)
    assert hours == Hours.weekly({d: Span(time(7), 750) for d in (0, 1, 6)})
    engine.dispose()
