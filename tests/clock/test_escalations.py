"""Escalations obey the same calendar as nudges: batched into the recipient's one daily message (or a second,
clearly separate one), inside their hours, to an active delegate when they are away, held over holidays, with
buttons; a critical patient-safety risk skips the hours only where the project says so. Every step audited once."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.clock import passes
from commands.replies import Reply
from storage.models import AuditEvent, Escalation, OutboxMessage, Person, TargetKind
from tests.support.chat import Chat, shown

TORONTO = ZoneInfo("America/Toronto")


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=TORONTO).astimezone(UTC)


def clock(chat: Chat, start: datetime, end: datetime, every: timedelta = timedelta(minutes=15)) -> None:
    now = start
    while now < end:
        chat.now = now
        passes.nudges(chat.sessions, now)
        now += every


def clock_dms(chat: Chat, since: datetime) -> list[OutboxMessage]:
    """What the clock sent people (daily messages), since `since`."""
    return [
        o
        for o in chat.outbox()
        if o.target_kind == TargetKind.USER and o.idempotency_key.startswith("nudge:") and o.created_at >= since
    ]


def local_day(o: OutboxMessage, who: dict[str, Person]) -> date:
    return o.created_at.astimezone(who[o.target].zone).date()


def people(chat: Chat) -> dict[str, Person]:
    return {p.platform_user_id: p for p in chat.all(select(Person))}


def events(chat: Chat, action: str) -> list[AuditEvent]:
    return chat.all(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq))


# -- the fortnight ---------------------------------------------------------------------------------------------
def test_a_fortnight_of_escalations_with_a_night_nurse_an_away_sponsor_a_holiday_and_a_day_pm(ehr: Chat) -> None:
    """Kim (night shift, 19:00–07:00 Sun–Thu) owes three actions and a critical patient-safety risk review; Maria
    owes a gate decision past its due date. Sam is the day-shift PM; Dana and Maria the sponsors. Dana is away
    until Fri 27 Nov with Alex as her delegate; Mon 30 Nov is a hospital holiday, the day a second critical risk
    goes past review. Two weeks of the clock, every quarter hour, then the rules are checked against everything
    it sent."""
    ehr.now = at(date(2026, 11, 16), 10)
    ehr.ok("kim", "/pmo prefs hours 19:00-07:00 sun-thu")
    for what in ("Book the downtime drill", "Update the super-user roster", "Label the spare scanners"):
        ehr.ok("sam", f'/action @kim "{what}" due:2026-11-18')
    ehr.ok("kim", '/risk "Barcode scanners fail on 4 West nights" L4 I5 category:patient-safety')  # review Mon 23
    ehr.ok("kim", '/risk "Downtime printers unreliable" L4 I5 review:2026-11-29')  # past review on the holiday
    ehr.ok("sam", '/gate request "Pharmacy sign-off" approvers:@maria due:2026-11-21')
    ehr.ok("dana", "/pmo prefs away until 2026-11-27")
    ehr.ok("dana", "/pmo prefs delegate @alex until 2026-11-27")
    ehr.ok("pat", '/pmo holidays add 2026-11-30 "Hospital closure"', channel="#pmo")
    start, end = at(date(2026, 11, 19), 0), at(date(2026, 12, 3), 0)

    clock(ehr, start, end)

    who = people(ehr)
    dms = clock_dms(ehr, start)
    assert dms, "the clock sent nothing"
    for o in dms:
        p = who[o.target]
        shift = p.shift_at(o.created_at)
        local = o.created_at.astimezone(p.zone).replace(tzinfo=None)
        assert shift is not None and local < shift.end - timedelta(minutes=30), f"{o.idempotency_key} off-shift"
        assert not p.away_at(o.created_at), f"{o.idempotency_key} went to {p.handle} while away"
        assert p.shift_day(o.created_at) != date(2026, 11, 30), f"{o.idempotency_key} on the holiday"
    per_day = Counter((o.target, local_day(o, who)) for o in dms)
    assert max(per_day.values()) <= 2
    for (target, day), n in per_day.items():  # two in a day: the escalations-only second, or a new shift's list
        if n == 2:
            keys = [o.idempotency_key for o in dms if o.target == target and local_day(o, who) == day]
            assert keys[1].endswith(":escalations") or keys[0].split(":")[2] != keys[1].split(":")[2], keys
    away_days = (date(2026, 11, 19), date(2026, 11, 27))
    assert not [o for o in dms if o.target == "dana" and away_days[0] <= local_day(o, who) <= away_days[1]]

    # Kim's five items never came as five pings: one message a shift
    kims = [o for o in dms if o.target == "kim"]
    assert [len(o.meta["items"]) for o in kims[:1]] == [3]
    assert {o.created_at.astimezone(TORONTO).strftime("%H:%M") for o in kims} == {"19:00"}

    # the ladder: each step decided once, each delivery once, in the audit log
    decided = [(e.entity, e.after["level"]) for e in events(ehr, "nudge.escalate")]
    assert len(decided) == len(set(decided))
    assert ("R-1", "sponsor") in decided and ("G-1", "sponsor") in decided and ("A-1", "pm") in decided
    delivered = [e.after["escalation"] for e in events(ehr, "escalation.sent")]
    assert len(delivered) == len(set(delivered))
    rows = ehr.all(select(Escalation))
    assert {r.status for r in rows} == {"sent"}  # nothing dropped, nothing left behind

    # Dana was away when the critical risk went past review (Tue 24): Alex got it on her behalf, in his hours
    on_behalf = [e for e in events(ehr, "escalation.sent") if e.after["on_behalf_of"] == "dana"]
    assert on_behalf and {e.after["to"] for e in on_behalf} == {"alex"}
    alex_first = next(o for o in dms if o.target == "alex")
    assert "for Dana Whitfield, who is away" in shown(Reply.from_json(alex_first.payload))

    # the PM step for A-1, decided as Kim's night shift began, waited for Sam's morning, in his daily message
    [decided_pm] = [e for e in events(ehr, "nudge.escalate") if e.entity == "A-1" and e.after["level"] == "pm"]
    [pm_step] = [e for e in events(ehr, "escalation.sent") if e.entity == "A-1" and e.after["level"] == "pm"]
    assert decided_pm.at.astimezone(TORONTO).strftime("%a %H:%M") == "Mon 19:00"
    assert pm_step.at.astimezone(TORONTO).strftime("%a %H:%M") == "Tue 08:00" and pm_step.after["to"] == "sam"
    [sams] = [o for o in dms if o.target == "sam" and pm_step.after["escalation"] in o.meta["escalations"]]
    assert len(sams.meta["escalations"]) == 3  # one message, not three

    # R-2 went past review on the holiday: decided at midnight, held all day, delivered on Tuesday morning
    [r2] = [e for e in events(ehr, "nudge.escalate") if e.entity == "R-2"]
    assert r2.at.astimezone(TORONTO).date() == date(2026, 11, 30)
    sent_r2 = sorted(
        (e.after["to"], e.at.astimezone(TORONTO).strftime("%a %d %H:%M"))
        for e in events(ehr, "escalation.sent")
        if e.entity == "R-2"
    )
    assert sent_r2 == [("dana", "Tue 01 08:00"), ("maria", "Tue 01 08:00")]  # Dana is back: to her, not Alex


# -- conversation-sized cases ------------------------------------------------------------------------------------
def test_escalations_to_one_sponsor_come_in_one_message_with_buttons(ehr: Chat) -> None:
    """Five items past their dates used to mean five DMs to the sponsor. Now: one message, one section each."""
    ehr.now = at(date(2026, 11, 9), 10)
    for n in range(5):
        ehr.ok("kim", f'/risk "Interface risk {n}" L4 I5')  # critical: review in 7 days
    clock(ehr, at(date(2026, 11, 17), 9), at(date(2026, 11, 17), 12))  # Tuesday morning: all five past review
    [to_dana] = [o for o in clock_dms(ehr, at(date(2026, 11, 17), 0)) if o.target == "dana"]
    card = shown(Reply.from_json(to_dana.payload))
    assert "🔔 Escalated to you (5)" in card
    assert card.count("[Acknowledge]") == 5 and "[Open R-1]" in card and card.count("[Reassign]") == 5
    assert to_dana.created_at.astimezone(TORONTO).hour == 9  # her first quarter hour on shift


def test_an_escalation_due_at_night_waits_for_the_morning(ehr: Chat) -> None:
    ehr.now = at(date(2026, 11, 9), 10)
    ehr.ok("kim", '/risk "Interface may drop orders" L4 I5')  # past review from Tuesday 17 (00:00 Toronto)
    clock(ehr, at(date(2026, 11, 17), 0), at(date(2026, 11, 17), 8))  # the night: their hours begin at 08:00
    assert [o for o in clock_dms(ehr, at(date(2026, 11, 17), 0)) if o.target in ("dana", "maria")] == []
    held = ehr.all(select(Escalation))
    assert len(held) == 2 and {e.status for e in held} == {"pending"}  # decided at 00:00, held, not dropped
    clock(ehr, at(date(2026, 11, 17), 8), at(date(2026, 11, 17), 8, 15))
    assert sorted(o.target for o in clock_dms(ehr, at(date(2026, 11, 17), 0)) if o.target in ("dana", "maria")) == [
        "dana",
        "maria",
    ]


def test_a_critical_patient_safety_risk_may_skip_the_hours_only_where_the_project_says_so(ehr: Chat) -> None:
    assert "wait for each person's working hours" in shown(ehr.ok("sam", "/project EHR"))
    ehr.ok("sam", "/project escalation EHR critical:any-hour")
    assert "🚨 A critical patient-safety risk escalates at any hour" in shown(ehr.ok("kim", "/project EHR"))
    event = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "project.escalation"))
    assert event.after == {"escalate_critical_any_hour": True}
    ehr.now = at(date(2026, 11, 9), 10)
    ehr.ok("kim", '/risk "Wrong-patient orders possible on 4 West" L4 I5 category:patient-safety')
    ehr.ok("kim", '/risk "Vendor invoice late" L4 I5 category:financial')
    clock(ehr, at(date(2026, 11, 17), 3), at(date(2026, 11, 17), 3, 15))  # 03:00
    [night] = [o for o in clock_dms(ehr, at(date(2026, 11, 17), 0)) if o.target == "dana"]
    assert "R-1" in night.payload["text"] and "R-2" not in night.payload["text"]
    clock(ehr, at(date(2026, 11, 17), 9), at(date(2026, 11, 17), 9, 15))
    morning = [o for o in clock_dms(ehr, at(date(2026, 11, 17), 8)) if o.target == "dana"]
    assert len(morning) == 1 and "R-2" in morning[0].payload["text"]  # the financial one waited for 09:00
    assert morning[0].idempotency_key.endswith(":escalations")  # the day's second, clearly separate message


def test_acknowledge_and_reassign_from_the_escalation(ehr: Chat) -> None:
    ehr.now = at(date(2026, 11, 9), 10)
    ehr.ok("sam", '/action @kim "Book the downtime drill" due:2026-11-10')
    ehr.ok("sam", "/project escalation EHR pm:1 sponsor:2")
    clock(ehr, at(date(2026, 11, 11), 9), at(date(2026, 11, 12), 9, 15), every=timedelta(hours=24))
    [to_sam] = [o for o in ehr.outbox() if (o.meta or {}).get("escalations") and o.target == "sam"]
    [esc] = to_sam.meta["escalations"]
    assert "Kim Nguyen hasn't answered 1 nudge about" in to_sam.payload["text"]
    ehr.now = at(date(2026, 11, 12), 9, 30)
    assert "only they can acknowledge" in ehr.refused("maria", f"/pmo ack {esc}").text
    assert "Acknowledged: A-1, owed by Kim Nguyen" in ehr.ok("sam", f"/pmo ack {esc}").text
    assert "already acknowledged by Sam Rivera" in ehr.refused("sam", f"/pmo ack {esc}").text
    form = ehr.rounds.form(ehr.context("sam"), "item.reassign", {"item": "A-1"})
    assert form.form is not None and form.form.title == "Reassign A-1"
    reply = ehr.submit("sam", "item.reassign", {"owner": "alex"}, {"item": "A-1"})
    assert not reply.error and "A-1 is now Alex Moreau's" in reply.text
    assert [e.after["escalation"] for e in events(ehr, "escalation.ack")] == [esc]
    assert events(ehr, "action.reassign")[0].after == {"owner_id": people(ehr)["alex"].id}


def test_an_escalation_whose_item_was_dealt_with_is_settled_not_sent(ehr: Chat) -> None:
    ehr.now = at(date(2026, 11, 9), 10)
    ehr.ok("kim", '/risk "Interface may drop orders" L4 I5')
    clock(ehr, at(date(2026, 11, 17), 0), at(date(2026, 11, 17), 0, 15))  # decided at midnight, held
    ehr.now = at(date(2026, 11, 17), 7)
    ehr.ok("kim", "/risk R-1 reviewed")
    clock(ehr, at(date(2026, 11, 17), 9), at(date(2026, 11, 17), 9, 15))
    assert {e.status for e in ehr.all(select(Escalation))} == {"settled"}
    assert len(events(ehr, "escalation.settled")) == 2 and events(ehr, "escalation.sent") == []
