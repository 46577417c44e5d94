"""Writing to the outbox. Rows are added in the caller's transaction; the dispatcher (bot/) sends them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session

from storage.db import rows_changed
from storage.models import OutboxMessage, OutboxStatus, Platform, TargetKind, Workspace

ALERT_PREFIX = "alert:"  # keys of the messages that tell the PMO admins about failures
UNINSTALLED = "workspace uninstalled: not sent"  # why rows for an uninstalled workspace fail (no alert: by design)


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


def failed(session: Session) -> list[OutboxMessage]:
    """Every message given up on, oldest first (`python -m bot outbox failed`)."""
    return list(
        session.scalars(
            select(OutboxMessage).where(OutboxMessage.status == OutboxStatus.FAILED).order_by(OutboxMessage.id)
        )
    )


def requeue_failed(session: Session, ids: list[int], now: datetime) -> int:
    """Queue failed messages again (all of them, or those `ids`), as new: attempts and the failing run start
    over. `uncertain_since` is kept: if an earlier attempt may have posted it, the next one looks first."""
    stmt = update(OutboxMessage).where(OutboxMessage.status == OutboxStatus.FAILED)
    if ids:
        stmt = stmt.where(OutboxMessage.id.in_(ids))
    values = {"status": OutboxStatus.PENDING, "attempts": 0, "failing_since": None, "not_before": now}
    return rows_changed(session, stmt.values(claimed_until=None, **values))


def other_failures(session: Session, workspace_id: int, row_id: int) -> bool:
    """Whether this workspace already has failed messages besides `row_id` (alerts aside): if so, its PMO
    admins were told when the first of them failed, and nobody has re-queued them since."""
    found = session.scalar(
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == OutboxStatus.FAILED,
            OutboxMessage.workspace_id == workspace_id,
            OutboxMessage.id != row_id,
            ~OutboxMessage.idempotency_key.startswith(ALERT_PREFIX),
            or_(OutboxMessage.last_error.is_(None), OutboxMessage.last_error != UNINSTALLED),
        )
        .limit(1)
    )
    return found is not None
