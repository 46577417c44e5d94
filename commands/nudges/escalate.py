"""The escalation ladder, on the same calendar as nudges.

A step is *decided* once per round of nudges (the nudge state's level goes up, `nudge.escalate` is audited):
- the PM after `escalate_pm_after` ignored nudges, the sponsors after `escalate_sponsor_after` (a nudge is
  ignored when it went unanswered for IGNORED_AFTER);
- the sponsors at once when a critical risk is past its review date or a gate past its decide-by date.
Each step makes one Escalation row per recipient, *held* until that recipient may be told: inside their shift
(never its last half hour), not on a holiday of the workspace, and — when they are away — through their active
delegate (on their behalf), or not at all until they are back. Nothing is dropped: a held escalation waits for
the next window; one whose item was dealt with meanwhile is *settled* (audited) instead of sent. A critical
patient-safety risk may skip the hours check, only on a project that says so (`/project escalation KEY
critical:any-hour`). The PM may be told in the project channel instead (no hours there).

Delivered escalations ride in the recipient's daily message (commands/nudges/message.py); each delivery is
audited once (`escalation.sent`), and so are acknowledgements (`escalation.ack`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from commands import format as fmt
from commands.calendar import why_not_now
from commands.nudges.owed import Owed
from storage.models import SPONSOR, Escalation, ItemKind, Person, Project, Workspace

PM_LEVEL, SPONSOR_LEVEL = 1, 2
IGNORED_AFTER = timedelta(hours=36)  # unanswered this long counts as ignored, even if they can't be nudged again
PENDING, SENT, SETTLED = "pending", "sent", "settled"
NOTICE_FIELDS = (
    "id",
    "workspace_id",
    "project_id",
    "item_kind",
    "item_id",
    "item_ref",
    "owner_id",
    "owed_since",
    "level",
    "recipient_id",
    "channel",
    "reason",
    "critical",
    "any_hour",
)


@dataclass
class Notice:
    """An escalation as the pass works on it (a row of `escalations`, pending)."""

    id: int
    workspace_id: int
    project_id: int
    item_kind: ItemKind
    item_id: int
    item_ref: str
    owner_id: int
    owed_since: date | None
    level: int
    recipient_id: int
    channel: str | None
    reason: str
    critical: bool
    any_hour: bool
    on_behalf_of: Person | None = None  # set when delivered to the recipient's delegate


@dataclass
class Ladder:
    """Steps decided in this pass (rows to insert) and their audit events."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    events: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    decided: int = 0


def ignored(owner: Person, last_nudged: datetime | None, reachable: bool, now: datetime) -> bool:
    """Was the last nudge ignored? Yes once a later shift of theirs has begun and they could be nudged again
    (the moment of their next nudge, so the step rides in the same pass), or once IGNORED_AFTER has gone by
    while they can't be (away, off for days): a nudge counts as ignored only when it had a full shift."""
    if last_nudged is None or owner.shift_day(now) <= owner.shift_day(last_nudged):
        return False
    return reachable or now - last_nudged >= IGNORED_AFTER


def levels_due(item: Owed, count: int, level: int, was_ignored: bool, project: Project, today: date) -> list[int]:
    """The ladder steps this item has reached and not yet taken (in the owner's calendar)."""
    if item.past_due(today):
        return [SPONSOR_LEVEL] if level < SPONSOR_LEVEL else []
    if not was_ignored:
        return []
    due = []
    if count >= project.escalate_pm_after and level < PM_LEVEL:
        due.append(PM_LEVEL)
    if count >= project.escalate_sponsor_after and level < SPONSOR_LEVEL:
        due.append(SPONSOR_LEVEL)
    return due


def decide(
    ladder: Ladder,
    ws: Workspace,
    owner: Person,
    item: Owed,
    project: Project,
    channel: str | None,
    count: int,
    owed_since: date | None,
    level: int,
    now: datetime,
    today: date,
) -> None:
    """One step for one item: an Escalation row per recipient, and one audit event for the step."""
    if item.past_due(today) and level == SPONSOR_LEVEL and count < project.escalate_sponsor_after:
        reason = f"Critical and overdue, owed by {fmt.who(owner)}: {item.line(today)}"
    else:
        reason = f"{fmt.who(owner)} hasn't answered {fmt.plural(count, 'nudge')} about: {item.line(today)}"
    if level == PM_LEVEL:
        recipients = [project.pm] if project.pm is not None and project.pm_id != owner.id else []
        where = channel if project.escalate_in_channel and channel else None
    else:
        recipients = [p for p in project.people_with(SPONSOR) if p.id != owner.id]
        where = None
    any_hour = item.kind == ItemKind.RISK and item.critical and item.safety and project.escalate_critical_any_hour
    for r in recipients:
        ladder.rows.append(
            {
                "workspace_id": ws.id,
                "project_id": project.id,
                "item_kind": item.kind,
                "item_id": item.item_id,
                "item_ref": item.ref,
                "owner_id": owner.id,
                "owed_since": owed_since,
                "level": level,
                "recipient_id": r.id,
                "channel": where,
                "reason": reason,
                "critical": item.past_due(today),
                "any_hour": any_hour,
                "status": PENDING,
                "created_at": now,
            }
        )
    ladder.decided += 1
    ladder.events[ws.id].append(
        {
            "action": "nudge.escalate",
            "entity": item.ref,
            "after": {
                "level": "pm" if level == PM_LEVEL else "sponsor",
                "owner": owner.handle,
                "told": [r.handle for r in recipients],
                "where": "channel" if where else "dm",
                "ignored_nudges": count,
                "critical": item.past_due(today),
                "any_hour": any_hour,
            },
        }
    )


def pending(session: Session, workspace_ids: list[int], ladder: Ladder) -> list[Notice]:
    """Every escalation still waiting to be delivered, the ones just decided included (one query each way)."""
    new: list[Notice] = []
    if ladder.rows:
        step = ("item_kind", "item_id", "owner_id", "level", "recipient_id")  # unique within one pass
        by_step = {tuple(row[k] for k in step): row for row in ladder.rows}
        made = session.execute(
            insert(Escalation).returning(Escalation.id, *(getattr(Escalation, k) for k in step)), ladder.rows
        )
        for row_id, *key in made:
            row = by_step[tuple(key)]
            new.append(Notice(id=row_id, **{k: row[k] for k in NOTICE_FIELDS if k != "id"}))
    fresh = {n.id for n in new}
    held = [
        Notice(**row._asdict())
        for row in session.execute(
            select(*(getattr(Escalation, f) for f in NOTICE_FIELDS)).where(
                Escalation.status == PENDING, Escalation.workspace_id.in_(workspace_ids)
            )
        )
        if row.id not in fresh
    ]
    return held + new


@dataclass
class Routing:
    """Who gets which escalation now; the rest stay held (with the reason, for counting)."""

    by_target: dict[int, list[Notice]] = field(default_factory=lambda: defaultdict(list))
    to_channels: list[Notice] = field(default_factory=list)
    settled: list[Notice] = field(default_factory=list)
    held: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def route(
    notices: list[Notice],
    still_owed: set[tuple[int, ItemKind, int]],
    people: dict[int, Person],
    workspaces: dict[int, Workspace],
    holidays: dict[int, set[date]],
    now: datetime,
) -> Routing:
    """Settle what is no longer owed; send what may be sent now (to the recipient, or their delegate when they
    are away); hold the rest."""
    out = Routing()
    for n in notices:
        if (n.owner_id, n.item_kind, n.item_id) not in still_owed:
            out.settled.append(n)
            continue
        if n.channel:
            out.to_channels.append(n)
            continue
        recipient = people.get(n.recipient_id)
        if recipient is None:
            out.held["unknown"] += 1
            continue
        ws = workspaces[n.workspace_id]
        target = recipient
        if recipient.away_at(now):
            delegate = people.get(recipient.delegate_id_at(now) or -1)
            if delegate is None or delegate.id == n.owner_id or delegate.away_at(now):
                out.held["away"] += 1
                continue
            target, n.on_behalf_of = delegate, recipient
        reason = why_not_now(target, ws, now, holidays.get(ws.id, set()), any_hour=n.any_hour)
        if reason:
            out.held[reason] += 1
            n.on_behalf_of = None
            continue
        out.by_target[target.id].append(n)
    return out


def mark(
    session: Session,
    sent: list[tuple[Notice, Person]],
    settled: list[Notice],
    channel_sent: list[Notice],
    events: dict[int, list[dict[str, Any]]],
    now: datetime,
) -> None:
    """Write what happened to each escalation (one executemany) and audit each delivery or settlement once."""
    changes: list[dict[str, Any]] = []
    for n, target in sent:
        changes.append({"id": n.id, "status": SENT, "delivered_at": now, "delivered_to_id": target.id})
        events[n.workspace_id].append(
            {
                "action": "escalation.sent",
                "entity": n.item_ref,
                "after": {
                    "escalation": n.id,
                    "level": "pm" if n.level == PM_LEVEL else "sponsor",
                    "to": target.handle,
                    "on_behalf_of": n.on_behalf_of.handle if n.on_behalf_of else None,
                },
            }
        )
    for n in channel_sent:
        changes.append({"id": n.id, "status": SENT, "delivered_at": now, "delivered_to_id": n.recipient_id})
        events[n.workspace_id].append(
            {
                "action": "escalation.sent",
                "entity": n.item_ref,
                "after": {"escalation": n.id, "level": "pm", "to": n.channel},
            }
        )
    for n in settled:
        changes.append({"id": n.id, "status": SETTLED, "delivered_at": None, "delivered_to_id": None})
        events[n.workspace_id].append(
            {
                "action": "escalation.settled",
                "entity": n.item_ref,
                "after": {"escalation": n.id, "why": "no longer owed"},
            }
        )
    if changes:
        session.execute(update(Escalation), changes)
