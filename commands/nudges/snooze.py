"""Snoozing an item you are being nudged about: bounded to 2 weeks at a time and 3 times per item."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from commands import format as fmt
from commands import lookup, trail
from commands.context import Actor
from commands.errors import Conflict, Forbidden
from commands.grammar import models as m
from commands.replies import Reply, Section
from storage.models import Action, Gate, ItemKind, NudgeState, Person, Project, Risk
from storage.uow import UnitOfWork

MAX_SNOOZES = 3
MAX_DAYS = 14


def snooze(cmd: m.Snooze, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    me = actor.person.id
    kind = ItemKind(cmd.kind)
    item: Project | Action | Risk | Gate
    if kind == ItemKind.PROJECT:
        project = lookup.project(s, actor, cmd.ref)
        item, label, mine = project, project.key, project.pm_id == me
    elif kind == ItemKind.GATE:
        gate = lookup.numbered(s, actor, Gate, int(cmd.ref))
        item, label = gate, gate.ref
        mine = any(a.person_id == me or _delegate_id(a.person, actor) == me for a in gate.approvers)
    elif kind == ItemKind.ACTION:
        action = lookup.numbered(s, actor, Action, int(cmd.ref))
        item, label, mine = action, action.ref, action.owner_id == me
    else:
        risk = lookup.numbered(s, actor, Risk, int(cmd.ref))
        item, label, mine = risk, risk.ref, risk.owner_id == me
    if not mine:
        raise Forbidden(f"You can only snooze what you owe; {label} isn't yours.")
    state = s.scalar(
        select(NudgeState).where(
            NudgeState.person_id == me, NudgeState.item_kind == kind, NudgeState.item_id == item.id
        )
    )
    if state is None:
        state = NudgeState(
            workspace_id=actor.workspace.id,
            person_id=me,
            item_kind=kind,
            item_id=item.id,
            count=0,
            snooze_count=0,
            escalation_level=0,
        )
        s.add(state)
    if state.snooze_count >= MAX_SNOOZES:
        raise Conflict(
            f"You've snoozed {label} {MAX_SNOOZES} times already; it stays on your list and goes up the escalation ladder if it's ignored."
        )
    before: dict[str, Any] = {"snoozed_until": state.snoozed_until, "snooze_count": state.snooze_count}
    was_snoozed = state.snoozed_until is not None and state.snoozed_until > actor.now
    # A second snooze extends the first (from when it ends), never past two weeks from now.
    start = max(actor.now, state.snoozed_until) if state.snoozed_until else actor.now
    until = min(start + timedelta(days=cmd.days), actor.now + timedelta(days=MAX_DAYS))
    if state.snoozed_until and until <= state.snoozed_until:
        raise Conflict(
            f"{label} is already snoozed until {_day(state.snoozed_until, actor)}, the most a snooze reaches "
            f"({MAX_DAYS} days from now); nothing changed and no snooze was used."
        )
    state.snoozed_until = until
    state.snooze_count += 1
    state.count = 0  # a snooze is an answer: the nudges before it were not ignored
    trail.log(
        s,
        actor,
        "nudge.snooze",
        label,
        before,
        {"snoozed_until": state.snoozed_until, "snooze_count": state.snooze_count},
    )
    left = MAX_SNOOZES - state.snooze_count
    until_text = _day(state.snoozed_until, actor)
    extended = " (extended)" if was_snoozed else ""
    return Reply.private(
        f"Snoozed {label} until {until_text}{extended}.",
        Section(text=f"😴 Snoozed *{label}* until {until_text}{extended} ({fmt.plural(left, 'snooze')} left)."),
    )


def _day(at: datetime, actor: Actor) -> str:
    return fmt.day(at.astimezone(actor.tz).date(), actor.today)


def _delegate_id(person: Person, actor: Actor) -> int | None:
    """Who decides for this approver now, in the approver's own calendar (a lapsed delegate snoozes nothing)."""
    delegate = person.delegate_at(actor.now)
    return delegate.id if delegate is not None else None
