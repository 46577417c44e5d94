"""Platform deliveries seen once: a retried event is recognised by its (platform, event id) row."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from storage.db import rows_changed
from storage.models import Platform, ProcessedEvent

KEEP = timedelta(days=3)  # platforms retry for minutes to hours; three days is plenty


def first_delivery(sessions: sessionmaker[Session], platform: Platform, event_id: str, now: datetime) -> bool:
    """True the first time this event id arrives; False for every retry (the unique constraint decides)."""
    try:
        with sessions() as s:
            s.add(ProcessedEvent(platform=platform, event_id=event_id[-200:], received_at=now))
            s.commit()
        return True
    except IntegrityError:
        return False


def prune(session: Session, now: datetime) -> int:
    return rows_changed(session, delete(ProcessedEvent).where(ProcessedEvent.received_at < now - KEEP)) or 0
