"""Platform deliveries seen once: a retried event, or a replayed request, is recognised by its (platform, id) row.

One INSERT … ON CONFLICT DO NOTHING decides, in any number of web processes at once: the row is new (the
first delivery) or it is not (a retry or a replay). No error is raised or logged by the database either way."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from storage.db import rows_changed
from storage.models import Platform, ProcessedEvent

KEEP = timedelta(days=3)  # platforms retry for minutes to hours; three days is plenty
SIGNED = "sig:"  # prefix of a Slack request's signature, for requests that carry no id of their own


def first_delivery(sessions: sessionmaker[Session], platform: Platform, event_id: str, now: datetime) -> bool:
    """True the first time this id arrives; False for every retry or replay (the unique constraint decides)."""
    with sessions() as s:
        insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
        stmt = (
            insert(ProcessedEvent)
            .values(platform=platform, event_id=event_id[-200:], received_at=now)
            .on_conflict_do_nothing(index_elements=["platform", "event_id"])
            .returning(ProcessedEvent.id)
        )
        added = s.scalar(stmt)
        s.commit()
    return added is not None


def first_signed_request(sessions: sessionmaker[Session], platform: Platform, signature: str, now: datetime) -> bool:
    """True the first time a request with this signature arrives. A signature covers the timestamp and the whole
    body, so the same bytes sent again (a replay) have the same one, and two real requests never do."""
    return first_delivery(sessions, platform, SIGNED + signature, now)


def prune(session: Session, now: datetime) -> int:
    return rows_changed(session, delete(ProcessedEvent).where(ProcessedEvent.received_at < now - KEEP)) or 0
