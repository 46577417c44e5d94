"""Outbound messages from a command: rows in the outbox, written in the command's own transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from commands.context import Actor
from commands.replies import Reply
from storage import outbox
from storage.models import ChannelLink, Person, Project, TargetKind


def to_channel(
    session: Session, actor: Actor, channel: str, reply: Reply, key: str, subject: str | None = None
) -> None:
    outbox.enqueue(
        session,
        actor.workspace,
        target_kind=TargetKind.CHANNEL,
        target=channel,
        payload=reply.to_json(),
        key=key,
        now=actor.now,
        subject=subject,
    )


def to_person(
    session: Session, actor: Actor, person: Person, reply: Reply, key: str, subject: str | None = None
) -> None:
    outbox.enqueue(
        session,
        actor.workspace,
        target_kind=TargetKind.USER,
        target=person.platform_user_id,
        payload=reply.to_json(),
        key=key,
        now=actor.now,
        subject=subject,
    )


def update_everywhere(session: Session, actor: Actor, subject: str, reply: Reply, key: str) -> None:
    """Re-render every message already posted about `subject` (a card updated in place)."""
    outbox.enqueue(
        session,
        actor.workspace,
        target_kind=TargetKind.UPDATE,
        target=subject,
        payload=reply.to_json(),
        key=key,
        now=actor.now,
        subject=subject,
    )


def project_channels(session: Session, project: Project) -> list[str]:
    return list(
        session.scalars(
            select(ChannelLink.channel_id).where(ChannelLink.project_id == project.id).order_by(ChannelLink.id)
        )
    )
