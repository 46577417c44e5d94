"""Assumptions (H-, for hypothesis: taken as true until validated). One that proves invalid asks, with one
tap, to raise the risk it exposes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from commands import cards, guard, lookup, policy, risks, trail
from commands import format as fmt
from commands.context import Actor
from commands.errors import Conflict, Forbidden
from commands.grammar import raid_models as rm
from commands.raid import exceptions, find, lines, listing
from commands.replies import Block, Button, Buttons, Context, Header, Reply, Section
from storage.models import Assumption, AssumptionStatus, Project, Risk, RiskCategory
from storage.numbering import next_number
from storage.uow import UnitOfWork

FIELDS = ("text", "owner_id", "validate_by", "status", "note", "risk_id")


def raise_assumption(cmd: rm.AssumptionRaise, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "assumption")
    guard.check(text=cmd.text)
    guard.fits(cmd.text, 500, "An assumption", "assumption", field="text")
    find.not_past(cmd.validate_by, actor.today, "validate-by date", "assumption")
    h = Assumption(
        workspace_id=actor.workspace.id,
        number=next_number(s, actor.workspace.id, "assumption"),
        project=project,
        text=cmd.text,
        owner=find.person(s, actor, cmd.owner),
        validate_by=cmd.validate_by,
        raised_by_id=actor.person.id,
        created_at=actor.now,
    )
    s.add(h)
    s.flush()
    trail.log(s, actor, "assumption.raise", h.ref, after={"project": project.key} | trail.snapshot(h, *FIELDS))
    return Reply.channel(
        f"Assumption {h.ref} on {project.key}: {fmt.clip(cmd.text, 120)}",
        Section(text=f"Logged {lines.assumption_line(h, actor.today)}"),
        Context(text=f'`/assumption {h.ref} validated "note"` or `invalid "note"` once you know.'),
    )


def settle(cmd: rm.AssumptionSettle, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    h = find.numbered(s, actor, Assumption, cmd.ref, lock=True)
    if not (h.owner_id == actor.person.id or policy.is_lead(actor, h.project)):
        raise Forbidden(f"Only {h.ref}'s owner, {h.project.key}'s PM, a sponsor or a PMO admin can settle it.")
    if h.status != AssumptionStatus.OPEN:
        raise Conflict(f"{h.ref} was already found {h.status.value}.")
    guard.check(note=cmd.note)
    guard.fits(cmd.note, 2000, "A note", "assumption settle", field="note")
    before = trail.snapshot(h, *FIELDS)
    h.status, h.note, h.decided_at = AssumptionStatus(cmd.outcome), cmd.note, actor.now
    trail.log(s, actor, f"assumption.{cmd.outcome}", h.ref, before, trail.snapshot(h, *FIELDS))
    if cmd.outcome == "validated":
        return Reply.channel(f"{h.ref} validated.", Section(text=f"✅ *{h.ref}* holds: {fmt.clip(cmd.note, 300)}"))
    return Reply.channel(
        f"{h.ref} proved invalid. Raise the risk it exposes?",
        Section(text=f"❌ *{h.ref}* {fmt.clip(h.text, 120)} does not hold: {fmt.clip(cmd.note, 300)}"),
        Buttons(
            buttons=(
                Button(
                    label="Raise the risk it exposes",
                    action="assumption.risk",
                    value=h.ref,
                    style="primary",
                    command=f"/assumption {h.ref} raise-risk",
                ),
            )
        ),
    )


def raise_risk(cmd: rm.AssumptionRaiseRisk, actor: Actor, uow: UnitOfWork) -> Reply:
    """The one tap: a risk drafted from the assumption (rescore it later), linked both ways in the trail."""
    s = uow.session
    h = find.numbered(s, actor, Assumption, cmd.ref, lock=True)
    if h.status != AssumptionStatus.INVALID:
        raise Conflict(f"{h.ref} hasn't proved invalid, so there's no risk to raise from it.")
    if h.risk_id is not None:
        raise Conflict(f"{h.ref} already raised {h.risk.ref if h.risk else 'a risk'}.")
    score = risks.DEFAULT_SCORE * risks.DEFAULT_SCORE
    risk = Risk(
        workspace_id=actor.workspace.id,
        number=next_number(s, actor.workspace.id, "risk"),
        project=h.project,
        title=fmt.clip(f"{h.text} (assumption {h.ref} proved invalid)", 300),
        description=h.note or "",
        category=RiskCategory.OTHER,
        likelihood=risks.DEFAULT_SCORE,
        impact=risks.DEFAULT_SCORE,
        score=score,
        owner=h.owner or actor.person,
        mitigation="",
        review_by=risks.default_review(score, actor.today),
        raised_by=actor.person,
        created_at=actor.now,
    )
    s.add(risk)
    s.flush()
    trail.log(s, actor, "risk.raise", risk.ref, after=trail.snapshot(risk, *risks.FIELDS) | {"assumption": h.ref})
    before = trail.snapshot(h, *FIELDS)
    h.risk_id = risk.id
    trail.log(s, actor, "assumption.risk", h.ref, before, trail.snapshot(h, *FIELDS) | {"risk": risk.ref})
    return Reply.channel(
        f"Risk {risk.ref} raised from {h.ref}",
        Section(text=f"🛡️ Raised from {h.ref}: {cards.risk_line(risk, actor.today)}"),
        Context(
            text=f"Scored {fmt.score(3, 3)} for now; rescore it with `/risk {risk.ref} update likelihood:N impact:N`."
        ),
        *exceptions.check(actor, uow, h.project),
    )


def show(cmd: rm.AssumptionShow, actor: Actor, uow: UnitOfWork) -> Reply:
    h = find.numbered(uow.session, actor, Assumption, cmd.ref)
    blocks: list[Block] = [
        Header(text=f"{h.ref} · {h.project.key}"),
        Section(text=lines.assumption_line(h, actor.today)),
    ]
    if h.note:
        blocks.append(Section(text=f"*Note*: {fmt.clip(h.note, 1000)}"))
    if h.status == AssumptionStatus.OPEN:
        blocks.append(
            Buttons(
                buttons=(
                    Button(label="Validated", action="form.open", value=h.ref, form="assumption.validated"),
                    Button(label="Invalid", action="form.open", value=h.ref, style="danger", form="assumption.invalid"),
                )
            )
        )
    return Reply.private(f"{h.ref} {h.text}", *blocks)


def list_assumptions(cmd: rm.AssumptionList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    stmt = (
        select(Assumption)
        .where(Assumption.workspace_id == actor.workspace.id)
        .options(joinedload(Assumption.owner), joinedload(Assumption.risk))
    )
    project = lookup.list_scope(s, actor, cmd.project)
    if project is not None:
        stmt = stmt.where(Assumption.project_id == project.id)
    else:
        stmt = stmt.join(Project, Project.id == Assumption.project_id).where(Project.archived.is_(False))
    if cmd.filter != "all":
        stmt = stmt.where(Assumption.status == AssumptionStatus.OPEN)
    if cmd.filter == "mine":
        stmt = stmt.where(Assumption.owner_id == actor.person.id)
    found = s.scalars(
        stmt.order_by(Assumption.validate_by.is_(None), Assumption.validate_by, Assumption.number).limit(
            listing.MAX_SHOWN + 1
        )
    ).all()
    title = f"{cmd.filter.capitalize()} assumptions · {project.key if project else 'all projects'}"
    return listing.reply(title, [lines.assumption_line(h, actor.today) for h in found])
