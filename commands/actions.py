"""Actions: who owes what by when. Assigning one tells the owner."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from commands import cards, guard, lookup, notify, people, policy, trail
from commands import format as fmt
from commands.context import Actor
from commands.errors import Conflict, Forbidden, UsageError
from commands.grammar import models as m
from commands.replies import Button, Buttons, Context, Header, Reply, Section
from storage.models import Action, ActionStatus, Comment, Gate, ItemKind, Project, Risk
from storage.numbering import next_number
from storage.uow import UnitOfWork

FIELDS = ("text", "owner_id", "due", "status", "blocked_reason")
LIVE = (ActionStatus.OPEN, ActionStatus.BLOCKED)


def item_buttons(a: Action) -> Buttons:
    return Buttons(
        buttons=(
            Button(label="Done", action="action.done", value=a.ref, style="primary", command=f"/action {a.ref} done"),
            Button(label="Blocked", action="action.blocked", value=a.ref, form="action.blocked"),
        )
    )


def create(cmd: m.ActionCreate, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "action")
    policy.require_team(actor, project, "assign its actions")
    guard.check(text=cmd.text)
    if cmd.due < actor.today:
        raise UsageError(f"The due date {fmt.day(cmd.due, actor.today)} is in the past.", "action")
    risk = lookup.numbered(s, actor, Risk, cmd.risk) if cmd.risk else None
    gate = lookup.numbered(s, actor, Gate, cmd.gate) if cmd.gate else None
    for linked in (risk, gate):
        if linked is not None and linked.project_id != project.id:
            raise UsageError(f"{linked.ref} belongs to {linked.project.key}, not {project.key}.", "action")
    owner = people.resolve(s, actor.workspace, cmd.owner, actor.ctx)
    action = new_action(
        s,
        actor,
        project,
        owner.id,
        cmd.text,
        cmd.due,
        risk_id=risk.id if risk else None,
        gate_id=gate.id if gate else None,
    )
    line = cards.action_line(action, actor.today)
    if owner.id != actor.person.id:
        notify.to_person(
            s,
            actor,
            owner,
            Reply.private(
                f"{fmt.who(actor.person)} assigned you {action.ref}: {fmt.clip(cmd.text, 120)}",
                Section(text=f"📌 {fmt.who(actor.person)} assigned you an action on *{project.key}*\n{line}"),
                item_buttons(action),
            ),
            key=f"assign:action:{action.id}",
        )
    return Reply.channel(f"{action.ref} assigned to {fmt.who(owner)}", Section(text=f"📌 {line}"))


def new_action(
    s: Session,
    actor: Actor,
    project: Project,
    owner_id: int,
    text: str,
    due: date,
    number: int | None = None,
    **links: int | None,
) -> Action:
    """A new action; `number` when the caller already took it (see gates.decide), else the next one."""
    action = Action(
        workspace_id=actor.workspace.id,
        number=number or next_number(s, actor.workspace.id, "action"),
        project=project,
        owner_id=owner_id,
        text=text,
        due=due,
        created_by_id=actor.person.id,
        created_at=actor.now,
        **links,
    )
    s.add(action)
    s.flush()
    s.refresh(action, ["owner"])
    trail.log(s, actor, "action.create", action.ref, after=trail.snapshot(action, *FIELDS, "risk_id", "gate_id"))
    return action


def list_actions(cmd: m.ActionList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    stmt = select(Action).where(Action.workspace_id == actor.workspace.id)
    scope = "all projects"
    # "mine" means everything I owe, wherever I ask from; other lists follow the channel's project
    project = lookup.list_scope(s, actor, cmd.project) if cmd.project or cmd.filter != "mine" else None
    if project is not None:
        stmt, scope = stmt.where(Action.project_id == project.id), project.key
    if cmd.filter != "all":
        stmt = stmt.where(Action.status.in_(LIVE))
    if cmd.filter == "mine":
        stmt = stmt.where(Action.owner_id == actor.person.id)
    if cmd.filter == "overdue":
        stmt = stmt.where(Action.due < actor.today)
    actions = s.scalars(stmt.order_by(Action.due, Action.number).limit(31)).all()
    title = {"open": "Open actions", "mine": "My actions", "overdue": "Overdue actions", "all": "All actions"}[
        cmd.filter
    ]
    title += f" · {scope}"
    if not actions:
        return Reply.private(f"{title}: none.", Section(text=f"*{title}*: none."))
    blocks = [
        Header(text=title),
        Section(text="\n".join(cards.action_line(a, actor.today, project is None) for a in actions[:30])),
    ]
    if len(actions) > 30:
        blocks.append(Context(text="Showing the first 30 by due date."))
    return Reply.private(f"{title}: {min(len(actions), 30)}", *blocks)


def show(cmd: m.ActionShow, actor: Actor, uow: UnitOfWork) -> Reply:
    a = lookup.numbered(uow.session, actor, Action, cmd.ref)
    blocks = [
        Section(text=cards.action_line(a, actor.today)),
        Context(
            text=f"{a.project.key} · set by {fmt.who(a.created_by)} on {fmt.day(a.created_at.date(), actor.today)}"
        ),
    ]
    if a.status in LIVE:
        blocks.append(item_buttons(a))
    return Reply.private(f"{a.ref} {a.text}", *blocks)


def reassign(cmd: m.ActionReassign, actor: Actor, uow: UnitOfWork) -> Reply:
    """Hand an action to someone else (an escalation's Reassign button does this); the new owner is told."""
    s = uow.session
    a = lookup.numbered(s, actor, Action, cmd.ref, lock=True)
    _may_change(a, actor)
    if a.status not in LIVE:
        raise Conflict(f"{a.ref} is already {a.status.value}.")
    owner = people.resolve(s, actor.workspace, cmd.owner, actor.ctx)
    if owner.id == a.owner_id:
        raise Conflict(f"{a.ref} is already {fmt.who(owner)}'s.")
    before = trail.snapshot(a, *FIELDS)
    a.owner_id = owner.id
    s.flush()
    s.refresh(a, ["owner"])
    trail.log(s, actor, "action.reassign", a.ref, before, trail.snapshot(a, *FIELDS))
    line = cards.action_line(a, actor.today)
    if owner.id != actor.person.id:
        notify.to_person(
            s,
            actor,
            owner,
            Reply.private(
                f"{fmt.who(actor.person)} handed you {a.ref}: {fmt.clip(a.text, 120)}",
                Section(text=f"📌 {fmt.who(actor.person)} handed you an action on *{a.project.key}*\n{line}"),
                item_buttons(a),
            ),
            key=f"assign:action:{a.id}:{owner.id}:{actor.now.isoformat()}",
        )
    return Reply.channel(f"{a.ref} is now {fmt.who(owner)}'s.", Section(text=f"📌 {line}"))


def _may_change(a: Action, actor: Actor) -> None:
    if not (policy.is_lead(actor, a.project) or actor.person.id in (a.owner_id, a.created_by_id)):
        raise Forbidden(
            f"{a.ref} is {fmt.who(a.owner)}'s: only they, whoever set it, or the project's leads can change it."
        )


def set_status(cmd: m.ActionSet, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    a = lookup.numbered(s, actor, Action, cmd.ref, lock=True)
    me = actor.person.id
    lead = policy.is_lead(actor, a.project)
    if cmd.to == "cancel":
        if not (lead or a.created_by_id == me):
            raise Forbidden(f"Only whoever set {a.ref}, {a.project.key}'s PM, a sponsor or a PMO admin can cancel it.")
    else:
        _may_change(a, actor)
    if cmd.to == "reopen":
        if a.status in LIVE:
            raise Conflict(f"{a.ref} is already open.")
    elif a.status not in LIVE:
        raise Conflict(f"{a.ref} is already {a.status.value}.")
    guard.check(reason=cmd.reason)
    before = trail.snapshot(a, *FIELDS)
    if cmd.to == "done":
        a.status, a.closed_at = ActionStatus.DONE, actor.now
        text = f"✅ {fmt.who(actor.person)} marked *{a.ref}* done: {fmt.clip(a.text, 120)}"
    elif cmd.to == "blocked":
        a.status, a.blocked_reason = ActionStatus.BLOCKED, cmd.reason
        text = f"⛔ *{a.ref}* is blocked: {fmt.clip(cmd.reason, 200)}"
    elif cmd.to == "cancel":
        a.status, a.closed_at = ActionStatus.CANCELLED, actor.now
        text = f"🗑️ *{a.ref}* cancelled" + (f": {fmt.clip(cmd.reason, 200)}" if cmd.reason else "")
    else:
        a.status, a.closed_at, a.blocked_reason = ActionStatus.OPEN, None, None
        text = f"↩️ *{a.ref}* reopened"
    after = trail.snapshot(a, *FIELDS)
    note = cmd.reason.strip() if cmd.to != "blocked" else ""
    if note:  # `/action A-7 done booked for Thursday`: the words are kept as a note on the action, never dropped
        s.add(
            Comment(
                workspace_id=actor.workspace.id,
                item_kind=ItemKind.ACTION,
                item_id=a.id,
                author_id=actor.person.id,
                text=note,
                source=f"action.{cmd.to}",
                created_at=actor.now,
            )
        )
        after["note"] = note
        if cmd.to != "cancel":
            text += f"\n📝 Noted: “{fmt.clip(note, 200)}”"
    trail.log(s, actor, f"action.{cmd.to}", a.ref, before, after)
    return Reply.channel(text.replace("*", ""), Section(text=text))
