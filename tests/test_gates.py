"""Stage gates: request, cards and DMs, quorum, delegation, conditions, and decisions that are final."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from commands.replies import Reply
from storage.models import Action, AuditEvent, Gate, GateDecision, GateStatus, OutboxMessage, TargetKind
from tests.support.chat import Chat, shown


def gate(chat: Chat, number: int = 1) -> Gate:
    return chat.scalar(select(Gate).where(Gate.number == number))


def test_request_posts_the_card_to_the_channel_and_dms_each_approver(ehr: Chat) -> None:
    reply = ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana,@maria quorum:all due:+10d')
    assert reply.visibility == "private"
    assert "G-1 requested; the card went to 1 channel and 2 approvers" in reply.text
    g = gate(ehr)
    assert [a.person.handle for a in g.approvers] == ["dana", "maria"]
    assert g.due == date(2026, 12, 3) and g.status == GateStatus.PENDING
    assert [c["text"] for c in g.checklist][:1] == ["Downtime procedures tested"]  # from the waterfall template
    out = ehr.outbox()
    assert [(o.target_kind, o.target) for o in out] == [
        (TargetKind.CHANNEL, "#ehr"),
        (TargetKind.USER, "dana"),
        (TargetKind.USER, "maria"),
    ]
    # each copy is its own subject, so an update keeps each DM addressed to its reader
    assert [o.subject for o in out] == [
        f"gate:{g.id}",
        f"gate:{g.id}:ask:{g.approvers[0].person_id}",
        f"gate:{g.id}:ask:{g.approvers[1].person_id}",
    ]
    card = shown(Reply.from_json(out[0].payload))
    assert "G-1 · EHR: Go-live readiness" in card and "[Approve]" in card and "[Reject]" in card
    assert "⏳ Dana Whitfield — waiting" in card


def test_default_approvers_are_the_template_roles_or_sponsors(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Go-live readiness"')
    assert sorted(a.person.handle for a in gate(ehr).approvers) == ["dana", "maria"]
    ehr.ok("sam", '/gate request "Pharmacy sign-off"')
    assert sorted(a.person.handle for a in gate(ehr, 2).approvers) == ["dana", "maria"]


def test_requester_cannot_approve_their_own_gate(ehr: Chat) -> None:
    assert (
        "can't approve your own gate"
        in ehr.refused("dana", '/gate request "Budget" approvers:@dana,@maria', usage_key="gate request").text
    )
    ehr.ok("dana", '/gate request "Budget" approvers:@maria')
    assert "you can't decide it" in ehr.refused("dana", "/gate approve G-1").text


def test_quorum_all_needs_everyone_and_the_card_is_updated_each_time(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana,@maria')
    first = ehr.ok("dana", '/gate approve G-1 "Build looks solid"')
    assert "Needs 1 more approval" in first.text or "1 more approval" in shown(first)
    assert gate(ehr).status == GateStatus.PENDING
    updates = [o for o in ehr.outbox() if o.target_kind == TargetKind.UPDATE]
    assert [o.target for o in updates] == [f"gate:{g.id}" for g in [gate(ehr)]] + [
        f"gate:{gate(ehr).id}:ask:{a.person_id}" for a in gate(ehr).approvers
    ]  # the channel copies, then each approver's DM
    assert "✅ Dana Whitfield approved: “Build looks solid”" in shown(Reply.from_json(updates[0].payload))
    ehr.later(hours=2)
    ehr.ok("maria", "/gate approve G-1")
    g = gate(ehr)
    assert g.status == GateStatus.APPROVED and g.decided_at == ehr.now
    last = shown(Reply.from_json([o for o in ehr.outbox() if o.target_kind == TargetKind.UPDATE][-1].payload))
    assert "[Approve]" not in last and "final" in last
    outcome = [o for o in ehr.outbox() if o.idempotency_key == f"gate:{g.id}:outcome"]
    assert outcome and outcome[0].target == "sam"


def test_quorum_any_and_n(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Design sign-off" approvers:@dana,@maria,@alex quorum:any')
    ehr.ok("alex", "/gate approve G-1")
    assert gate(ehr).status == GateStatus.APPROVED
    ehr.ok("sam", '/gate request "Cutover plan" approvers:@dana,@maria,@alex quorum:2')
    ehr.ok("alex", "/gate approve G-2")
    assert gate(ehr, 2).status == GateStatus.PENDING
    ehr.ok("maria", "/gate approve G-2")
    assert gate(ehr, 2).status == GateStatus.APPROVED
    assert (
        "needs at least 4 approvers"
        in ehr.refused("sam", '/gate request "X" approvers:@dana,@maria quorum:4', usage_key="gate request").text
    )


def test_must_include_role(ehr: Chat) -> None:
    assert (
        "No approver holds the cmio role"
        in ehr.refused("sam", '/gate request "X" approvers:@maria,@alex must:cmio').text
    )
    ehr.ok("sam", '/gate request "Clinical go-live" approvers:@dana,@maria,@alex quorum:any must:cmio')
    ehr.ok("maria", "/gate approve G-1")
    assert gate(ehr).status == GateStatus.PENDING  # an approval, but not from the CMIO
    ehr.ok("dana", "/gate approve G-1")
    assert gate(ehr).status == GateStatus.APPROVED


def test_a_rejection_needs_a_reason_and_rejects_the_gate(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana,@maria')
    ehr.refused("dana", "/gate reject G-1", usage_key="gate reject")
    ehr.ok("dana", '/gate reject G-1 "Downtime drill not done on 4 West"')
    g = gate(ehr)
    assert g.status == GateStatus.REJECTED
    d = ehr.scalar(select(GateDecision))
    assert (d.decision.value, d.comment) == ("reject", "Downtime drill not done on 4 West")


def test_a_decision_is_final_and_a_decided_gate_says_who_decided(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana,@maria')
    ehr.ok("dana", "/gate approve G-1")
    assert "You already decided G-1 (approve)" in ehr.refused("dana", '/gate reject G-1 "changed my mind"').text
    ehr.ok("maria", "/gate approve G-1")
    reply = ehr.refused("maria", "/gate approve G-1")
    assert "G-1 was already approved" in reply.text and "Dana Whitfield (approve)" in reply.text
    assert len(ehr.all(select(GateDecision))) == 2


def test_only_approvers_decide(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Build complete" approvers:@dana')
    assert "You're not an approver of G-1" in ehr.refused("kim", "/gate approve G-1").text


def test_conditions_become_actions_for_the_requester(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Go-live sign-off" approvers:@dana')
    reply = ehr.ok("dana", '/gate approve G-1 conditions:"Run the downtime drill; Staff the command centre"')
    assert "2 conditions became actions for Sam Rivera" in shown(reply)
    acts = ehr.all(select(Action).order_by(Action.number))
    assert [a.text for a in acts] == [
        "Condition of G-1: Run the downtime drill",
        "Condition of G-1: Staff the command centre",
    ]
    assert all(a.owner.handle == "sam" and a.gate_id == gate(ehr).id and a.due == date(2026, 12, 7) for a in acts)
    assert ehr.scalar(select(GateDecision.decision)).value == "approve-with-conditions"


def test_abstain_lowers_the_bar_for_all(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Budget" approvers:@dana,@maria')
    ehr.ok("maria", '/gate abstain G-1 "Conflict of interest"')
    assert gate(ehr).status == GateStatus.PENDING
    ehr.ok("dana", "/gate approve G-1")
    assert gate(ehr).status == GateStatus.APPROVED


def test_delegate_decides_on_behalf_and_one_person_counts_once(ehr: Chat) -> None:
    ehr.ok("dana", "/pmo prefs delegate @alex until +2w")
    ehr.ok("sam", '/gate request "Go-live sign-off" approvers:@dana,@maria')
    dm_targets = sorted(o.target for o in ehr.outbox() if o.target_kind == TargetKind.USER)
    assert dm_targets == ["alex", "maria"]  # dana's card goes to her delegate
    reply = ehr.ok("alex", "/gate approve G-1")
    assert "on behalf of Dana Whitfield" in reply.text
    d = ehr.scalar(select(GateDecision))
    assert (d.approver.handle, d.decided_by.handle) == ("dana", "alex")
    event = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "gate.decide"))
    assert event.after["on_behalf"] is True and event.after["decided_by"] == "alex"
    assert "already decided" in ehr.refused("dana", "/gate approve G-1").text
    # an approver who is also a delegate decides only for themselves
    ehr.ok("maria", "/pmo prefs delegate @dana until +1w")
    ehr.ok("sam", '/gate request "Close-out" approvers:@dana,@maria')
    ehr.ok("dana", "/gate approve G-2")
    assert "You already decided G-2" in ehr.refused("dana", "/gate approve G-2").text


def test_a_delegate_for_two_approvers_still_counts_once(ehr: Chat) -> None:
    """Dana and Maria both delegate to Alex. Alex decides once, on behalf of one of them; the other decides
    for herself (and is nudged, not Alex): one person's judgement never counts twice towards a quorum."""
    ehr.ok("dana", "/pmo prefs delegate @alex until +2w")
    ehr.ok("maria", "/pmo prefs delegate @alex until +2w")
    ehr.ok("sam", '/gate request "Budget" approvers:@dana,@maria,@kim quorum:2')
    assert "on behalf of Dana Whitfield" in ehr.ok("alex", "/gate approve G-1").text
    assert "counts once" in ehr.refused("alex", "/gate approve G-1").text
    assert gate(ehr).status == GateStatus.PENDING and len(gate(ehr).decisions) == 1
    home = shown(ehr.rounds.home(ehr.context("alex")))
    assert "Awaiting your decision* (0)" in home
    assert "G-1" in shown(ehr.rounds.home(ehr.context("maria")))
    ehr.ok("maria", "/gate approve G-1")
    assert gate(ehr).status == GateStatus.APPROVED


def test_an_approver_who_delegated_to_the_requester_still_gets_the_card(ehr: Chat) -> None:
    """Dana delegates to Sam while away; Sam, who may not decide his own gate, requests one Dana approves. The card
    and the nudges go to Dana herself: routing them to Sam would leave the one person who can decide untold."""
    ehr.ok("dana", "/pmo prefs delegate @sam until +2w")
    ehr.ok("sam", '/gate request "Budget" approvers:@dana')
    assert [o.target for o in ehr.outbox() if o.target_kind == TargetKind.USER] == ["dana"]
    assert "G-1" in shown(ehr.rounds.home(ehr.context("dana")))
    assert "Awaiting your decision* (0)" in shown(ehr.rounds.home(ehr.context("sam")))
    ehr.ok("dana", "/gate approve G-1")
    assert gate(ehr).status == GateStatus.APPROVED


def test_a_delegate_who_approves_the_gate_too_gets_one_card_and_the_gate_can_pass(ehr: Chat) -> None:
    """Dana delegates to Maria while away; both approve the gate. Maria decides for herself only (one person
    counts once), so Dana's card and nudges stay with Dana: sending both to Maria gave her two identical cards
    and left a quorum-all gate that could never pass."""
    ehr.ok("dana", "/pmo prefs delegate @maria until +2w")
    ehr.ok("sam", '/gate request "Budget" approvers:@dana,@maria')
    assert sorted(o.target for o in ehr.outbox() if o.target_kind == TargetKind.USER) == ["dana", "maria"]
    assert shown(ehr.rounds.home(ehr.context("maria"))).count("G-1") == 1
    assert "G-1" in shown(ehr.rounds.home(ehr.context("dana")))
    ehr.ok("maria", "/gate approve G-1")
    assert "You already decided G-1" in ehr.refused("maria", "/gate approve G-1").text
    assert gate(ehr).status == GateStatus.PENDING
    ehr.ok("dana", "/gate approve G-1")
    assert gate(ehr).status == GateStatus.APPROVED
    assert {(d.approver.handle, d.decided_by.handle) for d in gate(ehr).decisions} == {
        ("dana", "dana"),
        ("maria", "maria"),
    }


def test_expired_delegation_no_longer_counts(ehr: Chat) -> None:
    ehr.ok("dana", "/pmo prefs delegate @alex until tomorrow")
    ehr.ok("sam", '/gate request "Budget" approvers:@dana')
    ehr.later(days=3)
    assert "not an approver" in ehr.refused("alex", "/gate approve G-1").text


def test_withdraw_and_checklist(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana')
    ehr.refused("sam", "/gate check G-1", usage_key="gate check")
    ehr.ok("sam", "/gate check G-1 2")
    ehr.ok("sam", "/gate check G-1 cutover")
    items = gate(ehr).checklist
    assert [bool(i["done_by"]) for i in items] == [False, True, True, False, False]
    assert "already ticked" in ehr.refused("sam", "/gate check G-1 2").text
    ehr.refused("sam", "/gate check G-1 9", usage_key="gate check")
    assert "Only whoever requested G-1" in ehr.refused("kim", "/gate withdraw G-1").text
    ehr.ok("sam", '/gate withdraw G-1 "Moving go-live"')
    assert gate(ehr).status == GateStatus.WITHDRAWN
    assert "was withdrawn" in ehr.refused("dana", "/gate approve G-1").text


def test_list_show_and_bare_gate(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana')
    ehr.ok("sam", '/gate request "Close-out" approvers:@dana')
    ehr.ok("dana", "/gate approve G-1")
    pending = shown(ehr.ok("sam", "/gate"))
    assert "G-2" in pending and "G-1" not in pending
    assert "G-1" in shown(ehr.ok("sam", "/gate list EHR all"))
    detail = ehr.ok("kim", "/gate G-1")
    assert detail.visibility == "private" and "approved" in detail.text
    ehr.refused("sam", "/gate G-1 extra words", usage_key="gate")
    ehr.refused("sam", "/gate approve", usage_key="gate approve")
    ehr.refused("sam", "/gate dance G-1", usage_key="gate")
    assert "no gate G-7" in ehr.refused("sam", "/gate G-7").text


def test_gate_request_errors(ehr: Chat) -> None:
    ehr.refused("sam", '/gate request "X" quorum:most', usage_key="gate request")
    ehr.refused("sam", '/gate request "X" due:2020-01-01', usage_key="gate request")
    ehr.refused("sam", '/gate request "X" approvers:dana', usage_key="gate request")
    ehr.refused("sam", "/gate request approvers:@dana", usage_key="gate request")
    assert "Only EHR's PM" in ehr.refused("kim", '/gate request "X" approvers:@dana').text
    assert ehr.ok("sam", "/gate request").form.name == "gate.request"
    assert (
        "200 characters"
        in ehr.refused("sam", '/gate request "' + "y" * 201 + '" approvers:@dana', usage_key="gate request").text
    )


def test_phi_in_a_gate_comment_is_refused(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana')
    ehr.refused("dana", '/gate reject G-1 "Pt Robert Jones (DOB 3/4/1941) was harmed in the last test"')
    assert gate(ehr).status == GateStatus.PENDING


def test_reject_form_submission(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana')
    reply = ehr.submit("dana", "gate.reject", {"reason": "Training below 80%"}, {"gate": "G-1"})
    assert not reply.error and gate(ehr).status == GateStatus.REJECTED
    assert "lost track" in ehr.submit("dana", "gate.reject", {"reason": "x"}, {}).text


def test_outbox_rows_are_in_the_same_transaction_as_the_decision(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Build complete" approvers:@dana')
    before = len(ehr.outbox())
    ehr.refused("dana", '/gate reject G-1 ""')
    assert len(ehr.outbox()) == before
    assert ehr.scalar(select(OutboxMessage.id).where(OutboxMessage.target_kind == TargetKind.UPDATE)) is None


def test_approving_with_conditions_while_someone_assigns_an_action_does_not_deadlock(ehr: Chat, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL. Assigning an action takes the next A- number, then appends to the audit chain; approving with
    conditions must take its locks in the same order, or the two wait for each other until PostgreSQL kills
    one of them (and the speaker gets "something went wrong"). Here Sam's `/action` has its number and is held
    there while Dana approves with a condition."""
    import threading

    from commands import actions
    from storage import audit

    if ehr.engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one writer at a time")
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana')
    decided, numbered = threading.Event(), threading.Event()
    real_next, real_record = actions.next_number, audit.record

    def next_number(*args, **kwargs):  # type: ignore[no-untyped-def]
        n = real_next(*args, **kwargs)
        if threading.current_thread().name == "sam":
            numbered.set()
            decided.wait(3)  # until Dana's decision is in the audit chain (or it is clearly waiting on us)
        return n

    def record(*args, **kwargs):  # type: ignore[no-untyped-def]
        event = real_record(*args, **kwargs)
        if kwargs.get("action") == "gate.decide":
            decided.set()
        return event

    monkeypatch.setattr(actions, "next_number", next_number)
    monkeypatch.setattr(audit, "record", record)
    replies: dict[str, Reply] = {}
    sam = threading.Thread(
        name="sam", target=lambda: replies.update(sam=ehr.say("sam", '/action @kim "Book the drill" due:fri'))
    )
    sam.start()
    assert numbered.wait(5)
    replies["dana"] = ehr.say(
        "dana", '/gate approve G-1 conditions:"Staff the command centre" waive:"Reviewed at steering"'
    )
    sam.join(10)
    assert not replies["sam"].error, replies["sam"].text
    assert not replies["dana"].error, replies["dana"].text
    assert sorted(a.number for a in ehr.all(select(Action))) == [1, 2]
