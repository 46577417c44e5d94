"""Anchoring the audit chain outside the database: each day every workspace's head (seq + hash) goes to the
PMO admins' channel (`/pmo admin channel #pmo`), or to each admin by DM when there is none, and into the
append-only anchor table. `python -m bot audit verify` then names any event changed after it was anchored."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from commands import policy, trail
from commands.context import Actor
from commands.errors import UsageError
from commands.grammar import raid_models as rm
from commands.replies import Context, Reply, Section
from storage import anchors, outbox
from storage.models import Person, TargetKind, Workspace
from storage.uow import UnitOfWork

log = logging.getLogger("rounds.clock")


def admin_channel(cmd: rm.AdminChannel, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "set the PMO admins' channel")
    channel = actor.channel if cmd.here else cmd.channel
    if cmd.here and not channel:
        raise UsageError("Run `here` in the channel itself, or name it (#pmo).", "admin")
    ws = actor.workspace
    if ws.admin_channel == channel:
        return Reply.private("That is already the PMO admins' channel." if channel else "There is no admin channel.")
    trail.log(
        uow.session,
        actor,
        "admin.channel",
        "workspace",
        {"admin_channel": ws.admin_channel},
        {"admin_channel": channel},
    )
    ws.admin_channel = channel
    said = (
        f"the PMO admins' channel is now {channel}" if channel else "no admin channel: anchors go to each admin by DM"
    )
    return Reply.channel(
        said.capitalize() + ".",
        Section(text=f"🔏 {said.capitalize()}."),
        Context(text="Rounds posts the audit chain's head there every day; keep those messages."),
    )


@dataclass
class AnchorReport:
    anchored: int = 0
    refused: int = 0


def run(sessions: sessionmaker[Session], now: datetime) -> AnchorReport:
    """The daily job (and `python -m bot run-job anchors`)."""
    with UnitOfWork(sessions) as uow:
        report = anchor_pass(uow.session, now)
        uow.commit()
    log.info("anchors: %s anchored, %s refused", report.anchored, report.refused)
    return report


def anchor_pass(session: Session, now: datetime) -> AnchorReport:
    """Set-based: installed workspaces, their admins, the anchors (storage.anchors.take), one outbox insert."""
    workspaces = list(
        session.scalars(select(Workspace).where(Workspace.uninstalled_at.is_(None)).order_by(Workspace.id))
    )
    admins: dict[int, list[Person]] = {}
    for p in session.scalars(
        select(Person)
        .where(Person.workspace_id.in_([w.id for w in workspaces]), Person.is_pmo_admin, Person.is_bot.is_(False))
        .order_by(Person.id)
    ):
        admins.setdefault(p.workspace_id, []).append(p)
    posted_to = {
        w.id: f"channel {w.admin_channel}" if w.admin_channel else f"{len(admins.get(w.id, []))} admins by DM"
        for w in workspaces
    }
    taken, refused = anchors.take(session, workspaces, now, posted_to)
    messages = []
    for t in taken:
        reply = Reply.channel(
            f"Audit anchor · seq {t.seq} · {t.hash}",
            Section(
                text=f"🔏 *Audit anchor* · {t.workspace.name or t.workspace.external_id} · event {t.seq:,} · "
                f"`{t.hash}`" + (" · HMAC-keyed" if t.keyed else "")
            ),
            Context(
                text="Keep this message. `python -m bot audit verify` holds the audit trail against it: a history "
                "rewritten and re-hashed after today no longer matches."
            ),
        )
        messages += _to_admins(
            t.workspace, admins.get(t.workspace.id, []), reply, f"anchor:{t.workspace.id}:{t.seq}", now
        )
    for r in refused:
        reply = Reply.channel(
            f"Audit chain does not verify at event {r.seq}: not anchored",
            Section(
                text=f"⛔ The audit chain does not verify at event {r.seq} ({r.reason}); today's anchor was not taken."
            ),
            Context(text="Run `python -m bot audit verify` and look into it before anything else."),
        )
        messages += _to_admins(
            r.workspace,
            admins.get(r.workspace.id, []),
            reply,
            f"anchor-refused:{r.workspace.id}:{r.seq}:{now.date()}",
            now,
        )
    outbox.enqueue_many(session, messages)
    return AnchorReport(anchored=len(taken), refused=len(refused))


def _to_admins(ws: Workspace, admins: list[Person], reply: Reply, key: str, now: datetime) -> list[dict[str, object]]:
    base = {
        "workspace_id": ws.id,
        "platform": ws.platform,
        "payload": reply.to_json(),
        "not_before": now,
        "created_at": now,
    }
    if ws.admin_channel:
        return [base | {"target_kind": TargetKind.CHANNEL, "target": ws.admin_channel, "idempotency_key": key}]
    return [
        base | {"target_kind": TargetKind.USER, "target": a.platform_user_id, "idempotency_key": f"{key}:{a.id}"}
        for a in admins
    ]
