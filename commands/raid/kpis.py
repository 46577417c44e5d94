"""The KPIs the portfolio view and digest carry beside RAG: on-time milestone rate, budget adherence (share of
projects within budget tolerance), risks burned down, issues open and resolved."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from commands.raid import rules
from commands.raid.data import RaidData
from commands.replies import FieldItem
from storage.models import IssueStatus, MilestoneStatus, Project, Risk, RiskStatus


def _share(n: int, of: int) -> str:
    return f"{round(100 * n / of)}% ({n}/{of})" if of else "—"


def fields(
    projects: list[Project], raid: RaidData, risks: Iterable[Risk], since: datetime | None
) -> tuple[FieldItem, ...]:
    ids = {p.id for p in projects}
    done = [
        ms
        for pid in ids
        for ms in raid.milestones.get(pid, [])
        if ms.status == MilestoneStatus.DONE
        and ms.done_on is not None
        and (since is None or ms.done_on >= since.date())
    ]
    on_time = sum(1 for ms in done if ms.done_on is not None and ms.done_on <= ms.baseline)
    budgets = [(pid, raid.budgets[pid]) for pid in ids if pid in raid.budgets]
    within = sum(1 for pid, b in budgets if rules.within_budget(b, raid.tolerances.get(pid)))
    closed = opened = live = 0
    for r in risks:
        opened += since is not None and r.created_at >= since
        if r.status == RiskStatus.CLOSED:
            closed += since is None or (r.closed_at is not None and r.closed_at >= since)
        else:
            live += 1
    issues = [i for pid in ids for i in raid.issues.get(pid, [])]
    open_issues = sum(1 for i in issues if i.status == IssueStatus.OPEN)
    resolved = sum(1 for i in issues if i.status == IssueStatus.RESOLVED)
    return (
        FieldItem(label="Milestones on time", value=_share(on_time, len(done))),
        FieldItem(label="Budget within tolerance", value=_share(within, len(budgets))),
        FieldItem(label="Risks burned down", value=f"{closed} closed, {opened} new · {live} open"),
        FieldItem(label="Issues", value=f"{open_issues} open · {resolved} resolved"),
    )
