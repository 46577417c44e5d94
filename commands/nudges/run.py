"""The nudge pass: at most one DM a day per person, inside their hours, listing everything they owe;
then the escalation ladder. Set-based: the same handful of queries for 10 people or 10,000."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from commands import format as fmt
from commands.nudges.calendar import local_now, why_not_now
from commands.nudges.owed import Owed, owed
from commands.replies import Block, Buttons, Context, Header, Reply, Section
from storage import audit, outbox
from storage.models import (
    SPONSOR,
    ChannelLink,
    Holiday,
    NudgeState,
    OutboxMessage,
    Person,
    Project,
    TargetKind,
    Workspace,
)

MAX_ITEMS_SHOWN = 10
PM_LEVEL, SPONSOR_LEVEL = 1, 2


@dataclass
class NudgeReport:
    nudged: int = 0
    items: int = 0
    escalations: int = 0
    skipped: dict[str, int] = field(default_factory=lambda: defaultdict(int))


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
    for h in session.scalars(select(Holiday).where(Holiday.workspace_id.in_(list(workspaces)), Holiday.day.in_(window))):
        own_holidays[h.workspace_id].add(h.day)
    states = {(st.person_id, st.item_kind, st.item_id): st
              for st in session.scalars(select(NudgeState).where(NudgeState.person_id.in_(list(people))))}  # fmt: skip
    keys = {pid: f"nudge:{pid}:{local_now(p, workspaces[p.workspace_id], now).date().isoformat()}" for pid, p in people.items()}
    already = set(session.scalars(select(OutboxMessage.idempotency_key).where(OutboxMessage.idempotency_key.in_(list(keys.values())))))
    project_ids = {i.project_id for items in ledger.by_person.values() for i in items}
    projects = {p.id: p for p in session.scalars(
        select(Project).where(Project.id.in_(project_ids)).options(selectinload(Project.roles), selectinload(Project.pm)))}  # fmt: skip
    channels: dict[int, str] = {}
    for link in session.scalars(select(ChannelLink).where(ChannelLink.project_id.in_(project_ids)).order_by(ChannelLink.id)):
        channels.setdefault(link.project_id, link.channel_id)

    for pid, items in ledger.by_person.items():
        person = people[pid]
        ws = workspaces[person.workspace_id]
        today = local_now(person, ws, now).date()
        due_items = [i for i in items if i.overdue(today)]
        live: list[Owed] = []
        for item in due_items:
            st = states.get((pid, item.kind, item.item_id))
            if st is None:
                st = NudgeState(workspace_id=ws.id, person_id=pid, item_kind=item.kind, item_id=item.item_id, count=0,
                                snooze_count=0, escalation_level=0, owed_since=item.since)  # fmt: skip
                session.add(st)
                states[(pid, item.kind, item.item_id)] = st
            elif st.owed_since is None:  # snoozed before the first nudge
                st.owed_since = item.since
            elif st.owed_since != item.since:  # owed again after it was settled: a new round
                st.count, st.snooze_count, st.escalation_level, st.snoozed_until = 0, 0, 0, None
                st.owed_since = item.since
            if item.critical and st.escalation_level < SPONSOR_LEVEL:
                report.escalations += _escalate(session, ws, person, item, projects[item.project_id], channels, st, SPONSOR_LEVEL, now, today)
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
                report.escalations += _escalate(session, ws, person, item, project, channels, st, PM_LEVEL, now, today)
            if st.count >= project.escalate_sponsor_after and st.escalation_level < SPONSOR_LEVEL:
                report.escalations += _escalate(session, ws, person, item, project, channels, st, SPONSOR_LEVEL, now, today)
            st.count += 1
            st.last_nudged_at = now
        outbox.enqueue(
            session, ws, target_kind=TargetKind.USER, target=person.platform_user_id, payload=nudge_reply(person, live, today, now, ws).to_json(),
            key=keys[pid], now=now, meta={"items": [{"kind": i.kind.value, "id": i.item_id, "ref": i.ref} for i in live]},
        )  # fmt: skip
        report.nudged += 1
        report.items += len(live)
    return report


def nudge_reply(person: Person, items: list[Owed], today: date, now: datetime, ws: Workspace) -> Reply:
    hour = local_now(person, ws, now).hour
    greeting = "Good morning" if hour < 12 else ("Good afternoon" if hour < 17 else "Hello")
    first = person.display_name.split(" (")[0].split(" ")[0]
    blocks: list[Block] = [Header(text=f"{greeting}, {first} — {fmt.plural(len(items), 'thing needs', 'things need')} you")]
    for item in items[:MAX_ITEMS_SHOWN]:
        blocks.append(Section(text=item.line(today)))
        blocks.append(Buttons(buttons=item.buttons()))
    if len(items) > MAX_ITEMS_SHOWN:
        blocks.append(Context(text=f"…and {len(items) - MAX_ITEMS_SHOWN} more: `/action list mine`, `/risk list mine`, `/gate list`."))
    blocks.append(Context(text="Reply in this thread to leave a note on these. Snoozes last up to two weeks; Rounds won't nudge you "
                               "outside your hours (`/pmo prefs hours`)."))  # fmt: skip
    refs = ", ".join(i.ref for i in items[:5])
    return Reply.private(f"{fmt.plural(len(items), 'thing needs', 'things need')} you: {refs}", *blocks)


def _escalate(session: Session, ws: Workspace, owner: Person, item: Owed, project: Project, channels: dict[int, str],
              st: NudgeState, level: int, now: datetime, today: date) -> int:  # fmt: skip
    """Tell the PM (level 1) or the sponsors (level 2) once per step; every step is in the audit log."""
    if item.critical and st.count < (project.escalate_pm_after if level == PM_LEVEL else project.escalate_sponsor_after):
        text = f"🔔 Critical and past due, owed by {fmt.who(owner)}: {item.line(today)}"
    else:
        text = f"🔔 {fmt.who(owner)} hasn't answered {fmt.plural(st.count, 'nudge')} about: {item.line(today)}"
    reply = Reply.private(text.replace("*", ""), Section(text=text), Context(text=f"Escalation on {project.key} · step {level} of 2"))
    key = f"escalate:{item.kind.value}:{item.item_id}:{owner.id}:{st.owed_since}:{level}"
    told: list[str] = []
    if level == PM_LEVEL:
        if project.pm is not None and project.pm_id != owner.id:
            if project.escalate_in_channel and project.id in channels:
                outbox.enqueue(session, ws, target_kind=TargetKind.CHANNEL, target=channels[project.id], payload=reply.to_json(), key=key, now=now)
            else:
                outbox.enqueue(session, ws, target_kind=TargetKind.USER, target=project.pm.platform_user_id, payload=reply.to_json(), key=key, now=now)
            told.append(project.pm.handle)
    else:
        for sponsor in project.people_with(SPONSOR):
            if sponsor.id != owner.id:
                outbox.enqueue(session, ws, target_kind=TargetKind.USER, target=sponsor.platform_user_id, payload=reply.to_json(),
                               key=f"{key}:{sponsor.id}", now=now)  # fmt: skip
                told.append(sponsor.handle)
    st.escalation_level = max(st.escalation_level, level)
    audit.record(session, ws.id, actor=None, action="nudge.escalate", entity=item.ref, at=now, after={
        "level": "pm" if level == PM_LEVEL else "sponsor", "owner": owner.handle, "told": told, "ignored_nudges": st.count,
        "critical": item.critical,
    })  # fmt: skip
    return 1
