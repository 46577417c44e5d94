"""Issues (I-): problems now. Anyone may raise one; a risk that happens becomes one, linked to it."""

from __future__ import annotations

from sqlalchemy import case, select
from sqlalchemy.orm import joinedload

from commands import format as fmt
from commands import guard, lookup, policy, risks, trail
from commands.context import Actor
from commands.errors import Conflict, Forbidden, UsageError
from commands.grammar import raid_models as rm
from commands.raid import find, lines, listing
from commands.replies import Block, Button, Buttons, Context, FieldItem, Header, Reply, Section
from storage.models import Issue, IssueSeverity, IssueStatus, Project, Risk, RiskLevel, RiskStatus
from storage.numbering import next_number
from storage.uow import UnitOfWork

FIELDS = ("title", "severity", "owner_id", "due", "status", "resolution")
FROM_LEVEL = {
    RiskLevel.CRITICAL: IssueSeverity.CRITICAL,
    RiskLevel.HIGH: IssueSeverity.HIGH,
    RiskLevel.MEDIUM: IssueSeverity.MEDIUM,
    RiskLevel.LOW: IssueSeverity.LOW,
}
SEVERITY_ORDER = {IssueSeverity.CRITICAL: 0, IssueSeverity.HIGH: 1, IssueSeverity.MEDIUM: 2, IssueSeverity.LOW: 3}


def raise_issue(cmd: rm.IssueRaise, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "issue")
    guard.check(title=cmd.title)
    guard.fits(cmd.title, 300, "An issue title", "issue", field="title")
    find.not_past(cmd.due, actor.today, "due date", "issue")
    issue = _new(actor, uow, project, cmd.title, cmd.severity or IssueSeverity.MEDIUM, find.person(s, actor, cmd.owner))
    issue.due = cmd.due
    s.flush()
    trail.log(s, actor, "issue.raise", issue.ref, after={"project": project.key} | trail.snapshot(issue, *FIELDS))
    return Reply.channel(
        f"Issue {issue.ref} raised on {project.key}: {fmt.clip(cmd.title, 120)}",
        Section(text=f"🚧 Raised {lines.issue_line(issue, actor.today)}"),
    )


def _new(actor: Actor, uow: UnitOfWork, project: Project, title: str, severity: IssueSeverity, owner: object) -> Issue:
    issue = Issue(
        workspace_id=actor.workspace.id,
        number=next_number(uow.session, actor.workspace.id, "issue"),
        project=project,
        title=title,
        severity=severity,
        owner=owner,
        raised_by=actor.person,
        created_at=actor.now,
    )
    uow.session.add(issue)
    return issue


def occurred(cmd: rm.RiskOccurred, actor: Actor, uow: UnitOfWork) -> Reply:
    """The risk happened: an issue linked to it takes over, and the risk closes (it is no longer a possibility)."""
    s = uow.session
    risk = lookup.numbered(s, actor, Risk, cmd.ref, lock=True)
    if not (risk.owner_id == actor.person.id or policy.is_lead(actor, risk.project)):
        raise Forbidden(
            f"Only {risk.ref}'s owner, {risk.project.key}'s PM, a sponsor or a PMO admin can say it occurred."
        )
    if risk.status == RiskStatus.CLOSED:
        raise Conflict(f"{risk.ref} is closed.")
    guard.check(what=cmd.what)
    guard.fits(cmd.what, 300, "What happened", "risk occurred", field="what")
    issue = _new(actor, uow, risk.project, cmd.what, FROM_LEVEL[risk.level], risk.owner or actor.person)
    issue.risk = risk
    s.flush()
    before = trail.snapshot(risk, *risks.FIELDS)
    risk.status, risk.closure_reason, risk.closed_at = RiskStatus.CLOSED, f"Occurred: now {issue.ref}", actor.now
    trail.log(s, actor, "risk.occurred", risk.ref, before, trail.snapshot(risk, *risks.FIELDS) | {"issue": issue.ref})
    trail.log(
        s,
        actor,
        "issue.raise",
        issue.ref,
        after={"project": risk.project.key, "risk": risk.ref} | trail.snapshot(issue, *FIELDS),
    )
    return Reply.channel(
        f"{risk.ref} occurred: now issue {issue.ref}",
        Section(text=f"💥 *{risk.ref}* {fmt.clip(risk.title, 100)} happened. It is now an issue:"),
        Section(text=lines.issue_line(issue, actor.today)),
    )


def list_issues(cmd: rm.IssueList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    stmt = (
        select(Issue)
        .where(Issue.workspace_id == actor.workspace.id)
        .options(joinedload(Issue.owner), joinedload(Issue.risk))
    )
    project = lookup.list_scope(s, actor, cmd.project)
    if project is not None:
        stmt = stmt.where(Issue.project_id == project.id)
    else:
        stmt = stmt.join(Project, Project.id == Issue.project_id).where(Project.archived.is_(False))
    if cmd.filter != "all":
        stmt = stmt.where(Issue.status == IssueStatus.OPEN)
    if cmd.filter == "mine":
        stmt = stmt.where(Issue.owner_id == actor.person.id)
    if cmd.filter == "critical":
        stmt = stmt.where(Issue.severity.in_([IssueSeverity.CRITICAL, IssueSeverity.HIGH]))
    rank = case({k.value: v for k, v in SEVERITY_ORDER.items()}, value=Issue.severity)
    found = s.scalars(stmt.order_by(rank, Issue.number).limit(listing.MAX_SHOWN + 1)).all()
    title = f"{cmd.filter.capitalize()} issues · {project.key if project else 'all projects'}"
    return listing.reply(title, [lines.issue_line(i, actor.today) for i in found])


def show(cmd: rm.IssueShow, actor: Actor, uow: UnitOfWork) -> Reply:
    i = find.numbered(uow.session, actor, Issue, cmd.ref)
    fields = [
        FieldItem(label="Severity", value=f"{lines.SEVERITY_MARK[i.severity]} {i.severity.value}"),
        FieldItem(label="Status", value=i.status.value),
        FieldItem(label="Owner", value=fmt.who(i.owner)),
        FieldItem(label="Due", value=fmt.day(i.due, actor.today) if i.due else "—"),
        FieldItem(label="Project", value=i.project.key),
        FieldItem(label="From risk", value=i.risk.ref if i.risk else "—"),
    ]
    blocks: list[Block] = [Header(text=f"{i.ref} {fmt.clip(i.title, 140)}"), Section(fields=tuple(fields))]
    if i.status == IssueStatus.RESOLVED:
        blocks.append(Section(text=f"*Resolved*: {fmt.clip(i.resolution or '', 500)}"))
    else:
        blocks.append(
            Buttons(buttons=(Button(label="Resolve", action="form.open", value=i.ref, form="issue.resolve"),))
        )
    blocks.append(Context(text=f"Raised by {fmt.who(i.raised_by)} on {fmt.day(i.created_at.date(), actor.today)}"))
    return Reply.private(f"{i.ref} {i.title}", *blocks)


def _may_edit(actor: Actor, issue: Issue) -> bool:
    return issue.owner_id == actor.person.id or policy.is_lead(actor, issue.project)


def update(cmd: rm.IssueUpdate, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    issue = find.numbered(s, actor, Issue, cmd.ref, lock=True)
    if not _may_edit(actor, issue):
        raise Forbidden(f"Only {issue.ref}'s owner, {issue.project.key}'s PM, a sponsor or a PMO admin can update it.")
    if issue.status == IssueStatus.RESOLVED:
        raise Conflict(f"{issue.ref} is resolved.")
    find.not_past(cmd.due, actor.today, "due date", "issue update")
    before = trail.snapshot(issue, *FIELDS)
    if cmd.severity is not None:
        issue.severity = cmd.severity
    if cmd.owner is not None:
        issue.owner = find.person(s, actor, cmd.owner)
    if cmd.due is not None:
        issue.due = cmd.due
    s.flush()
    after = trail.snapshot(issue, *FIELDS)
    if before == after:
        return Reply.private(f"Nothing changed on {issue.ref}.")
    trail.log(s, actor, "issue.update", issue.ref, before, after)
    return Reply.channel(f"{issue.ref} updated", Section(text=f"✏️ Updated {lines.issue_line(issue, actor.today)}"))


def resolve(cmd: rm.IssueResolve, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    issue = find.numbered(s, actor, Issue, cmd.ref, lock=True)
    if not _may_edit(actor, issue):
        raise Forbidden(f"Only {issue.ref}'s owner, {issue.project.key}'s PM, a sponsor or a PMO admin can resolve it.")
    if issue.status == IssueStatus.RESOLVED:
        raise Conflict(f"{issue.ref} is already resolved.")
    if not cmd.how.strip():
        raise UsageError("Say how it was resolved.", "issue resolve")
    guard.check(resolution=cmd.how)
    guard.fits(cmd.how, 2000, "A resolution", "issue resolve", field="how")
    before = trail.snapshot(issue, *FIELDS)
    issue.status, issue.resolution, issue.resolved_at = IssueStatus.RESOLVED, cmd.how, actor.now
    trail.log(s, actor, "issue.resolve", issue.ref, before, trail.snapshot(issue, *FIELDS))
    return Reply.channel(
        f"{issue.ref} resolved: {fmt.clip(cmd.how, 200)}",
        Section(text=f"✅ Resolved *{issue.ref}* {fmt.clip(issue.title, 100)} — {fmt.clip(cmd.how, 300)}"),
    )
