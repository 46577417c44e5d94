"""Engines and sessions. SQLite gets WAL, foreign keys and write-intent transactions; PostgreSQL uses psycopg 3."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Delete, Engine, Update, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

READ_ONLY = "rounds_read_only"


def normalise_url(url: str) -> str:
    """`postgresql://…` (what operators type) means psycopg 3 here, not psycopg2."""
    u = make_url(url)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        return _sqlite_engine(url, **kwargs)
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    return create_engine(url, **kwargs)


def _sqlite_engine(url: str, **kwargs: Any) -> Engine:
    in_memory = make_url(url).database in (None, "", ":memory:")
    connect_args = {"check_same_thread": False, "timeout": 30}
    if in_memory:
        kwargs.setdefault("poolclass", StaticPool)
    engine = create_engine(url, connect_args=connect_args, **kwargs)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _begin below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not in_memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout instead of
        # one failing with "database is locked" when it upgrades a read lock (SQLite's deferred default).
        # Read-only sessions (see make_readers) take a plain snapshot and never block a writer under WAL.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")

    return engine


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def make_readers(engine: Engine) -> sessionmaker[Session]:
    """Sessions for reading only (exports, verification, views): on SQLite they don't take the write lock."""
    return sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)


def rows_changed(session: Session, statement: Update | Delete) -> int:
    """Run an UPDATE or DELETE and say how many rows it changed. DML executes to a CursorResult (which has
    rowcount); Session.execute is typed as returning a plain Result, hence the cast."""
    return cast(CursorResult[Any], session.execute(statement)).rowcount
