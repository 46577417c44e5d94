"""Finding the project, risk, action or gate a command names, within the speaker's workspace only."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from commands.context import Actor
from commands.errors import NotFound, UsageError
from storage.models import (
    Action,
    Assumption,
    ChannelLink,
    Dependency,
    Gate,
    Issue,
    Milestone,
    Project,
    ProjectException,
    Risk,
)

T = TypeVar("T", Risk, Action, Gate, Issue, Assumption, Dependency, Milestone, ProjectException)
NAMES: dict[type, tuple[str, str]] = {
    Risk: ("R", "risk"),
    Action: ("A", "action"),
    Gate: ("G", "gate"),
    Issue: ("I", "issue"),
    Assumption: ("H", "assumption"),
    Dependency: ("N", "dependency"),
    Milestone: ("M", "milestone"),
    ProjectException: ("X", "exception"),
}


def project_keys(session: Session, workspace_id: int) -> set[str]:
    return set(session.scalars(select(Project.key).where(Project.workspace_id == workspace_id)))


def linked_projects(session: Session, actor: Actor) -> list[Project]:
    if not actor.channel:
        return []
    return list(
        session.scalars(
            select(Project)
            .join(ChannelLink, ChannelLink.project_id == Project.id)
            .where(ChannelLink.workspace_id == actor.workspace.id, ChannelLink.channel_id == actor.channel)
            .where(Project.archived.is_(False))
            .order_by(Project.key)
        )
    )


def project(session: Session, actor: Actor, key: str | None, usage: str | None = None) -> Project:
    """The named project, or the one this channel is linked to when the key was left out."""
    if key:
        found = session.scalar(select(Project).where(Project.workspace_id == actor.workspace.id, Project.key == key))
        if found is None:
            raise NotFound(f"There's no project {key}. `/project list` shows them.")
        return found
    linked = linked_projects(session, actor)
    if len(linked) == 1:
        return linked[0]
    if not linked:
        raise UsageError(
            "Which project? Put its key first (like EHR), or link this channel with /project link KEY.", usage
        )
    keys = ", ".join(p.key for p in linked)
    raise UsageError(f"This channel is linked to {keys}; say which one.", usage)


def active_project(session: Session, actor: Actor, key: str | None, usage: str | None = None) -> Project:
    found = project(session, actor, key, usage)
    if found.archived:
        raise NotFound(f"{found.key} is archived.")
    return found


def numbered(session: Session, actor: Actor, model: type[T], number: int, lock: bool = False) -> T:
    """`lock` takes a row lock (PostgreSQL) so concurrent decisions on one item queue instead of racing."""
    stmt = select(model).where(model.workspace_id == actor.workspace.id, model.number == number)
    if lock:
        stmt = stmt.with_for_update(of=model)
    found = session.scalar(stmt)
    if found is None:
        prefix, noun = NAMES[model]
        raise NotFound(f"There's no {noun} {prefix}-{number} here.")
    return found


def list_scope(session: Session, actor: Actor, key: str | None) -> Project | None:
    """What a list command is about: the named project, else the channel's project when there is exactly one,
    else None (every project in the workspace)."""
    if key:
        return project(session, actor, key)
    linked = linked_projects(session, actor)
    return linked[0] if len(linked) == 1 else None
