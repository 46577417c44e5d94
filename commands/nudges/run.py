"""The nudge pass: each person's daily message — what they owe and what was escalated to them — inside their
hours, and the escalation ladder (commands/nudges/escalate.py). Set-based, reads and writes alike: the same
handful of statements for ten people or ten thousand (nudge states, escalations, outbox rows and audit events
are written in bulk).

Per person and per shift-day (the date their current shift began) at most two messages: the daily one, and —
only when something is escalated to them after it went — one more with the escalations alone."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, joinedload, subqueryload

from commands.calendar import why_not_now
from commands.nudges import escalate, message
from commands.nudges.escalate import Ladder, Notice
from commands.nudges.owed import Owed, owed
from commands.raid.owed import escalate_breaches
from commands.replies import Reply, Section
from storage import audit, outbox
from storage.models import (
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

STATE_FIELDS = ("count", "last_nudged_at", "snoozed_until", "snooze_count", "escalation_level", "owed_since")
PM_LEVEL, SPONSOR_LEVEL = escalate.PM_LEVEL, escalate.SPONSOR_LEVEL
MAX_ITEMS_SHOWN = message.MAX_ITEMS_SHOWN


@dataclass
class NudgeReport:
    nudged: int = 0  # people sent their daily message (or the second, escalations-only one)
    items: int = 0
    escalations: int = 0  # ladder steps decided
    escalations_sent: int = 0  # escalations delivered (to a person or a project channel)
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
    """Decide and queue every message and escalation due at `now`. The caller commits."""
    report = NudgeReport()
    workspaces = {w.id: w for w in session.scalars(select(Workspace).where(Workspace.uninstalled_at.is_(None)))}
    if not workspaces:
        return report
    latest_today = (now + timedelta(hours=14)).date()  # the furthest-ahead calendar on Earth
    ledger = owed(session, today=latest_today, now=now, workspace_ids=list(workspaces), only_due=True)
    states = _states(session, list(ledger.people))
    projects, channels = _projects(session, {i.project_id for items in ledger.by_person.values() for i in items})

    # 1. what each person owes now, in their calendar, and the ladder steps it has reached
    holidays = _holidays(session, list(workspaces), now)
    ladder = Ladder()
    live: dict[int, list[Owed]] = {}
    still_owed: set[tuple[int, ItemKind, int]] = set()
    for pid, items in ledger.by_person.items():
        person = ledger.people[pid]
        ws = workspaces[person.workspace_id]
        today = person.local_today(now)
        reachable = why_not_now(person, ws, now, holidays.get(ws.id, set())) is None
        for item in (i for i in items if i.overdue(today)):
            still_owed.add((pid, item.kind, item.item_id))
            st = _state(states, ws, pid, item)
            if st.snoozed_until and st.snoozed_until > now:
                report.skipped["snoozed"] += 1
                continue
            live.setdefault(pid, []).append(item)
            project = projects[item.project_id]
            was_ignored = escalate.ignored(person, st.last_nudged_at, reachable, now)
            for level in escalate.levels_due(item, st.count, st.escalation_level, was_ignored, project, today):
                escalate.decide(
                    ladder,
                    ws,
                    person,
                    item,
                    project,
                    channels.get(project.id),
                    st.count,
                    st.owed_since,
                    level,
                    now,
                    today,
                )
                st.escalation_level, st.dirty = max(st.escalation_level, level), True
    report.escalations = ladder.decided

    # 2. escalations waiting (held before, or just decided): settle, route, hold
    notices = escalate.pending(session, list(workspaces), ladder)
    people = _people(session, ledger.people, {n.recipient_id for n in notices})
    routing = escalate.route(notices, still_owed, people, workspaces, holidays, now)
    for why, count in routing.held.items():
        report.skipped[f"escalation-{why}"] += count

    # 3. one message per person (their daily one, or a second with escalations only)
    writes = Writes()
    for ws_id, evs in ladder.events.items():
        writes.events[ws_id] += evs
    candidates = set(live) | set(routing.by_target)
    days = {pid: people[pid].shift_day(now) for pid in candidates}
    wanted = [k for pid in candidates for d in (days[pid], days[pid] - timedelta(days=1)) for k in _keys(pid, d)]
    sent_at: dict[str, datetime] = {
        row.idempotency_key: row.created_at
        for row in session.execute(
            select(OutboxMessage.idempotency_key, OutboxMessage.created_at).where(
                OutboxMessage.idempotency_key.in_(wanted)
            )
        )
    }
    sent: list[tuple[Notice, Person]] = []
    for pid in candidates:
        person = people[pid]
        ws = workspaces[person.workspace_id]
        escalated = routing.by_target.get(pid, [])
        # Their own list: what was owed when this shift began (a night shift's list does not grow at midnight).
        mine = [i for i in live.get(pid, []) if i.overdue(days[pid])]
        reason = why_not_now(person, ws, now, holidays.get(ws.id, set()))
        if reason:
            mine = []  # their own list waits for their hours; an any-hour escalation may still go
            escalated = [n for n in escalated if n.any_hour]
            if not escalated:
                report.skipped[reason] += 1
                continue
        if not mine and not escalated:
            continue
        first, second_key = _keys(pid, days[pid])
        today = person.local_today(now)
        today_count = sum(
            1
            for d in (days[pid], days[pid] - timedelta(days=1))
            for k in _keys(pid, d)
            if k in sent_at and person.local_today(sent_at[k]) == today
        )
        key, second = first, False
        if today_count >= 2:  # never more than two on one calendar day, whatever the shifts
            report.skipped["already-today"] += 1
            continue
        if first in sent_at:
            key, second, mine = second_key, True, []
            if not escalated or key in sent_at:
                report.skipped["already-today"] += 1
                continue
        for item in mine:
            st = states[(pid, item.kind, item.item_id)]
            st.count, st.last_nudged_at, st.dirty = st.count + 1, now, True
        writes.message(
            ws,
            TargetKind.USER,
            person.platform_user_id,
            message.daily(person, mine, escalated, now, ws.platform, second),
            key,
            now,
            meta={
                "items": [{"kind": i.kind.value, "id": i.item_id, "ref": i.ref} for i in mine],
                "escalations": [n.id for n in escalated],
            },
        )
        sent += [(n, person) for n in escalated]
        report.nudged += 1
        report.items += len(mine)
        report.escalations += escalate_breaches(writes.events[ws.id], person, mine)  # breaches: the 2nd trigger

    # 4. escalations to project channels (the PM told in the open: no hours apply)
    for n in routing.to_channels:
        ws = workspaces[n.workspace_id]
        reply = Reply.channel(n.reason.replace("*", ""), Section(text=f"🔔 {n.reason}"))
        writes.message(ws, TargetKind.CHANNEL, n.channel or "", reply, f"escalate:{n.id}", now)
    report.escalations_sent = len(sent) + len(routing.to_channels)
    escalate.mark(session, sent, routing.settled, routing.to_channels, writes.events, now)
    _write(session, states, writes, now)
    return report


def _keys(pid: int, day: date) -> tuple[str, str]:
    """A person's two message slots for one shift-day: the daily message, and the escalations-only second."""
    return f"nudge:{pid}:{day.isoformat()}", f"nudge:{pid}:{day.isoformat()}:escalations"


# -- loading, set-based ----------------------------------------------------------------------------------------
def _states(session: Session, person_ids: list[int]) -> dict[tuple[int, ItemKind, int], State]:
    states: dict[tuple[int, ItemKind, int], State] = {}
    if not person_ids:
        return states
    for row in session.execute(
        select(
            NudgeState.id,
            NudgeState.workspace_id,
            NudgeState.person_id,
            NudgeState.item_kind,
            NudgeState.item_id,
            *(getattr(NudgeState, f) for f in STATE_FIELDS),
        ).where(NudgeState.person_id.in_(person_ids))
    ):
        states[(row.person_id, row.item_kind, row.item_id)] = State(**row._asdict())
    return states


def _state(states: dict[tuple[int, ItemKind, int], State], ws: Workspace, pid: int, item: Owed) -> State:
    """The item's state for this round of nudges (a new round when it became owed again after being settled)."""
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
    return st


def _projects(session: Session, ids: set[int]) -> tuple[dict[int, Project], dict[int, str]]:
    if not ids:
        return {}, {}
    projects = {
        p.id: p
        for p in session.scalars(
            select(Project).where(Project.id.in_(ids)).options(subqueryload(Project.roles), joinedload(Project.pm))
        )
    }
    channels: dict[int, str] = {}
    for link in session.scalars(select(ChannelLink).where(ChannelLink.project_id.in_(ids)).order_by(ChannelLink.id)):
        channels.setdefault(link.project_id, link.channel_id)
    return projects, channels


def _people(session: Session, known: dict[int, Person], wanted: set[int]) -> dict[int, Person]:
    """Everyone the pass may write to: the people who owe something, the recipients of escalations, and the
    delegates of those recipients (one query: a delegate is reached from the identity map, never loaded alone)."""
    people = dict(known)
    missing = wanted - set(people)
    delegates = select(Person.delegate_id).where(Person.id.in_(wanted), Person.delegate_id.is_not(None))
    if wanted:
        for p in session.scalars(select(Person).where(Person.id.in_(missing) | Person.id.in_(delegates))):
            people[p.id] = p
    return people


def _holidays(session: Session, workspace_ids: list[int], now: datetime) -> dict[int, set[date]]:
    window = {(now - timedelta(days=1)).date(), now.date(), (now + timedelta(days=1)).date()}
    found: dict[int, set[date]] = defaultdict(set)
    for h in session.scalars(select(Holiday).where(Holiday.workspace_id.in_(workspace_ids), Holiday.day.in_(window))):
        found[h.workspace_id].add(h.day)
    return found


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
