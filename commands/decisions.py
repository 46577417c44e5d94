"""Deciding a gate: approve (with conditions), reject, abstain — final once made, on behalf of an approver when a
delegate decides, and never past an open entry checklist without a waiver and its reason (all audited).

What everyone is told says what happened: the requester hears who rejected and why, or which conditions became
their actions; a gate that is no longer pending says how it ended (decided by whom, withdrawn, or expired with
nobody deciding)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from commands import actions, guard, lookup, notify, quorum, trail
from commands import format as fmt
from commands.context import Actor
from commands.errors import Conflict, Forbidden, UsageError
from commands.gatecard import decider_for
from commands.gates import roles_of, update_cards
from commands.grammar import models as m
from commands.replies import Reply, Section
from storage.models import Action, DecisionKind, Gate, GateDecision, GateStatus, Person
from storage.numbering import next_number
from storage.uow import UnitOfWork

CONDITION_DAYS = 14
APPROVING = ("approve", "approve-with-conditions")


def open_items(gate: Gate) -> list[tuple[int, str]]:
    """Entry checklist items neither ticked nor waived, numbered as the card shows them."""
    return [
        (i, str(c.get("text", "")))
        for i, c in enumerate(gate.checklist, 1)
        if not c.get("done_by") and not c.get("waived_by")
    ]


def how_it_ended(gate: Gate, actor: Actor) -> str:
    """Why a gate can no longer be decided, said truthfully."""
    when = f" on {fmt.day(gate.decided_at.date(), actor.today)}" if gate.decided_at else ""
    if gate.status == GateStatus.EXPIRED:
        return f"{gate.ref} expired{when} without a decision: nobody decided it. Its requester can request it again."
    if gate.status == GateStatus.WITHDRAWN:
        return f"{gate.ref} was withdrawn{when} before it was decided."
    by = "; ".join(f"{fmt.who(d.decided_by)} ({d.decision.value})" for d in gate.decisions)
    return f"{gate.ref} was already {gate.status.value}{when} — decided by {by}."


def decide(cmd: m.GateDecide, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    gate = lookup.numbered(s, actor, Gate, cmd.ref, lock=True)
    decisions = {d.approver_id: d for d in gate.decisions}
    if gate.status != GateStatus.PENDING:
        raise Conflict(how_it_ended(gate, actor))
    if gate.requester_id == actor.person.id:
        raise Forbidden("You requested this gate, so you can't decide it.")
    approver = _deciding_for(gate, actor, decisions)
    if cmd.decision == "reject" and not cmd.comment.strip():
        raise UsageError("A rejection needs a reason.", "gate reject", field="reason")
    guard.check(**{"reason" if cmd.decision == "reject" else "comment": cmd.comment})
    guard.check_all("condition", cmd.conditions, field="conditions")
    waived = _waive(gate, cmd, actor)
    decision = GateDecision(
        gate_id=gate.id,
        approver=approver,
        decided_by=actor.person,
        decision=DecisionKind(cmd.decision),
        comment=cmd.comment,
        conditions=cmd.conditions,
        created_at=actor.now,
    )
    try:
        with s.begin_nested():
            gate.decisions.append(decision)
            s.flush()
    except IntegrityError:
        raise Conflict(f"{fmt.who(approver)} already decided {gate.ref}.") from None
    on_behalf = approver.id != actor.person.id
    # The conditions' A- numbers are taken before the audit chain is appended to: the order every command
    # locks in (a number, then the chain), so a concurrent /action cannot deadlock with this decision.
    numbers = [next_number(s, actor.workspace.id, "action") for _ in cmd.conditions]
    trail.log(
        s,
        actor,
        "gate.decide",
        gate.ref,
        after={
            "approver": approver.handle,
            "decided_by": actor.person.handle,
            "on_behalf": on_behalf,
            "decision": cmd.decision,
            "comment": cmd.comment,
            "conditions": cmd.conditions,
        }
        | ({"waived": waived, "waiver": cmd.waiver} if waived else {}),
    )
    made = [
        actions.new_action(
            s,
            actor,
            gate.project,
            gate.requester_id,
            f"Condition of {gate.ref}: {text}",
            actor.today + timedelta(days=CONDITION_DAYS),
            number=number,
            gate_id=gate.id,
        )
        for number, text in zip(numbers, cmd.conditions, strict=True)
    ]
    t = quorum.tally(gate, roles_of(gate.project))
    if t.outcome is not None:
        gate.status, gate.decided_at = t.outcome, actor.now
        trail.log(s, actor, f"gate.{t.outcome.value}", gate.ref, {"status": "pending"}, {"status": t.outcome.value})
        notify.to_person(s, actor, gate.requester, _outcome_note(s, gate, actor), key=f"gate:{gate.id}:outcome")
    update_cards(s, actor, gate, key=f"gate:{gate.id}:v{len(gate.decisions)}")
    verb = {
        "approve": "approved",
        "approve-with-conditions": "approved",
        "reject": "rejected",
        "abstain": "abstained on",
    }[cmd.decision]
    who_ = f" on behalf of {fmt.who(approver)}" if on_behalf else ""
    who_ += " with conditions" if cmd.conditions else ""
    outcome = f" {gate.ref} is now *{t.outcome.value}*." if t.outcome else f" {t.remaining()}"
    extra = (
        f" {fmt.plural(len(made), 'condition')} became actions for {fmt.who(gate.requester)}: "
        + ", ".join(a.ref for a in made)
        + "."
        if made
        else ""
    )
    if waived:
        extra += f" Waived {fmt.plural(len(waived), 'open checklist item')}: “{fmt.clip(cmd.waiver, 200)}”."
    return Reply.private(
        f"You {verb} {gate.ref}{who_}.", Section(text=f"You {verb} *{gate.ref}*{who_}.{outcome}{extra}")
    )


def _waive(gate: Gate, cmd: m.GateDecide, actor: Actor) -> list[str]:
    """An approval with entry checklist items still open needs a waiver and its reason; the items are marked
    waived on the gate (the card shows it) and listed in the audit event. Returns the items waived."""
    if cmd.decision not in APPROVING:
        return []
    still_open = open_items(gate)
    if not still_open:
        return []
    if not cmd.waiver.strip():
        listed = "; ".join(f"{i}. {fmt.clip(text, 60)}" for i, text in still_open[:6])
        raise UsageError(
            f"{gate.ref}'s entry checklist has {fmt.plural(len(still_open), 'open item')}: {listed}. "
            f"{fmt.who(gate.requester)} ticks them (`/gate check {gate.ref} N`), or approve anyway with the reason: "
            f'`/gate approve {gate.ref} waive:"why"`.',
            "gate approve",
            field="waiver",
        )
    guard.check(waiver=cmd.waiver)
    guard.fits(cmd.waiver, 1000, "A waiver", "gate approve", field="waiver")
    numbers = {i for i, _ in still_open}
    gate.checklist = [
        dict(c) | ({"waived_by": actor.person.handle, "waiver": cmd.waiver} if i in numbers else {})
        for i, c in enumerate(gate.checklist, 1)
    ]
    return [text for _, text in still_open]


def _outcome_note(session: Session, gate: Gate, actor: Actor) -> Reply:
    """The requester's DM: rejected by whom and why; approved, with the conditions that are now their actions."""
    head = f"{fmt.GATE_MARK[gate.status]} *{gate.ref}* {fmt.clip(gate.name, 100)} on *{gate.project.key}*"
    lines = [f"{head} was *{gate.status.value}*."]
    summary = f"{gate.ref} {fmt.clip(gate.name, 60)} was {gate.status.value}"
    if gate.status == GateStatus.REJECTED:
        for d in gate.decisions:
            if d.decision == DecisionKind.REJECT:
                behalf = f" (on behalf of {fmt.who(d.approver)})" if d.decided_by_id != d.approver_id else ""
                lines.append(f"Rejected by {fmt.who(d.decided_by)}{behalf}: “{fmt.clip(d.comment, 500)}”")
                summary += f" by {fmt.who(d.decided_by)}: {fmt.clip(d.comment, 120)}"
    else:
        conditions = session.scalars(
            select(Action)
            .where(Action.gate_id == gate.id, Action.owner_id == gate.requester_id)
            .order_by(Action.number)
        ).all()
        if conditions:
            lines.append(f"Approved with {fmt.plural(len(conditions), 'condition')}, now your actions:")
            lines += [f"• *{a.ref}* {fmt.clip(a.text, 120)} — {fmt.due_phrase(a.due, actor.today)}" for a in conditions]
            summary += f"; {fmt.plural(len(conditions), 'condition is', 'conditions are')} now your actions: "
            summary += ", ".join(a.ref for a in conditions)
    return Reply.private(summary + ".", Section(text="\n".join(lines)))


def _deciding_for(gate: Gate, actor: Actor, decisions: dict[int, GateDecision]) -> Person:
    """The approver this decision counts for: the speaker, or someone who delegated to them.
    One person counts once: an approver cannot also decide on behalf of another, and a delegate of several
    approvers decides on behalf of one of them only."""
    me = actor.person
    approvers = [a.person for a in gate.approvers]
    if any(p.id == me.id for p in approvers):
        if me.id in decisions:
            d = decisions[me.id]
            raise Conflict(
                f"You already decided {gate.ref} ({d.decision.value}) on {fmt.day(d.created_at.date(), actor.today)}; decisions are final."
            )
        return me
    delegators = [p for p in approvers if p.id != me.id and decider_for(gate, p, actor.now).id == me.id]
    if not delegators:
        names = ", ".join(fmt.who(p) for p in approvers)
        raise Forbidden(f"You're not an approver of {gate.ref} (approvers: {names}).")
    pending = [p for p in delegators if p.id not in decisions]
    if not pending:
        raise Conflict(f"{fmt.who(delegators[0])} already decided {gate.ref}; decisions are final.")
    mine = next((d for d in decisions.values() if d.decided_by_id == me.id), None)
    if mine is not None:
        raise Conflict(
            f"You already decided {gate.ref} on behalf of {fmt.who(mine.approver)}; one person counts once, "
            f"so {', '.join(fmt.who(p) for p in pending)} decides for themselves."
        )
    return pending[0]
