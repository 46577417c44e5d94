"""Nudges: one DM a day listing everything owed, only in working hours, never away or on holidays;
snoozes; and the escalation ladder, once per step and in the audit log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.clock import passes
from bot.outbox.dispatch import Dispatcher
from commands.replies import Reply
from storage.models import AuditEvent, Comment, NudgeState, OutboxMessage, Person, Platform
from tests.support.chat import Chat, shown
from tests.support.recording_sender import RecordingSender

MON_10AM = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 10:00 in Toronto


def nudges(chat: Chat, to: str | None = None) -> list[OutboxMessage]:
    found = [o for o in chat.outbox() if o.idempotency_key.startswith("nudge:")]
    return [o for o in found if o.target == to] if to else found


def escalations(chat: Chat) -> list[OutboxMessage]:
    """Messages carrying an escalation: a person's daily message with some, or a project channel post."""
    return [o for o in chat.outbox() if o.idempotency_key.startswith("escalate:") or (o.meta or {}).get("escalations")]


def run(chat: Chat, at: datetime):  # type: ignore[no-untyped-def]
    chat.now = at
    return passes.nudges(chat.sessions, at)


def owing(ehr: Chat) -> Chat:
    """Kim owes two overdue actions, a risk review and a gate decision by Wednesday 25 Nov."""
    ehr.now = MON_10AM - timedelta(days=14)
    ehr.ok("sam", '/action @kim "Book the downtime drill" due:+3d')
    ehr.ok("sam", '/action @kim "Update super-user roster" due:+5d')
    ehr.ok("kim", '/risk "Night shift coverage thin" L2 I5')  # high: review in 14 days
    ehr.ok("sam", '/gate request "Training sign-off" approvers:@kim')
    return ehr


def test_everything_owed_comes_in_one_dm_with_buttons(ehr: Chat) -> None:
    owing(ehr)
    report = run(ehr, MON_10AM)
    [dm] = nudges(ehr, "kim")
    assert report.nudged == 1 and dm.idempotency_key.endswith(":2026-11-23")
    refs = [i["ref"] for i in dm.meta["items"]]
    assert sorted(refs) == ["A-1", "A-2", "G-1", "R-1"]
    text = shown(Reply.from_json(dm.payload))
    assert text.startswith("Good morning, Kim — 4 things need you")
    assert "A-1* Book the downtime drill — EHR · *11 days overdue*" in text
    assert "R-1* Night shift coverage thin — EHR · L2 × I5 = 10 (high) · review due today" in text
    assert "G-1* Training sign-off — EHR · your decision, waiting 14 days" in text
    assert text.count("[Snooze 1 day]") == 4 and "[Done]" in text and "[Blocked]" in text and "[Approve]" in text


def test_at_most_one_dm_a_day(ehr: Chat) -> None:
    owing(ehr)
    run(ehr, MON_10AM)
    assert run(ehr, MON_10AM + timedelta(hours=3)).nudged == 0
    assert len(nudges(ehr, "kim")) == 1
    run(ehr, MON_10AM + timedelta(days=1))
    assert len(nudges(ehr, "kim")) == 2


def test_nights_weekends_holidays_and_away_are_skipped(ehr: Chat) -> None:
    owing(ehr)
    assert run(ehr, datetime(2026, 11, 24, 8, 0, tzinfo=UTC)).nudged == 0  # Tue 03:00 Toronto
    assert run(ehr, datetime(2026, 11, 23, 23, 30, tzinfo=UTC)).nudged == 0  # Mon 18:30 Toronto
    assert run(ehr, datetime(2026, 11, 28, 15, 0, tzinfo=UTC)).nudged == 0  # Saturday
    ehr.ok("pat", "/pmo holidays add 2026-11-26", channel="#pmo")
    assert run(ehr, datetime(2026, 11, 26, 15, 0, tzinfo=UTC)).skipped["holiday"] >= 1
    ehr.ok("pat", "/pmo holidays country CA-ON", channel="#pmo")
    assert run(ehr, datetime(2026, 12, 25, 15, 0, tzinfo=UTC)).nudged == 0  # Christmas, a Friday
    ehr.now = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
    ehr.ok("kim", "/pmo prefs away until 2026-12-01")
    assert run(ehr, datetime(2026, 11, 30, 15, 0, tzinfo=UTC)).skipped["away"] >= 1
    assert nudges(ehr, "kim") == []
    run(ehr, datetime(2026, 12, 2, 15, 0, tzinfo=UTC))
    assert len(nudges(ehr, "kim")) == 1


def test_own_hours_days_and_time_zone(ehr: Chat) -> None:
    owing(ehr)
    ehr.ok("kim", "/pmo prefs hours 19:00-23:30 sun-thu")
    ehr.ok("kim", "/pmo prefs tz Europe/London")
    run(ehr, datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 15:00 London: before her shift
    assert nudges(ehr, "kim") == []
    run(ehr, datetime(2026, 11, 22, 19, 30, tzinfo=UTC))  # Sunday 19:30 London
    assert [o.idempotency_key.rsplit(":", 1)[1] for o in nudges(ehr, "kim")] == ["2026-11-22"]


def test_snoozed_items_wait_and_done_items_stop(ehr: Chat) -> None:
    owing(ehr)
    ehr.now = MON_10AM - timedelta(hours=1)
    ehr.ok("kim", "/pmo snooze A-1 1d")
    ehr.ok("kim", "/action A-2 done")
    run(ehr, MON_10AM)
    [dm] = nudges(ehr, "kim")
    assert sorted(i["ref"] for i in dm.meta["items"]) == ["G-1", "R-1"]
    run(ehr, MON_10AM + timedelta(days=1))
    assert "A-1" in [i["ref"] for i in nudges(ehr, "kim")[-1].meta["items"]]


def test_escalation_ladder_pm_after_two_ignored_then_sponsors_after_four(ehr: Chat) -> None:
    ehr.now = MON_10AM - timedelta(days=3)
    ehr.ok("sam", '/action @alex "Retest the lab interface" due:tomorrow')
    days = [MON_10AM + timedelta(days=d) for d in (0, 1, 2, 3, 4)]  # Mon..Fri
    run(ehr, days[0])
    run(ehr, days[1])
    assert escalations(ehr) == []  # two nudges sent, none ignored yet
    run(ehr, days[2])  # the third day: two nudges ignored
    [to_pm] = escalations(ehr)
    assert to_pm.target == "sam" and "Alex Moreau hasn't answered 2 nudges about" in Reply.from_json(to_pm.payload).text
    run(ehr, days[3])
    assert len(escalations(ehr)) == 1  # each step once
    run(ehr, days[4])  # four ignored
    assert sorted(o.target for o in escalations(ehr)) == ["dana", "maria", "sam"]
    events = ehr.all(select(AuditEvent).where(AuditEvent.action == "nudge.escalate").order_by(AuditEvent.seq))
    assert [(e.entity, e.after["level"], e.after["ignored_nudges"]) for e in events] == [
        ("A-1", "pm", 2),
        ("A-1", "sponsor", 4),
    ]
    assert len(nudges(ehr, "alex")) == 5


def test_the_ladder_is_configurable_and_can_use_the_project_channel(ehr: Chat) -> None:
    ehr.refused("sam", "/project escalation EHR pm:3 sponsor:2", usage_key="project escalation")
    ehr.refused("kim", "/project escalation EHR pm:1")
    ehr.refused("sam", "/project escalation EHR", usage_key="project escalation")
    ehr.ok("sam", "/project escalation EHR pm:1 to:channel")
    ehr.now = MON_10AM - timedelta(days=3)
    ehr.ok("sam", '/action @alex "Retest" due:tomorrow')
    run(ehr, MON_10AM)
    run(ehr, MON_10AM + timedelta(days=1))
    [told] = escalations(ehr)
    assert (told.target_kind.value, told.target) == ("channel", "#ehr")


def test_a_critical_risk_past_review_goes_straight_to_the_sponsors(ehr: Chat) -> None:
    ehr.now = MON_10AM - timedelta(days=10)
    ehr.ok("kim", '/risk "Interface may drop orders" L4 I5')  # review in 7 days: 3 days late now
    run(ehr, MON_10AM)
    assert sorted(o.target for o in escalations(ehr)) == ["dana", "maria"]
    assert "Critical and overdue, owed by Kim Nguyen" in Reply.from_json(escalations(ehr)[0].payload).text
    run(ehr, MON_10AM + timedelta(days=1))
    assert len(escalations(ehr)) == 2


def test_a_gate_past_its_due_date_goes_to_the_sponsors(ehr: Chat) -> None:
    ehr.now = MON_10AM - timedelta(days=5)
    ehr.ok("sam", '/gate request "Build complete" approvers:@alex due:+2d')
    run(ehr, MON_10AM)
    assert sorted(o.target for o in escalations(ehr)) == ["dana", "maria"]


def test_a_critical_risk_due_for_review_today_is_not_yet_past_review(ehr: Chat) -> None:
    """ "Past review" is read in the owner's own calendar: on the review date itself (10:00 in Toronto, when it
    is already tomorrow further east) the owner is nudged, and the sponsors hear only once it is late."""
    ehr.now = MON_10AM - timedelta(days=7)
    ehr.ok("kim", '/risk "Interface may drop orders" L4 I5')  # critical: review in 7 days, i.e. Monday
    run(ehr, MON_10AM)
    assert [i["ref"] for i in nudges(ehr, "kim")[0].meta["items"]] == ["R-1"]
    assert escalations(ehr) == []
    run(ehr, MON_10AM + timedelta(days=1))
    assert sorted(o.target for o in escalations(ehr)) == ["dana", "maria"]


def test_a_gate_due_today_is_not_yet_past_its_due_date(ehr: Chat) -> None:
    ehr.now = MON_10AM - timedelta(days=5)
    ehr.ok("sam", '/gate request "Build complete" approvers:@alex due:+5d')  # due Monday
    run(ehr, MON_10AM)
    assert len(nudges(ehr, "alex")) == 1 and escalations(ehr) == []
    run(ehr, MON_10AM + timedelta(days=1))
    assert sorted(o.target for o in escalations(ehr)) == ["dana", "maria"]


def test_reviewing_a_risk_starts_a_new_round(ehr: Chat) -> None:
    ehr.now = MON_10AM - timedelta(days=15)
    ehr.ok("kim", '/risk "Vendor late" L2 I5')  # due for review today
    for d in range(3):
        run(ehr, MON_10AM + timedelta(days=d))
    assert len(escalations(ehr)) == 1  # PM told on the third day
    ehr.now = MON_10AM + timedelta(days=3, hours=-1)
    ehr.ok("kim", "/risk R-1 reviewed")
    state = ehr.scalar(select(NudgeState))
    assert state.count == 3
    ehr.now = MON_10AM + timedelta(days=17)  # due again 14 days later
    run(ehr, ehr.now)
    state = ehr.scalar(select(NudgeState))
    assert (state.count, state.escalation_level) == (1, 0)


def test_a_reply_in_the_nudge_thread_is_a_comment_on_its_items(ehr: Chat) -> None:
    owing(ehr)
    run(ehr, MON_10AM)
    sender = RecordingSender()
    Dispatcher(ehr.sessions, {Platform.CONSOLE: sender}).run_once(MON_10AM)
    [dm] = [p for p in sender.to("kim") if "need you" in p.reply.text]
    reply = ehr.rounds.thread_reply(
        ehr.context("kim", channel=None), "D-kim", dm.ts, "Drill booked for Thursday night shift"
    )
    assert reply.text == "📝 Noted on A-1, A-2, R-1, G-1."
    comments = ehr.all(select(Comment).order_by(Comment.id))
    assert len(comments) == 4 and {c.source for c in comments} == {"nudge-thread"}
    refused = ehr.rounds.thread_reply(
        ehr.context("kim", channel=None), "D-kim", dm.ts, "pt John Smith MRN 1234567 is fine"
    )
    assert refused.error and len(ehr.all(select(Comment))) == 4
    assert ehr.rounds.thread_reply(ehr.context("kim", channel=None), "D-kim", "999.1", "hello").text == ""


def test_a_gate_30_days_past_due_expires_and_its_cards_lose_their_buttons(ehr: Chat) -> None:
    from storage.models import Gate, GateStatus

    ehr.now = MON_10AM - timedelta(days=40)
    ehr.ok("sam", '/gate request "Build complete" approvers:@dana due:+5d')
    run(ehr, MON_10AM - timedelta(days=6))  # 29 days past due: still pending
    assert ehr.scalar(select(Gate.status)) == GateStatus.PENDING
    run(ehr, MON_10AM)
    assert ehr.scalar(select(Gate.status)) == GateStatus.EXPIRED
    [update_row] = [o for o in ehr.outbox() if o.idempotency_key.endswith(":expired")]
    card = shown(Reply.from_json(update_row.payload))
    assert "[Approve]" not in card and "Expired" in card
    assert [o.target for o in ehr.outbox() if o.idempotency_key.endswith(":expired:notice")] == ["sam"]
    assert ehr.scalar(select(AuditEvent.action).where(AuditEvent.action == "gate.expired")) == "gate.expired"
    assert (
        "expired on Mon 23 Nov without a decision: nobody decided it" in ehr.refused("dana", "/gate approve G-1").text
    )
    run(ehr, MON_10AM + timedelta(days=1))
    assert len([o for o in ehr.outbox() if o.idempotency_key.endswith(":expired")]) == 1


def test_a_decision_made_while_gates_are_being_expired_stands(ehr: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock reads which gates to expire, then expires them. An approver who decides in between (PostgreSQL
    lets them: nothing is locked yet) keeps their decision: the gate stays approved, not expired."""
    from commands.nudges import expiry
    from storage.models import Gate, GateStatus

    if ehr.engine.dialect.name != "postgresql":
        pytest.skip("on SQLite the clock's pass holds the write lock, so nobody decides in between")
    ehr.now = MON_10AM - timedelta(days=40)
    ehr.ok("sam", '/gate request "Build complete" approvers:@dana due:+5d')
    decided: list[Reply] = []
    real_update = expiry.update

    def decide_first(*args, **kwargs):  # type: ignore[no-untyped-def]
        if not decided:
            decided.append(ehr.say("dana", '/gate approve G-1 "Late, but ready" waive:"checked at the review"'))
        return real_update(*args, **kwargs)

    monkeypatch.setattr(expiry, "update", decide_first)
    run(ehr, MON_10AM)
    assert decided and not decided[0].error
    assert ehr.scalar(select(Gate.status)) == GateStatus.APPROVED
    assert not [o for o in ehr.outbox() if o.idempotency_key.endswith(":expired:notice")]
    assert ehr.scalar(select(AuditEvent.id).where(AuditEvent.action == "gate.expired")) is None


def test_a_delegates_nudge_names_the_approver_without_nested_brackets(ehr: Chat) -> None:
    """Dana (whose name carries her role in brackets) is away with Kim as her delegate: Kim's nudge says whom
    she decides for as "on behalf of", never "(for Dr. Dana Whitfield (CMIO))"."""
    ehr.now = MON_10AM - timedelta(days=3)
    ehr.ok("dana", "/pmo prefs delegate @kim until +2w")
    ehr.ok("sam", '/gate request "Training sign-off" approvers:@dana')
    with ehr.sessions.begin() as s:  # her name as a chat profile may give it
        s.scalars(select(Person).where(Person.handle == "dana")).one().display_name = "Dr. Dana Whitfield (CMIO)"
    run(ehr, MON_10AM)
    [dm] = nudges(ehr, "kim")
    text = shown(Reply.from_json(dm.payload))
    assert "G-1* Training sign-off on behalf of Dr. Dana Whitfield (CMIO) — EHR" in text
    assert "((" not in text and "))" not in text
