"""The project card's plan section: milestones and slippage, the budget, open exceptions (with the one-tap
note button) and dependencies at risk on either side."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from commands.raid import data, exceptions, lines
from commands.replies import Block, Section
from storage.models import DependencyStatus, ExceptionStatus, MilestoneStatus, Project


def plan_blocks(session: Session, project: Project, today: date) -> list[Block]:
    loaded = data.load(session, [project.id], None, today)
    rows = [
        lines.milestone_line(ms, today)
        for ms in loaded.milestones.get(project.id, [])
        if ms.status == MilestoneStatus.OPEN
    ][:3]
    budget = loaded.budgets.get(project.id)
    if budget is not None:
        rows.append(lines.budget_line(budget, loaded.tolerances.get(project.id)))
    rows += [
        lines.dependency_line(d, today)
        for d in loaded.dependencies.get(project.id, [])
        if d.status == DependencyStatus.OPEN and (d.at_risk or d.need_by < today)
    ]
    open_x = [x for x in loaded.exceptions.get(project.id, []) if x.status == ExceptionStatus.OPEN]
    if not rows and not open_x:
        return []
    blocks: list[Block] = []
    if rows:
        blocks.append(Section(text="*Plan*\n" + "\n".join(rows)))
    for x in open_x:
        blocks.append(Section(text=lines.exception_line(x, today)))
        if not x.note:
            blocks.append(exceptions.note_button(x))
    return blocks
