"""The risk register: raise, list, update, review, accept, close."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from commands import cards, guard, lookup, people, policy, trail
from commands import format as fmt
from commands.context import Actor
from commands.errors import Conflict, Forbidden, UsageError
from commands.grammar import models as m
from commands.raid import exceptions
from commands.replies import Block, Context, Header, Reply, Section
from storage.models import SPONSOR, Comment, ItemKind, Project, Risk, RiskCategory, RiskLevel, RiskStatus
from storage.numbering import next_number
from storage.uow import UnitOfWork

REVIEW_DAYS = {RiskLevel.CRITICAL: 7, RiskLevel.HIGH: 14, RiskLevel.MEDIUM: 30, RiskLevel.LOW: 90}
DEFAULT_SCORE = 3
LIVE = (RiskStatus.OPEN, RiskStatus.MITIGATING)
FIELDS = (
    "title",
    "likelihood",
    "impact",
    "score",
    "owner_id",
    "mitigation",
    "review_by",
    "category",
    "status",
    "accepted_until",
    "closure_reason",
)


def default_review(score: int, today: date) -> date:
    return today + timedelta(days=REVIEW_DAYS[RiskLevel.of(score)])


def _not_past(d: date | None, today: date, what: str, usage: str) -> None:
    if d is not None and d < today:
        raise UsageError(f"The {what} {fmt.day(d, today)} is in the past.", usage)


def raise_risk(cmd: m.RiskRaise, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "risk")
    guard.check(title=cmd.title, description=cmd.description, mitigation=cmd.mitigation)
    guard.fits(cmd.title, 300, "A risk title", "risk", field="title")
    _not_past(cmd.review_by, actor.today, "review date", "risk")
    likelihood = cmd.likelihood or DEFAULT_SCORE
    impact = cmd.impact or DEFAULT_SCORE
    score = likelihood * impact
    owner = people.resolve(s, actor.workspace, cmd.owner, actor.ctx) if cmd.owner else actor.person
    risk = Risk(
        workspace_id=actor.workspace.id,
        number=next_number(s, actor.workspace.id, "risk"),
        project=project,
        title=cmd.title,
        description=cmd.description or "",
        category=cmd.category or RiskCategory.OTHER,
        likelihood=likelihood,
        impact=impact,
        score=score,
        owner=owner,
        mitigation=cmd.mitigation or "",
        review_by=cmd.review_by or default_review(score, actor.today),
        raised_by=actor.person,
        created_at=actor.now,
    )
    s.add(risk)
    s.flush()
    trail.log(s, actor, "risk.raise", risk.ref, after=trail.snapshot(risk, *FIELDS))
    notes = []
    if cmd.likelihood is None or cmd.impact is None:
        notes.append(
            f"Scored {fmt.score(likelihood, impact)} for now; rescore with `/risk {risk.ref} update likelihood:N impact:N`."
        )
    if owner.id != actor.person.id:
        notes.append(f"Owner: {fmt.who(owner)}.")
    blocks: list[Block] = [Section(text=f"🛡️ Raised {cards.risk_line(risk, actor.today)}")]
    if notes:
        blocks.append(Context(text=" ".join(notes)))
    breached = exceptions.check(actor, uow, project)  # a risk above the project's risk tolerance
    return Reply.channel(f"Risk {risk.ref} raised on {project.key}: {fmt.clip(cmd.title, 120)}", *blocks, *breached)


def list_risks(cmd: m.RiskList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    stmt = select(Risk).where(Risk.workspace_id == actor.workspace.id)
    scope = "all projects"
    project = lookup.list_scope(s, actor, cmd.project)
    if project is not None:
        stmt, scope = stmt.where(Risk.project_id == project.id), project.key
    else:
        stmt = stmt.join(Project, Project.id == Risk.project_id).where(Project.archived.is_(False))
    if cmd.filter != "all":
        stmt = stmt.where(Risk.status != RiskStatus.CLOSED)
    if cmd.filter == "mine":
        stmt = stmt.where(Risk.owner_id == actor.person.id)
    if cmd.filter == "high":
        stmt = stmt.where(Risk.score >= 10)
    risks = s.scalars(stmt.order_by(Risk.score.desc(), Risk.review_by, Risk.number).limit(26)).all()
    title = f"{cmd.filter.capitalize()} risks · {scope}"
    if not risks:
        return Reply.private(f"{title}: none.", Section(text=f"*{title}*: none."))
    shown = risks[:25]
    blocks = [
        Header(text=title),
        Section(text="\n".join(cards.risk_line(r, actor.today, project is None) for r in shown)),
    ]
    if len(risks) > 25:
        blocks.append(Context(text="Showing the top 25 by score. `/pmo export risks` has them all."))
    return Reply.private(f"{title}: {len(shown)}", *blocks)


def show(cmd: m.RiskShow, actor: Actor, uow: UnitOfWork) -> Reply:
    risk = lookup.numbered(uow.session, actor, Risk, cmd.ref)
    return Reply.private(f"{risk.ref} {risk.title}", *cards.risk_detail(risk, actor.today))


def _may_edit(actor: Actor, risk: Risk) -> bool:
    return risk.owner_id == actor.person.id or policy.is_lead(actor, risk.project)


def update(cmd: m.RiskUpdate, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    risk = lookup.numbered(s, actor, Risk, cmd.ref, lock=True)
    if not _may_edit(actor, risk):
        raise Forbidden(f"Only {risk.ref}'s owner, {risk.project.key}'s PM, a sponsor or a PMO admin can update it.")
    if risk.status == RiskStatus.CLOSED and cmd.status != RiskStatus.OPEN:
        raise Conflict(f"{risk.ref} is closed. Reopen it with `/risk {risk.ref} update status:open`.")
    if cmd.status == RiskStatus.ACCEPTED:
        raise UsageError("Accepting a risk needs a rationale and an end date.", "risk accept")
    if cmd.status == RiskStatus.OPEN and risk.status == RiskStatus.CLOSED:
        policy.require_lead(actor, risk.project, "reopen a risk")
    guard.check(mitigation=cmd.mitigation)
    _not_past(cmd.review_by, actor.today, "review date", "risk update")
    before = trail.snapshot(risk, *FIELDS)
    if cmd.likelihood is not None or cmd.impact is not None:
        new_score = (cmd.likelihood or risk.likelihood) * (cmd.impact or risk.impact)
        if new_score != risk.score:
            risk.previous_score, risk.rescored_at = risk.score, actor.now
        risk.likelihood, risk.impact = cmd.likelihood or risk.likelihood, cmd.impact or risk.impact
        risk.score = new_score
    if cmd.owner is not None:
        risk.owner_id = people.resolve(s, actor.workspace, cmd.owner, actor.ctx).id
    if cmd.review_by is not None:
        risk.review_by = cmd.review_by
    if cmd.mitigation is not None:
        risk.mitigation = cmd.mitigation
    if cmd.category is not None:
        risk.category = cmd.category
    if cmd.status is not None:
        if cmd.status == RiskStatus.OPEN:
            risk.closure_reason, risk.closed_at, risk.accepted_until = None, None, None
        risk.status = cmd.status
    s.flush()
    after = trail.snapshot(risk, *FIELDS)
    if before == after:
        return Reply.private(f"Nothing changed on {risk.ref}.")
    trail.log(s, actor, "risk.update", risk.ref, before, after)
    changed = ", ".join(k.replace("_id", "") for k in after if before.get(k) != after.get(k))
    return Reply.channel(
        f"{risk.ref} updated ({changed})",
        Section(text=f"✏️ Updated {changed}: {cards.risk_line(risk, actor.today)}"),
        *exceptions.check(actor, uow, risk.project),
    )


def close(cmd: m.RiskClose, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    risk = lookup.numbered(s, actor, Risk, cmd.ref, lock=True)
    policy.require_lead(actor, risk.project, "close risks")
    if risk.status == RiskStatus.CLOSED:
        raise Conflict(f"{risk.ref} is already closed.")
    guard.check(reason=cmd.reason)
    before = trail.snapshot(risk, *FIELDS)
    risk.status, risk.closure_reason, risk.closed_at = RiskStatus.CLOSED, cmd.reason, actor.now
    trail.log(s, actor, "risk.close", risk.ref, before, trail.snapshot(risk, *FIELDS))
    return Reply.channel(
        f"{risk.ref} closed: {fmt.clip(cmd.reason, 200)}",
        Section(text=f"✅ Closed *{risk.ref}* {fmt.clip(risk.title, 100)} — {fmt.clip(cmd.reason, 300)}"),
    )


def reviewed(cmd: m.RiskReviewed, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    risk = lookup.numbered(s, actor, Risk, cmd.ref, lock=True)
    if not _may_edit(actor, risk):
        raise Forbidden(
            f"Only {risk.ref}'s owner, {risk.project.key}'s PM, a sponsor or a PMO admin can mark it reviewed."
        )
    if risk.status == RiskStatus.CLOSED:
        raise Conflict(f"{risk.ref} is closed; there's nothing to review.")
    guard.check(note=cmd.note)
    before = trail.snapshot(risk, "review_by", "last_reviewed_at")
    risk.last_reviewed_at = actor.now
    risk.review_by = default_review(risk.score, actor.today)
    if risk.status == RiskStatus.ACCEPTED and risk.accepted_until:
        risk.review_by = max(risk.review_by, risk.accepted_until)
    if cmd.note:
        s.add(
            Comment(
                workspace_id=actor.workspace.id,
                item_kind=ItemKind.RISK,
                item_id=risk.id,
                author_id=actor.person.id,
                text=cmd.note,
                source="review",
                created_at=actor.now,
            )
        )
    trail.log(s, actor, "risk.reviewed", risk.ref, before, trail.snapshot(risk, "review_by", "last_reviewed_at"))
    return Reply.channel(
        f"{risk.ref} reviewed; next review {fmt.day(risk.review_by, actor.today)}.",
        Section(
            text=f"🔎 *{risk.ref}* reviewed by {fmt.who(actor.person)}; next review "
            f"{fmt.day(risk.review_by, actor.today)}."
        ),
    )


def accept(cmd: m.RiskAccept, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    risk = lookup.numbered(s, actor, Risk, cmd.ref, lock=True)
    if not policy.has_role(actor.person, risk.project, SPONSOR):
        raise Forbidden(f"Accepting a risk needs a sponsor of {risk.project.key}.")
    if risk.status == RiskStatus.CLOSED:
        raise Conflict(f"{risk.ref} is closed.")
    if cmd.until <= actor.today:
        raise UsageError("Accept a risk until a date in the future.", "risk accept")
    guard.check(rationale=cmd.rationale)
    before = trail.snapshot(risk, *FIELDS)
    risk.status, risk.accepted_until, risk.review_by = RiskStatus.ACCEPTED, cmd.until, cmd.until
    s.add(
        Comment(
            workspace_id=actor.workspace.id,
            item_kind=ItemKind.RISK,
            item_id=risk.id,
            author_id=actor.person.id,
            text=cmd.rationale,
            source="acceptance",
            created_at=actor.now,
        )
    )
    after = trail.snapshot(risk, *FIELDS) | {"rationale": cmd.rationale}
    trail.log(s, actor, "risk.accept", risk.ref, before | {"rationale": None}, after)
    return Reply.channel(
        f"{risk.ref} accepted until {cmd.until}.",
        Section(
            text=f"🤝 {fmt.who(actor.person)} accepted *{risk.ref}* until {fmt.day(cmd.until, actor.today)}: "
            f"{fmt.clip(cmd.rationale, 300)}"
        ),
    )
