"""The outbox dispatcher: one pass sends what is due.

Each row is claimed in a short transaction (a lease: `claimed_until`), sent with no transaction open, then
marked in a second short transaction — so no database lock is ever held while a platform is slow, and
commands keep flowing. On PostgreSQL the claim uses `FOR UPDATE SKIP LOCKED`, so any number of
dispatchers (the clock, web processes kicking a pass after a click) never take the same row; on SQLite
`BEGIN IMMEDIATE` serialises the claims.

Delivery is at-least-once in exactly one case: a dispatcher that dies after the platform accepted a
message but before marking the row leaves it claimed; when the lease runs out the row is sent again (one
duplicate). Everything else is exactly once: idempotency keys stop duplicates being queued.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.sender import Sender, SendFailed
from commands.replies import Reply, Section
from storage import outbox as outbox_rows
from storage.models import OutboxMessage, OutboxStatus, Person, Platform, TargetKind, Workspace

log = logging.getLogger("rounds.outbox")

MAX_ATTEMPTS = 5
BACKOFF_BASE = 2.0  # seconds; doubled per attempt, with jitter
BACKOFF_CAP = 600.0
LEASE = timedelta(minutes=2)  # longer than any send with its HTTP timeouts
CHANNEL_GAP = timedelta(seconds=1)  # about one message per second per channel


@dataclass
class PassStats:
    sent: int = 0
    updated: int = 0
    retried: int = 0
    failed: int = 0
    deferred: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Job:
    """What was claimed: everything needed to send, read while the claim transaction was open."""

    row_id: int
    workspace: Workspace
    kind: TargetKind
    target: str
    reply: Reply
    thread_ts: str | None
    copies: tuple[tuple[str, str], ...] = ()  # for updates: (channel, ts) of every message posted about the subject


class Claim(Enum):
    SETTLED = "settled"  # claimed and settled without sending (deferred, or the workspace uninstalled)


@dataclass
class Dispatcher:
    sessions: sessionmaker[Session]
    senders: Mapping[Platform, Sender]
    jitter: Callable[[], float] = lambda: random.uniform(0.5, 1.5)
    channel_gap: timedelta = CHANNEL_GAP
    last_post: dict[tuple[int, str], datetime] = field(default_factory=dict)
    monotonic: Callable[[], float] = time.monotonic
    lease: timedelta = LEASE
    stopping: Callable[[], bool] = lambda: False  # the process is shutting down: finish the row in hand, take no more

    def run_once(self, now: datetime, limit: int = 200) -> PassStats:
        """One pass as at `now`. A pass may spend minutes on a slow platform, so each row is claimed (and its
        lease runs) from `now` plus the whole seconds the pass has taken so far, never from when it began."""
        stats = PassStats()
        started = self.monotonic()
        for _ in range(limit):
            if self.stopping():
                return stats
            at = now + timedelta(seconds=max(0, int(self.monotonic() - started)))
            job = self._claim(at, stats)
            if job is None:
                return stats
            if job is Claim.SETTLED:
                continue
            self._send(job, at, stats)
        return stats

    # -- claim ------------------------------------------------------------------------------------
    def _claim(self, now: datetime, stats: PassStats) -> Job | Claim | None:
        """The next row to send as a Job; Claim.SETTLED when the row was dealt with here; None when none is due."""
        with self.sessions() as session:
            stmt = (
                select(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.not_before <= now)
                .where(or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now))
                .where(OutboxMessage.platform.in_(list(self.senders)))
                .order_by(OutboxMessage.not_before, OutboxMessage.id)
                .limit(1)
            )
            if session.get_bind().dialect.name == "postgresql":
                stmt = stmt.with_for_update(skip_locked=True)
            row = session.scalar(stmt)
            if row is None:
                return None
            workspace = session.get(Workspace, row.workspace_id)
            assert workspace is not None
            if workspace.uninstalled_at is not None:
                row.status, row.last_error = OutboxStatus.FAILED, "workspace uninstalled: not sent"
                stats.failed += 1
                session.commit()
                return Claim.SETTLED
            if row.target_kind == TargetKind.CHANNEL:
                last = self.last_post.get((row.workspace_id, row.target))
                if last is not None and now - last < self.channel_gap:
                    row.not_before = last + self.channel_gap
                    stats.deferred += 1
                    session.commit()
                    return Claim.SETTLED
            copies: tuple[tuple[str, str], ...] = ()
            if row.target_kind == TargetKind.UPDATE:
                earlier_unsent = session.scalar(
                    select(OutboxMessage.id)
                    .where(
                        OutboxMessage.subject == row.subject,
                        OutboxMessage.status == OutboxStatus.PENDING,
                        OutboxMessage.target_kind != TargetKind.UPDATE,
                        OutboxMessage.id < row.id,
                    )
                    .limit(1)
                )
                if earlier_unsent is not None:  # update only what has been posted: wait for the original
                    row.not_before = now + timedelta(seconds=BACKOFF_BASE)
                    stats.deferred += 1
                    session.commit()
                    return Claim.SETTLED
                copies = tuple(
                    (ch or "", ts or "")
                    for ch, ts in session.execute(
                        select(OutboxMessage.platform_channel, OutboxMessage.platform_ts)
                        .where(
                            OutboxMessage.subject == row.subject,
                            OutboxMessage.status == OutboxStatus.SENT,
                            OutboxMessage.target_kind != TargetKind.UPDATE,
                            OutboxMessage.platform_ts.is_not(None),
                        )
                        .order_by(OutboxMessage.id)
                    )
                )
            row.claimed_until = now + self.lease
            job = Job(
                row.id, workspace, row.target_kind, row.target, Reply.from_json(row.payload), row.thread_ts, copies
            )
            session.expunge(workspace)
            session.commit()
            return job

    # -- send and settle --------------------------------------------------------------------------
    def _send(self, job: Job, now: datetime, stats: PassStats) -> None:
        sender = self.senders[job.workspace.platform]
        result: tuple[str, str] | None = None
        error: SendFailed | None = None
        try:
            if job.kind == TargetKind.UPDATE:
                error = self._update_copies(sender, job)
            else:
                delivery = sender.post(job.workspace, job.kind, job.target, job.reply, job.thread_ts)
                result = (delivery.channel, delivery.ts)
        except SendFailed as e:
            error = e
        with self.sessions() as session:
            row = session.get(OutboxMessage, job.row_id)
            assert row is not None
            row.claimed_until = None
            if error is None:
                row.status, row.sent_at, row.last_error = OutboxStatus.SENT, now, None
                if result is not None:
                    row.platform_channel, row.platform_ts = result
                    self.last_post[(row.workspace_id, row.target)] = now
                    stats.sent += 1
                else:
                    stats.updated += 1
            else:
                self._failed_attempt(session, job.workspace, row, error, now, stats)
            session.commit()

    @staticmethod
    def _update_copies(sender: Sender, job: Job) -> SendFailed | None:
        """Update every copy that can be: a copy that is gone for good (deleted, channel left) is skipped;
        a passing failure on any copy retries the whole row later (updating a copy twice is harmless)."""
        retry: SendFailed | None = None
        for channel, ts in job.copies:
            try:
                sender.update(job.workspace, channel, ts, job.reply)
            except SendFailed as e:
                if e.permanent:
                    log.info("a copy of %s could not be updated: %s", job.row_id, e.reason[:120])
                    continue
                retry = retry or e
        return retry

    def _failed_attempt(
        self, session: Session, ws: Workspace, row: OutboxMessage, e: SendFailed, now: datetime, stats: PassStats
    ) -> None:
        row.last_error = e.reason[:500]
        if e.retry_after is not None and not e.permanent:
            row.not_before = now + timedelta(seconds=e.retry_after)  # rate limited: wait as told; not an attempt
            stats.retried += 1
            return
        row.attempts += 1
        if e.permanent or row.attempts >= MAX_ATTEMPTS:
            row.status = OutboxStatus.FAILED
            stats.failed += 1
            stats.errors.append(e.reason)
            log.warning("outbox row %s failed after %s attempts: %s", row.id, row.attempts, e.reason[:200])
            if not row.idempotency_key.startswith("alert:"):
                alert_admins(session, session.merge(ws, load=False), now)
            return
        delay = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (row.attempts - 1)) * self.jitter()
        row.not_before = now + timedelta(seconds=delay)
        stats.retried += 1


def alert_admins(session: Session, ws: Workspace, now: datetime) -> None:
    """Tell the workspace's PMO admins, once a day, that messages could not be delivered."""
    admins = session.scalars(select(Person).where(Person.workspace_id == ws.id, Person.is_pmo_admin)).all()
    reply = Reply.private(
        "Rounds could not deliver some messages.",
        Section(
            text="⚠️ Rounds could not deliver some messages after several tries. An operator can list them with "
            "`python -m bot outbox failed` and send them again with `python -m bot outbox retry`."
        ),
    )
    for admin in admins:
        outbox_rows.enqueue(
            session,
            ws,
            target_kind=TargetKind.USER,
            target=admin.platform_user_id,
            payload=reply.to_json(),
            key=f"alert:outbox:{ws.id}:{admin.id}:{now.date().isoformat()}",
            now=now,
        )
