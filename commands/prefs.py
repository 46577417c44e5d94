"""Personal preferences (hours, time zone, away, delegate), workspace holidays and PMO admins."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from commands import calendar, guard, notify, people, policy, trail
from commands import format as fmt
from commands.context import Actor
from commands.errors import Conflict, NotFound, UsageError
from commands.grammar import models as m
from commands.grammar.dates import DATE_ORDERS
from commands.replies import Context, FieldItem, Header, Reply, Section
from storage.models import Holiday, Person
from storage.shifts import Hours, Span
from storage.uow import UnitOfWork

PREF_FIELDS = (
    "timezone",
    "timezone_pinned",
    "hours",
    "away_until",
    "delegate_id",
    "delegate_until",
)


def show(cmd: m.PrefsShow, actor: Actor, uow: UnitOfWork) -> Reply:
    p, today = actor.person, actor.today
    away = fmt.day(p.away_until, today) if p.away_on(today) else "—"
    delegate = "—"
    if (d := p.delegate_at(actor.now)) is not None:
        delegate = f"{fmt.who(d)} until {fmt.day(p.delegate_until, today)}"
    return Reply.private(
        "Your preferences",
        Header(text="Your preferences"),
        Section(
            fields=(
                FieldItem(label="Working hours", value=p.working_hours.describe()),
                FieldItem(label="Next shift", value=_next_shift(p, actor.now)),
                FieldItem(label="Time zone", value=actor.tz.key),
                FieldItem(label="Away until", value=away),
                FieldItem(label="Delegate", value=delegate),
            )
        ),
        Context(
            text="Nudges and escalations come only inside your hours (never in a shift's last half hour), "
            "never while you're away or on a holiday."
        ),
    )


def _next_shift(p: Person, now: datetime) -> str:
    if p.shift_at(now) is not None:
        return "on shift now"
    nxt = p.next_shift_start(now)
    return f"{fmt.day(nxt.date(), p.local_today(now))} {nxt:%H:%M}" if nxt else "none in the next two months"


def _changed(actor: Actor, uow: UnitOfWork, before: dict[str, Any], text: str, who: Person | None = None) -> Reply:
    person = who or actor.person
    trail.log(uow.session, actor, "prefs.set", f"person:{person.handle}", before, trail.snapshot(person, *PREF_FIELDS))
    return Reply.private(text, Section(text=f"⚙️ {text}"))


def hours(cmd: m.PrefsHours, actor: Actor, uow: UnitOfWork) -> Reply:
    """Set one's own hours, or (a PMO admin) someone else's; that person is told."""
    p = actor.person
    if cmd.person is not None:
        p = people.resolve(uow.session, actor.workspace, cmd.person, actor.ctx)
        if p.id != actor.person.id:
            policy.require_admin(actor, "set someone else's working hours")
    before = trail.snapshot(p, *PREF_FIELDS)
    p.hours = _hours(cmd, p, actor).to_json()
    whose = "Your" if p.id == actor.person.id else f"{fmt.who(p)}'s"
    text = f"{whose} hours are {p.working_hours.describe()} ({p.zone.key}). Next shift: {_next_shift(p, actor.now)}."
    if p.id != actor.person.id:
        notify.to_person(
            uow.session,
            actor,
            p,
            Reply.private(
                f"{fmt.who(actor.person)} set your working hours.",
                Section(
                    text=f"⚙️ {fmt.who(actor.person)} set your working hours: {p.working_hours.describe()} "
                    f"({p.zone.key}). Nudges come only inside them; `/pmo prefs` shows them."
                ),
            ),
            key=f"prefs:hours:{p.id}:{actor.now.isoformat()}",
        )
    return _changed(actor, uow, before, text, who=p)


def _hours(cmd: m.PrefsHours, p: Person, actor: Actor) -> Hours:
    if cmd.roster:
        return Hours.roster(cmd.since or actor.today, [Span.between(*x) if x else None for x in cmd.roster])
    if cmd.by_day:
        return Hours.weekly({d: Span.between(*x) for d, x in cmd.by_day.items()})
    assert cmd.start is not None and cmd.end is not None
    span = Span.between(cmd.start, cmd.end)
    if cmd.rrule:
        return Hours.by_rule(cmd.since or actor.today, cmd.rrule, span)
    days = cmd.days if cmd.days is not None else (p.working_hours.weekdays() or list(range(5)))
    return Hours.weekly(dict.fromkeys(days, span))


def set_timezone(cmd: m.PrefsTimezone, actor: Actor, uow: UnitOfWork) -> Reply:
    before = trail.snapshot(actor.person, *PREF_FIELDS)
    if cmd.timezone is None:
        actor.person.timezone_pinned = False
        actor.person.timezone = actor.ctx.speaker.timezone or actor.person.timezone
        return _changed(actor, uow, before, f"Your time zone follows your {actor.ctx.platform.value} profile again.")
    actor.person.timezone, actor.person.timezone_pinned = cmd.timezone, True
    return _changed(actor, uow, before, f"Your time zone is {cmd.timezone}.")


def away(cmd: m.PrefsAway, actor: Actor, uow: UnitOfWork) -> Reply:
    before = trail.snapshot(actor.person, *PREF_FIELDS)
    if cmd.until is not None and cmd.until < actor.today:
        raise UsageError(f"{fmt.day(cmd.until, actor.today)} is in the past.", "prefs")
    actor.person.away_until = cmd.until
    if cmd.until is None:
        return _changed(actor, uow, before, "Welcome back: nudges resume in your working hours.")
    return _changed(actor, uow, before, f"You're away until {fmt.day(cmd.until, actor.today)}: no nudges until then.")


def delegate(cmd: m.PrefsDelegate, actor: Actor, uow: UnitOfWork) -> Reply:
    p = actor.person
    before = trail.snapshot(p, *PREF_FIELDS)
    if cmd.delegate is None:
        p.delegate_id, p.delegate_until = None, None
        return _changed(actor, uow, before, "No delegate: approvals come to you again.")
    other = people.resolve(uow.session, actor.workspace, cmd.delegate, actor.ctx)
    if other.id == p.id:
        raise UsageError("You can't delegate to yourself.", "prefs")
    if cmd.until is None or cmd.until < actor.today:
        raise UsageError("Give a delegation end date that isn't in the past.", "prefs")
    if (theirs := other.delegate_at(actor.now)) is not None and theirs.id == p.id:
        raise Conflict(
            f"{fmt.who(other)} delegates to you until {fmt.day(other.delegate_until, actor.today)}; choose someone else."
        )
    p.delegate_id, p.delegate_until = other.id, cmd.until
    return _changed(
        actor,
        uow,
        before,
        f"{fmt.who(other)} decides gates on your behalf until {fmt.day(cmd.until, actor.today)}; "
        "each decision is recorded as on behalf of you.",
    )


# -- holidays ---------------------------------------------------------------------------------
def holidays_list(cmd: m.HolidaysList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    own = s.scalars(
        select(Holiday)
        .where(Holiday.workspace_id == actor.workspace.id, Holiday.day >= actor.today)
        .order_by(Holiday.day)
        .limit(20)
    ).all()
    lines = [f"{fmt.day(h.day, actor.today)}{' — ' + h.name if h.name else ''}" for h in own]
    country = actor.workspace.holiday_country
    if country:
        year = actor.today.year
        days = calendar.country_days(country, year) | calendar.country_days(country, year + 1)
        upcoming = sorted(d for d in days if d >= actor.today)[:8]
        lines.append(f"Plus {country} public holidays, next: " + ", ".join(fmt.day(d, actor.today) for d in upcoming))
    return Reply.private(
        "Holidays",
        Header(text="Workspace holidays"),
        Section(text="\n".join(lines) or "None set."),
        Context(text="No nudges go out on these days."),
    )


def holidays_add(cmd: m.HolidaysAdd, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "set workspace holidays")
    guard.check(name=cmd.name)
    s = uow.session
    if s.scalar(select(Holiday.id).where(Holiday.workspace_id == actor.workspace.id, Holiday.day == cmd.day)):
        raise Conflict(f"{fmt.day(cmd.day, actor.today)} is already a holiday.")
    s.add(Holiday(workspace_id=actor.workspace.id, day=cmd.day, name=cmd.name[:120]))
    trail.log(s, actor, "holiday.add", "workspace", after={"day": cmd.day, "name": cmd.name})
    return Reply.private(
        f"{cmd.day} is a holiday.", Section(text=f"🏖️ {fmt.day(cmd.day, actor.today)} is a holiday: no nudges that day.")
    )


def holidays_remove(cmd: m.HolidaysRemove, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "set workspace holidays")
    s = uow.session
    row = s.scalar(select(Holiday).where(Holiday.workspace_id == actor.workspace.id, Holiday.day == cmd.day))
    if row is None:
        raise NotFound(f"{fmt.day(cmd.day, actor.today)} isn't a workspace holiday.")
    s.delete(row)
    trail.log(s, actor, "holiday.remove", "workspace", before={"day": cmd.day, "name": row.name})
    return Reply.private(
        f"{cmd.day} is no longer a holiday.", Section(text=f"{fmt.day(cmd.day, actor.today)} is no longer a holiday.")
    )


def holidays_country(cmd: m.HolidaysCountry, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "set workspace holidays")
    if cmd.country and not calendar.has_calendar(cmd.country, actor.today.year):
        raise UsageError(
            f"I don't have a holiday calendar for {cmd.country}; try a code like CA-ON, US or GB.", "holidays"
        )
    ws = actor.workspace
    before = {"holiday_country": ws.holiday_country}
    ws.holiday_country = cmd.country
    trail.log(uow.session, actor, "holiday.country", "workspace", before, {"holiday_country": cmd.country})
    text = f"Public holidays follow {cmd.country}." if cmd.country else "No country holiday calendar."
    return Reply.private(text, Section(text=f"🏖️ {text}"))


# -- how numeric dates are written ---------------------------------------------------------------
def dates_show(cmd: m.DatesShow, actor: Actor, uow: UnitOfWork) -> Reply:
    order = actor.workspace.date_order
    text = (
        f"This workspace writes numeric dates {DATE_ORDERS[order]} (so 12/04 is {_example(order)})."
        if order
        else "This workspace has no date order: a date like 12/04 is refused with both readings. "
        "A PMO admin can set one with `/pmo dates dmy|mdy|ymd`."
    )
    return Reply.private(text, Section(text=f"📅 {text}"))


def _example(order: str) -> str:
    return {"dmy": "12 April", "mdy": "4 December", "ymd": "read with the year first, like 26/12/04"}[order]


def dates_set(cmd: m.DatesSet, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "set how this workspace writes dates")
    ws = actor.workspace
    before = {"date_order": ws.date_order}
    ws.date_order = cmd.order
    trail.log(uow.session, actor, "workspace.dates", "workspace", before, {"date_order": cmd.order})
    return dates_show(m.DatesShow(), actor, uow)


# -- admins -----------------------------------------------------------------------------------
def admins(cmd: m.AdminList, actor: Actor, uow: UnitOfWork) -> Reply:
    found = uow.session.scalars(
        select(Person)
        .where(Person.workspace_id == actor.workspace.id, Person.is_pmo_admin)
        .order_by(Person.display_name)
    ).all()
    names = ", ".join(fmt.who(p) for p in found) or "none yet (whoever creates the first project becomes one)"
    return Reply.private(f"PMO admins: {names}", Section(text=f"*PMO admins*: {names}"))


def admin_set(cmd: m.AdminSet, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "change PMO admins")
    s = uow.session
    person = people.resolve(s, actor.workspace, cmd.person, actor.ctx)
    if person.is_pmo_admin == cmd.admin:
        raise Conflict(f"{fmt.who(person)} {'is already' if cmd.admin else 'is not'} a PMO admin.")
    if not cmd.admin:
        count = s.scalar(
            select(func.count())
            .select_from(Person)
            .where(Person.workspace_id == actor.workspace.id, Person.is_pmo_admin)
        )
        if (count or 0) <= 1:
            raise Conflict("That would leave no PMO admin; add another first.")
    person.is_pmo_admin = cmd.admin
    trail.log(s, actor, "admin.set", f"person:{person.handle}", {"pmo_admin": not cmd.admin}, {"pmo_admin": cmd.admin})
    text = f"{fmt.who(person)} {'is now' if cmd.admin else 'is no longer'} a PMO admin."
    return Reply.private(text, Section(text=f"🔑 {text}"))
