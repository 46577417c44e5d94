"""Build the digest a subscription (or `/digest now`) asks for."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commands.digests import data as data_module
from commands.digests import render
from commands.digests.data import DigestData
from commands.replies import Reply
from storage.models import ChannelLink, DigestScope, Project


def scope_projects(
    session: Session, workspace_id: int, scope: DigestScope, project_id: int | None, channel: str
) -> list[Project]:
    stmt = select(Project).where(Project.workspace_id == workspace_id, Project.archived.is_(False))
    if scope == DigestScope.PROJECT:
        stmt = stmt.where(Project.id == project_id)
    elif scope == DigestScope.CHANNEL:
        stmt = stmt.join(ChannelLink, ChannelLink.project_id == Project.id).where(ChannelLink.channel_id == channel)
    return list(session.scalars(stmt.order_by(Project.key)))


def render_digest(
    scope: DigestScope, projects: list[Project], data: DigestData, since: datetime | None, now: datetime, today: date
) -> Reply:
    """`since`: the last digest, or None for a first one (which reports the last FIRST_LOOKBACK_DAYS)."""
    first = since is None
    since = since or now - timedelta(days=render.FIRST_LOOKBACK_DAYS)
    if scope == DigestScope.PORTFOLIO:
        return render.portfolio_digest(projects, data, since, now, today)
    title = f"{projects[0].key} digest" if len(projects) == 1 else "Project digest"
    return render.project_digest(projects, data, since, now, today, title, first=first)


def load_for(
    session: Session, project_ids: list[int], since: datetime | None, now: datetime, today: date
) -> DigestData:
    """Everything the digests need: changes since `since` (or the first digest's look-back), and the gates the
    portfolio's on-time figure counts."""
    since = since or now - timedelta(days=render.FIRST_LOOKBACK_DAYS)
    return data_module.load(session, project_ids, since, today, now - timedelta(days=render.KPI_DAYS))
