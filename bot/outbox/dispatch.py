"""The outbox dispatcher: one pass sends what is due.

Each row is claimed in a short transaction (a lease: `claimed_until`), sent with no transaction open, then
marked in a second short transaction — so no database lock is ever held while a platform is slow, and
commands keep flowing. On PostgreSQL the claim uses `FOR UPDATE SKIP LOCKED`, so any number of
dispatchers (the clock, web processes kicking a pass after a click) never take the same row; on SQLite
`BEGIN IMMEDIATE` serialises the claims.

A failed attempt is not a failed message. Retries span a real outage: capped exponential backoff with jitter
(30 s, 1 min, 2 min … at most an hour apart) for a day after the first failure; only then is the row marked
failed, and the workspace's PMO admins are told once for the whole episode. Permanent errors (the channel is
gone, the token revoked) fail at once. A 429 waits as long as the platform says and is not an attempt.

An attempt whose outcome is unknown (a timeout, a 5xx: the platform may have posted it anyway) marks the row
`uncertain_since`. Before posting it again, a sender that can (Slack: the key travels in message metadata)
looks for it in the conversation and, if it is there, records it as sent instead. Where it cannot look
(Teams; a Slack channel Rounds is not a member of), the row is sent again: a possible duplicate, never a loss.
A dispatcher that dies after the platform accepted a message but before marking the row leaves it claimed;
when the lease runs out the row is treated the same way (looked for first where possible).
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

from bot.outbox.sender import Delivery, Sender, SendFailed, Traceable, Unverifiable
from commands.replies import Reply, Section
from storage import outbox as outbox_rows
from storage.models import OutboxMessage, OutboxStatus, Person, Platform, TargetKind, Workspace

log = logging.getLogger("rounds.outbox")

BACKOFF_BASE = 30.0  # seconds before the second attempt; doubled per attempt, then × a jitter of 0.5–1.5
BACKOFF_CAP = 3600.0  # at most an hour between attempts (before jitter)
GIVE_UP_AFTER = timedelta(hours=24)  # after the first failed attempt in a row: then failed, and admins told
LEASE = timedelta(minutes=2)  # longer than one send can take: a check (≤ 50 s of reads) and a post (35 s)
CHANNEL_GAP = timedelta(seconds=1)  # about one message per second per channel
UPDATE_WAIT = timedelta(seconds=2)  # an update whose original is not posted yet looks again this much later
STRAIGHT_FAILURES = 3  # a platform failing this many sends in a row is left alone for the rest of the pass


@dataclass
class PassStats:
    sent: int = 0
    updated: int = 0
    retried: int = 0
    failed: int = 0
    deferred: int = 0
    found: int = 0  # sent before, by an attempt whose outcome was unknown: found by its key, not sent again
    resent_unverified: int = 0  # outcome of an earlier attempt unknown and not checkable: sent again
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
    key: str = ""
    uncertain_since: datetime | None = None
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
        straight: dict[Platform, int] = {}  # failures in a row, per platform, in this pass
        for _ in range(limit):
            if self.stopping():
                return stats
            platforms = [p for p in self.senders if straight.get(p, 0) < STRAIGHT_FAILURES]
            if not platforms:  # every platform is failing: leave the rest for a later pass
                return stats
            at = now + timedelta(seconds=max(0, int(self.monotonic() - started)))
            job = self._claim(at, platforms, stats)
            if job is None:
                return stats
            if job is Claim.SETTLED:
                continue
            platform = Platform(job.workspace.platform)
            straight[platform] = straight.get(platform, 0) + 1 if self._send(job, at, stats) else 0
        return stats

    # -- claim ------------------------------------------------------------------------------------
    def _claim(self, now: datetime, platforms: list[Platform], stats: PassStats) -> Job | Claim | None:
        """The next row to send as a Job; Claim.SETTLED when the row was dealt with here; None when none is due."""
        with self.sessions() as session:
            stmt = (
                select(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.not_before <= now)
                .where(or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now))
                .where(OutboxMessage.platform.in_(platforms))
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
            if row.claimed_until is not None and row.uncertain_since is None and row.target_kind != TargetKind.UPDATE:
                row.uncertain_since = row.claimed_until - self.lease  # its sender died mid-send: it may have posted it
            if workspace.uninstalled_at is not None:
                row.status, row.last_error = OutboxStatus.FAILED, outbox_rows.UNINSTALLED
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
                    row.not_before = now + UPDATE_WAIT
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
                row.id,
                workspace,
                row.target_kind,
                row.target,
                Reply.from_json(row.payload),
                row.thread_ts,
                row.idempotency_key,
                row.uncertain_since,
                copies,
            )
            session.expunge(workspace)
            session.commit()
            return job

    # -- send and settle --------------------------------------------------------------------------
    def _send(self, job: Job, now: datetime, stats: PassStats) -> bool:
        """Send one claimed row and record the outcome; True when the platform failed in passing (not a
        permanent refusal, not a rate limit), which counts towards resting it for the rest of the pass."""
        sender = self.senders[job.workspace.platform]
        result: tuple[str, str] | None = None
        error: SendFailed | None = None
        try:
            if job.kind == TargetKind.UPDATE:
                error = self._update_copies(sender, job)
            else:
                delivery = self._post_once(sender, job, stats)
                result = (delivery.channel, delivery.ts)
        except SendFailed as e:
            error = e
        with self.sessions() as session:
            row = session.get(OutboxMessage, job.row_id)
            assert row is not None
            row.claimed_until = None
            if error is None:
                row.status, row.sent_at, row.last_error, row.failing_since = OutboxStatus.SENT, now, None, None
                if result is not None:
                    row.platform_channel, row.platform_ts = result
                    self.last_post[(row.workspace_id, row.target)] = now
                    stats.sent += 1
                else:
                    stats.updated += 1
            else:
                self._failed_attempt(session, job.workspace, row, error, now, stats)
            session.commit()
        return error is not None and not error.permanent and error.retry_after is None

    def _post_once(self, sender: Sender, job: Job, stats: PassStats) -> Delivery:
        """Post the row, unless an earlier attempt whose outcome was unknown did post it (then that message)."""
        traceable = sender if isinstance(sender, Traceable) else None
        if job.uncertain_since is not None:
            why = "the platform keeps no key on messages"
            if traceable is not None:
                try:
                    found = traceable.find(
                        job.workspace, job.kind, job.target, job.thread_ts, job.key, since=job.uncertain_since
                    )
                except Unverifiable as e:
                    why = str(e)
                else:
                    if found is not None:
                        log.info("outbox row %s was posted by an earlier attempt: not sent again", job.row_id)
                        stats.found += 1
                        return found
                    why = ""
            if why:
                log.info("outbox row %s: an earlier attempt may have posted it and %s: sent again", job.row_id, why)
                stats.resent_unverified += 1
        if traceable is not None:
            return traceable.post_keyed(job.workspace, job.kind, job.target, job.reply, job.thread_ts, job.key)
        return sender.post(job.workspace, job.kind, job.target, job.reply, job.thread_ts)

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
        if e.uncertain and row.uncertain_since is None and row.target_kind != TargetKind.UPDATE:
            row.uncertain_since = now  # updates are idempotent; a post may have landed: look before resending
        if e.retry_after is not None and not e.permanent:
            row.not_before = now + timedelta(seconds=e.retry_after)  # rate limited: wait as told; not an attempt
            stats.retried += 1
            return
        row.attempts += 1
        failing_since = row.failing_since = row.failing_since or now
        if e.permanent or now - failing_since >= GIVE_UP_AFTER:
            row.status = OutboxStatus.FAILED
            stats.failed += 1
            stats.errors.append(e.reason)
            log.warning("outbox row %s failed after %s attempts: %s", row.id, row.attempts, e.reason[:200])
            alert = not row.idempotency_key.startswith(outbox_rows.ALERT_PREFIX)
            if alert and not outbox_rows.other_failures(session, row.workspace_id, row.id):
                alert_admins(session, session.merge(ws, load=False), row.id, now)
            return
        delay = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** min(row.attempts - 1, 20)) * self.jitter()
        row.not_before = min(now + timedelta(seconds=delay), failing_since + GIVE_UP_AFTER)  # a last try at the end
        stats.retried += 1


def alert_admins(session: Session, ws: Workspace, first_failed: int, now: datetime) -> None:
    """Tell the workspace's PMO admins that messages could not be delivered: once per episode, which begins
    with a failure while nothing else there has failed, and ends when the failed rows are queued again."""
    admins = session.scalars(select(Person).where(Person.workspace_id == ws.id, Person.is_pmo_admin)).all()
    reply = Reply.private(
        "Rounds could not deliver some messages.",
        Section(
            text="⚠️ Rounds could not deliver some messages: the chat platform refused them, or kept failing for a "
            "day. An operator can list them with `python -m bot outbox failed` and send them again with "
            "`python -m bot outbox retry`. You will not be told again until they have been queued again."
        ),
    )
    for admin in admins:
        outbox_rows.enqueue(
            session,
            ws,
            target_kind=TargetKind.USER,
            target=admin.platform_user_id,
            payload=reply.to_json(),
            key=f"{outbox_rows.ALERT_PREFIX}outbox:{ws.id}:{admin.id}:{first_failed}:{now.isoformat()}",
            now=now,
        )
