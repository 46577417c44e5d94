"""The append-only audit chain: SHA-256 over the previous hash and the canonical JSON of each event.

Two protections beyond the chain itself (README, "The audit trail"):
- anchors (storage/anchors.py): each day the head is written to an append-only table and posted to the PMO
  admins' channel, so a database administrator who rewrites an event and re-hashes the chain no longer
  matches what was anchored — and the copy in the chat is out of their reach;
- keying: with AUDIT_HMAC_KEY set, each new event's hash is an HMAC-SHA-256, so rewriting the chain needs the
  secret as well as the database (an event records whether it was keyed; a keyed chain cannot quietly
  become unkeyed again)."""

from __future__ import annotations

import hashlib
import hmac
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


_KEY: bytes | None = None


def use_key(key: str | None) -> None:
    """Key every event appended from now on (None: plain SHA-256). Set once at start-up from the settings."""
    global _KEY  # noqa: PLW0603 - one key per process, read from the environment at start-up
    _KEY = key.encode() if key else None


def keyed() -> bool:
    return _KEY is not None


class KeyMissing(Exception):
    """A keyed event cannot be checked without AUDIT_HMAC_KEY."""


def chain_hash(prev_hash: str, event: AuditEvent) -> str:
    message = prev_hash.encode() + b"\n" + canonical(event)
    if not event.keyed:
        return hashlib.sha256(message).hexdigest()
    if _KEY is None:
        raise KeyMissing()
    return hmac.new(_KEY, message, hashlib.sha256).hexdigest()


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
        keyed=keyed(),
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
            keyed=keyed(),
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
                    "keyed",
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
    """Recompute every chain (or one workspace's) and hold it against its anchors. Returns (events checked,
    the first break per workspace)."""
    from storage.anchors import Witness  # here: storage.anchors imports this module

    checked = 0
    breaks: list[Break] = []
    workspaces = select(Workspace).order_by(Workspace.id)
    if workspace_id is not None:
        workspaces = workspaces.where(Workspace.id == workspace_id)
    for ws in session.scalars(workspaces):
        prev, expected_seq, broken, keyed_from = GENESIS, 1, False, None
        witness = Witness(session, ws.id)
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
            elif keyed_from is not None and not event.keyed:
                reason = f"the chain is keyed from event {keyed_from} but this one is not (re-hashed without the key?)"
            else:
                try:
                    if chain_hash(prev, event) != event.hash:
                        reason = "hash does not match the event's contents (it was altered)"
                except KeyMissing:
                    reason = "the event is HMAC-keyed: set AUDIT_HMAC_KEY to check it"
            reason = reason or witness.disagrees(event)
            if reason:
                breaks.append(Break(ws.id, min(event.seq, expected_seq), reason))
                broken = True
            if event.keyed and keyed_from is None:
                keyed_from = event.seq
            prev, expected_seq = event.hash, expected_seq + 1
        if broken:
            continue
        if (late := witness.beyond(expected_seq - 1)) is not None:
            breaks.append(Break(ws.id, expected_seq, late))
        elif ws.audit_seq != expected_seq - 1:
            breaks.append(
                Break(ws.id, expected_seq, f"chain ends at {expected_seq - 1} but the head says {ws.audit_seq}")
            )
    return checked, breaks
