"""`/raid [KEY]`: the register in one view — counts of risks, assumptions, issues and dependencies, the
plan (milestones, budget, exceptions) and the items that need attention; across projects, a table (one row
each, zeros blank)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from commands import format as fmt
from commands import lookup
from commands.context import Actor
from commands.grammar import raid_models as rm
from commands.raid import attention, data, lines, rules
from commands.replies import Block, Button, Buttons, Context, Header, Reply, Section, Table
from storage.models import Project, Risk, RiskStatus
from storage.uow import UnitOfWork

LIVE = (RiskStatus.OPEN, RiskStatus.MITIGATING, RiskStatus.ACCEPTED)
MAX_LINES = 15
MAX_PROJECTS = 40


def show(cmd: rm.RaidShow, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.list_scope(s, actor, cmd.project)
    if project is not None:
        return _project(actor, uow, project)
    projects = s.scalars(
        select(Project)
        .where(Project.workspace_id == actor.workspace.id, Project.archived.is_(False))
        .order_by(Project.key)
    ).all()
    if not projects:
        return Reply.private("No active projects.", Section(text="No active projects yet."))
    ids = [p.id for p in projects]
    loaded = data.load(s, ids, None, actor.today)
    risk_counts = Counter(
        dict(
            s.execute(
                select(Risk.project_id, func.count())
                .where(Risk.project_id.in_(ids), Risk.status.in_(LIVE))
                .group_by(Risk.project_id)
            ).all()
        )
    )
    rows = []
    for p in projects[:MAX_PROJECTS]:
        c = attention.counts(p, loaded)
        flags = attention.of(p, loaded, actor.today).phrases
        counts = (
            (risk_counts.get(p.id, 0), "risk"),
            (c["assumptions"], "assumption"),
            (c["issues"], "issue"),
            (c["dependencies"], "dependency", "dependencies"),
            (c["exceptions"], "exception"),
        )
        items = "\n".join(fmt.plural(*x) for x in counts if x[0])  # one kind a line, none left out
        rows.append((p.key, items, "\n".join(f"🚩 {f}" for f in flags[:3])))
    blocks: list[Block] = [
        Header(text="RAID register · all projects"),
        Context(text="Blank means none. `/raid KEY` for one project's register."),
    ]
    if len(projects) > MAX_PROJECTS:
        blocks.append(Context(text=f"The table shows {MAX_PROJECTS} of {len(projects)}: `/pmo export raid` has all."))
    blocks.append(  # last: Slack shows a message's table at its bottom
        Table(
            caption="Open items per project",
            columns=("Project", "Open", "Needs attention"),
            rows=tuple(rows),
            widths=(2, 3, 4),  # three columns: seven broke words mid-word on a 340-px phone card
        )
    )
    return Reply.private(f"RAID register: {len(projects)} projects", *blocks)


def _project(actor: Actor, uow: UnitOfWork, project: Project) -> Reply:
    s = uow.session
    loaded = data.load(s, [project.id], None, actor.today)
    risks = s.scalars(
        select(Risk).where(Risk.project_id == project.id, Risk.status.in_(LIVE)).order_by(Risk.score.desc())
    ).all()
    c = attention.counts(project, loaded)
    high = sum(1 for r in risks if r.score >= 10)
    reviews = [r for r in risks if r.status != RiskStatus.ACCEPTED and r.review_by < actor.today]
    counts = (
        f"*Risks* {len(risks)} ({high} high or critical) · *Assumptions* {c['assumptions']} · "
        f"*Issues* {c['issues']} · *Dependencies* {c['dependencies']} · *Exceptions* {c['exceptions']}"
    )
    need = attention.of(project, loaded, actor.today)
    needs = [
        f"🔎 {r.ref} {fmt.clip(r.title, 60)} — {fmt.who(r.owner)} · {fmt.due_phrase(r.review_by, actor.today, 'review')}"
        for r in reviews
    ] + need.lines
    blocks: list[Block] = [Header(text=f"RAID · {project.key} {fmt.clip(project.name, 80)}"), Section(text=counts)]
    blocks.append(
        Section(
            text="*Needs attention*\n"
            + ("\n".join(needs[:MAX_LINES]) if needs else "_nothing_ ✅")
            + (f"\n…and {len(needs) - MAX_LINES} more" if len(needs) > MAX_LINES else "")
        )
    )
    plan = [lines.milestone_line(ms, actor.today) for ms in loaded.milestones.get(project.id, [])[:5]]
    budget = loaded.budgets.get(project.id)
    if budget is not None:
        plan.append(lines.budget_line(budget, loaded.tolerances.get(project.id)))
    blocks.append(Section(text="*Plan*\n" + ("\n".join(plan) if plan else "_no milestones or budget yet_")))
    blocks.append(Context(text=f"Tolerances: {rules.describe(loaded.tolerances.get(project.id))}"))
    blocks.append(
        Buttons(
            buttons=(
                Button(label="Raise an issue", action="form.open", value=project.key, form="issue.raise"),
                Button(label="Log an assumption", action="form.open", value=project.key, form="assumption.raise"),
                Button(label="Log a dependency", action="form.open", value=project.key, form="dependency.raise"),
                Button(
                    label="Export", action="raid.export", value=project.key, command=f"/pmo export raid {project.key}"
                ),
            )
        )
    )
    return Reply.private(f"RAID {project.key}: {counts.replace('*', '')}", *blocks)
