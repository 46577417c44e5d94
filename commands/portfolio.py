"""/pmo portfolio: every active project on one screen (the same view as the portfolio digest)."""

from __future__ import annotations

from datetime import timedelta

from commands.context import Actor
from commands.digests.build import load_for, scope_projects
from commands.digests.render import FIRST_LOOKBACK_DAYS, portfolio_digest
from commands.grammar import models as m
from commands.replies import Reply, Section
from storage.models import DigestScope
from storage.uow import UnitOfWork


def show(cmd: m.Portfolio, actor: Actor, uow: UnitOfWork) -> Reply:
    projects = scope_projects(uow.session, actor.workspace.id, DigestScope.PORTFOLIO, None, actor.channel or "")
    if not projects:
        return Reply.private("No active projects.", Section(text="No active projects yet."))
    since = actor.now - timedelta(days=FIRST_LOOKBACK_DAYS)
    data = load_for(uow.session, [p.id for p in projects], since, actor.now, actor.today)
    reply = portfolio_digest(projects, data, since, actor.now, actor.today)
    return reply.model_copy(update={"visibility": "private"})
