"""The RAID export (`/pmo export raid`, `python -m bot export raid`): one row per item — risks, assumptions,
issues, dependencies, milestones, exceptions — with a `type` column, for a spreadsheet the weekly review reads."""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, select
from sqlalchemy.orm import Session, aliased, joinedload

from storage.models import (
    Assumption,
    Dependency,
    Issue,
    Milestone,
    Person,
    Project,
    ProjectException,
    Risk,
)

Rows = tuple[list[str], list[dict[str, Any]]]
COLS = ["workspace", "type", "id", "project", "title", "status", "level", "owner", "date", "detail", "created_at"]


def _d(value: object) -> str:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else ""


def raid(session: Session, workspace_id: int | None, project_id: int | None = None) -> Rows:
    rows: list[dict[str, Any]] = []

    def scoped(model: Any) -> Any:
        owner = aliased(Person)
        stmt = select(model, Project.key, owner.display_name).join(Project, Project.id == model.project_id)
        owned = owner.id == model.owner_id if hasattr(model, "owner_id") else false()  # milestones, exceptions: none
        stmt = stmt.outerjoin(owner, owned)
        if workspace_id is not None:
            stmt = stmt.where(model.workspace_id == workspace_id)
        if project_id is not None:
            stmt = stmt.where(model.project_id == project_id)
        return stmt.order_by(model.workspace_id, model.number)

    def add(kind: str, item: Any, key: str, owner: str | None, **fields: Any) -> None:
        rows.append(
            {"workspace": item.workspace_id, "type": kind, "id": item.ref, "project": key, "owner": owner or ""}
            | {c: fields.get(c, "") for c in ("title", "status", "level", "date", "detail")}
            | {"created_at": _d(item.created_at)}
        )

    for r, key, owner in session.execute(scoped(Risk)):
        add(
            "risk",
            r,
            key,
            owner,
            title=r.title,
            status=r.status.value,
            level=f"{r.score} {r.level.value}",
            date=_d(r.review_by),
            detail=r.mitigation or r.closure_reason or "",
        )
    for h, key, owner in session.execute(scoped(Assumption)):
        add(
            "assumption",
            h,
            key,
            owner,
            title=h.text,
            status=h.status.value,
            date=_d(h.validate_by),
            detail=h.note or "",
        )
    for i, key, owner in session.execute(scoped(Issue)):
        add(
            "issue",
            i,
            key,
            owner,
            title=i.title,
            status=i.status.value,
            level=i.severity.value,
            date=_d(i.due),
            detail=i.resolution or "",
        )
    for d, key, owner in session.execute(
        scoped(Dependency).options(joinedload(Dependency.provider_milestone), joinedload(Dependency.provider_project))
    ):
        source = (
            d.provider_milestone.ref
            if d.provider_milestone is not None
            else (d.provider_project.key if d.provider_project is not None else d.external or "")
        )
        add(
            "dependency",
            d,
            key,
            owner,
            title=d.what,
            status=d.status.value,
            level="at risk" if d.at_risk else "",
            date=_d(d.need_by),
            detail=f"from {source}",
        )
    for ms, key, _ in session.execute(scoped(Milestone)):
        add(
            "milestone",
            ms,
            key,
            None,
            title=ms.name,
            status=ms.status.value,
            level=f"slip {ms.slip_days}d",
            date=_d(ms.expected),
            detail=f"baseline {_d(ms.baseline)}",
        )
    for x, key, _ in session.execute(scoped(ProjectException)):
        add(
            "exception",
            x,
            key,
            None,
            title=x.summary,
            status=x.status.value,
            level=x.dimension.value,
            date=_d(x.closed_at),
            detail=x.decision or x.note or "",
        )
    return COLS, rows


def entity_refs(session: Session, workspace_id: int, project_id: int | None) -> list[str]:
    """The audit entities of a project's RAID items (the evidence pack includes their events)."""
    refs: list[str] = []
    for model, prefix in (
        (Issue, "I"),
        (Assumption, "H"),
        (Dependency, "N"),
        (Milestone, "M"),
        (ProjectException, "X"),
    ):
        stmt = select(model.number).where(model.workspace_id == workspace_id)
        if project_id is not None:
            stmt = stmt.where(model.project_id == project_id)
        refs += [f"{prefix}-{n}" for n in session.scalars(stmt)]
    return refs
