"""The append-only audit chain: SHA-256 over the previous hash and the canonical JSON of each event."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any, cast

from sqlalchemy import String, insert, select, update
from sqlalchemy.orm import Session

from storage.models import AuditEvent, Person, Workspace

GENESIS = "0" * 64
# "R-12", "project:EHR", "person:<a handle of up to 80>"; the column is a String, whose length the cast reads
ENTITY_LENGTH = cast(String, AuditEvent.__table__.c.entity.type).length


def jsonable(value: Any) -> Any:
    """Dates, enums and nested containers as plain JSON values, the same on every database."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    return value


def canonical(event: AuditEvent) -> bytes:
    body = {
        "workspace": event.workspace_id,
        "seq": event.seq,
        "at": event.at.isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor": event.actor,
        "action": event.action,
        "entity": event.entity,
        "before": event.before,
        "after": event.after,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(event)).hexdigest()


def record(
    session: Session,
    workspace_id: int,
    *,
    actor: Person | None,
    action: str,
    entity: str,
    at: datetime,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    actor_label: str | None = None,
) -> AuditEvent:
    """Append one event. Bumping the workspace's head row-locks it, so appends are serialised per workspace."""
    seq, prev = session.execute(
        update(Workspace)
        .where(Workspace.id == workspace_id)
        .values(audit_seq=Workspace.audit_seq + 1)
        .returning(Workspace.audit_seq, Workspace.audit_head)
    ).one()
    event = AuditEvent(
        workspace_id=workspace_id,
        seq=seq,
        at=at.astimezone(UTC),
        actor_id=actor.id if actor else None,
        actor=actor_label or (f"@{actor.handle} ({actor.platform_user_id})" if actor else "rounds"),
        action=action,
        entity=entity[:ENTITY_LENGTH],
        before=jsonable(before) if before is not None else None,
        after=jsonable(after) if after is not None else None,
        prev_hash=prev or GENESIS,
    )
    event.hash = chain_hash(event.prev_hash, event)
    session.add(event)
    session.execute(update(Workspace).where(Workspace.id == workspace_id).values(audit_head=event.hash))
    return event


def record_many(session: Session, workspace_id: int, events: list[dict[str, Any]], at: datetime) -> None:
    """Append several events by Rounds itself (no person acting) in three statements: reserve the seqs,
    insert the chained rows, move the head. Each event: action, entity, and optionally before/after."""
    if not events:
        return
    seq, prev = session.execute(
        update(Workspace)
        .where(Workspace.id == workspace_id)
        .values(audit_seq=Workspace.audit_seq + len(events))
        .returning(Workspace.audit_seq, Workspace.audit_head)
    ).one()
    prev = prev or GENESIS
    first = seq - len(events) + 1
    rows = []
    for i, e in enumerate(events):
        event = AuditEvent(
            workspace_id=workspace_id,
            seq=first + i,
            at=at.astimezone(UTC),
            actor_id=None,
            actor="rounds",
            action=e["action"],
            entity=e["entity"][:ENTITY_LENGTH],
            before=jsonable(e.get("before")),
            after=jsonable(e.get("after")),
            prev_hash=prev,
        )
        event.hash = chain_hash(prev, event)
        prev = event.hash
        rows.append(
            {
                c: getattr(event, c)
                for c in (
                    "workspace_id",
                    "seq",
                    "at",
                    "actor_id",
                    "actor",
                    "action",
                    "entity",
                    "before",
                    "after",
                    "prev_hash",
                    "hash",
                )
            }
        )
    session.execute(insert(AuditEvent).execution_options(insertmanyvalues_page_size=100_000), rows)
    session.execute(update(Workspace).where(Workspace.id == workspace_id).values(audit_head=prev))


@dataclass(frozen=True)
class Break:
    workspace_id: int
    seq: int
    reason: str


def verify(session: Session, batch: int = 5000, workspace_id: int | None = None) -> tuple[int, list[Break]]:
    """Recompute every chain (or one workspace's). Returns (events checked, the first break per workspace)."""
    checked = 0
    breaks: list[Break] = []
    workspaces = select(Workspace).order_by(Workspace.id)
    if workspace_id is not None:
        workspaces = workspaces.where(Workspace.id == workspace_id)
    for ws in session.scalars(workspaces):
        prev, expected_seq, broken = GENESIS, 1, False
        stmt = (
            select(AuditEvent)
            .where(AuditEvent.workspace_id == ws.id)
            .order_by(AuditEvent.seq)
            .execution_options(yield_per=batch)
        )
        for event in session.scalars(stmt):
            checked += 1
            if broken:
                continue
            reason = None
            if event.seq != expected_seq:
                reason = f"event {expected_seq} is missing (the next one found is {event.seq})"
            elif event.prev_hash != prev:
                reason = "prev_hash does not match the previous event"
            elif chain_hash(prev, event) != event.hash:
                reason = "hash does not match the event's contents (it was altered)"
            if reason:
                breaks.append(Break(ws.id, min(event.seq, expected_seq), reason))
                broken = True
            prev, expected_seq = event.hash, expected_seq + 1
        if not broken and ws.audit_seq != expected_seq - 1:
            breaks.append(
                Break(ws.id, expected_seq, f"chain ends at {expected_seq - 1} but the head says {ws.audit_seq}")
            )
    return checked, breaks
