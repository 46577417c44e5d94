"""Milestones: a baseline that stays put, a forecast that moves, slippage = forecast − baseline. A slip past
the schedule tolerance raises an exception; one past a dependency's need-by flags it on both projects."""

from __future__ import annotations

from sqlalchemy import select

from commands import format as fmt
from commands import guard, lookup, policy, trail
from commands.context import Actor
from commands.errors import Conflict, Forbidden, UsageError
from commands.grammar import raid_models as rm
from commands.notify import project_channels, to_channel
from commands.raid import exceptions, find, lines, listing
from commands.replies import Block, Context, Header, Reply, Section
from storage.models import Dependency, DependencyStatus, Milestone, MilestoneStatus, Project
from storage.numbering import next_number
from storage.uow import UnitOfWork

FIELDS = ("name", "baseline", "forecast", "done_on", "status")


def _may_plan(actor: Actor, project: Project) -> bool:
    return policy.is_lead(actor, project)


def set_milestone(cmd: rm.MilestoneSet, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "milestone")
    if not _may_plan(actor, project):
        raise Forbidden(f"Only {project.key}'s PM, a sponsor or a PMO admin can set its milestones.")
    guard.check(name=cmd.name)
    guard.fits(cmd.name, 200, "A milestone name", "milestone", field="name")
    ms = Milestone(
        workspace_id=actor.workspace.id,
        number=next_number(s, actor.workspace.id, "milestone"),
        project=project,
        name=cmd.name,
        baseline=cmd.baseline,
        created_by_id=actor.person.id,
        created_at=actor.now,
    )
    s.add(ms)
    s.flush()
    trail.log(s, actor, "milestone.set", ms.ref, after={"project": project.key} | trail.snapshot(ms, *FIELDS))
    return Reply.channel(
        f"Milestone {ms.ref} on {project.key}: {fmt.clip(cmd.name, 120)}, baseline {cmd.baseline}",
        Section(text=f"🏁 Baseline set: {lines.milestone_line(ms, actor.today)}"),
        Context(text=f"Move the forecast with `/milestone {ms.ref} forecast DATE`; `done` when it is."),
    )


def forecast(cmd: rm.MilestoneForecast, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    ms = find.numbered(s, actor, Milestone, cmd.ref, lock=True)
    if not _may_plan(actor, ms.project):
        raise Forbidden(f"Only {ms.project.key}'s PM, a sponsor or a PMO admin can forecast its milestones.")
    if ms.status == MilestoneStatus.DONE:
        raise Conflict(f"{ms.ref} is done.")
    if ms.forecast == cmd.forecast:
        return Reply.private(f"{ms.ref} is already forecast for {fmt.day(cmd.forecast, actor.today)}.")
    before = trail.snapshot(ms, *FIELDS)
    ms.previous_forecast, ms.forecast, ms.forecast_at = ms.forecast or ms.baseline, cmd.forecast, actor.now
    trail.log(s, actor, "milestone.forecast", ms.ref, before, trail.snapshot(ms, *FIELDS) | {"slip_days": ms.slip_days})
    blocks: list[Block] = [Section(text=f"⏱️ Forecast moved: {lines.milestone_line(ms, actor.today)}")]
    blocks += _flag_dependencies(actor, uow, ms)
    blocks += exceptions.check(actor, uow, ms.project)
    return Reply.channel(f"{ms.ref} forecast {cmd.forecast} ({lines.slip(ms.slip_days)})", *blocks)


def done(cmd: rm.MilestoneDone, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    ms = find.numbered(s, actor, Milestone, cmd.ref, lock=True)
    if not _may_plan(actor, ms.project):
        raise Forbidden(f"Only {ms.project.key}'s PM, a sponsor or a PMO admin can mark its milestones done.")
    if ms.status == MilestoneStatus.DONE:
        raise Conflict(f"{ms.ref} is already done.")
    on = cmd.on or actor.today
    if on > actor.today:
        raise UsageError(
            "A milestone is done on a day that has come; a later date is a forecast.", "milestone forecast"
        )
    before = trail.snapshot(ms, *FIELDS)
    ms.status, ms.done_on = MilestoneStatus.DONE, on
    trail.log(s, actor, "milestone.done", ms.ref, before, trail.snapshot(ms, *FIELDS) | {"slip_days": ms.slip_days})
    blocks: list[Block] = [Section(text=lines.milestone_line(ms, actor.today))]
    blocks += _flag_dependencies(actor, uow, ms)
    blocks += exceptions.check(actor, uow, ms.project)
    return Reply.channel(f"{ms.ref} done ({lines.slip(ms.slip_days)})", *blocks)


def _flag_dependencies(actor: Actor, uow: UnitOfWork, ms: Milestone) -> list[Block]:
    """Dependencies on this milestone that it now misses: flagged to the speaker and posted to both
    projects' channels (once per new date), and audited."""
    s = uow.session
    deps = s.scalars(
        select(Dependency).where(Dependency.provider_milestone_id == ms.id, Dependency.status == DependencyStatus.OPEN)
    ).all()
    late = [d for d in deps if d.need_by < ms.expected]
    blocks: list[Block] = []
    for d in late:
        line = lines.dependency_line(d, actor.today)
        trail.log(
            s,
            actor,
            "dependency.flag",
            d.ref,
            after={"milestone": ms.ref, "provider_date": ms.expected, "need_by": d.need_by},
        )
        blocks.append(Section(text=line))
        reply = Reply.channel(f"{d.ref} at risk: {ms.ref} now {ms.expected}", Section(text=line))
        for project in {d.project.id: d.project, ms.project.id: ms.project}.values():
            for channel in project_channels(s, project):
                to_channel(s, actor, channel, reply, key=f"dependency:{d.id}:{ms.expected}:{channel}")
    return blocks


def show(cmd: rm.MilestoneShow, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    ms = find.numbered(s, actor, Milestone, cmd.ref)
    deps = s.scalars(select(Dependency).where(Dependency.provider_milestone_id == ms.id)).all()
    blocks: list[Block] = [
        Header(text=f"{ms.ref} · {ms.project.key}: {fmt.clip(ms.name, 120)}"),
        Section(text=lines.milestone_line(ms, actor.today)),
    ]
    if deps:
        blocks.append(
            Section(text="*Others depend on it*\n" + "\n".join(lines.dependency_line(d, actor.today) for d in deps))
        )
    blocks.append(Context(text=f"`/milestone {ms.ref} forecast DATE` · `/milestone {ms.ref} done`"))
    return Reply.private(f"{ms.ref} {ms.name}", *blocks)


def list_milestones(cmd: rm.MilestoneList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    stmt = select(Milestone).where(Milestone.workspace_id == actor.workspace.id)
    project = lookup.list_scope(s, actor, cmd.project)
    scope = project.key if project else "all projects"
    if project is not None:
        stmt = stmt.where(Milestone.project_id == project.id)
    else:
        stmt = stmt.join(Project, Project.id == Milestone.project_id).where(Project.archived.is_(False))
    if cmd.filter == "open":
        stmt = stmt.where(Milestone.status == MilestoneStatus.OPEN)
    found = s.scalars(stmt.order_by(Milestone.baseline, Milestone.number).limit(26)).all()
    title = f"{cmd.filter.capitalize()} milestones · {scope}"
    return listing.reply(title, [lines.milestone_line(ms, actor.today) for ms in found])
