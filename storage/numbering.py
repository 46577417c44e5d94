"""Per-workspace R-/A-/G-/D- (and I-/H-/N-/M-/X-) numbers that stay unique under concurrent inserts."""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from storage.models import Counter

KINDS = ("risk", "action", "gate", "digest", "issue", "assumption", "dependency", "milestone", "exception")


def ensure_counters(session: Session, workspace_id: int) -> None:
    existing = set(session.scalars(select(Counter.kind).where(Counter.workspace_id == workspace_id)))
    missing = [{"workspace_id": workspace_id, "kind": k, "value": 0} for k in KINDS if k not in existing]
    if missing:
        session.execute(insert(Counter), missing)


def next_number(session: Session, workspace_id: int, kind: str) -> int:
    """Atomically bump the counter. The row lock is held until commit, so concurrent commands queue
    here instead of reading the same number; a rolled-back command rolls the counter back with it."""
    value = session.execute(
        update(Counter)
        .where(Counter.workspace_id == workspace_id, Counter.kind == kind)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one()
    return int(value)
