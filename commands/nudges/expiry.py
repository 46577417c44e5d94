"""Gates nobody decided: a pending gate 30 days past its decide-by date expires. Its cards lose their
buttons, the requester is told, and the audit log says Rounds did it. Set-based, like the other passes."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, subqueryload

from commands import format as fmt
from commands import gatecard
from commands.calendar import next_window
from commands.replies import Reply, Section
from storage import audit, outbox
from storage.models import Gate, GateStatus, Holiday, Person, TargetKind, Workspace

EXPIRE_AFTER = timedelta(days=30)


def expire_gates(session: Session, now: datetime) -> int:
    cutoff = (now - EXPIRE_AFTER).date()
    stale = session.scalars(
        select(Gate)
        .join(Workspace, Workspace.id == Gate.workspace_id)
        .where(
            Gate.status == GateStatus.PENDING,
            Gate.due.is_not(None),
            Gate.due < cutoff,
            Workspace.uninstalled_at.is_(None),
        )
        .options(subqueryload(Gate.approvers), subqueryload(Gate.decisions))
    ).all()
    if not stale:
        return 0
    # Only what is still pending when the row is written: an approver may have decided since the read above
    # (on PostgreSQL the update waits for their transaction, then skips the gate they decided).
    expired = set(
        session.scalars(
            update(Gate)
            .where(Gate.id.in_([g.id for g in stale]), Gate.status == GateStatus.PENDING)
            .values(status=GateStatus.EXPIRED, decided_at=now)
            .returning(Gate.id)
            .execution_options(synchronize_session=False)
        )
    )
    stale = [g for g in stale if g.id in expired]
    if not stale:
        return 0
    workspaces = {
        w.id: w for w in session.scalars(select(Workspace).where(Workspace.id.in_({g.workspace_id for g in stale})))
    }
    requesters = {
        p.id: p for p in session.scalars(select(Person).where(Person.id.in_({g.requester_id for g in stale})))
    }
    ahead: dict[int, set[date]] = defaultdict(set)  # holidays in the weeks ahead, for when the requester is told
    for h in session.scalars(
        select(Holiday).where(Holiday.workspace_id.in_(list(workspaces)), Holiday.day >= now.date() - timedelta(days=1))
    ):
        ahead[h.workspace_id].add(h.day)
    facts = gatecard.facts_for(session, stale)  # a fixed number of queries for every gate's card
    messages: list[dict[str, Any]] = []
    events: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for g in stale:
        session.refresh(g, ["status", "decided_at"])
        assert g.due is not None  # the query takes only gates with a decide-by date
        ws = workspaces[g.workspace_id]
        today = now.date()
        base = {"workspace_id": ws.id, "platform": ws.platform, "not_before": now, "created_at": now}
        # every copy: the channel's and each approver's DM (an expired card is the same for everyone)
        the_card = gatecard.gate_card(g, facts.get(g.project_id, gatecard.Facts()), today, now).to_json()
        for subject in [gatecard.channel_subject(g)] + [gatecard.dm_subject(g, a.person_id) for a in g.approvers]:
            messages.append(
                base
                | {
                    "target_kind": TargetKind.UPDATE,
                    "target": subject,
                    "subject": subject,
                    "payload": the_card,
                    "idempotency_key": f"gate:{g.id}:expired" + subject[len(gatecard.channel_subject(g)) :],
                }
            )
        note = Reply.private(
            f"{g.ref} {g.name} expired without a decision.",
            Section(
                text=f"⌛ *{g.ref}* {fmt.clip(g.name, 100)} on *{g.project.key}* expired: no decision {fmt.plural((today - g.due).days, 'day')} "
                f'after its decide-by date. Request it again when it\'s ready: `/gate request {g.project.key} "{fmt.clip(g.name, 60)}"`.'
            ),
        )
        requester = requesters[g.requester_id]
        messages.append(
            base
            | {
                "target_kind": TargetKind.USER,
                "target": requester.platform_user_id,
                "payload": note.to_json(),
                "idempotency_key": f"gate:{g.id}:expired:notice",
                "not_before": next_window(requester, ws, now, ahead[ws.id]),  # told in their hours, not at 03:00
            }
        )
        events[ws.id].append(
            {
                "action": "gate.expired",
                "entity": g.ref,
                "before": {"status": "pending"},
                "after": {"status": "expired", "due": g.due},
            }
        )
    outbox.enqueue_many(session, messages)
    for workspace_id, evs in events.items():
        audit.record_many(session, workspace_id, evs, now)
    return len(stale)
