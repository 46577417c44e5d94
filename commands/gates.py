"""Stage gates: request, decide (approve, with conditions, reject, abstain), withdraw, checklist, views."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commands import cards, gatecard, guard, lookup, notify, people, policy, templates, trail
from commands import format as fmt
from commands.context import Actor
from commands.errors import Conflict, Forbidden, UsageError
from commands.gatecard import decider_for
from commands.grammar import models as m
from commands.replies import Button, Buttons, Context, Header, Reply, Section
from storage.models import SPONSOR, Gate, GateApprover, GateStatus, Person, Project, Quorum
from storage.numbering import next_number
from storage.uow import UnitOfWork

CONDITION_DAYS = 14


def roles_of(project: Project) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for r in project.roles:
        found.setdefault(r.person_id, set()).add(r.role)
    if project.pm_id:
        found.setdefault(project.pm_id, set()).add("pm")
    return found


def facts(session: Session, gate: Gate) -> gatecard.Facts:
    return gatecard.facts_for(session, [gate]).get(gate.project_id, gatecard.Facts())


def card(session: Session, gate: Gate, today: date, now: datetime, viewer: Person | None = None) -> Reply:
    """The gate's card as `viewer` should read it: addressed to them while it waits on their decision."""
    for_whom = gatecard.asked_for(gate, viewer, now)
    reader = viewer if for_whom is not None else None
    return gatecard.gate_card(gate, facts(session, gate), today, now, reader, for_whom)


def update_cards(session: Session, actor: Actor, gate: Gate, key: str) -> None:
    """Re-render every copy of the gate's card in place: the channel copies and each approver's DM, each as its
    reader should read it now."""
    for subject, reply in gatecard.copies(gate, facts(session, gate), actor.today, actor.now):
        notify.update_everywhere(
            session, actor, subject, reply, key=key + subject[len(gatecard.channel_subject(gate)) :]
        )


def request(cmd: m.GateRequest, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "gate request")
    policy.require_lead(actor, project, "request a gate")
    guard.check(name=cmd.name)
    guard.check_names("role name", cmd.must_include)
    guard.fits(cmd.name, 200, "A gate name", "gate request", field="name")
    if cmd.due is not None and cmd.due < actor.today:
        raise UsageError(f"The due date {fmt.day(cmd.due, actor.today)} is in the past.", "gate request")
    stage = templates.stage_named(s, actor.workspace.id, project.gate_template, cmd.name)
    approvers = _approvers(cmd, actor, uow, project, stage)
    if any(p.id == actor.person.id for p in approvers):
        raise UsageError("You can't approve your own gate: leave yourself out of the approvers.", "gate request")
    if cmd.quorum == Quorum.COUNT and (cmd.quorum_n or 0) > len(approvers):
        raise UsageError(
            f"quorum:{cmd.quorum_n} needs at least {cmd.quorum_n} approvers; there are {len(approvers)}.",
            "gate request",
        )
    held = roles_of(project)
    for role in cmd.must_include:
        if not any(role in held.get(p.id, set()) for p in approvers):
            raise UsageError(
                f"No approver holds the {role} role on {project.key}. "
                f"Add one, or set it with `/project role {project.key} {role}:@u`.",
                "gate request",
            )
    gate = Gate(
        workspace_id=actor.workspace.id,
        number=next_number(s, actor.workspace.id, "gate"),
        project=project,
        name=cmd.name,
        requester=actor.person,
        quorum=cmd.quorum,
        quorum_n=cmd.quorum_n,
        must_include=cmd.must_include,
        due=cmd.due,
        checklist=[{"text": c, "done_by": None, "done_at": None} for c in (stage or {}).get("checklist", [])],
        created_at=actor.now,
    )
    gate.approvers = [GateApprover(person=p) for p in approvers]
    s.add(gate)
    s.flush()
    trail.log(
        s,
        actor,
        "gate.request",
        gate.ref,
        after={
            "project": project.key,
            "name": cmd.name,
            "approvers": [p.handle for p in approvers],
            "quorum": cmd.quorum,
            "quorum_n": cmd.quorum_n,
            "must_include": cmd.must_include,
            "due": cmd.due,
            "checklist": [c["text"] for c in gate.checklist],
        },
    )
    facts_now = facts(s, gate)
    the_card = gatecard.gate_card(gate, facts_now, actor.today, actor.now)
    subject = gatecard.channel_subject(gate)
    channels = notify.project_channels(s, project)
    if actor.channel and not actor.ctx.is_direct and actor.channel not in channels:
        channels.append(actor.channel)
    for ch in channels:
        notify.to_channel(s, actor, ch, the_card, key=f"gate:{gate.id}:card:{ch}", subject=subject)
    for p in approvers:
        target = decider_for(gate, p, actor.now)
        addressed = gatecard.gate_card(gate, facts_now, actor.today, actor.now, target, p)
        notify.to_person(
            s, actor, target, addressed, key=f"gate:{gate.id}:ask:{p.id}", subject=gatecard.dm_subject(gate, p)
        )
    where = f"{fmt.plural(len(channels), 'channel')} and {fmt.plural(len(approvers), 'approver')}"
    names = ", ".join(fmt.who(p) for p in approvers)
    chosen = (
        f"Approvers: {names}."
        if cmd.approvers
        else f"You named no approvers, so I chose {names}: {_why_chosen(stage, project)}. "
        f"To choose others, withdraw it and request it again with approvers:@a,@b."
    )
    return Reply.private(
        f"{gate.ref} requested; the card went to {where}. {chosen}",
        Section(
            text=f"📨 *{gate.ref}* {fmt.clip(cmd.name, 100)} requested for *{project.key}*. The approval card went to {where}."
        ),
        Section(text=chosen),
        Context(text=f"Quorum: {gatecard.quorum_words(gate)}."),
    )


def _why_chosen(stage: templates.Stage | None, project: Project) -> str:
    roles = (stage or {}).get("approver_roles") or [SPONSOR]
    source = f"the {stage['name']} stage of the {project.gate_template} template" if stage else "the default"
    return f"{project.key}'s {' and '.join(roles)} role holders, as {source} says"


def _approvers(
    cmd: m.GateRequest, actor: Actor, uow: UnitOfWork, project: Project, stage: templates.Stage | None
) -> list[Person]:
    s = uow.session
    if cmd.approvers:
        found = [people.resolve(s, actor.workspace, x, actor.ctx) for x in cmd.approvers]
    else:
        wanted = (stage or {}).get("approver_roles") or [SPONSOR]
        found = [r.person for r in project.roles if r.role in wanted]
        if project.pm is not None and "pm" in wanted:
            found.append(project.pm)
        if not found:
            raise UsageError(f"{project.key} has no sponsor to approve it; name approvers:@a,@b.", "gate request")
    unique: dict[int, Person] = {}
    for p in found:
        unique.setdefault(p.id, p)
    if not cmd.approvers:
        unique.pop(actor.person.id, None)
        if not unique:
            raise UsageError(
                "You're the only sponsor, and you can't approve your own gate; name approvers:@a,@b.", "gate request"
            )
    return list(unique.values())


def _pending_gate_of_requester(uow: UnitOfWork, actor: Actor, number: int, doing: str) -> Gate:
    """The gate, row-locked, when it is still pending and the speaker requested it or leads its project."""
    gate = lookup.numbered(uow.session, actor, Gate, number, lock=True)
    if gate.requester_id != actor.person.id and not policy.is_lead(actor, gate.project):
        raise Forbidden(f"Only whoever requested {gate.ref} or {gate.project.key}'s leads can {doing}.")
    if gate.status != GateStatus.PENDING:
        raise Conflict(f"{gate.ref} is already {gate.status.value}.")
    return gate


def withdraw(cmd: m.GateWithdraw, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    gate = _pending_gate_of_requester(uow, actor, cmd.ref, "withdraw it")
    guard.check(reason=cmd.reason)
    gate.status, gate.decided_at = GateStatus.WITHDRAWN, actor.now
    trail.log(s, actor, "gate.withdraw", gate.ref, {"status": "pending"}, {"status": "withdrawn", "reason": cmd.reason})
    update_cards(s, actor, gate, key=f"gate:{gate.id}:withdrawn")
    return Reply.channel(
        f"{gate.ref} withdrawn.",
        Section(
            text=f"↩️ *{gate.ref}* {fmt.clip(gate.name, 100)} withdrawn"
            + (f": {fmt.clip(cmd.reason, 200)}" if cmd.reason else ".")
        ),
    )


def check(cmd: m.GateCheck, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    gate = _pending_gate_of_requester(uow, actor, cmd.ref, "tick its checklist")
    if not gate.checklist:
        raise Conflict(f"{gate.ref} has no entry checklist.")
    index = _checklist_index(gate, cmd.item)
    items = [dict(i) for i in gate.checklist]
    if items[index].get("done_by"):
        raise Conflict(f"“{items[index]['text']}” is already ticked.")
    items[index].update(done_by=actor.person.handle, done_at=actor.now.isoformat())
    gate.checklist = items
    trail.log(s, actor, "gate.check", gate.ref, after={"item": items[index]["text"]})
    done = sum(1 for i in items if i.get("done_by"))
    update_cards(s, actor, gate, key=f"gate:{gate.id}:check:{index}")
    return Reply.channel(
        f"Ticked {items[index]['text']} on {gate.ref}.",
        Section(text=f"☑ *{gate.ref}* “{items[index]['text']}” ticked ({done}/{len(items)})."),
    )


def _checklist_index(gate: Gate, item: str) -> int:
    if item.isdigit():
        n = int(item[:6])
        if 1 <= n <= len(gate.checklist):
            return n - 1
        raise UsageError(f"{gate.ref}'s checklist has items 1 to {len(gate.checklist)}.", "gate check")
    wanted = item.lower()
    matches = [i for i, c in enumerate(gate.checklist) if str(c.get("text", "")).lower().startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UsageError(f"No item on {gate.ref}'s checklist starts with that.", "gate check")
    raise UsageError("More than one item starts with that; use its number.", "gate check")


def list_gates(cmd: m.GateList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    stmt = select(Gate).where(Gate.workspace_id == actor.workspace.id)
    scope = "all projects"
    project = lookup.list_scope(s, actor, cmd.project)
    if project is not None:
        stmt, scope = stmt.where(Gate.project_id == project.id), project.key
    if cmd.filter == "pending":
        stmt = stmt.where(Gate.status == GateStatus.PENDING)
    gates = s.scalars(stmt.order_by(Gate.number.desc()).limit(25)).all()
    title = f"{'Pending' if cmd.filter == 'pending' else 'All'} gates · {scope}"
    request = Buttons(
        buttons=(
            Button(
                label="Request a gate",
                action="form.open",
                value=project.key if project else "gate.request",
                form="gate.request",
            ),
        )
    )
    if not gates:
        return Reply.private(
            f"{title}: none.",
            Section(text=f"*{title}*: none."),
            Context(text='Request one: `/gate request [KEY] "Gate name" approvers:@a,@b`'),
            request,
        )
    return Reply.private(
        f"{title}: {len(gates)}",
        Header(text=title),
        Section(text="\n".join(cards.gate_line(g, actor.today) for g in gates)),
        request,
    )


def show(cmd: m.GateShow, actor: Actor, uow: UnitOfWork) -> Reply:
    gate = lookup.numbered(uow.session, actor, Gate, cmd.ref)
    reply = card(uow.session, gate, actor.today, actor.now, actor.person)
    return reply.model_copy(update={"visibility": "private"})
