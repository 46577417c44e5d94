"""Who and where, in the database: conversation references, and who a Teams `29:` id is.

Every inbound activity is recorded before Rounds acts on it, in one short transaction: the tenant's
workspace, the speaker's Person (name and time zone from this very activity), the `29:` ↔ aadObjectId pair,
and the conversation's reference with its serviceUrl refreshed. So any web process, or the clock after a
restart, can reach any conversation Rounds has seen; nothing about a conversation lives only in memory.

Mentions: Teams names a mentioned person by their `29:` id. The pair is usually known already (they have
talked to Rounds); otherwise the conversation members API says who it is, once, and the answer is kept."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from types import EllipsisType
from typing import TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.teams.activity import Inbound, Mentioned
from bot.teams.connector import Connector, ConnectorError
from commands import people
from commands.context import Context, Speaker
from storage.models import Base, ConversationRef, Person, Platform, TeamsAccount, Workspace

log = logging.getLogger("rounds.teams")
RowT = TypeVar("RowT", bound=Base)

PEOPLE_CHOICES = 100  # a form's person picker lists at most this many (Teams filters as you type)


class UnknownPerson(Exception):
    """A mention Rounds could not tie to an Entra identity (the members API failed or did not say)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def speaker(inbound: Inbound) -> Speaker:
    """Identity is `from.aadObjectId` (never anything a card sent back); name and time zone as Teams says."""
    assert inbound.aad_object_id is not None
    return Speaker(user_id=inbound.aad_object_id, display_name=inbound.name, timezone=inbound.timezone)


def context(inbound: Inbound, now: datetime, channel: str | EllipsisType | None = ...) -> Context:
    """`channel` defaults to the conversation the activity came from; None means no channel."""
    assert inbound.tenant_id is not None
    return Context(
        platform=Platform.TEAMS,
        workspace_id=inbound.tenant_id,
        channel_id=inbound.conversation if channel is ... else channel,
        is_direct=inbound.is_personal,
        speaker=speaker(inbound),
        now=now,
    )


class Directory:
    def __init__(self, sessions: sessionmaker[Session], connector: Connector, clock: Callable[[], datetime]) -> None:
        self.sessions = sessions
        self.connector = connector
        self.clock = clock

    # -- every activity -----------------------------------------------------------------------------------
    def record(self, inbound: Inbound) -> None:
        now = self.clock()
        with self.sessions() as s:
            ws = people.workspace_for(s, context(inbound, now))
            ws_id = ws.id
            person_id = None
            if inbound.aad_object_id:
                person_id = people.person_for(s, ws, speaker(inbound), context(inbound, now)).id
                _account(s, ws_id, inbound.user_id, inbound.aad_object_id, inbound.name, None, now)
            ref = _upsert(
                s,
                ConversationRef,
                {"workspace_id": ws_id, "conversation_id": inbound.conversation},
                {
                    "conversation_type": inbound.conversation_type,
                    "service_url": inbound.service_url,
                    "tenant_id": inbound.tenant_id,
                    "team_id": inbound.team_id,
                    "channel_id": inbound.teams_channel_id,
                    "bot_id": inbound.bot_id,
                    "updated_at": now,
                },
            )
            if inbound.is_personal and person_id is not None:
                ref.person_id = person_id
            if inbound.team_id:  # the team's other channels keep working after a regional move
                s.execute(
                    update(ConversationRef)
                    .where(
                        ConversationRef.workspace_id == ws_id,
                        ConversationRef.team_id == inbound.team_id,
                        ConversationRef.service_url != inbound.service_url,
                    )
                    .values(service_url=inbound.service_url)
                )
            s.commit()

    def forget_team(self, inbound: Inbound) -> int:
        """Rounds was removed from a team (or a group chat): it can no longer post there."""
        with self.sessions() as s:
            ws = s.scalar(
                select(Workspace).where(
                    Workspace.platform == Platform.TEAMS, Workspace.external_id == inbound.tenant_id
                )
            )
            if ws is None:
                return 0
            where = (
                ConversationRef.team_id == inbound.team_id
                if inbound.team_id
                else ConversationRef.conversation_id == inbound.conversation
            )
            refs = s.scalars(select(ConversationRef).where(ConversationRef.workspace_id == ws.id, where)).all()
            for ref in refs:
                s.delete(ref)
            s.commit()
            return len(refs)

    # -- mentions ---------------------------------------------------------------------------------------------
    def mention(self, inbound: Inbound, who: Mentioned) -> str:
        """How the command core should read a mentioned person: a plain `@handle` that names them alone.

        (The core's `<@ID|name>` form accepts only Slack-shaped ids, not aadObjectIds — see README; until it
        does, each mentioned Teams person gets a handle no one else in the workspace has.)"""
        now = self.clock()
        aad, name, upn = self._identify(inbound, who, now)
        with self.sessions() as s:
            ws = people.workspace_for(s, context(inbound, now))
            person = s.scalar(select(Person).where(Person.workspace_id == ws.id, Person.platform_user_id == aad))
            if person is None or not _unique(s, ws.id, person.handle, person.id):
                handle = next(
                    h for h in _handle_candidates(upn, aad) if _unique(s, ws.id, h, person.id if person else None)
                )
                spoken = Speaker(user_id=aad, handle=handle, display_name=name or None)
                person = people.person_for(s, ws, spoken, context(inbound, now).model_copy(update={"speaker": spoken}))
            handle = person.handle
            s.commit()
        return f"@{handle}"

    def _identify(self, inbound: Inbound, who: Mentioned, now: datetime) -> tuple[str, str, str | None]:
        with self.sessions() as s:
            known = s.execute(
                select(TeamsAccount.aad_object_id, TeamsAccount.name, TeamsAccount.principal_name)
                .join(Workspace, Workspace.id == TeamsAccount.workspace_id)
                .where(
                    Workspace.platform == Platform.TEAMS,
                    Workspace.external_id == inbound.tenant_id,
                    TeamsAccount.user_id == who.user_id,
                )
            ).first()
        if known is not None:
            return known[0], who.name or known[1], known[2]
        try:
            member = self.connector.member(inbound.service_url, inbound.conversation_id, who.user_id)
        except ConnectorError as e:
            log.warning("members API could not say who a mentioned person is (%s)", e)
            raise UnknownPerson(who.name or "someone") from None
        if not member.aad_object_id:
            raise UnknownPerson(who.name or "someone")
        with self.sessions() as s:
            ws = people.workspace_for(s, context(inbound, now))
            _account(
                s, ws.id, who.user_id, member.aad_object_id, member.name or who.name, member.user_principal_name, now
            )
            s.commit()
        return member.aad_object_id, member.name or who.name, member.user_principal_name

    def people(self, tenant_id: str) -> list[tuple[str, str]]:
        """Whom a person field of a form can name: (aadObjectId, name) of the people Rounds knows here."""
        with self.sessions() as s:
            rows = s.execute(
                select(Person.platform_user_id, Person.display_name)
                .join(Workspace, Workspace.id == Person.workspace_id)
                .where(
                    Workspace.platform == Platform.TEAMS, Workspace.external_id == tenant_id, Person.is_bot.is_(False)
                )
                .order_by(Person.display_name)
                .limit(PEOPLE_CHOICES)
            ).all()
        return [(pid, name) for pid, name in rows]

    # -- for the sender ---------------------------------------------------------------------------------------
    def reference(self, workspace_id: int, conversation: str) -> ConversationRef | None:
        with self.sessions() as s:
            return s.scalar(
                select(ConversationRef).where(
                    ConversationRef.workspace_id == workspace_id, ConversationRef.conversation_id == conversation
                )
            )

    def personal(self, workspace_id: int, aad: str) -> ConversationRef | None:
        """The person's 1:1 chat with Rounds, if Rounds has one."""
        with self.sessions() as s:
            return s.scalar(
                select(ConversationRef)
                .join(Person, Person.id == ConversationRef.person_id)
                .where(
                    ConversationRef.workspace_id == workspace_id,
                    ConversationRef.conversation_type == "personal",
                    Person.platform_user_id == aad,
                )
                .order_by(ConversationRef.updated_at.desc())
                .limit(1)
            )

    def newest(self, workspace_id: int) -> ConversationRef | None:
        """The tenant's most recently refreshed reference: its serviceUrl and bot id start new chats."""
        with self.sessions() as s:
            return s.scalar(
                select(ConversationRef)
                .where(ConversationRef.workspace_id == workspace_id)
                .order_by(ConversationRef.updated_at.desc())
                .limit(1)
            )

    def user_id(self, workspace_id: int, aad: str) -> str | None:
        with self.sessions() as s:
            return s.scalar(
                select(TeamsAccount.user_id)
                .where(TeamsAccount.workspace_id == workspace_id, TeamsAccount.aad_object_id == aad)
                .order_by(TeamsAccount.updated_at.desc())
                .limit(1)
            )

    def save_personal(self, workspace_id: int, aad: str, conversation: str, like: ConversationRef) -> None:
        now = self.clock()
        with self.sessions() as s:
            person_id = s.scalar(
                select(Person.id).where(Person.workspace_id == workspace_id, Person.platform_user_id == aad)
            )
            _upsert(
                s,
                ConversationRef,
                {"workspace_id": workspace_id, "conversation_id": conversation},
                {
                    "conversation_type": "personal",
                    "service_url": like.service_url,
                    "tenant_id": like.tenant_id,
                    "team_id": None,
                    "channel_id": None,
                    "bot_id": like.bot_id,
                    "person_id": person_id,
                    "updated_at": now,
                },
            )
            s.commit()


# -- helpers ----------------------------------------------------------------------------------------------------
def _account(s: Session, ws_id: int, user_id: str, aad: str, name: str | None, upn: str | None, now: datetime) -> None:
    values = {"aad_object_id": aad, "name": (name or "")[:200], "updated_at": now}
    if upn:
        values["principal_name"] = upn[:200]
    _upsert(s, TeamsAccount, {"workspace_id": ws_id, "user_id": user_id}, values)


def _upsert(s: Session, model: type[RowT], key: dict[str, object], values: dict[str, object]) -> RowT:
    """One row by its unique key: updated if there, added if not (a concurrent insert is caught and updated)."""
    where = [getattr(model, k) == v for k, v in key.items()]
    row = s.scalar(select(model).where(*where))
    if row is None:
        try:
            with s.begin_nested():
                row = model(**key, **values)
                s.add(row)
                s.flush()
            return row
        except IntegrityError:
            row = s.scalars(select(model).where(*where)).one()
    for k, v in values.items():
        if getattr(row, k) != v:
            setattr(row, k, v)
    return row


def _unique(s: Session, ws_id: int, handle: str, person_id: int | None) -> bool:
    others = (
        select(func.count())
        .select_from(Person)
        .where(Person.workspace_id == ws_id, func.lower(Person.handle) == handle.lower())
    )
    if person_id is not None:
        others = others.where(Person.id != person_id)
    return s.scalar(others) == 0


def _handle_candidates(upn: str | None, aad: str) -> list[str]:
    """The sign-in name's local part (`dana.whitfield`), then the whole of it, then the Entra id (unique)."""
    out = []
    if upn:
        local = people.handle_from(upn.split("@", 1)[0], aad)
        out += [local, people.handle_from(upn, aad)]
    return [h for h in out if re.fullmatch(r"[\w][\w.\-']{0,79}", h)] + [aad.lower()]
