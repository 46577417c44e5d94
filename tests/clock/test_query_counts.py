"""Digest and nudge passes are set-based: the number of queries does not grow with the portfolio."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Engine, event, select

from bot.clock import passes
from storage.db import make_sessions
from storage.models import OutboxMessage
from tests.fakes.slack_api import message_problems
from tests.support import portfolio

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tuesday 10:00 Toronto


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def measure(engine: Engine, projects: int, job) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    portfolio.build(engine, projects, NOW, workspace=f"T-{projects}")
    sessions = make_sessions(engine)
    with counting(engine) as statements:
        job(sessions, NOW)
    with sessions() as s:
        queued = len(s.scalars(select(OutboxMessage.id)).all())
    return len(statements), queued


def test_digest_pass_query_count_is_the_same_at_10_and_1000_projects(engine: Engine) -> None:
    small, small_queued = measure(engine, 10, passes.digests)
    from tests.conftest import truncate_all

    _reset(engine, truncate_all)
    large, large_queued = measure(engine, 1000, passes.digests)
    assert (small_queued, large_queued) == (11, 1001)  # every channel digest plus the portfolio one
    print(f"\ndigest pass: {small} statements at 10 projects, {large} at 1,000")
    assert small == large


def test_nudge_pass_query_count_is_the_same_at_10_and_1000_projects(engine: Engine) -> None:
    small, small_queued = measure(engine, 10, passes.nudges)
    from tests.conftest import truncate_all

    _reset(engine, truncate_all)
    large, large_queued = measure(engine, 1000, passes.nudges)
    assert small_queued >= 20 and large_queued >= 2000  # nudges (members, sponsors) and escalations
    print(f"\nnudge pass: {small} statements at 10 projects, {large} at 1,000")
    assert small == large


def _reset(engine: Engine, truncate_all) -> None:  # type: ignore[no-untyped-def]
    if engine.dialect.name == "postgresql":
        truncate_all(engine)
    else:
        from storage.models import Base

        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)


def _portfolio_view(sessions, now: datetime) -> None:  # type: ignore[no-untyped-def]
    """What `/pmo portfolio` does, rendered for both platforms: any lazy load in the table would show here."""
    from bot.slack import render as slack
    from bot.teams import render as teams
    from commands.digests.build import load_for, scope_projects
    from commands.digests.render import portfolio_digest
    from storage.models import DigestScope, Workspace

    with sessions() as s:
        ws = s.scalars(select(Workspace)).one()
        projects = scope_projects(s, ws.id, DigestScope.PORTFOLIO, None, "")
        data = load_for(s, [p.id for p in projects], None, now, now.date())
        reply = portfolio_digest(projects, data, None, now, now.date())
        assert message_problems(slack.message(reply)) == []
        card = json.dumps(teams.card(reply), ensure_ascii=False)
        assert "too long for one Teams card" not in card  # the whole table fits (about 17 KB at 20 busy rows)


def test_the_portfolio_table_query_count_is_the_same_at_10_and_300_projects(engine: Engine) -> None:
    small, _ = measure(engine, 10, _portfolio_view)
    from tests.conftest import truncate_all

    _reset(engine, truncate_all)
    large, _ = measure(engine, 300, _portfolio_view)
    print(f"\n/pmo portfolio: {small} statements at 10 projects, {large} at 300")
    assert small == large


def test_home_dashboard_query_count_is_the_same_at_10_and_1000_projects(engine: Engine) -> None:
    """A PMO admin's Home (User 0 leads the PMO and manages the first project): their portfolio at a glance
    over every project, then their own items, in the same statements whatever the portfolio's size."""
    from commands.context import Context, Speaker
    from commands.service import Rounds
    from storage.models import Platform
    from tests.conftest import truncate_all

    counts = []
    for n in (10, 1000):
        if n != 10:
            _reset(engine, truncate_all)
        portfolio.build(engine, n, NOW, workspace=f"T-{n}")
        rounds = Rounds(make_sessions(engine))
        speaker = Speaker(user_id="U0000000", handle="user0", display_name="User 0", timezone="America/Toronto")
        ctx = Context(platform=Platform.SLACK, workspace_id=f"T-{n}", is_direct=True, speaker=speaker, now=NOW)
        with counting(engine) as statements:
            home = rounds.home(ctx)
        assert not home.error, home.text
        assert f"*The portfolio at a glance* — {n} projects" in home.blocks[1].text  # type: ignore[union-attr]
        assert home.charts and home.charts[0].total == 3 * n  # type: ignore[union-attr]
        text = "\n".join(getattr(b, "text", "") for b in home.blocks)
        assert f"*Open exceptions* ({n})" in text and (n <= 10 or f"…and {n - 10} more: `/pmo portfolio`." in text)
        counts.append(len(statements))
    print(f"\nhome dashboard: {counts[0]} statements at 10 projects, {counts[1]} at 1,000")
    assert counts[0] == counts[1]
