"""The outbox dispatcher: one pass sends what is due, each row in its own short transaction.

Delivery is at-least-once: a crash after the platform accepted a message but before the row is marked
sent resends it once on the next pass (the row is still pending). Everything else is exactly once:
idempotency keys stop duplicates being queued, and `FOR UPDATE SKIP LOCKED` (PostgreSQL) stops two
dispatchers taking the same row.
"""
from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.sender import Delivery, Sender, SendFailed
from commands.replies import Reply, Section
from storage import outbox as outbox_rows
from storage.models import OutboxMessage, OutboxStatus, Person, Platform, TargetKind, Workspace

log = logging.getLogger("rounds.outbox")

MAX_ATTEMPTS = 5
BACKOFF_BASE = 2.0  # seconds; doubled per attempt, with jitter
BACKOFF_CAP = 600.0
CHANNEL_GAP = timedelta(seconds=1)  # about one message per second per channel


@dataclass
class PassStats:
    sent: int = 0
    updated: int = 0
    retried: int = 0
    failed: int = 0
    deferred: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Dispatcher:
    sessions: sessionmaker[Session]
    senders: Mapping[Platform, Sender]
    jitter: Callable[[], float] = lambda: random.uniform(0.5, 1.5)
    channel_gap: timedelta = CHANNEL_GAP
    last_post: dict[tuple[int, str], datetime] = field(default_factory=dict)

    def run_once(self, now: datetime, limit: int = 200) -> PassStats:
        stats = PassStats()
        skip: set[int] = set()
        for _ in range(limit):
            with self.sessions() as session:
                row = self._claim(session, now, skip)
                if row is None:
                    return stats
                skip.add(row.id)
                self._process(session, row, now, stats)
                session.commit()
        return stats

    def _claim(self, session: Session, now: datetime, skip: set[int]) -> OutboxMessage | None:
        stmt = (
            select(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.not_before <= now)
            .where(OutboxMessage.platform.in_(list(self.senders)))
            .order_by(OutboxMessage.not_before, OutboxMessage.id)
            .limit(1)
        )
        if skip:
            stmt = stmt.where(OutboxMessage.id.not_in(skip))
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        return session.scalar(stmt)

    def _process(self, session: Session, row: OutboxMessage, now: datetime, stats: PassStats) -> None:
        workspace = session.get(Workspace, row.workspace_id)
        assert workspace is not None
        if workspace.uninstalled_at is not None:
            row.status, row.last_error = OutboxStatus.FAILED, "workspace uninstalled"
            stats.failed += 1
            return
        sender = self.senders[row.platform]
        reply = Reply.from_json(row.payload)
        channel_key = (row.workspace_id, row.target)
        if row.target_kind == TargetKind.CHANNEL:
            last = self.last_post.get(channel_key)
            if last is not None and now - last < self.channel_gap:
                row.not_before = last + self.channel_gap
                stats.deferred += 1
                return
        try:
            if row.target_kind == TargetKind.UPDATE:
                self._update_all(session, sender, workspace, row, reply)
                stats.updated += 1
            else:
                delivery: Delivery = sender.post(workspace, row.target_kind, row.target, reply, row.thread_ts)
                row.platform_channel, row.platform_ts = delivery.channel, delivery.ts
                self.last_post[channel_key] = now
                stats.sent += 1
            row.status, row.sent_at, row.last_error = OutboxStatus.SENT, now, None
        except SendFailed as e:
            self._failed_attempt(session, workspace, row, e, now, stats)

    def _update_all(self, session: Session, sender: Sender, workspace: Workspace, row: OutboxMessage, reply: Reply) -> None:
        posted = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.subject == row.subject, OutboxMessage.status == OutboxStatus.SENT,
                OutboxMessage.target_kind != TargetKind.UPDATE, OutboxMessage.platform_ts.is_not(None),
            ).order_by(OutboxMessage.id)
        ).all()  # fmt: skip
        pending_originals = session.scalar(
            select(OutboxMessage.id).where(
                OutboxMessage.subject == row.subject, OutboxMessage.status == OutboxStatus.PENDING,
                OutboxMessage.target_kind != TargetKind.UPDATE, OutboxMessage.id < row.id,
            ).limit(1)
        )  # fmt: skip
        if pending_originals is not None:
            raise SendFailed("the original message has not been sent yet", retry_after=BACKOFF_BASE)
        for original in posted:
            sender.update(workspace, original.platform_channel or original.target, original.platform_ts or "", reply)

    def _failed_attempt(self, session: Session, ws: Workspace, row: OutboxMessage, e: SendFailed, now: datetime, stats: PassStats) -> None:
        row.last_error = e.reason[:500]
        if e.retry_after is not None and not e.permanent:
            row.not_before = now + timedelta(seconds=e.retry_after)  # rate limited: wait as told, not an attempt
            stats.retried += 1
            return
        row.attempts += 1
        if e.permanent or row.attempts >= MAX_ATTEMPTS:
            row.status = OutboxStatus.FAILED
            stats.failed += 1
            stats.errors.append(e.reason)
            log.warning("outbox row %s failed after %s attempts: %s", row.id, row.attempts, e.reason[:200])
            if not row.idempotency_key.startswith("alert:"):
                alert_admins(session, ws, now)
            return
        delay = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (row.attempts - 1)) * self.jitter()
        row.not_before = now + timedelta(seconds=delay)
        stats.retried += 1


def alert_admins(session: Session, ws: Workspace, now: datetime) -> None:
    """Tell the workspace's PMO admins, once a day, that messages could not be delivered."""
    admins = session.scalars(select(Person).where(Person.workspace_id == ws.id, Person.is_pmo_admin)).all()
    reply = Reply.private(
        "Rounds could not deliver some messages.",
        Section(text="⚠️ Rounds could not deliver some messages after several tries. An operator can list them with "
                     "`python -m bot outbox failed` and retry with `python -m bot outbox retry`."),
    )  # fmt: skip
    for admin in admins:
        outbox_rows.enqueue(
            session, ws, target_kind=TargetKind.USER, target=admin.platform_user_id, payload=reply.to_json(),
            key=f"alert:outbox:{ws.id}:{admin.id}:{now.date().isoformat()}", now=now,
        )  # fmt: skip
