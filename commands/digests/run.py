"""The digest pass: which subscriptions are due at `now`, and their digests queued in the outbox.

A subscription is due when its latest RRULE occurrence (local time, DST-correct) is after the occurrence
it last sent. A clock that was down catches up with one digest for the latest occurrence, not one per
missed occurrence. Set-based: the same handful of queries whatever the number of projects."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from commands.digests import schedule
from commands.digests.build import load_for, render_digest
from storage import outbox
from storage.models import ChannelLink, DigestScope, DigestSubscription, Project, TargetKind, Workspace


@dataclass
class DigestReport:
    due: int = 0
    queued: int = 0
    empty: int = 0


def digest_pass(session: Session, now: datetime) -> DigestReport:
    """Queue every digest due at `now`. The caller commits. Rows are locked with SKIP LOCKED on
    PostgreSQL, so a second clock (which should be waiting on the lock anyway) cannot take the same ones."""
    report = DigestReport()
    stmt = (
        select(DigestSubscription, Workspace)
        .join(Workspace, Workspace.id == DigestSubscription.workspace_id)
        .where(DigestSubscription.active, Workspace.uninstalled_at.is_(None))
        .order_by(DigestSubscription.id)
    )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=DigestSubscription, skip_locked=True)
    due: list[tuple[DigestSubscription, Workspace, datetime]] = []
    for sub, ws in session.execute(stmt):
        occurrence = schedule.latest_due(sub.rrule, sub.timezone, now)
        if occurrence is not None and (sub.last_occurrence is None or occurrence > sub.last_occurrence):
            due.append((sub, ws, occurrence))
    report.due = len(due)
    if not due:
        return report

    # Which projects each digest covers: three set-based lookups, one per scope.
    ws_ids = {ws.id for _, ws, _ in due}
    active = select(Project).where(Project.workspace_id.in_(ws_ids), Project.archived.is_(False))
    by_workspace: dict[int, list[Project]] = defaultdict(list)
    if any(sub.scope == DigestScope.PORTFOLIO for sub, _, _ in due):
        for p in session.scalars(active.order_by(Project.key)):
            by_workspace[p.workspace_id].append(p)
    by_id = {p.id: p for ps in by_workspace.values() for p in ps}
    wanted_ids = {
        sub.project_id for sub, _, _ in due if sub.scope == DigestScope.PROJECT and sub.project_id not in by_id
    }
    if wanted_ids:
        by_id |= {p.id: p for p in session.scalars(active.where(Project.id.in_(wanted_ids)))}
    by_channel: dict[tuple[int, str], list[Project]] = defaultdict(list)
    channel_subs = {(sub.workspace_id, sub.channel_id) for sub, _, _ in due if sub.scope == DigestScope.CHANNEL}
    if channel_subs:
        rows = session.execute(
            active.add_columns(ChannelLink.channel_id)
            .join(ChannelLink, ChannelLink.project_id == Project.id)
            .where(ChannelLink.channel_id.in_({ch for _, ch in channel_subs}))
            .order_by(Project.key)
        )
        for p, channel in rows:
            by_channel[(p.workspace_id, channel)].append(p)

    def projects_of(sub: DigestSubscription) -> list[Project]:
        if sub.scope == DigestScope.PORTFOLIO:
            return by_workspace[sub.workspace_id]
        if sub.scope == DigestScope.PROJECT:
            return [by_id[sub.project_id]] if sub.project_id in by_id else []
        return by_channel[(sub.workspace_id, sub.channel_id)]

    plan = [(sub, ws, occ, projects_of(sub)) for sub, ws, occ in due]
    all_ids = sorted({p.id for *_, ps in plan for p in ps})
    # the render keeps to each digest's own "since" (a first one looks back FIRST_LOOKBACK_DAYS)
    since = min((sub.last_sent_at for sub, *_ in plan if sub.last_sent_at is not None), default=None)
    if any(sub.last_sent_at is None for sub, *_ in plan):
        since = None
    latest_today = max(now.astimezone(ZoneInfo(sub.timezone)).date() for sub, *_ in plan)
    data = load_for(session, all_ids, since, now, latest_today)

    messages, marks = [], []
    for sub, ws, occurrence, projects in plan:
        mark = {"id": sub.id, "last_occurrence": occurrence, "last_sent_at": sub.last_sent_at}
        marks.append(mark)
        if not projects:
            report.empty += 1
            continue
        today = now.astimezone(ZoneInfo(sub.timezone)).date()
        reply = render_digest(sub.scope, projects, data, sub.last_sent_at, now, today)
        messages.append(
            {
                "workspace_id": ws.id,
                "platform": ws.platform,
                "target_kind": TargetKind.CHANNEL,
                "target": sub.channel_id,
                "payload": reply.to_json(),
                "idempotency_key": f"digest:{sub.id}:{occurrence.isoformat()}",
                "subject": f"digest:{sub.id}",
                "not_before": now,
                "created_at": now,
            }
        )
        mark["last_sent_at"] = now
    report.queued = outbox.enqueue_many(session, messages)
    session.execute(update(DigestSubscription), marks)  # one executemany, by primary key
    return report
