"""Acknowledging an escalation from its button: the recipient (or the delegate it went to) says they have seen
it. Recorded once in the audit log; a second tap says who acknowledged it and when."""

from __future__ import annotations

from sqlalchemy import select

from commands import format as fmt
from commands import trail
from commands.context import Actor
from commands.errors import Conflict, Forbidden, NotFound
from commands.grammar import models as m
from commands.replies import Reply, Section
from storage.models import Escalation, Person
from storage.uow import UnitOfWork


def acknowledge(cmd: m.EscalationAck, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    e = s.scalar(
        select(Escalation)
        .where(Escalation.id == cmd.number, Escalation.workspace_id == actor.workspace.id)
        .with_for_update()
    )
    if e is None:
        raise NotFound(f"There's no escalation {cmd.number} here.")
    me = actor.person.id
    if me not in (e.recipient_id, e.delivered_to_id):
        raise Forbidden(f"That escalation about {e.item_ref} went to someone else; only they can acknowledge it.")
    owner = s.get(Person, e.owner_id)
    if e.acknowledged_at is not None:
        by = s.get(Person, e.acknowledged_by_id) if e.acknowledged_by_id else None
        raise Conflict(
            f"The escalation about {e.item_ref} was already acknowledged by {fmt.who(by)} "
            f"on {fmt.day(e.acknowledged_at.astimezone(actor.tz).date(), actor.today)}."
        )
    e.acknowledged_at, e.acknowledged_by_id = actor.now, me
    trail.log(
        s,
        actor,
        "escalation.ack",
        e.item_ref,
        after={
            "escalation": e.id,
            "level": "pm" if e.level == 1 else "sponsor",
            "owner": owner.handle if owner else None,
        },
    )
    text = f"Acknowledged: {e.item_ref}, owed by {fmt.who(owner)}. It stays on their list until it's dealt with."
    return Reply.private(text, Section(text=f"👍 {text}"))
