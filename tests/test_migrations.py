"""Alembic migrations and the models agree, on SQLite and PostgreSQL (DESIGN.md: `release: python -m bot migrate`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from storage import migrate
from storage.db import make_engine
from storage.models import Base
from tests.support.cli import run_bot, sqlite_url


def head_revision() -> str:
    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    assert head is not None
    return head


@pytest.fixture
def migrated(engine: Engine, tmp_path: Path) -> Iterator[Engine]:
    """PostgreSQL: the session database, migrated by conftest. SQLite: a temp file migrated here
    (conftest's SQLite database is made with create_all, so it says nothing about the migrations)."""
    if engine.dialect.name == "postgresql":
        yield engine
        return
    eng = make_engine(sqlite_url(tmp_path / "migrated.db"))
    migrate.upgrade(eng)
    yield eng
    eng.dispose()


def owned_by_the_models(name: str | None, type_: str, parent_names: dict) -> bool:  # type: ignore[type-arg]
    """slack_sdk's OAuth store tables (0002) belong to slack_sdk, not to storage.models: tests/slack checks them."""
    return not (type_ == "table" and (name or "").startswith("slack_"))


def differences(engine: Engine) -> list:  # type: ignore[type-arg]
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": False, "include_name": owned_by_the_models}
        )
        return compare_metadata(ctx, Base.metadata)


def test_the_migrated_schema_matches_the_models(migrated: Engine) -> None:
    assert differences(migrated) == []


def test_the_database_is_at_the_head_revision(migrated: Engine) -> None:
    assert migrate.current(migrated) == head_revision()


def test_every_model_table_exists_with_its_columns(migrated: Engine) -> None:
    """The same thing spelled out, so a failure names the table and column."""
    insp = inspect(migrated)
    tables = set(insp.get_table_names())
    for table in Base.metadata.sorted_tables:
        assert table.name in tables
        assert {c["name"] for c in insp.get_columns(table.name)} == {c.name for c in table.columns}, table.name
    assert "alembic_version" in tables


def test_upgrade_twice_is_harmless(migrated: Engine) -> None:
    with migrated.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO workspaces (platform, external_id, name, timezone, audit_seq, audit_head, "
                "created_at) VALUES ('console', 'T-keep', 'Keep me', 'UTC', 0, '', :at)"
            ),
            {"at": datetime(2026, 11, 23, 15, 0, tzinfo=UTC).replace(tzinfo=None)},
        )
    migrate.upgrade(migrated)
    migrate.upgrade(migrated)
    assert migrate.current(migrated) == head_revision()
    assert differences(migrated) == []
    with migrated.connect() as conn:
        assert conn.execute(text("SELECT name FROM workspaces WHERE external_id = 'T-keep'")).scalar_one() == "Keep me"
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


def test_a_differing_model_would_be_noticed(migrated: Engine) -> None:
    """compare_metadata must be able to fail: against an empty schema it reports every table."""
    from sqlalchemy import MetaData

    with migrated.connect() as conn:
        ctx = MigrationContext.configure(conn)
        diffs = compare_metadata(ctx, MetaData())
    removed = {d[1].name for d in diffs if d[0] == "remove_table"}
    assert {t.name for t in Base.metadata.sorted_tables} <= removed


def test_downgrade_to_base_and_back_on_sqlite(tmp_path: Path) -> None:
    from alembic import command

    eng = make_engine(sqlite_url(tmp_path / "down.db"))
    try:
        migrate.upgrade(eng)
        cfg = migrate.alembic_config(eng)
        with eng.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert migrate.current(eng) is None
        assert set(inspect(eng).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(eng)
        assert migrate.current(eng) == head_revision()
        assert differences(eng) == []
    finally:
        eng.dispose()


def test_bot_migrate_command(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    for _ in range(2):  # the release phase runs on every deploy
        done = run_bot("migrate", env={"DATABASE_URL": sqlite_url(db)}, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"database at revision {head_revision()}" in done.stdout
    eng = make_engine(sqlite_url(db))
    try:
        assert differences(eng) == []
    finally:
        eng.dispose()
