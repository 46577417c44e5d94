"""Benchmark: a PMO admin's Home (their portfolio at a glance, then their items) over a large portfolio (not a test).

    python bench/home.py [--projects 10 1000] [--runs 10]

For each size: build the portfolio (tests/support/portfolio.py, SQLite, migrated), then time `Rounds.home` for
User 0 (the PMO admin, who sees every project) and count its SQL statements. The heat map is not drawn here:
the Home carries it as data, drawn by the platform (bench/charts.py times the drawing)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event

from commands.context import Context, Speaker
from commands.service import Rounds
from storage import migrate
from storage.db import make_engine, make_sessions
from storage.models import Platform
from tests.support import portfolio

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", type=int, nargs="+", default=[10, 1000])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.projects:
            engine = make_engine(f"sqlite:///{tmp}/home-{n}.db")
            migrate.upgrade(engine)
            portfolio.build(engine, n, NOW, workspace=f"T-{n}")
            rounds = Rounds(make_sessions(engine))
            speaker = Speaker(user_id="U0000000", handle="user0", display_name="User 0", timezone="America/Toronto")
            ctx = Context(platform=Platform.SLACK, workspace_id=f"T-{n}", is_direct=True, speaker=speaker, now=NOW)
            rounds.home(ctx)  # warm: the speaker is known, the caches are filled
            statements: list[str] = []
            event.listen(engine, "before_cursor_execute", lambda *a, into=statements: into.append(a[2]))
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                home = rounds.home(ctx)
                times.append(time.perf_counter() - t)
            assert not home.error, home.text
            per_run = len(statements) // args.runs
            print(
                f"{n:>6} projects: median {statistics.median(times) * 1000:7.1f} ms, "
                f"max {max(times) * 1000:7.1f} ms, {per_run} statements, {len(home.blocks)} blocks"
            )
            engine.dispose()


if __name__ == "__main__":
    main()
