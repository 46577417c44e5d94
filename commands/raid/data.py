"""The RAID log and the plan's controls for any number of projects, loaded set-based: the same seven queries
for one project (a card, `/raid`) or a thousand (a digest pass). Each query has its index (migration 0008)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from commands.raid.latest import latest_budgets
from storage.models import (
    Assumption,
    AssumptionStatus,
    BudgetEntry,
    Dependency,
    DependencyStatus,
    ExceptionStatus,
    Issue,
    IssueStatus,
    Milestone,
    MilestoneStatus,
    ProjectException,
    Tolerance,
)

R = TypeVar("R", Milestone, ProjectException, Issue, Assumption)
RECENT_DAYS = 90  # without a "since", what counts as recently closed


@dataclass
class RaidData:
    milestones: dict[int, list[Milestone]] = field(default_factory=dict)  # open, and done since
    budgets: dict[int, BudgetEntry] = field(default_factory=dict)  # the current budget
    tolerances: dict[int, Tolerance] = field(default_factory=dict)
    exceptions: dict[int, list[ProjectException]] = field(default_factory=dict)  # open, and closed since
    dependencies: dict[int, list[Dependency]] = field(default_factory=dict)  # both sides: needed by or from
    issues: dict[int, list[Issue]] = field(default_factory=dict)  # open, and resolved since
    assumptions: dict[int, list[Assumption]] = field(default_factory=dict)  # open, and settled since


def load(session: Session, project_ids: Iterable[int], since: datetime | None, today: date) -> RaidData:
    ids = sorted(set(project_ids))
    if not ids:
        return RaidData()
    since = since or datetime.combine(today - timedelta(days=RECENT_DAYS), time(0), tzinfo=UTC)
    data = RaidData()
    data.milestones = _group(
        session.scalars(
            select(Milestone)
            .where(
                Milestone.project_id.in_(ids),
                or_(Milestone.status == MilestoneStatus.OPEN, Milestone.done_on >= since.date()),
            )
            .order_by(Milestone.baseline, Milestone.number)
        ),
    )
    data.budgets = latest_budgets(session, ids)
    data.tolerances = {t.project_id: t for t in session.scalars(select(Tolerance).where(Tolerance.project_id.in_(ids)))}
    data.exceptions = _group(
        session.scalars(
            select(ProjectException)
            .where(
                ProjectException.project_id.in_(ids),
                or_(ProjectException.status == ExceptionStatus.OPEN, ProjectException.closed_at >= since),
            )
            .order_by(ProjectException.number)
        ),
    )
    deps = session.scalars(
        select(Dependency)
        .where(
            or_(Dependency.project_id.in_(ids), Dependency.provider_project_id.in_(ids)),
            or_(Dependency.status == DependencyStatus.OPEN, Dependency.closed_at >= since),
        )
        .options(
            joinedload(Dependency.provider_milestone),
            joinedload(Dependency.provider_project),
            joinedload(Dependency.owner),
        )
        .order_by(Dependency.need_by, Dependency.number)
    ).unique()
    wanted = set(ids)
    by_project: dict[int, list[Dependency]] = defaultdict(list)
    for d in deps:
        for pid in {d.project_id, d.provider_project_id}:
            if pid in wanted:
                by_project[pid].append(d)
    data.dependencies = dict(by_project)
    data.issues = _group(
        session.scalars(
            select(Issue)
            .where(Issue.project_id.in_(ids), or_(Issue.status == IssueStatus.OPEN, Issue.resolved_at >= since))
            .options(joinedload(Issue.owner), joinedload(Issue.risk))
            .order_by(Issue.number)
        ),
    )
    data.assumptions = _group(
        session.scalars(
            select(Assumption)
            .where(
                Assumption.project_id.in_(ids),
                or_(Assumption.status == AssumptionStatus.OPEN, Assumption.decided_at >= since),
            )
            .options(joinedload(Assumption.owner), joinedload(Assumption.risk))
            .order_by(Assumption.number)
        ),
    )
    return data


def _group(rows: Iterable[R]) -> dict[int, list[R]]:
    out: dict[int, list[R]] = defaultdict(list)
    for row in rows:
        out[row.project_id].append(row)
    return dict(out)
