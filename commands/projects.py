"""Projects: create, link to channels, roles, the summary card and the list."""

from __future__ import annotations

from sqlalchemy import func, select

from commands import cards, guard, lookup, people, policy, templates, trail, watermelon
from commands import format as fmt
from commands.context import Actor
from commands.errors import Conflict, NotFound, UsageError
from commands.grammar import models as m
from commands.raid import card as raid_card
from commands.replies import Button, Buttons, Context, Divider, Header, Reply, Section
from commands.status import latest_statuses, recent_statuses, stale_days
from storage.models import (
    SPONSOR,
    Action,
    ActionStatus,
    ChannelLink,
    Gate,
    GateStatus,
    Person,
    Project,
    ProjectRole,
    Risk,
    RiskStatus,
)
from storage.uow import UnitOfWork


def create(cmd: m.ProjectCreate, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    _bootstrap_admin(actor, uow)
    policy.require_admin(actor, "create projects")
    guard.check(name=cmd.name)
    guard.fits(cmd.name, 200, "A project name", "project create")
    if s.scalar(select(Project.id).where(Project.workspace_id == actor.workspace.id, Project.key == cmd.key)):
        raise Conflict(f"There's already a project {cmd.key}.")
    template = cmd.template or cmd.methodology.value
    if templates.stages(s, actor.workspace.id, template) is None:
        raise NotFound(f"There's no gate template {template}. `/pmo template list` shows them.")
    pm = people.resolve(s, actor.workspace, cmd.pm, actor.ctx) if cmd.pm else actor.person
    sponsors = _distinct([people.resolve(s, actor.workspace, x, actor.ctx) for x in cmd.sponsors])
    project = Project(
        workspace_id=actor.workspace.id,
        key=cmd.key,
        name=cmd.name,
        methodology=cmd.methodology,
        cadence=cmd.cadence,
        gate_template=template,
        pm=pm,
        created_at=actor.now,
    )
    project.roles = [ProjectRole(person=p, role=SPONSOR) for p in sponsors]
    s.add(project)
    s.flush()
    trail.log(
        s,
        actor,
        "project.create",
        f"project:{cmd.key}",
        after={
            "name": cmd.name,
            "pm": pm.handle,
            "sponsors": [p.handle for p in sponsors],
            "methodology": cmd.methodology,
            "cadence": cmd.cadence,
            "template": template,
        },
    )
    link_hint = f" Link a channel with `/project link {cmd.key}`." if actor.channel else ""
    return Reply.channel(
        f"Project {cmd.key} created: {cmd.name}",
        Section(text=f"📁 Project *{cmd.key}* created: {cmd.name}"),
        Context(
            text=f"PM {fmt.who(pm)} · sponsors {', '.join(fmt.who(p) for p in sponsors) or '—'} · "
            f"{cmd.methodology.value} · {cmd.cadence.value} status · gates from {template}.{link_hint}"
        ),
    )


def _bootstrap_admin(actor: Actor, uow: UnitOfWork) -> None:
    """A new workspace has no PMO admin: whoever sets up the first project becomes one (and it is audited)."""
    has_admin = uow.session.scalar(
        select(func.count()).select_from(Person).where(Person.workspace_id == actor.workspace.id, Person.is_pmo_admin)
    )
    if not has_admin:
        actor.person.is_pmo_admin = True
        trail.log(uow.session, actor, "admin.bootstrap", f"person:{actor.person.handle}", after={"pmo_admin": True})


def _distinct(persons: list[Person]) -> list[Person]:
    seen: dict[int, Person] = {}
    for p in persons:
        seen.setdefault(p.id, p)
    return list(seen.values())


def link(cmd: m.ProjectLink, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.key, "project link")
    policy.require_lead(actor, project, "link channels")
    if not actor.channel:
        raise UsageError("Run this in the channel you want to link.", "project link")
    exists = s.scalar(
        select(ChannelLink.id).where(
            ChannelLink.workspace_id == actor.workspace.id,
            ChannelLink.channel_id == actor.channel,
            ChannelLink.project_id == project.id,
        )
    )
    if exists:
        return Reply.private(f"This channel is already linked to {project.key}.")
    s.add(ChannelLink(workspace_id=actor.workspace.id, channel_id=actor.channel, project_id=project.id))
    trail.log(s, actor, "project.link", f"project:{project.key}", after={"channel": actor.channel})
    others = [p.key for p in lookup.linked_projects(s, actor) if p.id != project.id]
    default = (
        f"Commands here default to {project.key}."
        if not others
        else f"This channel is also linked to {', '.join(others)}, so name the project in commands."
    )
    return Reply.channel(
        f"Linked this channel to {project.key}.",
        Section(text=f"🔗 Linked this channel to *{project.key}* · {project.name}. {default}"),
    )


def unlink(cmd: m.ProjectUnlink, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.project(s, actor, cmd.key, "project unlink")
    policy.require_lead(actor, project, "unlink channels")
    row = s.scalar(
        select(ChannelLink).where(
            ChannelLink.workspace_id == actor.workspace.id,
            ChannelLink.channel_id == (actor.channel or ""),
            ChannelLink.project_id == project.id,
        )
    )
    if row is None:
        raise NotFound(f"This channel isn't linked to {project.key}.")
    s.delete(row)
    trail.log(s, actor, "project.unlink", f"project:{project.key}", before={"channel": actor.channel})
    return Reply.channel(
        f"Unlinked this channel from {project.key}.", Section(text=f"Unlinked this channel from *{project.key}*.")
    )


def archive(cmd: m.ProjectArchive, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.project(s, actor, cmd.key, "project archive")
    policy.require_lead(actor, project, "archive the project")
    if project.archived:
        raise Conflict(f"{project.key} is already archived.")
    project.archived = True
    trail.log(s, actor, "project.archive", f"project:{project.key}", {"archived": False}, {"archived": True})
    return Reply.channel(
        f"{project.key} archived.",
        Section(text=f"🗄️ *{project.key}* archived. Its record stays; it leaves digests and nudges."),
    )


def escalation(cmd: m.ProjectEscalation, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.key, "project escalation")
    policy.require_lead(actor, project, "change its escalation ladder")
    fields = ("escalate_pm_after", "escalate_sponsor_after", "escalate_in_channel", "escalate_critical_any_hour")
    before = trail.snapshot(project, *fields)
    pm_after = cmd.pm_after if cmd.pm_after is not None else project.escalate_pm_after
    sponsor_after = cmd.sponsor_after if cmd.sponsor_after is not None else project.escalate_sponsor_after
    if sponsor_after <= pm_after:
        raise UsageError(
            f"The sponsors are told after the PM: sponsor:{sponsor_after} must be more than pm:{pm_after}.",
            "project escalation",
        )
    project.escalate_pm_after, project.escalate_sponsor_after = pm_after, sponsor_after
    if cmd.in_channel is not None:
        project.escalate_in_channel = cmd.in_channel
    if cmd.critical_any_hour is not None:
        project.escalate_critical_any_hour = cmd.critical_any_hour
    trail.log(s, actor, "project.escalation", f"project:{project.key}", before, trail.snapshot(project, *fields))
    where = "in the project channel" if project.escalate_in_channel else "by DM"
    text = (
        f"{project.key}: after {fmt.plural(pm_after, 'ignored nudge')} the PM is told ({where}); after {sponsor_after}, "
        "the sponsors. A critical risk or a gate decision once overdue goes straight to the sponsors. "
        + hours_rule(project)
    )
    return Reply.channel(text, Section(text=f"🪜 {text}"))


def hours_rule(project: Project) -> str:
    """What the project card says about escalations and hours (the per-project critical-risk setting)."""
    if project.escalate_critical_any_hour:
        return "🚨 A critical patient-safety risk escalates at any hour (never to someone away or on a holiday)."
    return "Escalations wait for each person's working hours, critical risks included."


def set_roles(cmd: m.ProjectRoleSet, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.key, "project role")
    policy.require_lead(actor, project, "change roles")
    guard.check_names("role name", list(cmd.roles))
    lines = []
    for role, mentions in cmd.roles.items():
        persons = _distinct([people.resolve(s, actor.workspace, x, actor.ctx) for x in mentions])
        before = sorted(p.handle for p in project.people_with(role))
        kept = {r.person_id: r for r in project.roles if r.role == role}  # a row kept is never deleted and re-added
        project.roles = [r for r in project.roles if r.role != role] + [
            kept.get(p.id) or ProjectRole(person=p, role=role) for p in persons
        ]
        after = sorted(p.handle for p in persons)
        if role == SPONSOR and not persons:
            raise UsageError("A project keeps at least one sponsor.", "project role")
        trail.log(s, actor, "project.role", f"project:{project.key}", {role: before}, {role: after})
        lines.append(f"*{role}*: {', '.join(fmt.who(p) for p in persons) or '—'}")
    return Reply.channel(
        f"Roles on {project.key} updated.", Section(text=f"👥 Roles on *{project.key}*\n" + "\n".join(lines))
    )


def show(cmd: m.ProjectShow, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    if cmd.key is None and len(lookup.linked_projects(s, actor)) != 1:
        return list_projects(m.ProjectList(), actor, uow)
    project = lookup.project(s, actor, cmd.key, "project")
    today = actor.today
    recent = recent_statuses(s, [project.id], watermelon.LOOK_BACK + 1).get(project.id, [])
    current = recent[0] if recent else None
    stale = stale_days(project, current, actor.now)
    risks = s.scalars(
        select(Risk)
        .where(Risk.project_id == project.id, Risk.status.in_([RiskStatus.OPEN, RiskStatus.MITIGATING]))
        .order_by(Risk.score.desc(), Risk.review_by)
        .limit(3)
    ).all()
    gates = s.scalars(
        select(Gate).where(Gate.project_id == project.id, Gate.status == GateStatus.PENDING).order_by(Gate.number)
    ).all()
    overdue = s.scalars(
        select(Action)
        .where(
            Action.project_id == project.id,
            Action.status.in_([ActionStatus.OPEN, ActionStatus.BLOCKED]),
            Action.due < today,
        )
        .order_by(Action.due)
        .limit(5)
    ).all()
    blocks = cards.project_header(project, current, actor.now, stale, watermelon.flags(recent))
    blocks.append(Divider())
    blocks.append(
        Section(text="*Top risks*\n" + ("\n".join(cards.risk_line(r, today) for r in risks) or "_none open_"))
    )
    blocks.append(Section(text="*Open gates*\n" + ("\n".join(cards.gate_line(g, today) for g in gates) or "_none_")))
    blocks.append(
        Section(text="*Overdue actions*\n" + ("\n".join(cards.action_line(a, today) for a in overdue) or "_none_ 🎉"))
    )
    blocks += raid_card.plan_blocks(s, project, today)  # milestones, budget, exceptions, dependencies at risk
    blocks.append(
        Buttons(
            buttons=tuple(
                Button(label=label, action="form.open", value=project.key, form=form)
                for label, form in (
                    ("Log status", "status.log"),
                    ("Raise a risk", "risk.raise"),
                    ("Assign an action", "action.create"),
                    ("Request a gate", "gate.request"),
                )
            )
        )
    )
    ladder = (
        f"Escalation: PM after {fmt.plural(project.escalate_pm_after, 'ignored nudge')}, sponsors after "
        f"{project.escalate_sponsor_after}. {hours_rule(project)}"
    )
    blocks.append(Context(text=ladder))
    rag = fmt.rag(current.overall if current else None, stale)
    return Reply.private(f"{project.key} {project.name}: {rag}", *blocks)


def list_projects(cmd: m.ProjectList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    projects = s.scalars(
        select(Project)
        .where(Project.workspace_id == actor.workspace.id, Project.archived.is_(False))
        .order_by(Project.key)
    ).all()
    if not projects:
        archived = s.scalar(select(func.count()).select_from(Project).where(Project.workspace_id == actor.workspace.id))
        first = f"No active projects ({archived} archived)." if archived else "No projects yet."
        return Reply.private(
            first, Section(text=f'{first} A PMO admin starts one with:\n`/project create KEY "Name" pm:@u sponsor:@v`')
        )
    latest = latest_statuses(s, [p.id for p in projects])
    lines = []
    for p in projects:
        current = latest.get(p.id)
        rag = fmt.rag(current.overall if current else None, stale_days(p, current, actor.now))
        lines.append(f"{rag} · *{p.key}* {fmt.clip(p.name, 80)} — PM {fmt.who(p.pm)}")
    return Reply.private(
        f"{len(projects)} projects",
        Header(text="Projects"),
        Section(text="\n".join(lines)),
        Context(text="`/project KEY` for a project's card."),
    )
