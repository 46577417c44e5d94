"""The charts a digest carries, as specs from data the digest pass already loaded (no extra queries).

The sender draws them (commands/charts/render), so the pass and `/digest now` never wait on matplotlib."""

from __future__ import annotations

from datetime import datetime

from commands.charts.specs import Chart, GatesOnTime, GateTimeliness, HeatMap, RagPoint, RagTrend
from commands.digests.data import DigestData
from storage.models import GateStatus, Project, RiskStatus

TREND_PROJECTS = 8  # rows on the RAG trend chart: more do not read at thumbnail size


def of_projects(projects: list[Project], data: DigestData, since: datetime | None) -> tuple[Chart, ...]:
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
