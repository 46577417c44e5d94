"""Benchmark: the clock's digest and nudge passes over a large portfolio (not a test).

    python bench/passes.py [--projects 100 1000 5000] [--db sqlite|postgres]

For each size: build the portfolio (3 people, 3 risks, 2 actions, a gate, a channel digest per project, and a
RAID log: 2 milestones, a budget, tolerances, an open exception, a dependency, an issue, an assumption),
then time one digest pass and one nudge pass (wall time, SQL statements, peak Python memory)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, text

from bot.clock import passes
from storage import migrate
from storage.db import make_engine, make_sessions
from tests.support import portfolio

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def engine_for(kind: str, tmp: str):  # type: ignore[no-untyped-def]
    if kind == "sqlite":
        e = make_engine(f"sqlite:///{tmp}/bench-{uuid.uuid4().hex[:6]}.db")
        migrate.upgrade(e)
        return e, lambda: None
    admin_url = os.environ.get("ROUNDS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"rounds_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    e = make_engine(admin_url.rsplit("/", 1)[0] + f"/{name}")
    migrate.upgrade(e)

    def drop() -> None:
        e.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))

    return e, drop


def timed(engine, job):  # type: ignore[no-untyped-def]
    """Wall time and statements of one pass; then peak Python memory of the same pass, measured separately
    (tracemalloc slows Python down several times, so it never runs during the timing) on a rolled-back copy."""
    statements = [0]

    def count(*_args) -> None:  # type: ignore[no-untyped-def]
        statements[0] += 1

    sessions = make_sessions(engine)
    event.listen(engine, "before_cursor_execute", count)
    with engine.connect() as conn:  # the timed pass, rolled back afterwards so the memory run sees the same work
        outer = conn.begin()
        bound = make_sessions(conn)  # type: ignore[arg-type]
        t0 = time.perf_counter()
        result = job(bound, NOW)
        elapsed = time.perf_counter() - t0
        outer.rollback()
    event.remove(engine, "before_cursor_execute", count)
    tracemalloc.start()
    job(sessions, NOW)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, statements[0], peak, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", type=int, nargs="+", default=[100, 1000, 5000])
    ap.add_argument("--db", choices=["sqlite", "postgres"], nargs="+", default=["sqlite", "postgres"])
    args = ap.parse_args()
    print("| database | projects | pass | wall time | SQL statements | peak Python memory | result |")
    print("| --- | ---: | --- | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.db:
            for n in args.projects:
                engine, drop = engine_for(kind, tmp)
                portfolio.build(engine, n, NOW)
                for name, job in (("digests", passes.digests), ("nudges", passes.nudges)):
                    elapsed, stmts, peak, result = timed(engine, job)
                    what = (
                        f"{result.queued} digests queued"
                        if name == "digests"
                        else f"{result.nudged} DMs, {result.escalations} escalations"
                    )
                    print(
                        f"| {kind} | {n:,} | {name} | {elapsed * 1000:,.0f} ms | {stmts} | {peak / 2**20:,.1f} MiB | {what} |",
                        flush=True,
                    )
                drop()


if __name__ == "__main__":
    main()
