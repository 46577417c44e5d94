"""The current budget of any number of projects in one query (the newest history row of each)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import BudgetEntry


def latest_budgets(session: Session, project_ids: Iterable[int]) -> dict[int, BudgetEntry]:
    ids = sorted(set(project_ids))
    if not ids:
        return {}
    newest = (
        select(func.max(BudgetEntry.id).label("id"))
        .where(BudgetEntry.project_id.in_(ids))
        .group_by(BudgetEntry.project_id)
    ).subquery()
    rows = session.scalars(select(BudgetEntry).join(newest, newest.c.id == BudgetEntry.id))
    return {b.project_id: b for b in rows}
