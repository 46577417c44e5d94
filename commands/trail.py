"""Audit events from commands: who changed what, with the fields before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from commands.context import Actor
from storage import audit


def snapshot(obj: object, *fields: str) -> dict[str, Any]:
    return {f: audit.jsonable(getattr(obj, f)) for f in fields}


def log(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    if before is not None and after is not None:
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        before = {k: before.get(k) for k in sorted(changed)}
        after = {k: after.get(k) for k in sorted(changed)}
    audit.record(
        session,
        actor.workspace.id,
        actor=actor.person,
        action=action,
        entity=entity,
        at=actor.now,
        before=before,
        after=after,
    )
