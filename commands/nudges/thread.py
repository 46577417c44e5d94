"""A reply in the thread of a nudge becomes a comment on the items that nudge was about."""

from __future__ import annotations

from sqlalchemy import select

from commands import guard, trail
from commands.context import Actor
from commands.grammar import models as m
from commands.replies import Reply
from storage.models import Comment, ItemKind, OutboxMessage
from storage.uow import UnitOfWork


def comment(cmd: m.ThreadReply, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    nudge = s.scalar(
        select(OutboxMessage).where(
            OutboxMessage.workspace_id == actor.workspace.id,
            OutboxMessage.platform_ts == cmd.thread_ts,
            OutboxMessage.platform_channel == cmd.channel,
        )
    )
    items = (nudge.meta or {}).get("items", []) if nudge is not None else []
    if not items:
        return Reply.private("")  # not a thread Rounds keeps comments for: the adapter says nothing
    guard.check(reply=cmd.text)
    refs = []
    for item in items:
        s.add(
            Comment(
                workspace_id=actor.workspace.id,
                item_kind=ItemKind(item["kind"]),
                item_id=int(item["id"]),
                author_id=actor.person.id,
                text=cmd.text,
                source="nudge-thread",
                created_at=actor.now,
            )
        )
        trail.log(s, actor, "comment.add", item["ref"], after={"source": "nudge-thread", "chars": len(cmd.text)})
        refs.append(item["ref"])
    return Reply.private(f"📝 Noted on {', '.join(refs)}.")
