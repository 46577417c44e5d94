"""What in a project's RAID log and plan needs attention: the lines a card, `/raid` and a digest show, and the
short phrases that feed a digest's "needs attention" line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from commands import format as fmt
from commands.raid import lines, rules
from commands.raid.data import RaidData
from storage.models import (
    RAG,
    AssumptionStatus,
    DependencyStatus,
    ExceptionStatus,
    IssueSeverity,
    IssueStatus,
    MilestoneStatus,
    Project,
)


@dataclass
class Attention:
    lines: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)


def of(p: Project, data: RaidData, today: date) -> Attention:
    out = Attention()
    for x in data.exceptions.get(p.id, []):
        if x.status == ExceptionStatus.OPEN:
            out.lines.append(lines.exception_line(x, today))
            out.phrases.append(f"{x.ref} {x.dimension.value} exception on {p.key}")
    for ms in data.milestones.get(p.id, []):
        if ms.status != MilestoneStatus.OPEN:
            continue
        if ms.slip_days > 0:
            out.lines.append(lines.milestone_line(ms, today))
            out.phrases.append(f"{ms.ref} slipping {lines.slip(ms.slip_days)} on {p.key}")
        elif ms.expected < today:
            out.lines.append(f"{lines.milestone_line(ms, today)} — {fmt.due_phrase(ms.expected, today)}")
            out.phrases.append(f"{ms.ref} overdue on {p.key}")
    budget = data.budgets.get(p.id)
    if budget is not None:
        rag, _ = rules.budget_rag(budget, data.tolerances.get(p.id))
        if rag != RAG.GREEN:
            out.lines.append(lines.budget_line(budget, data.tolerances.get(p.id)))
            out.phrases.append(f"{p.key} budget {rag.value}")
    for d in data.dependencies.get(p.id, []):
        if d.status != DependencyStatus.OPEN:
            continue
        if d.at_risk or d.need_by < today:
            out.lines.append(lines.dependency_line(d, today))
            side = d.project.key if d.project_id == p.id else f"{d.project.key}←{p.key}"
            out.phrases.append(f"{d.ref} at risk ({side})")
    issues = [i for i in data.issues.get(p.id, []) if i.status == IssueStatus.OPEN]
    urgent = [
        i
        for i in issues
        if i.severity in (IssueSeverity.CRITICAL, IssueSeverity.HIGH) or (i.due is not None and i.due < today)
    ]
    out.lines += [lines.issue_line(i, today) for i in urgent]
    if urgent:
        out.phrases.append(f"{fmt.plural(len(urgent), 'urgent issue')} on {p.key}")
    late = [
        h
        for h in data.assumptions.get(p.id, [])
        if h.status == AssumptionStatus.OPEN and h.validate_by is not None and h.validate_by < today
    ]
    out.lines += [lines.assumption_line(h, today) for h in late]
    if late:
        out.phrases.append(f"{fmt.plural(len(late), 'assumption')} to validate on {p.key}")
    return out


def counts(p: Project, data: RaidData) -> dict[str, int]:
    """Open items per kind (risks are counted by the caller, which has them)."""
    return {
        "issues": sum(1 for i in data.issues.get(p.id, []) if i.status == IssueStatus.OPEN),
        "assumptions": sum(1 for h in data.assumptions.get(p.id, []) if h.status == AssumptionStatus.OPEN),
        "dependencies": sum(1 for d in data.dependencies.get(p.id, []) if d.status == DependencyStatus.OPEN),
        "exceptions": sum(1 for x in data.exceptions.get(p.id, []) if x.status == ExceptionStatus.OPEN),
    }
