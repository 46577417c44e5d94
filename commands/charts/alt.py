"""Alt text: what a screen reader says instead of the picture, with the numbers the picture shows."""

from __future__ import annotations

from commands.charts.specs import Burndown, GatesOnTime, HeatMap, RagTrend
from storage.models import RiskLevel

MAX_CELLS = 8


def heatmap(spec: HeatMap) -> str:
    cells = [(l_ * i, l_, i, n) for l_, row in enumerate(spec.counts, start=1) for i, n in enumerate(row, start=1) if n]
    if not cells:
        return f"{spec.title}: no open risks."
    cells.sort(reverse=True)
    parts = [f"L{l_} × I{i} = {s} ({RiskLevel.of(s).value}): {n}" for s, l_, i, n in cells[:MAX_CELLS]]
    more = f"; and {len(cells) - MAX_CELLS} more cells" if len(cells) > MAX_CELLS else ""
    return f"{spec.title}: {spec.total} open. " + "; ".join(parts) + more + "."


def rag_trend(spec: RagTrend) -> str:
    if not spec.projects:
        return f"{spec.title}: no status updates."
    lines = []
    for key, points in spec.projects:
        if not points:
            lines.append(f"{key}: no updates")
            continue
        seq = ", ".join(f"{p.rag} {p.day:%d %b}" for p in points)
        lines.append(f"{key}: {seq}; now {points[-1].rag}")
    return f"{spec.title}. " + ". ".join(lines) + "."


def burndown(spec: Burndown) -> str:
    first, last = spec.points[0], spec.points[-1]
    levels = ("critical", "high", "medium", "low")
    moves = ", ".join(f"{lv} {getattr(first, lv)} → {getattr(last, lv)}" for lv in levels)
    return f"{spec.title} from {first.day:%d %b %Y} to {last.day:%d %b %Y}: {moves}."


def gates_on_time(spec: GatesOnTime) -> str:
    rows = "; ".join(f"{r.label}: {r.on_time} on time, {r.late} late" for r in spec.rows)
    on_time = sum(r.on_time for r in spec.rows)
    total = on_time + sum(r.late for r in spec.rows)
    return f"{spec.title}: {on_time} of {total} on time. {rows}."
