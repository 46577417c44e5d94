"""The gate card a sponsor can decide from, in one look:

- what is asked and by when: in an approver's DM "Maria, your decision is needed by Tue 8 Dec" (overdue said
  plainly); in the channel whose decision is needed; the notification text says the same;
- the project's RAG in words and colour, its trend over recent updates ("Amber ↓ from Green") and a stale or
  watermelon flag;
- its open critical and high risks, scored "L4 × I5 = 20", an overdue review flagged;
- the entry checklist, open items first, waivers shown with their reason;
- who decided what, and what is left of the quorum ("Needs 1 more approval, including the CMIO").

The data beyond the gate itself (statuses, risks, project roles) is read by `facts_for` in a fixed number of
queries for any number of gates, risks or checklist items. Each copy of the card has its own subject: the
channel copies `gate:<id>`, an approver's DM `gate:<id>:ask:<approver id>`, so an update after a decision
keeps every DM addressed to its reader."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from commands import cards, quorum, watermelon
from commands import format as fmt
from commands.replies import Block, Button, Buttons, Context, FieldItem, Header, Reply, Section
from commands.status import recent_statuses
from storage.models import (
    RAG,
    Gate,
    GateStatus,
    Person,
    Project,
    ProjectRole,
    Quorum,
    Risk,
    RiskStatus,
    StatusUpdate,
)

TREND = 6  # updates read for the trend
RISK_FLOOR = 10  # high (10–19) and critical (20–25)
RISKS_SHOWN = 5
RAG_ORDER = {RAG.GREEN: 0, RAG.AMBER: 1, RAG.RED: 2}
TITLES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "mx", "mx."}


@dataclass(frozen=True)
class Facts:
    """What a gate card shows beyond the gate: the project's recent statuses (newest first), its open
    critical/high risks (worst first) and who holds which project role."""

    statuses: list[StatusUpdate] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    roles: dict[int, set[str]] = field(default_factory=dict)


def facts_for(session: Session, gates: Iterable[Gate]) -> dict[int, Facts]:
    """Facts for each gate's project, keyed by project id: three queries (plus one for risk owners) whatever
    the number of gates, risks or checklist items."""
    projects = {g.project_id: g.project for g in gates}
    if not projects:
        return {}
    ids = list(projects)
    statuses = recent_statuses(session, ids, TREND)
    risks: dict[int, list[Risk]] = {}
    for r in session.scalars(
        select(Risk)
        .where(
            Risk.project_id.in_(ids),
            Risk.status.in_([RiskStatus.OPEN, RiskStatus.MITIGATING]),
            Risk.score >= RISK_FLOOR,
        )
        .options(selectinload(Risk.owner))
        .order_by(Risk.score.desc(), Risk.review_by, Risk.number)
    ):
        risks.setdefault(r.project_id, []).append(r)
    roles: dict[int, dict[int, set[str]]] = {pid: {} for pid in ids}
    for pid, person_id, role in session.execute(
        select(ProjectRole.project_id, ProjectRole.person_id, ProjectRole.role).where(ProjectRole.project_id.in_(ids))
    ):
        roles[pid].setdefault(person_id, set()).add(role)
    for pid, p in projects.items():
        if p.pm_id:
            roles[pid].setdefault(p.pm_id, set()).add("pm")
    return {pid: Facts(statuses.get(pid, []), risks.get(pid, []), roles[pid]) for pid in ids}


# -- words ------------------------------------------------------------------------------------------------
def first_name(person: Person) -> str:
    """'Maria' for 'Maria Santos (CNO)', 'Dana' for 'Dr. Dana Whitfield (CMIO)'."""
    for word in person.display_name.split():
        if word.lower() not in TITLES and not word.startswith("("):
            return word.strip(",")
    return person.display_name


def role_name(role: str) -> str:
    """'the CMIO', 'the sponsor'."""
    return f"the {role.upper() if len(role) <= 4 and role.isalpha() else role}"


def is_stale(project: Project, statuses: Sequence[StatusUpdate], now: datetime) -> bool:
    last = statuses[0].created_at if statuses else project.created_at
    return now - last > timedelta(days=project.cadence.days)


def trend(statuses: Sequence[StatusUpdate], today: date) -> str:
    """'🟠 Amber ↓ from Green · amber for 4 updates, since Mon 2 Nov' (newest first in, words out)."""
    if not statuses:
        return "⚪ No status yet"
    current = statuses[0].overall
    run = 1
    while run < len(statuses) and statuses[run].overall == current:
        run += 1
    head = f"{fmt.RAG_DOT[current]} *{fmt.RAG_WORD[current]}*"
    if run == len(statuses):
        steady = "first update" if run == 1 else f"steady for {run} updates"
        return f"{head} · {steady}"
    before = statuses[run].overall
    arrow = "↓" if RAG_ORDER[current] > RAG_ORDER[before] else "↑"
    since = fmt.day(statuses[run - 1].created_at.date(), today)
    length = f"{current.value} for {fmt.plural(run, 'update')}, since {since}" if run > 1 else f"since {since}"
    return f"{head} {arrow} from {fmt.RAG_WORD[before]} · {length}"


def quorum_words(g: Gate) -> str:
    """'all 2 approvers, including the CMIO'."""
    n = len(g.approvers)
    if g.quorum == Quorum.ALL:
        base = f"all {n} approvers" if n > 1 else "the approver"
    elif g.quorum == Quorum.ANY:
        base = "any one approver"
    else:
        base = f"{g.quorum_n} of {n} approvers"
    if g.must_include:
        base += f", including {' and '.join(role_name(r) for r in g.must_include)}"
    return base


def left_phrase(t: quorum.Tally) -> str:
    """'Needs 1 more approval, including the CMIO · 1 approved, 1 still to decide.'"""
    if t.outcome is not None:
        return t.outcome.value.capitalize() + "."
    more = max(0, t.needed - t.approvals)
    roles = " and ".join(role_name(r) for r in t.missing_roles)
    if more and roles:
        text = f"Needs {fmt.plural(more, 'more approval')}, including {roles}"
    elif more:
        text = f"Needs {fmt.plural(more, 'more approval')}"
    elif roles:
        text = f"Needs an approval from {roles}"
    else:
        text = "Waiting"
    text += f" · {t.approvals} approved, {t.waiting} still to decide."
    if not t.reachable:
        text += " ⚠️ The quorum can no longer be reached: the requester may withdraw it."
    return text


def by_when(gate: Gate, today: date) -> str:
    """' by Tue 8 Dec', or ' by Tue 1 Dec — 6 days overdue' ('' without a decide-by date)."""
    if gate.due is None:
        return ""
    late = (today - gate.due).days
    if late > 0:
        return f" by {fmt.day(gate.due, today)} — {fmt.plural(late, 'day')} overdue"
    if late == 0:
        return f" by today, {fmt.day(gate.due, today)}"
    return f" by {fmt.day(gate.due, today)}"


# -- who is asked -----------------------------------------------------------------------------------------
def decider_for(gate: Gate, approver: Person, now: datetime) -> Person:
    """Who decides for `approver` on this gate: their active delegate, unless the delegate is an approver of the
    gate too (one person counts once: they decide for themselves only) or requested it (who never decides)."""
    delegate = approver.delegate_at(now)
    if delegate is None or delegate.id == gate.requester.id or any(a.person.id == delegate.id for a in gate.approvers):
        return approver
    return delegate


def waiting(gate: Gate) -> list[Person]:
    decided = {d.approver_id for d in gate.decisions}
    return [a.person for a in gate.approvers if a.person_id not in decided]


def asked_for(gate: Gate, viewer: Person | None, now: datetime) -> Person | None:
    """The approver `viewer` decides for, while the gate waits on them: themselves, or whoever delegated to them."""
    if viewer is None or gate.status != GateStatus.PENDING:
        return None
    for p in waiting(gate):
        if p.id == viewer.id or decider_for(gate, p, now).id == viewer.id:
            return p
    return None


def notification(gate: Gate, today: date, reader: Person | None = None, for_whom: Person | None = None) -> str:
    """The text a notification shows: what is asked of the reader, or what the card is about."""
    what = f"{gate.ref} {gate.project.key}: {gate.name}"
    if reader is not None and gate.status == GateStatus.PENDING:
        # "on behalf of", not "(for …)": a name may carry its own brackets ("Maria Santos (CNO)")
        behalf = f" on behalf of {fmt.who(for_whom)}" if for_whom is not None and for_whom.id != reader.id else ""
        return f"{first_name(reader)}, your approval is needed{by_when(gate, today)}{behalf}: {what}"
    if gate.status == GateStatus.PENDING:
        names = ", ".join(fmt.who(p) for p in waiting(gate)) or "nobody"
        return f"{what} — decision needed from {names}{by_when(gate, today)}"
    return f"{what} — {gate.status.value}"


# -- the card ---------------------------------------------------------------------------------------------
def gate_card(
    g: Gate, facts: Facts, today: date, now: datetime, reader: Person | None = None, for_whom: Person | None = None
) -> Reply:
    """The card. `reader` is the approver (or their delegate) whose DM this is, `for_whom` the approver they
    decide for; without them it is the channel copy, which says whose decision is needed."""
    t = quorum.tally(g, facts.roles)
    blocks: list[Block] = [Header(text=f"{fmt.GATE_MARK[g.status]} {g.ref} · {g.project.key}: {fmt.clip(g.name, 100)}")]
    facts_row = (
        FieldItem(label="Status", value=g.status.value),
        FieldItem(label="Requested by", value=f"{fmt.who(g.requester)}, {fmt.day(g.created_at.date(), today)}"),
        FieldItem(label="Quorum", value=quorum_words(g)),
        decide_by(g, today),
    )
    ask = ""
    if g.status == GateStatus.PENDING:
        if reader is not None:
            ask = f"*{first_name(reader)}, your decision is needed{by_when(g, today)}.*"
            if for_whom is not None and for_whom.id != reader.id:
                ask += f" You decide on behalf of {fmt.who(for_whom)}, as their delegate."
        else:
            names = ", ".join(fmt.who(p) for p in waiting(g)) or "nobody"
            ask = f"*Decision needed from {names}{by_when(g, today)}.*"
    blocks.append(Section(text=ask, fields=facts_row))
    blocks.append(Section(text=project_lines(g.project, facts, today, now)))
    blocks.append(Section(text=risk_lines(facts.risks, today)))
    still_open = 0
    if g.checklist:
        text, still_open = checklist_lines(g)
        blocks.append(Section(text=text))
    blocks.append(Section(text="*Decisions*\n" + "\n".join(decision_lines(g))))
    if g.status == GateStatus.PENDING:
        blocks.append(Section(text=f"*Quorum*: {left_phrase(t)}"))
        if still_open:
            blocks.append(
                Context(
                    text=f"Approving needs the checklist ticked, or a waiver with its reason "
                    f'(`/gate approve {g.ref} waive:"why"`).'
                )
            )
        blocks.append(buttons(g, still_open))
    else:
        when = fmt.day(g.decided_at.date(), today) if g.decided_at else ""
        blocks.append(Context(text=f"{g.status.value.capitalize()} {when}. {cards.ENDED[g.status]}"))
    return Reply.channel(notification(g, today, reader, for_whom), *blocks)


def decide_by(g: Gate, today: date) -> FieldItem:
    """While pending, the decision's date in the one lateness phrase ("due Tue 8 Dec", "*6 days overdue*");
    once settled, the date it was due by."""
    if g.due is None:
        return FieldItem(label="Decide by", value="—")
    if g.status == GateStatus.PENDING:
        return FieldItem(label="Decision", value=fmt.due_phrase(g.due, today))
    return FieldItem(label="Decide by", value=fmt.day(g.due, today))


def project_lines(p: Project, facts: Facts, today: date, now: datetime) -> str:
    lines = [f"*{p.key} status*: {trend(facts.statuses, today)}"]
    if facts.statuses:
        last = facts.statuses[0]
        lines.append(
            f"Last update {fmt.ago(last.created_at, now)} by {fmt.who(last.author)}: _{fmt.clip(last.note, 140)}_"
        )
    if is_stale(p, facts.statuses, now):
        lines.append(f"⚠️ *Stale*: no update within its {p.cadence.value} cadence.")
    melon = watermelon.flags(facts.statuses)
    if melon:
        lines.append(f"🍉 *Watermelon?* {'; '.join(melon).capitalize()}.")
    return "\n".join(lines)


def risk_lines(risks: Sequence[Risk], today: date) -> str:
    if not risks:
        return "*Open critical and high risks*: none."
    lines = [f"*Open critical and high risks* ({len(risks)})"]
    for r in risks[:RISKS_SHOWN]:
        lines.append(
            f"{fmt.LEVEL_MARK[r.level]} *{r.ref}* {fmt.clip(r.title, 90)} — {fmt.score(r.likelihood, r.impact, r.level)}"
            f" · {fmt.who(r.owner)} · {fmt.due_phrase(r.review_by, today, 'review')}"
        )
    if len(risks) > RISKS_SHOWN:
        lines.append(f"…and {len(risks) - RISKS_SHOWN} more: `/risk list {risks[0].project.key}`")
    return "\n".join(lines)


def checklist_lines(g: Gate) -> tuple[str, int]:
    """The entry checklist, open items first, then waived (with the reason), then done; and how many are open."""
    open_, waived, done = [], [], []
    for i, item in enumerate(g.checklist, 1):
        text = fmt.clip(str(item.get("text", "")), 120)
        if item.get("done_by"):
            done.append(f"☑ {i}. {text}")
        elif item.get("waived_by"):
            waived.append(f"⚠️ {i}. {text} — waived: “{fmt.clip(str(item.get('waiver', '')), 80)}”")
        else:
            open_.append(f"☐ {i}. {text}")
    parts = [f"{len(done)} of {len(g.checklist)} done"]
    if open_:
        parts.append(f"*{len(open_)} open*")
    if waived:
        parts.append(f"{len(waived)} waived")
    return f"*Entry checklist*: {', '.join(parts)}\n" + "\n".join(open_ + waived + done), len(open_)


def decision_lines(g: Gate) -> list[str]:
    decided = {d.approver_id: d for d in g.decisions}
    lines = []
    for a in g.approvers:
        d = decided.get(a.person_id)
        if d is None:
            mark = "⏳" if g.status == GateStatus.PENDING else "▫️"  # once settled, nobody is "waiting" any more
            lines.append(f"{mark} {fmt.who(a.person)} — {UNDECIDED[g.status]}")
            continue
        mark, verb = cards.DECIDED[d.decision]
        behalf = f" on behalf of {fmt.who(a.person)}" if d.decided_by_id != d.approver_id else ""
        comment = f": “{fmt.clip(d.comment, 200)}”" if d.comment else ""
        conditions = f" — conditions: {'; '.join(fmt.clip(c, 80) for c in d.conditions)}" if d.conditions else ""
        lines.append(f"{mark} {fmt.who(d.decided_by)} {verb}{behalf}{comment}{conditions}")
    return lines


UNDECIDED = {
    GateStatus.PENDING: "waiting",
    GateStatus.APPROVED: "no decision needed (the quorum was met)",
    GateStatus.REJECTED: "no decision needed (rejected)",
    GateStatus.WITHDRAWN: "no decision (withdrawn)",
    GateStatus.EXPIRED: "no decision (expired)",
}


def buttons(g: Gate, still_open: int) -> Buttons:
    approve = (
        Button(label="Approve", action="gate.approve", value=g.ref, style="primary", form="gate.approve")
        if still_open
        else Button(
            label="Approve", action="gate.approve", value=g.ref, style="primary", command=f"/gate approve {g.ref}"
        )
    )
    return Buttons(
        buttons=(
            approve,
            Button(label="Approve with conditions", action="gate.conditions", value=g.ref, form="gate.conditions"),
            Button(label="Reject", action="gate.reject", value=g.ref, style="danger", form="gate.reject"),
        )
    )


# -- every copy -------------------------------------------------------------------------------------------
def channel_subject(g: Gate) -> str:
    return f"gate:{g.id}"


def dm_subject(g: Gate, approver: Person | int) -> str:
    return f"gate:{g.id}:ask:{approver if isinstance(approver, int) else approver.id}"


def copies(g: Gate, facts: Facts, today: date, now: datetime) -> list[tuple[str, Reply]]:
    """(subject, card) for the channel copies and for each approver's DM, as they should read now."""
    out = [(channel_subject(g), gate_card(g, facts, today, now))]
    for a in g.approvers:
        if g.status == GateStatus.PENDING and a.person_id not in {d.approver_id for d in g.decisions}:
            reader = decider_for(g, a.person, now)
            out.append((dm_subject(g, a.person), gate_card(g, facts, today, now, reader, a.person)))
        else:
            out.append((dm_subject(g, a.person), out[0][1]))
    return out
