"""Shared fixtures: a database per test on SQLite and on PostgreSQL, and a conversation with Rounds."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from storage import migrate
from storage.db import make_engine, make_sessions
from storage.models import Base
from tests.support.chat import Chat

PG_ENV = "ROUNDS_TEST_POSTGRES_URL"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # a Monday, 10:00 in Toronto


def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if IN_CI:
            pytest.fail(f"CI=true but {PG_ENV} is not set: the PostgreSQL tests must run in CI")
        return None
    return url


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine | None]:
    """A fresh database for this test session, migrated to head, dropped at the end."""
    url = _pg_admin_url()
    if url is None:
        yield None
        return
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    name = f"rounds_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as e:  # noqa: BLE001
        pytest.fail(
            f"PostgreSQL at {make_url(url).render_as_string(hide_password=True)} is unreachable: {type(e).__name__}: {e}"
        )
    engine = make_engine(make_url(url).set(database=name).render_as_string(hide_password=False))
    migrate.upgrade(engine)
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def truncate_all(engine: Engine) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, pg_engine: Engine | None, tmp_path) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    if request.param == "postgres":
        if pg_engine is None:
            pytest.skip(f"PostgreSQL tests need {PG_ENV} (CI sets it; e.g. postgresql://postgres@127.0.0.1:5432/test)")
        truncate_all(pg_engine)
        yield pg_engine
        return
    eng = make_engine(f"sqlite:///{tmp_path / 'rounds.db'}")  # a real file: WAL, several connections
    Base.metadata.create_all(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine: Engine):  # type: ignore[no-untyped-def]
    return make_sessions(engine)


@pytest.fixture
def chat(engine: Engine) -> Iterator[Chat]:
    c = Chat(engine, now=NOW)
    yield c
    c.close()


@pytest.fixture
def ehr(chat: Chat) -> Chat:
    """A workspace with a PMO lead, a project EHR linked to #ehr with its PM, sponsors and members."""
    chat.setup_ehr()
    return chat


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    """Say once, plainly, why the PostgreSQL half was skipped (rather than one line per test)."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if PG_ENV in str(getattr(r, "longrepr", ""))]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} PostgreSQL tests skipped: set {PG_ENV} (e.g. postgresql://postgres@127.0.0.1:5432/test) to run them.",
            yellow=True,
        )
