"""Wiring shared by every process: settings -> engine -> sessions -> the Rounds service."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot import timesource
from bot.settings import Settings
from commands.service import Rounds
from storage import audit, migrate
from storage.db import make_engine, make_sessions


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    rounds: Rounds

    @classmethod
    def start(cls, settings: Settings, *, migrate_first: bool = False) -> Runtime:
        timesource.use(settings.time_source())
        engine = make_engine(settings.database_url)
        audit.use_key(settings.audit_hmac_key.get_secret_value() if settings.audit_hmac_key else None)
        if migrate_first:
            migrate.upgrade(engine)
        sessions = make_sessions(engine)
        return cls(settings=settings, engine=engine, sessions=sessions, rounds=Rounds(sessions))

    def close(self) -> None:
        self.engine.dispose()
