"""What each person owes, set-based: a fixed number of queries for any number of people and projects.

Used by the daily nudge pass (everyone at once) and by the App Home tab (one person). Items are loaded
up to the latest local date anywhere; `Owed.since` and `Owed.line(today)` let the caller judge and word
each item in the person's own calendar."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, subqueryload

from commands import format as fmt
from commands.replies import Button
from storage.models import (
    Action,
    ActionStatus,
    Gate,
    GateApprover,
    GateStatus,
    ItemKind,
    Person,
    Project,
    Risk,
    RiskCategory,
    RiskStatus,
    StatusUpdate,
)


@dataclass(frozen=True)
class Owed:
    """One thing one person owes: an overdue action, a risk review due, a gate decision, a stale status."""

    kind: ItemKind
    item_id: int
    ref: str  # "A-7", "R-12", "G-3", or the project key for a stale status
    project_id: int
    project_key: str
    label: str  # the part of the line that does not depend on the day
    since: date  # owed from this local date: the day after an action's due date, a review date, the day a
    # gate was requested, the day a status went stale
    due: date | None = None  # an action's due date, a risk's review date, a gate's decide-by date
    blocked: bool = False
    critical: bool = False  # a critical risk, a gate with a decide-by date: straight to the sponsor once past `due`
    safety: bool = False  # a patient-safety risk: its escalation may reach people out of hours if the project says so
    on_behalf_of: int | None = None  # a gate decision routed to a delegate

    def line(self, today: date) -> str:
        if self.kind == ItemKind.ACTION and self.due is not None:
            state = fmt.due_phrase(self.due, today)
            return f"{self.label} · {'blocked · ' if self.blocked else ''}{state}"
        if self.kind == ItemKind.RISK and self.due is not None:
            return f"{self.label} · {fmt.due_phrase(self.due, today, 'review')}"
        if self.kind == ItemKind.GATE:
            waiting = (today - self.since).days + 1  # since is the day after the request
            due = f" · {fmt.due_phrase(self.due, today, 'decision')}" if self.due else ""
            return f"{self.label} · your decision, waiting {fmt.plural(waiting, 'day')}{due}"
        return self.label

    def overdue(self, today: date) -> bool:
        return self.since <= today

    def past_due(self, today: date) -> bool:
        """A critical risk past its review date, a gate past its decide-by date, in the owner's own calendar."""
        return self.critical and self.due is not None and self.due < today

    def buttons(self) -> tuple[Button, ...]:
        first: tuple[Button, ...]
        last: tuple[Button, ...]
        snooze = (
            Button(
                label="Snooze 1 day",
                action="nudge.snooze",
                value=f"{self.ref}:1d",
                command=f"/pmo snooze {self.ref} 1d",
            ),
            Button(
                label="Snooze 1 week",
                action="nudge.snooze",
                value=f"{self.ref}:1w",
                command=f"/pmo snooze {self.ref} 1w",
            ),
        )
        if self.kind == ItemKind.ACTION:
            first = (
                Button(
                    label="Done",
                    action="nudge.done",
                    value=self.ref,
                    style="primary",
                    command=f"/action {self.ref} done",
                ),
            )
            last = (Button(label="Blocked", action="nudge.blocked", value=self.ref, form="action.blocked"),)
        elif self.kind == ItemKind.RISK:
            first = (
                Button(
                    label="Reviewed",
                    action="nudge.done",
                    value=self.ref,
                    style="primary",
                    command=f"/risk {self.ref} reviewed",
                ),
            )
            last = (Button(label="Update", action="nudge.update", value=self.ref, form="risk.update"),)
        elif self.kind == ItemKind.GATE:
            first = (
                Button(
                    label="Approve",
                    action="gate.approve",
                    value=self.ref,
                    style="primary",
                    command=f"/gate approve {self.ref}",
                ),
            )
            last = (Button(label="Reject", action="gate.reject", value=self.ref, style="danger", form="gate.reject"),)
        else:
            first = (
                Button(label="Log status", action="nudge.status", value=self.ref, style="primary", form="status.log"),
            )
            last = ()
        return first + snooze + last


@dataclass
class Ledger:
    by_person: dict[int, list[Owed]] = field(default_factory=lambda: defaultdict(list))
    people: dict[int, Person] = field(default_factory=dict)


def owed(
    session: Session,
    *,
    today: date,
    now: datetime,
    workspace_ids: list[int] | None = None,
    person_ids: list[int] | None = None,
    only_due: bool = True,
) -> Ledger:
    """Everything owed by the given people (or everyone in the given workspaces). `today` is the latest
    local date that matters (a superset is loaded; callers filter with `Owed.overdue(local_today)`).

    only_due=True (nudges): overdue actions, reviews due, pending decisions, stale statuses.
    only_due=False (App Home): every open action and every live risk the person owns as well."""
    ledger = Ledger()
    live_projects = select(Project.id).where(Project.archived.is_(False))
    if workspace_ids is not None:
        live_projects = live_projects.where(Project.workspace_id.in_(workspace_ids))

    # 1. actions
    actions = select(Action).where(
        Action.status.in_([ActionStatus.OPEN, ActionStatus.BLOCKED]), Action.project_id.in_(live_projects)
    )
    if person_ids is not None:
        actions = actions.where(Action.owner_id.in_(person_ids))
    if only_due:
        actions = actions.where(Action.due < today)
    for a in session.scalars(actions.order_by(Action.due, Action.number)):
        ledger.by_person[a.owner_id].append(
            Owed(
                ItemKind.ACTION,
                a.id,
                a.ref,
                a.project_id,
                a.project.key,
                f"📌 *{a.ref}* {fmt.clip(a.text, 80)} — {a.project.key}",
                a.due + timedelta(days=1),
                due=a.due,
                blocked=a.status == ActionStatus.BLOCKED,
            )
        )

    # 2. risk reviews
    risks = select(Risk).where(
        Risk.status.in_([RiskStatus.OPEN, RiskStatus.MITIGATING]),
        Risk.owner_id.is_not(None),
        Risk.project_id.in_(live_projects),
    )
    if person_ids is not None:
        risks = risks.where(Risk.owner_id.in_(person_ids))
    if only_due:
        risks = risks.where(Risk.review_by <= today)
    for r in session.scalars(risks.order_by(Risk.score.desc(), Risk.review_by)):
        if r.owner_id is None:  # the query keeps owned risks only; this tells the type checker
            continue
        ledger.by_person[r.owner_id].append(
            Owed(
                ItemKind.RISK,
                r.id,
                r.ref,
                r.project_id,
                r.project.key,
                f"🛡️ *{r.ref}* {fmt.clip(r.title, 80)} — {r.project.key} · {fmt.score(r.likelihood, r.impact, r.level)}",
                r.review_by,
                due=r.review_by,
                critical=r.score >= 20,
                safety=r.category == RiskCategory.PATIENT_SAFETY,
            )
        )

    # 3. gate decisions, routed to an active delegate
    gates = (
        select(Gate)
        .where(Gate.status == GateStatus.PENDING, Gate.project_id.in_(live_projects))
        .options(subqueryload(Gate.approvers), subqueryload(Gate.decisions))
    )
    if person_ids is not None:
        # a superset (any delegation not over anywhere on Earth yesterday); each is judged in its own calendar below
        delegators = select(Person.id).where(
            Person.delegate_id.in_(person_ids), Person.delegate_until >= today - timedelta(days=2)
        )
        gates = gates.where(
            Gate.id.in_(
                select(GateApprover.gate_id).where(
                    GateApprover.person_id.in_(person_ids) | GateApprover.person_id.in_(delegators)
                )
            )
        )
    for g in session.scalars(gates.order_by(Gate.number)):
        decided = {d.approver_id for d in g.decisions}
        # One person counts once (a delegate who decided is done, and an approver of this gate decides for
        # themselves only) and the requester never decides: such delegators are asked themselves.
        cannot = {d.decided_by_id for d in g.decisions} | {g.requester_id} | {a.person_id for a in g.approvers}
        for ap in g.approvers:
            if ap.person_id in decided:
                continue
            p = ap.person
            delegate = p.delegate_id_at(now)  # in the approver's own calendar
            to = delegate if delegate is not None and delegate not in cannot else p.id
            behalf = f" on behalf of {fmt.who(p)}" if to != p.id else ""  # no "(for Maria Santos (CNO))"
            ledger.by_person[to].append(
                Owed(
                    ItemKind.GATE,
                    g.id,
                    g.ref,
                    g.project_id,
                    g.project.key,
                    f"⏳ *{g.ref}* {fmt.clip(g.name, 70)}{behalf} — {g.project.key}",
                    g.created_at.date() + timedelta(days=1),
                    due=g.due,
                    critical=g.due is not None,
                    on_behalf_of=p.id if to != p.id else None,
                )
            )

    # 4. stale status, for PMs
    projects = select(Project).where(Project.archived.is_(False), Project.pm_id.is_not(None))
    if workspace_ids is not None:
        projects = projects.where(Project.workspace_id.in_(workspace_ids))
    if person_ids is not None:
        projects = projects.where(Project.pm_id.in_(person_ids))
    last = (
        select(StatusUpdate.project_id, func.max(StatusUpdate.created_at).label("at"))
        .group_by(StatusUpdate.project_id)
        .subquery()
    )
    for p, last_at in session.execute(
        projects.outerjoin(last, last.c.project_id == Project.id).add_columns(last.c.at).order_by(Project.key)
    ):
        since = last_at or p.created_at
        if now - since > timedelta(days=p.cadence.days):
            ago = f"last update {fmt.ago(last_at, now)}" if last_at else "no update yet"
            ledger.by_person[p.pm_id].append(
                Owed(
                    ItemKind.PROJECT,
                    p.id,
                    p.key,
                    p.id,
                    p.key,
                    f"🗓️ *{p.key}* status is stale — {ago} ({p.cadence.value} cadence)",
                    (since + timedelta(days=p.cadence.days)).date(),
                )
            )

    # 5. tolerance breaches: the PM's exception note, and each sponsor told once
    from commands.raid.owed import add_exceptions  # here: commands.raid.owed builds on this module

    add_exceptions(session, ledger, live_projects=live_projects, person_ids=person_ids)

    if ledger.by_person:
        for person in session.scalars(select(Person).where(Person.id.in_(list(ledger.by_person)))):
            ledger.people[person.id] = person
    return ledger
