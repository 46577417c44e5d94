"""Writing to the outbox. Rows are added in the caller's transaction; the dispatcher (bot/) sends them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
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


def enqueue_many(session: Session, rows: list[dict[str, Any]]) -> int:
    """Add many messages in two statements, whatever their number (skipping keys that already exist).
    Each row: workspace_id, platform, target_kind, target, payload, idempotency_key, not_before, created_at,
    and optionally subject, meta, thread_ts."""
    if not rows:
        return 0
    keys = [r["idempotency_key"] for r in rows]
    existing = set(
        session.scalars(select(OutboxMessage.idempotency_key).where(OutboxMessage.idempotency_key.in_(keys)))
    )
    fresh: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["idempotency_key"] not in existing:
            fresh.setdefault(
                r["idempotency_key"],
                {"subject": None, "meta": {}, "thread_ts": None, "attempts": 0, "status": "pending"} | r,
            )
    if fresh:
        session.execute(
            insert(OutboxMessage).execution_options(insertmanyvalues_page_size=100_000), list(fresh.values())
        )
    return len(fresh)
