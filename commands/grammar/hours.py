"""`/pmo prefs hours …`: working hours as people describe their shifts.

    hours 07:00-19:00 [mon-fri|sun-thu|every-day]         the same hours on those days (days kept if left out)
    hours 19:00-07:00 sun-thu                             a night shift: it starts on those evenings
    hours mon,wed 08:00-16:00 tue 12:00-20:00 fri 19:00-07:00   different hours per weekday (others off)
    hours roster [2026-12-01] 3x07:00-19:00 4xoff         a rotating roster from its first day (default today)
    hours 07:00-19:00 rrule:"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE" [from:DATE]   an RFC 5545 rule
    hours @kim …                                          a PMO admin sets someone else's

A span ends on the clock the next day when its end is not after its start (19:00-07:00 is 12 h);
`07:00-07:00` is a 24-hour shift."""

from __future__ import annotations

import re
from datetime import date, time

from commands.errors import UsageError
from commands.grammar import models as m
from commands.grammar.args import Args
from commands.grammar.dates import DateError, parse_clock, parse_days
from commands.grammar.echo import echo
from commands.grammar.tokens import Mention, Word, as_mention
from storage.shifts import MAX_CYCLE_DAYS, check_rule

USAGE = "prefs"
CLOCK = r"\d{1,2}(?::?\d{2})?(?:am|pm)?"
SPAN = re.compile(rf"^({CLOCK})-({CLOCK})$", re.IGNORECASE)
REPEAT = re.compile(r"^(\d{1,2})\s*[x×*]\s*(.+)$", re.IGNORECASE)


def parse_hours(a: Args, today: date) -> m.PrefsHours:
    person = None
    w = a.peek()
    if w is not None and not w.quoted and (mention := as_mention(w.text)) is not None:
        a.pop()
        person = mention
    rule = a.opt("rrule")
    since = a.opt_date("from", "from")
    if a.pop_keyword("roster"):
        return _roster(a, today, person, since)
    first = a.peek()
    if first is None:
        raise UsageError("Give your hours, like 07:00-19:00 mon-fri, or a roster (see below).", USAGE)
    if _span(first) is None:
        return _by_day(a, person)
    span = _span(a.pop())  # type: ignore[arg-type]
    assert span is not None
    if rule is not None:
        a.done()
        start = since or today
        problem = check_rule(rule, start)
        if problem:
            raise UsageError(problem, USAGE)
        return m.PrefsHours(
            person=person, start=span[0], end=span[1], rrule=rule.strip().removeprefix("RRULE:"), since=start
        )
    if since is not None:
        raise UsageError("from:DATE goes with a roster or an rrule: rule.", USAGE)
    days = None
    if a.peek() is not None:
        days = _days(a.pop())  # type: ignore[arg-type]
    a.done()
    return m.PrefsHours(person=person, start=span[0], end=span[1], days=days)


def _by_day(a: Args, person: Mention | None) -> m.PrefsHours:
    """`mon,wed 08:00-16:00 tue 12:00-20:00 …`: pairs of weekdays and a span."""
    by_day: dict[int, tuple[time, time]] = {}
    while (w := a.pop()) is not None:
        days = _days(w)
        nxt = a.pop()
        span = _span(nxt) if nxt is not None else None
        if span is None:
            raise UsageError(f"After `{echo(w.text)}` give its hours, like {w.text} 08:00-16:00.", USAGE)
        for d in days:
            if d in by_day:
                raise UsageError("Each weekday gets one set of hours; a day was named twice.", USAGE)
            by_day[d] = span
    return m.PrefsHours(person=person, by_day=by_day)


def _roster(a: Args, today: date, person: Mention | None, since: date | None) -> m.PrefsHours:
    w = a.peek()
    if since is None and w is not None and _span(w) is None and not _is_part(w):
        since = a.date(a.pop().text, "roster start")  # type: ignore[union-attr]
    days: list[tuple[time, time] | None] = []
    while (w := a.pop()) is not None:
        count, what = 1, w.text
        repeat = REPEAT.match(what)
        if repeat:
            count, what = int(repeat.group(1)), repeat.group(2)
        if count < 1:
            raise UsageError("A roster part repeats at least once, like 3x07:00-19:00.", USAGE)
        if what.lower() in ("off", "offd", "o"):
            days += [None] * count
            continue
        span = _span(Word(what))
        if span is None:
            raise UsageError(
                f"`{echo(w.text)}` isn't part of a roster: use 3x07:00-19:00 for shifts and 4xoff for days off.", USAGE
            )
        days += [span] * count
    if not any(days):
        raise UsageError("A roster needs at least one shift, like roster 2026-12-01 3x07:00-19:00 4xoff.", USAGE)
    if len(days) > MAX_CYCLE_DAYS:
        raise UsageError(f"A roster repeats after at most {MAX_CYCLE_DAYS} days (this one is {len(days)}).", USAGE)
    return m.PrefsHours(person=person, roster=days, since=since or today)


def _is_part(w: Word) -> bool:
    return bool(REPEAT.match(w.text)) or w.lower == "off"


def _span(w: Word) -> tuple[time, time] | None:
    """`07:00-19:00` as (start, end); None when the word is not a span at all, an error when it is a bad one."""
    found = SPAN.match(w.text) if not w.quoted else None
    if not found:
        return None
    try:
        return parse_clock(found.group(1)), parse_clock(found.group(2))
    except DateError as e:
        raise UsageError(str(e), USAGE) from None


def _days(w: Word) -> list[int]:
    try:
        return parse_days(w.text)
    except DateError as e:
        raise UsageError(str(e), USAGE) from None
