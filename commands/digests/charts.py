"""The charts a digest carries, as specs from data the digest pass already loaded (no extra queries).

The sender draws them (commands/charts/render), so the pass and `/digest now` never wait on matplotlib."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from commands.charts.specs import (
    Burndown,
    Chart,
    GatesOnTime,
    GateTimeliness,
    HeatMap,
    LevelCounts,
    RagPoint,
    RagTrend,
)
from commands.digests.data import BURN_WEEKS, DigestData
from storage.models import GateStatus, Project, Risk, RiskLevel, RiskStatus

TREND_PROJECTS = 8  # rows on the RAG trend chart: more do not read at thumbnail size


def of_projects(projects: list[Project], data: DigestData, since: datetime | None, today: date) -> tuple[Chart, ...]:
    charts: list[Chart] = []
    live = [
        (r.likelihood, r.impact) for p in projects for r in data.risks.get(p.id, []) if r.status != RiskStatus.CLOSED
    ]
    if live:
        charts.append(HeatMap.of(live))
    trend = [
        (p.key, tuple(RagPoint(day=s.created_at.date(), rag=s.overall.value) for s in reversed(statuses)))
        for p in projects
        if (statuses := data.statuses.get(p.id))
    ]
    if trend:
        charts.append(RagTrend(projects=tuple(trend[:TREND_PROJECTS])))
    burn = burndown([r for p in projects for r in data.risk_history.get(p.id, [])], today)
    if burn is not None:
        charts.append(burn)
    gates = []
    for p in projects:
        decided = [
            g
            for g in data.gates.get(p.id, [])
            if g.status in (GateStatus.APPROVED, GateStatus.REJECTED)
            and g.decided_at is not None
            and since is not None
            and g.decided_at >= since
        ]
        if decided:
            late = sum(
                1 for g in decided if g.due is not None and g.decided_at is not None and g.decided_at.date() > g.due
            )
            gates.append(GateTimeliness(label=p.key, on_time=len(decided) - late, late=late))
    if gates:
        charts.append(GatesOnTime(rows=tuple(gates[:TREND_PROJECTS])))
    return tuple(charts)


def burndown(risks: list[Risk], today: date) -> Burndown | None:
    """Open risks by level at the end of each of the last BURN_WEEKS weeks and today, from when each risk was
    raised and closed. A risk rescored since a day counts at its score before (`previous_score`): the one
    rescoring the register keeps; an older one counts at that score. None when no risk was open in the span."""
    days = [today - timedelta(weeks=w) for w in range(BURN_WEEKS, -1, -1)]
    points = []
    for d in days:
        counts = dict.fromkeys(("critical", "high", "medium", "low"), 0)
        for r in risks:
            if r.created_at.date() > d or (r.status == RiskStatus.CLOSED and r.closed_at and r.closed_at.date() <= d):
                continue
            earlier = r.rescored_at is not None and r.rescored_at.date() > d and r.previous_score is not None
            counts[RiskLevel.of(r.previous_score if earlier and r.previous_score else r.score).value] += 1
        points.append(LevelCounts(day=d, **counts))
    if not any(p.critical or p.high or p.medium or p.low for p in points):
        return None
    return Burndown(points=tuple(points))
