"""Writing to the outbox. Rows are added in the caller's transaction; the dispatcher (bot/) sends them."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import OutboxMessage, Platform, TargetKind, Workspace


def enqueue(
    session: Session,
    workspace: Workspace,
    *,
    target_kind: TargetKind,
    target: str,
    payload: dict[str, Any],
    key: str,
    now: datetime,
    subject: str | None = None,
    meta: dict[str, Any] | None = None,
    thread_ts: str | None = None,
    not_before: datetime | None = None,
) -> OutboxMessage | None:
    """Add a message unless one with the same idempotency key exists (then return None)."""
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)) is not None:
        return None
    row = OutboxMessage(
        workspace_id=workspace.id,
        platform=Platform(workspace.platform),
        target_kind=target_kind,
        target=target,
        payload=payload,
        idempotency_key=key,
        subject=subject,
        meta=meta or {},
        thread_ts=thread_ts,
        not_before=not_before or now,
        created_at=now,
    )
    session.add(row)
    return row
