"""Everything a digest needs, loaded set-based: a fixed handful of queries for any number of projects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload, subqueryload

from commands.raid import data as raid_data
from commands.raid.data import RaidData
from commands.status import recent_statuses
from storage.models import Action, ActionStatus, Gate, GateStatus, Project, Risk, RiskStatus, StatusUpdate

ProjectItem = TypeVar("ProjectItem", Risk, Gate, Action)

TREND = 12  # updates per project: four make the emoji trend, twelve the RAG trend chart
BURN_WEEKS = 8  # the burn-down chart's span: open risks by level at the end of each of the last eight weeks


@dataclass
class DigestData:
    projects: dict[int, Project]
    statuses: dict[int, list[StatusUpdate]] = field(default_factory=dict)  # newest first, up to TREND
    risks: dict[int, list[Risk]] = field(default_factory=dict)  # live, plus closed since `since`
    risk_history: dict[int, list[Risk]] = field(default_factory=dict)  # live, plus closed in the burn-down's span
    gates: dict[int, list[Gate]] = field(default_factory=dict)  # pending, plus decided since `since`
    overdue: dict[int, list[Action]] = field(default_factory=dict)  # live actions due before `today`
    raid: RaidData = field(default_factory=RaidData)  # the rest of the RAID log and the plan's controls


def load(
    session: Session, project_ids: list[int], since: datetime | None, today: date, decided_since: datetime | None = None
) -> DigestData:
    """`since` is the oldest "last digest" among the digests being built; `today` the latest local date;
    `decided_since`: gates decided since then are loaded too (the portfolio's on-time figure looks that far back)."""
    if not project_ids:
        return DigestData(projects={})
    ids = sorted(set(project_ids))
    projects = session.scalars(
        select(Project).where(Project.id.in_(ids)).options(subqueryload(Project.roles), joinedload(Project.pm))
    ).all()
    data = DigestData(projects={p.id: p for p in projects})

    data.statuses = recent_statuses(session, ids, TREND)

    live = Risk.status.in_([RiskStatus.OPEN, RiskStatus.MITIGATING, RiskStatus.ACCEPTED])
    burn_from = burn_start(today)
    closed_from = min(since, burn_from) if since else burn_from
    risks = session.scalars(
        select(Risk)
        .where(Risk.project_id.in_(ids), or_(live, Risk.closed_at >= closed_from))
        .options(joinedload(Risk.owner))
        .order_by(Risk.score.desc(), Risk.review_by, Risk.number)
    ).all()
    data.risk_history = _by_project([r for r in risks if r.status != RiskStatus.CLOSED or _closed_after(r, burn_from)])
    data.risks = _by_project(
        [r for r in risks if r.status != RiskStatus.CLOSED or (since is not None and _closed_after(r, since))]
    )

    pending = Gate.status == GateStatus.PENDING
    oldest = min((x for x in (since, decided_since) if x is not None), default=None)
    gate_filter = or_(pending, Gate.decided_at >= oldest) if oldest else pending
    gates = session.scalars(
        select(Gate)
        .where(Gate.project_id.in_(ids), gate_filter)
        .options(subqueryload(Gate.approvers), subqueryload(Gate.decisions))
        .order_by(Gate.number)
    ).all()
    data.gates = _by_project(gates)

    overdue = session.scalars(
        select(Action)
        .where(
            Action.project_id.in_(ids), Action.status.in_([ActionStatus.OPEN, ActionStatus.BLOCKED]), Action.due < today
        )
        .options(joinedload(Action.owner))
        .order_by(Action.due, Action.number)
    ).all()
    data.overdue = _by_project(overdue)
    data.raid = raid_data.load(session, ids, since, today)
    return data


def burn_start(today: date) -> datetime:
    """The start of the burn-down's span: risks closed before it were closed all through the chart."""
    return datetime.combine(today - timedelta(weeks=BURN_WEEKS), time.min, tzinfo=UTC)


def _closed_after(r: Risk, when: datetime) -> bool:
    return r.closed_at is not None and r.closed_at >= when


def _by_project(rows: Sequence[ProjectItem]) -> dict[int, list[ProjectItem]]:
    out: defaultdict[int, list[ProjectItem]] = defaultdict(list)
    for row in rows:
        out[row.project_id].append(row)
    return dict(out)
