"""Finding a RAID item by its number within the speaker's workspace, and small checks every handler shares."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from commands import format as fmt
from commands import people
from commands.context import Actor
from commands.errors import NotFound, UsageError
from commands.grammar.tokens import Mention
from storage.models import Assumption, Dependency, Issue, Milestone, Person, ProjectException

T = TypeVar("T", Issue, Assumption, Dependency, Milestone, ProjectException)

NAMES: dict[type, tuple[str, str]] = {
    Issue: ("I", "issue"),
    Assumption: ("H", "assumption"),
    Dependency: ("N", "dependency"),
    Milestone: ("M", "milestone"),
    ProjectException: ("X", "exception"),
}


def numbered(session: Session, actor: Actor, model: type[T], number: int, lock: bool = False) -> T:
    """`lock` takes a row lock (PostgreSQL) so two people changing one item queue instead of racing."""
    stmt = select(model).where(model.workspace_id == actor.workspace.id, model.number == number)
    if lock:
        stmt = stmt.with_for_update(of=model)
    found = session.scalar(stmt)
    if found is None:
        prefix, noun = NAMES[model]
        raise NotFound(f"There's no {noun} {prefix}-{number} here.")
    return found


def not_past(d: date | None, today: date, what: str, usage: str) -> None:
    if d is not None and d < today:
        raise UsageError(f"The {what} {fmt.day(d, today)} is in the past.", usage)


def person(session: Session, actor: Actor, mention: Mention | None) -> Person:
    """The person named, or the speaker when nobody was."""
    return people.resolve(session, actor.workspace, mention, actor.ctx) if mention else actor.person
