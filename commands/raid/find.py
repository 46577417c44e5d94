"""Finding a RAID item by its number within the speaker's workspace, and small checks every handler shares."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from commands import format as fmt
from commands import lookup, people
from commands.context import Actor
from commands.errors import UsageError
from commands.grammar.tokens import Mention
from storage.models import Person

numbered = lookup.numbered  # every RAID item is found like a risk: by its number, in the speaker's workspace


def not_past(d: date | None, today: date, what: str, usage: str) -> None:
    if d is not None and d < today:
        raise UsageError(f"The {what} {fmt.day(d, today)} is in the past.", usage)


def person(session: Session, actor: Actor, mention: Mention | None) -> Person:
    """The person named, or the speaker when nobody was."""
    return people.resolve(session, actor.workspace, mention, actor.ctx) if mention else actor.person
