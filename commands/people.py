"""Turning platform ids and typed mentions into Person rows (created on first sight, never duplicated)."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from commands.context import Context, Speaker
from commands.errors import NotFound
from commands.grammar.echo import did_you_mean, echo
from commands.grammar.tokens import Mention
from storage.models import Person, Platform, Workspace
from storage.numbering import ensure_counters


def workspace_for(session: Session, ctx: Context) -> Workspace:
    ws = session.scalar(
        select(Workspace).where(Workspace.platform == ctx.platform, Workspace.external_id == ctx.workspace_id)
    )
    if ws is None:
        try:
            with session.begin_nested():
                ws = Workspace(
                    platform=ctx.platform,
                    external_id=ctx.workspace_id,
                    name=ctx.workspace_name or "",
                    timezone="UTC",
                    created_at=ctx.now,
                )
                session.add(ws)
                session.flush()
                ensure_counters(session, ws.id)
        except IntegrityError:  # another request created it first
            ws = session.scalars(
                select(Workspace).where(Workspace.platform == ctx.platform, Workspace.external_id == ctx.workspace_id)
            ).one()
    return ws


def known_actor(session: Session, ctx: Context) -> tuple[Workspace, Person] | None:
    """The workspace and speaker when both exist and nothing about them would change (else None)."""
    person = session.scalar(
        select(Person)
        .join(Workspace, Workspace.id == Person.workspace_id)
        .where(
            Workspace.platform == ctx.platform,
            Workspace.external_id == ctx.workspace_id,
            Person.platform_user_id == ctx.speaker.user_id,
        )
    )
    if person is None:
        return None
    return None if _changes(person, ctx.speaker) else (person.workspace, person)


def _changes(person: Person, speaker: Speaker) -> dict[str, object]:
    handle = handle_from(speaker.handle, speaker.user_id) if speaker.handle else None
    return person.profile_changes(handle, speaker.display_name, speaker.timezone, speaker.is_admin)


def handle_from(name: str | None, fallback: str) -> str:
    base = (name or "").strip().lstrip("@").lower()
    base = re.sub(r"[^\w.\-']+", ".", base).strip(".")
    return (base or fallback.lower())[:80]


def person_for(session: Session, ws: Workspace, speaker: Speaker, ctx: Context) -> Person:
    """The speaker's Person; profile fields the platform sent refresh the stored ones."""
    person = session.scalar(
        select(Person).where(Person.workspace_id == ws.id, Person.platform_user_id == speaker.user_id)
    )
    if person is None:
        person = _create(session, ws, speaker.user_id, speaker.handle or speaker.display_name, ctx)
    for name, value in _changes(person, speaker).items():
        setattr(person, name, value)
    return person


def _create(session: Session, ws: Workspace, user_id: str, name: str | None, ctx: Context) -> Person:
    try:
        with session.begin_nested():
            person = Person(
                workspace_id=ws.id,
                platform_user_id=user_id,
                handle=handle_from(name, user_id),
                display_name=(name or user_id)[:200],
                created_at=ctx.now,
            )
            session.add(person)
            session.flush()
            return person
    except IntegrityError:
        return session.scalars(
            select(Person).where(Person.workspace_id == ws.id, Person.platform_user_id == user_id)
        ).one()


def _handles(session: Session, ws: Workspace) -> list[str]:
    return list(session.scalars(select(Person.handle).where(Person.workspace_id == ws.id, Person.is_bot.is_(False))))


def resolve(session: Session, ws: Workspace, mention: Mention, ctx: Context) -> Person:
    """A mention to a Person. A platform id we have not seen becomes a new Person (the platform vouches
    for it); a plain @name must match someone Rounds already knows, or it is an error."""
    if mention.user_id:
        person = session.scalar(
            select(Person).where(Person.workspace_id == ws.id, Person.platform_user_id == mention.user_id)
        )
        if person is None:
            person = _create(session, ws, mention.user_id, mention.name, ctx)
        return person
    name = (mention.name or "").lower()
    found = session.scalars(
        select(Person).where(Person.workspace_id == ws.id, func.lower(Person.handle) == name).limit(2)
    ).all()
    if not found and ws.platform == Platform.CONSOLE:
        # On the local console a name is an identity (`@sam` is whoever types `/as sam`) — unless it looks like
        # a slip for someone already known (`@kmi` for `@kim`): that is refused, never a new person.
        known = _handles(session, ws)
        if not did_you_mean(name, known):
            return _create(session, ws, name, name, ctx)
    if len(found) != 1:
        found = session.scalars(
            select(Person).where(Person.workspace_id == ws.id, func.lower(Person.display_name) == name).limit(2)
        ).all()
    if len(found) == 1:
        return found[0]
    if not found:
        how = (
            f"If @{echo(name, 30)} is someone new, they can say something first (`/as {echo(name, 30)}`)."
            if ws.platform == Platform.CONSOLE
            else "Mention them so the name turns blue, or ask them to say hi to Rounds."
        )
        hint = did_you_mean(name, _handles(session, ws), "@")
        raise NotFound(f"I don't know @{echo(mention.name or '', 40)}.{hint} {how}")
    raise NotFound(f"More than one person is called @{mention.name}; mention them so the name turns blue.")
