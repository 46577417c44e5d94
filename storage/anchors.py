"""Audit anchors: take them (the daily job) and hold the chain against them (`audit verify`).

An anchor records the head (seq, hash) and the hash of every event since the previous anchor, so verify can
name the exact event whose hash changed after it was anchored — the sign of a history rewritten and
re-hashed by someone with the database but not the chat, where the head was also posted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from storage import audit
from storage.models import AuditAnchor, AuditEvent, Workspace

HEX = 64


class Witness:
    """Walks a workspace's anchors alongside its events (both in seq order), one anchor in memory at a time."""

    def __init__(self, session: Session, workspace_id: int) -> None:
        self._anchors: Iterator[AuditAnchor] = iter(
            session.scalars(
                select(AuditAnchor).where(AuditAnchor.workspace_id == workspace_id).order_by(AuditAnchor.seq)
            ).all()
        )
        self._current: AuditAnchor | None = None
        self._last_seq = 0
        self._bad: str | None = None
        self._next()

    def _next(self) -> None:
        a = next(self._anchors, None)
        if a is not None:
            count = a.seq - a.from_seq + 1
            if (
                a.from_seq != self._last_seq + 1
                or count < 1
                or len(a.digests) != count * HEX
                or a.digests[-HEX:] != a.hash
            ):
                self._bad = f"the anchor of {a.at:%Y-%m-%d} (seq {a.seq}) was altered or one before it removed"
            self._last_seq = a.seq
        self._current = a

    def disagrees(self, event: AuditEvent) -> str | None:
        """Why this event no longer matches what was anchored (None: it matches, or is not anchored yet)."""
        a = self._current
        if a is None or event.seq < a.from_seq:
            return None
        if self._bad:
            return self._bad
        anchored = a.digests[(event.seq - a.from_seq) * HEX : (event.seq - a.from_seq + 1) * HEX]
        reason = None
        if anchored != event.hash:
            reason = (
                f"event {event.seq} was changed after it was anchored on {a.at:%Y-%m-%d %H:%M} UTC "
                f"(its hash no longer matches the anchor posted to {a.posted_to})"
            )
        if event.seq == a.seq:
            self._next()
        return reason

    def beyond(self, last_seq: int) -> str | None:
        """An anchor past the end of the chain: events that were anchored have since been removed."""
        a = self._current
        if self._bad:
            return self._bad
        if a is not None and a.seq > last_seq:
            return f"events {last_seq + 1}–{a.seq} were anchored on {a.at:%Y-%m-%d} but are gone"
        return None


@dataclass(frozen=True)
class Taken:
    workspace: Workspace
    seq: int
    hash: str
    keyed: bool


@dataclass(frozen=True)
class Refused:
    workspace: Workspace
    seq: int
    reason: str


def take(
    session: Session, workspaces: list[Workspace], now: datetime, posted_to: dict[int, str]
) -> tuple[list[Taken], list[Refused]]:
    """Anchor each workspace's events since its last anchor, in a fixed number of statements: the last
    anchors, the new events, one insert. A stretch whose chain does not verify is not anchored (refused)."""
    if not workspaces:
        return [], []
    ids = [w.id for w in workspaces]
    newest = (
        select(AuditAnchor.workspace_id, func.max(AuditAnchor.seq).label("seq"))
        .where(AuditAnchor.workspace_id.in_(ids))
        .group_by(AuditAnchor.workspace_id)
        .subquery()
    )
    last = {
        ws: (seq, hash_)
        for ws, seq, hash_ in session.execute(
            select(AuditAnchor.workspace_id, AuditAnchor.seq, AuditAnchor.hash).join(
                newest, (newest.c.workspace_id == AuditAnchor.workspace_id) & (newest.c.seq == AuditAnchor.seq)
            )
        )
    }
    due = [w for w in workspaces if w.audit_seq > last.get(w.id, (0, ""))[0]]
    if not due:
        return [], []
    rows = session.scalars(
        select(AuditEvent)
        .outerjoin(newest, newest.c.workspace_id == AuditEvent.workspace_id)
        .where(
            AuditEvent.workspace_id.in_([w.id for w in due]),
            AuditEvent.seq >= func.coalesce(newest.c.seq, 0),  # the last anchored event too: the chain's link
        )
        .order_by(AuditEvent.workspace_id, AuditEvent.seq)
    )
    events: dict[int, list[AuditEvent]] = defaultdict(list)
    for e in rows:
        events[e.workspace_id].append(e)
    taken: list[Taken] = []
    refused: list[Refused] = []
    inserts = []
    for w in due:
        start, anchored = last.get(w.id, (0, audit.GENESIS))
        got = events.get(w.id, [])
        prev = audit.GENESIS
        if start:
            if not got or got[0].seq != start:
                refused.append(Refused(w, start, f"the anchored event {start} is gone"))
                continue
            if got[0].hash != anchored:
                refused.append(Refused(w, start, f"event {start} no longer matches its anchor"))
                continue
            prev, got = got[0].hash, got[1:]
        problem = _check(prev, start + 1, got)
        if problem is not None:
            refused.append(Refused(w, problem[0], problem[1]))
            continue
        if not got:
            continue
        inserts.append(
            {
                "workspace_id": w.id,
                "seq": got[-1].seq,
                "hash": got[-1].hash,
                "from_seq": start + 1,
                "digests": "".join(e.hash for e in got),
                "keyed": got[-1].keyed,
                "posted_to": posted_to.get(w.id, "nobody"),
                "at": now,
            }
        )
        taken.append(Taken(w, got[-1].seq, got[-1].hash, got[-1].keyed))
    if inserts:
        session.execute(insert(AuditAnchor), inserts)
    return taken, refused


def _check(prev: str, first: int, events: list[AuditEvent]) -> tuple[int, str] | None:
    """The same checks as audit.verify, over the stretch to be anchored."""
    for expected, e in enumerate(events, first):
        if e.seq != expected:
            return expected, f"event {expected} is missing"
        if e.prev_hash != prev:
            return e.seq, "prev_hash does not match the previous event"
        try:
            if audit.chain_hash(prev, e) != e.hash:
                return e.seq, "hash does not match the event's contents"
        except audit.KeyMissing:
            return e.seq, "the event is HMAC-keyed and AUDIT_HMAC_KEY is not set"
        prev = e.hash
    return None
