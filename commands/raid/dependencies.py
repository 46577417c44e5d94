"""Dependencies (N-, for need): what a project needs from another project, one of its milestones, or someone
outside, by a date. Both projects see it; a provider milestone slipping past the need-by date flags it on both."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from commands import format as fmt
from commands import guard, lookup, policy, trail
from commands.context import Actor
from commands.errors import Conflict, Forbidden, UsageError
from commands.grammar import raid_models as rm
from commands.notify import project_channels, to_channel
from commands.raid import find, lines, listing
from commands.replies import Block, Context, Header, Reply, Section
from storage.models import Dependency, DependencyStatus, Milestone, Project
from storage.numbering import next_number
from storage.uow import UnitOfWork

FIELDS = ("what", "need_by", "owner_id", "status", "closure_note")


def raise_dependency(cmd: rm.DependencyRaise, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "dependency")
    policy.require_team(actor, project, "log its dependencies")
    guard.check(what=cmd.what, party=cmd.external)
    guard.fits(cmd.what, 300, "What is needed", "dependency", field="what")
    if cmd.external is not None:
        guard.fits(cmd.external, 200, "An outside party's name", "dependency", field="external")
    find.not_past(cmd.need_by, actor.today, "need-by date", "dependency")
    milestone = find.numbered(s, actor, Milestone, cmd.on_milestone) if cmd.on_milestone is not None else None
    provider = milestone.project if milestone is not None else None
    if cmd.on_project is not None:
        provider = lookup.active_project(s, actor, cmd.on_project, "dependency")
    if provider is not None and provider.id == project.id:
        raise UsageError(
            f"{project.key} can't depend on itself; name another project or an outside party.", "dependency"
        )
    d = Dependency(
        workspace_id=actor.workspace.id,
        number=next_number(s, actor.workspace.id, "dependency"),
        project=project,
        provider_project=provider,
        provider_milestone=milestone,
        external=cmd.external,
        what=cmd.what,
        need_by=cmd.need_by,
        owner=find.person(s, actor, cmd.owner),
        created_by_id=actor.person.id,
        created_at=actor.now,
    )
    s.add(d)
    s.flush()
    trail.log(
        s,
        actor,
        "dependency.raise",
        d.ref,
        after={
            "project": project.key,
            "provider": provider.key if provider else None,
            "milestone": milestone.ref if milestone else None,
            "external": cmd.external,
        }
        | trail.snapshot(d, *FIELDS),
    )
    blocks: list[Block] = [Section(text=f"Logged {lines.dependency_line(d, actor.today)}")]
    if provider is not None:
        blocks.append(Context(text=f"{provider.key} sees it too (`/raid {provider.key}`)."))
        told = Reply.channel(
            f"{project.key} depends on {provider.key}: {d.ref}", Section(text=lines.dependency_line(d, actor.today))
        )
        for channel in project_channels(s, provider):
            to_channel(s, actor, channel, told, key=f"dependency:{d.id}:new:{channel}")
    if d.at_risk:
        trail.log(s, actor, "dependency.flag", d.ref, after={"provider_date": d.provider_date, "need_by": d.need_by})
    return Reply.channel(f"Dependency {d.ref}: {project.key} needs {fmt.clip(cmd.what, 100)}", *blocks)


def close(cmd: rm.DependencyClose, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    d = find.numbered(s, actor, Dependency, cmd.ref, lock=True)
    if not (d.owner_id == actor.person.id or policy.is_lead(actor, d.project)):
        raise Forbidden(f"Only {d.ref}'s owner, {d.project.key}'s PM, a sponsor or a PMO admin can close it.")
    if d.status != DependencyStatus.OPEN:
        raise Conflict(f"{d.ref} is already {d.status.value}.")
    guard.check(note=cmd.note)
    guard.fits(cmd.note, 2000, "A note", "dependency close", field="note")
    before = trail.snapshot(d, *FIELDS)
    d.status, d.closure_note, d.closed_at = DependencyStatus(cmd.outcome), cmd.note or None, actor.now
    trail.log(s, actor, f"dependency.{cmd.outcome}", d.ref, before, trail.snapshot(d, *FIELDS))
    note = f" — {fmt.clip(cmd.note, 300)}" if cmd.note else ""
    return Reply.channel(f"{d.ref} {cmd.outcome}", Section(text=f"🔗 *{d.ref}* {cmd.outcome}{note}"))


def show(cmd: rm.DependencyShow, actor: Actor, uow: UnitOfWork) -> Reply:
    d = find.numbered(uow.session, actor, Dependency, cmd.ref)
    blocks: list[Block] = [
        Header(text=f"{d.ref} · {d.project.key}"),
        Section(text=lines.dependency_line(d, actor.today)),
    ]
    if d.closure_note:
        blocks.append(Section(text=f"*Note*: {fmt.clip(d.closure_note, 1000)}"))
    blocks.append(Context(text=f"Owner {fmt.who(d.owner)} · `/dependency {d.ref} met|dropped`"))
    return Reply.private(f"{d.ref} {d.what}", *blocks)


def list_dependencies(cmd: rm.DependencyList, actor: Actor, uow: UnitOfWork) -> Reply:
    """A project's list holds what it needs and what others need from it."""
    s = uow.session
    stmt = (
        select(Dependency)
        .where(Dependency.workspace_id == actor.workspace.id)
        .options(joinedload(Dependency.provider_milestone), joinedload(Dependency.provider_project))
    )
    project = lookup.list_scope(s, actor, cmd.project)
    if project is not None:
        stmt = stmt.where(or_(Dependency.project_id == project.id, Dependency.provider_project_id == project.id))
    else:
        stmt = stmt.join(Project, Project.id == Dependency.project_id).where(Project.archived.is_(False))
    if cmd.filter == "open":
        stmt = stmt.where(Dependency.status == DependencyStatus.OPEN)
    found = s.scalars(stmt.order_by(Dependency.need_by, Dependency.number).limit(listing.MAX_SHOWN + 1)).unique().all()
    title = f"{cmd.filter.capitalize()} dependencies · {project.key if project else 'all projects'}"
    return listing.reply(title, [lines.dependency_line(d, actor.today) for d in found])
