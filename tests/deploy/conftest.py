"""Processes started as the Procfile starts them, each against a database of its own (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from storage.db import make_engine
from tests.conftest import PG_ENV
from tests.support.cli import sqlite_url


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (not migrated: `release` does that) for this test alone."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "rounds.db")
        return
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (CI sets it; e.g. postgresql://postgres@127.0.0.1:5432/test)")
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"rounds_deploy_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
