"""Snoozing an item you are being nudged about: bounded to 2 weeks at a time and 3 times per item."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from commands import format as fmt
from commands import lookup, trail
from commands.context import Actor
from commands.errors import Conflict, Forbidden
from commands.grammar import models as m
from commands.replies import Reply, Section
from storage.models import Action, Gate, ItemKind, NudgeState, Project, Risk
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
        mine = any(a.person_id == me or (a.person.delegate_id == me) for a in gate.approvers)
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
    before = {"snoozed_until": state.snoozed_until, "snooze_count": state.snooze_count}
    state.snoozed_until = actor.now + timedelta(days=min(cmd.days, MAX_DAYS))
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
    until = fmt.day(state.snoozed_until.astimezone(actor.tz).date(), actor.today)
    return Reply.private(
        f"Snoozed {label} until {until}.",
        Section(text=f"😴 Snoozed *{label}* until {until} ({fmt.plural(left, 'snooze')} left)."),
    )
