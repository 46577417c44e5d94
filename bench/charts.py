"""Benchmark and picture book for the digest charts (not a test).

    python bench/charts.py [--out docs/img] [--repeat 20] [--seed 11]

Builds a seeded portfolio's chart data (8 projects, 40 open risks, 12 weekly status updates each, twelve weeks
of risk counts, gate decisions), writes each chart as a PNG into --out (Slack size, 720 × 600), and times:
matplotlib's first import in a fresh interpreter, and each chart's render (uncached) at Slack (2×) and Teams
(1×, a data: URI) size — median and worst of --repeat runs — with each PNG's bytes."""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from commands.charts import render as charts_render
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

START = date(2026, 9, 7)
KEYS = ["EHR", "LIMS", "TELE", "PACS", "RX", "ED", "ORS", "CDS"]


def scenario(seed: int) -> list[Chart]:
    rng = random.Random(seed)
    risks = [
        (rng.choices(range(1, 6), [3, 4, 4, 2, 1])[0], rng.choices(range(1, 6), [1, 2, 4, 4, 2])[0]) for _ in range(40)
    ]
    trend = []
    for key in KEYS:
        rag, points = "green", []
        for week in range(12):
            rag = rng.choices(
                ["green", "amber", "red"], {"green": [8, 2, 0], "amber": [3, 5, 2], "red": [1, 4, 5]}[rag]
            )[0]
            points.append(RagPoint(day=START + timedelta(weeks=week), rag=rag))
        trend.append((key, tuple(points)))
    level = {"critical": 4, "high": 12, "medium": 14, "low": 10}
    burn = []
    for week in range(12):
        burn.append(LevelCounts(day=START + timedelta(weeks=week), **level))
        level = {k: max(0, v + rng.choice([-2, -1, -1, 0, 0, 1])) for k, v in level.items()}
    gates = [GateTimeliness(label=k, on_time=rng.randint(0, 4), late=rng.randint(0, 2)) for k in KEYS[:6]]
    return [
        HeatMap.of(risks),
        RagTrend(projects=tuple(trend)),
        Burndown(points=tuple(burn)),
        GatesOnTime(rows=tuple(gates)),
    ]


def import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import matplotlib.figure, matplotlib.backends.backend_agg; print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"matplotlib import (fresh interpreter): {import_seconds() * 1000:.0f} ms")
    first = time.perf_counter()
    charts = scenario(args.seed)
    charts_render.render(charts[0])
    print(f"first chart in a process (import + draw): {(time.perf_counter() - first) * 1000:.0f} ms")
    print(f"{'chart':<15}{'scale':>6}{'median ms':>11}{'worst ms':>10}{'bytes':>8}")
    for chart in charts:
        for scale in (2, 1):
            times = []
            for _ in range(args.repeat):
                charts_render.cache_clear()
                t = time.perf_counter()
                image = charts_render.render(chart, scale=scale)
                times.append((time.perf_counter() - t) * 1000)
            print(f"{chart.kind:<15}{scale:>6}{statistics.median(times):>11.0f}{max(times):>10.0f}{len(image.png):>8}")
            if scale == 2:
                (args.out / f"chart-{chart.kind.replace('_', '-')}.png").write_bytes(image.png)
    charts_render.render(charts[0])
    t = time.perf_counter()
    charts_render.render(charts[0])
    print(f"cached: {(time.perf_counter() - t) * 1e6:.0f} µs")
    print(f"PNGs in {args.out}/")


if __name__ == "__main__":
    main()
