"""The nudge pass: at most one DM a day per person, inside their hours, listing everything they owe;
then the escalation ladder. Set-based, reads and writes alike: the same handful of statements for ten
people or ten thousand (new and changed nudge states, outbox rows and audit events are written in bulk)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, joinedload, subqueryload

from commands import format as fmt
from commands.calendar import why_not_now
from commands.nudges.owed import Owed, owed
from commands.replies import Block, Buttons, Context, Header, Reply, Section
from storage import audit, outbox
from storage.models import (
    SPONSOR,
    ChannelLink,
    Holiday,
    ItemKind,
    NudgeState,
    OutboxMessage,
    Person,
    Project,
    TargetKind,
    Workspace,
)

MAX_ITEMS_SHOWN = 10
PM_LEVEL, SPONSOR_LEVEL = 1, 2
STATE_FIELDS = ("count", "last_nudged_at", "snoozed_until", "snooze_count", "escalation_level", "owed_since")


@dataclass
class NudgeReport:
    nudged: int = 0
    items: int = 0
    escalations: int = 0
    skipped: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class State:
    """A nudge state as the pass works on it; written back in bulk at the end."""

    id: int | None
    workspace_id: int
    person_id: int
    item_kind: ItemKind
    item_id: int
    count: int = 0
    last_nudged_at: datetime | None = None
    snoozed_until: datetime | None = None
    snooze_count: int = 0
    escalation_level: int = 0
    owed_since: date | None = None
    dirty: bool = False


@dataclass
class Writes:
    messages: list[dict[str, Any]] = field(default_factory=list)
    events: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def message(
        self, ws: Workspace, kind: TargetKind, target: str, reply: Reply, key: str, now: datetime, **extra: Any
    ) -> None:
        self.messages.append(
            {
                "workspace_id": ws.id,
                "platform": ws.platform,
                "target_kind": kind,
                "target": target,
                "payload": reply.to_json(),
                "idempotency_key": key,
                "not_before": now,
                "created_at": now,
            }
            | extra
        )


def nudge_pass(session: Session, now: datetime) -> NudgeReport:
    """Decide and queue every nudge and escalation due at `now`. The caller commits."""
    report = NudgeReport()
    workspaces = {w.id: w for w in session.scalars(select(Workspace).where(Workspace.uninstalled_at.is_(None)))}
    if not workspaces:
        return report
    latest_today = (now + timedelta(hours=14)).date()  # the furthest-ahead calendar on Earth
    ledger = owed(session, today=latest_today, now=now, workspace_ids=list(workspaces), only_due=True)
    if not ledger.by_person:
        return report
    people = ledger.people
    window = {(now - timedelta(days=1)).date(), now.date(), (now + timedelta(days=1)).date()}
    own_holidays: dict[int, set[date]] = defaultdict(set)
    for h in session.scalars(
        select(Holiday).where(Holiday.workspace_id.in_(list(workspaces)), Holiday.day.in_(window))
    ):
        own_holidays[h.workspace_id].add(h.day)
    states: dict[tuple[int, ItemKind, int], State] = {}
    for row in session.execute(
        select(
            NudgeState.id,
            NudgeState.workspace_id,
            NudgeState.person_id,
            NudgeState.item_kind,
            NudgeState.item_id,
            *(getattr(NudgeState, f) for f in STATE_FIELDS),
        ).where(NudgeState.person_id.in_(list(people)))
    ):
        states[(row.person_id, row.item_kind, row.item_id)] = State(**row._asdict())
    keys = {pid: f"nudge:{pid}:{p.shift_day(now).isoformat()}" for pid, p in people.items()}
    already = set(
        session.scalars(
            select(OutboxMessage.idempotency_key).where(OutboxMessage.idempotency_key.in_(list(keys.values())))
        )
    )
    project_ids = {i.project_id for items in ledger.by_person.values() for i in items}
    projects = {
        p.id: p
        for p in session.scalars(
            select(Project)
            .where(Project.id.in_(project_ids))
            .options(subqueryload(Project.roles), joinedload(Project.pm))
        )
    }
    channels: dict[int, str] = {}
    for link in session.scalars(
        select(ChannelLink).where(ChannelLink.project_id.in_(project_ids)).order_by(ChannelLink.id)
    ):
        channels.setdefault(link.project_id, link.channel_id)

    writes = Writes()
    for pid, items in ledger.by_person.items():
        person = people[pid]
        ws = workspaces[person.workspace_id]
        today = person.local_today(now)
        live: list[Owed] = []
        for item in (i for i in items if i.overdue(today)):
            st = states.get((pid, item.kind, item.item_id))
            if st is None:
                st = states[(pid, item.kind, item.item_id)] = State(
                    None, ws.id, pid, item.kind, item.item_id, owed_since=item.since
                )
            elif st.owed_since is None:  # snoozed before the first nudge
                st.owed_since, st.dirty = item.since, True
            elif st.owed_since != item.since:  # owed again after it was settled: a new round
                st.count, st.snooze_count, st.escalation_level, st.snoozed_until = 0, 0, 0, None
                st.owed_since, st.dirty = item.since, True
            if item.past_due(today) and st.escalation_level < SPONSOR_LEVEL:
                report.escalations += _escalate(
                    writes, ws, person, item, projects[item.project_id], channels, st, SPONSOR_LEVEL, now, today
                )
            if st.snoozed_until and st.snoozed_until > now:
                report.skipped["snoozed"] += 1
                continue
            live.append(item)
        if not live:
            continue
        reason = why_not_now(person, ws, now, own_holidays[ws.id])
        if reason:
            report.skipped[reason] += 1
            continue
        if keys[pid] in already:
            report.skipped["already-today"] += 1
            continue
        for item in live:
            st = states[(pid, item.kind, item.item_id)]
            project = projects[item.project_id]
            if st.count >= project.escalate_pm_after and st.escalation_level < PM_LEVEL:
                report.escalations += _escalate(writes, ws, person, item, project, channels, st, PM_LEVEL, now, today)
            if st.count >= project.escalate_sponsor_after and st.escalation_level < SPONSOR_LEVEL:
                report.escalations += _escalate(
                    writes, ws, person, item, project, channels, st, SPONSOR_LEVEL, now, today
                )
            st.count, st.last_nudged_at, st.dirty = st.count + 1, now, True
        writes.message(
            ws,
            TargetKind.USER,
            person.platform_user_id,
            nudge_reply(person, live, today, now, ws),
            keys[pid],
            now,
            meta={"items": [{"kind": i.kind.value, "id": i.item_id, "ref": i.ref} for i in live]},
        )
        report.nudged += 1
        report.items += len(live)

    _write(session, states, writes, now)
    return report


def _write(session: Session, states: dict[tuple[int, ItemKind, int], State], writes: Writes, now: datetime) -> None:
    fields = ("workspace_id", "person_id", "item_kind", "item_id", *STATE_FIELDS)
    new = [
        {f: getattr(st, f) for f in fields}
        for st in states.values()
        if st.id is None and (st.dirty or st.escalation_level)
    ]
    changed = [
        {"id": st.id} | {f: getattr(st, f) for f in STATE_FIELDS}
        for st in states.values()
        if st.id is not None and st.dirty
    ]
    if new:
        session.execute(insert(NudgeState).execution_options(insertmanyvalues_page_size=100_000), new)
    if changed:
        session.execute(update(NudgeState), changed)
    outbox.enqueue_many(session, writes.messages)
    for workspace_id, events in writes.events.items():
        audit.record_many(session, workspace_id, events, now)


def nudge_reply(person: Person, items: list[Owed], today: date, now: datetime, ws: Workspace) -> Reply:
    hour = person.local_now(now).hour
    greeting = "Good morning" if hour < 12 else ("Good afternoon" if hour < 17 else "Hello")
    first = person.display_name.split(" (")[0].split(" ")[0]
    blocks: list[Block] = [
        Header(text=f"{greeting}, {first} — {fmt.plural(len(items), 'thing needs', 'things need')} you")
    ]
    for item in items[:MAX_ITEMS_SHOWN]:
        blocks.append(Section(text=item.line(today)))
        blocks.append(Buttons(buttons=item.buttons()))
    if len(items) > MAX_ITEMS_SHOWN:
        blocks.append(
            Context(
                text=f"…and {len(items) - MAX_ITEMS_SHOWN} more: `/action list mine`, `/risk list mine`, `/gate list`."
            )
        )
    blocks.append(
        Context(
            text="Reply in this thread to leave a note on these. Snoozes last up to two weeks; Rounds won't nudge you "
            "outside your hours (`/pmo prefs hours`)."
        )
    )
    refs = ", ".join(i.ref for i in items[:5])
    return Reply.private(f"{fmt.plural(len(items), 'thing needs', 'things need')} you: {refs}", *blocks)


def _escalate(
    writes: Writes,
    ws: Workspace,
    owner: Person,
    item: Owed,
    project: Project,
    channels: dict[int, str],
    st: State,
    level: int,
    now: datetime,
    today: date,
) -> int:
    """Tell the PM (level 1) or the sponsors (level 2) once per step; every step is in the audit log."""
    if item.past_due(today) and st.count < (
        project.escalate_pm_after if level == PM_LEVEL else project.escalate_sponsor_after
    ):
        text = f"🔔 Critical and past due, owed by {fmt.who(owner)}: {item.line(today)}"
    else:
        text = f"🔔 {fmt.who(owner)} hasn't answered {fmt.plural(st.count, 'nudge')} about: {item.line(today)}"
    reply = Reply.private(
        text.replace("*", ""), Section(text=text), Context(text=f"Escalation on {project.key} · step {level} of 2")
    )
    key = f"escalate:{item.kind.value}:{item.item_id}:{owner.id}:{st.owed_since}:{level}"
    told: list[str] = []
    if level == PM_LEVEL:
        if project.pm is not None and project.pm_id != owner.id:
            if project.escalate_in_channel and project.id in channels:
                writes.message(ws, TargetKind.CHANNEL, channels[project.id], reply, key, now)
            else:
                writes.message(ws, TargetKind.USER, project.pm.platform_user_id, reply, key, now)
            told.append(project.pm.handle)
    else:
        for sponsor in project.people_with(SPONSOR):
            if sponsor.id != owner.id:
                writes.message(ws, TargetKind.USER, sponsor.platform_user_id, reply, f"{key}:{sponsor.id}", now)
                told.append(sponsor.handle)
    st.escalation_level, st.dirty = max(st.escalation_level, level), True
    writes.events[ws.id].append(
        {
            "action": "nudge.escalate",
            "entity": item.ref,
            "after": {
                "level": "pm" if level == PM_LEVEL else "sponsor",
                "owner": owner.handle,
                "told": told,
                "ignored_nudges": st.count,
                "critical": item.past_due(today),
            },
        }
    )
    return 1
