"""A sponsor's or PMO lead's portfolio at a glance: the top of their Home (Slack's App Home tab, Teams' `home`).

Who has one: a PMO admin (every active project in the workspace) and anyone who sponsors an active project (the
projects they sponsor). Everyone else keeps the plain "my items" view.

What it shows: the 5×5 heat map of the portfolio's open risks (as a chart spec: the platform's sender draws it,
never the request), RAG by project worst first (in words as well as colour, a stale status flagged), the gates
waiting on their decision, the open exceptions and the escalations they received and have not acknowledged.

Loaded set-based: the same six queries for one project or a thousand (tests/clock/test_query_counts.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from commands import format as fmt
from commands.charts.specs import HeatMap
from commands.context import Actor
from commands.digests.render import is_stale
from commands.nudges.escalate import SENT
from commands.nudges.owed import Owed
from commands.raid import lines as raid_lines
from commands.replies import Block, Button, Buttons, Context, Section
from commands.status import latest_statuses
from storage.models import (
    RAG,
    SPONSOR,
    Escalation,
    ExceptionStatus,
    ItemKind,
    Project,
    ProjectException,
    ProjectRole,
    Risk,
    RiskLevel,
    RiskStatus,
    StatusUpdate,
)

MAX_PROJECTS = 10  # rows of "RAG by project"; the rest are counted, and /pmo portfolio has them all
MAX_SHOWN = 5  # decisions, exceptions, escalations shown with their buttons; the rest are counted
ESCALATION_DAYS = 30  # an unacknowledged escalation older than this has left the dashboard (the nudge keeps it)
CHART_AT = 2  # the heat map goes after the header and the "at a glance" line (as a digest's charts do)

RAG_WORD = {RAG.RED: "Red", RAG.AMBER: "Amber", RAG.GREEN: "Green", None: "No status"}
_RANK = {RAG.RED: 0, RAG.AMBER: 1, None: 2, RAG.GREEN: 3}  # worst first; a stale green ranks with "no status"
_VIEW = {ItemKind.ACTION: "/action", ItemKind.RISK: "/risk", ItemKind.GATE: "/gate", ItemKind.PROJECT: "/status"}


@dataclass
class Row:
    project: Project
    status: StatusUpdate | None
    stale: bool
    critical: int  # open critical risks
    high: int

    @property
    def rag(self) -> RAG | None:
        return self.status.overall if self.status else None

    def rank(self) -> tuple[int, int, int, str]:
        r = _RANK[self.rag]
        if self.rag == RAG.GREEN and self.stale:
            r = _RANK[None]
        return (r, -self.critical, -self.high, self.project.key)


@dataclass
class Glance:
    admin: bool
    rows: list[Row] = field(default_factory=list)
    heat: HeatMap | None = None  # None: no open risks
    exceptions: list[ProjectException] = field(default_factory=list)  # the first MAX_SHOWN open ones
    open_exceptions: int = 0
    escalations: list[Escalation] = field(default_factory=list)

    @property
    def project_ids(self) -> set[int]:
        return {r.project.id for r in self.rows}


def load(s: Session, actor: Actor) -> Glance | None:
    """The speaker's portfolio, or None when they lead none (a plain member keeps the plain Home)."""
    me = actor.person
    admin = me.is_pmo_admin
    mine: tuple[ColumnElement[bool], ...] = (Project.workspace_id == actor.workspace.id, Project.archived.is_(False))
    if not admin:
        sponsored = select(ProjectRole.project_id).where(ProjectRole.person_id == me.id, ProjectRole.role == SPONSOR)
        mine = (*mine, Project.id.in_(sponsored))
    projects = list(s.scalars(select(Project).where(*mine).order_by(Project.key)))  # 1
    if not projects and not admin:
        return None
    glance = Glance(admin=admin)
    in_scope = select(Project.id).where(*mine)  # a subquery: the statements stay the same size
    latest = latest_statuses(s, [p.id for p in projects])  # 2 (none when there are no projects)
    live = Risk.status.in_([RiskStatus.OPEN, RiskStatus.MITIGATING, RiskStatus.ACCEPTED])
    cells = s.execute(
        select(Risk.project_id, Risk.likelihood, Risk.impact).where(Risk.project_id.in_(in_scope), live)
    ).all()  # 3
    critical: Counter[int] = Counter()
    high: Counter[int] = Counter()
    for project_id, likelihood, impact in cells:
        level = RiskLevel.of(likelihood * impact)
        if level == RiskLevel.CRITICAL:
            critical[project_id] += 1
        elif level == RiskLevel.HIGH:
            high[project_id] += 1
    if cells:
        glance.heat = HeatMap.of([(likelihood, impact) for _, likelihood, impact in cells])
    glance.rows = sorted(
        (
            Row(
                p,
                latest.get(p.id),
                is_stale(p, [latest[p.id]] if p.id in latest else [], actor.now),
                critical[p.id],
                high[p.id],
            )
            for p in projects
        ),
        key=Row.rank,
    )
    open_exceptions = (ProjectException.project_id.in_(in_scope), ProjectException.status == ExceptionStatus.OPEN)
    glance.open_exceptions = s.scalar(select(func.count()).select_from(ProjectException).where(*open_exceptions)) or 0
    glance.exceptions = list(
        s.scalars(select(ProjectException).where(*open_exceptions).order_by(ProjectException.number).limit(MAX_SHOWN))
    )  # 4, 5: how many, and the first few (a portfolio of a thousand loads five)
    glance.escalations = list(
        s.scalars(
            select(Escalation)
            .where(
                Escalation.workspace_id == actor.workspace.id,
                Escalation.status == SENT,
                Escalation.acknowledged_at.is_(None),
                or_(Escalation.delivered_to_id == me.id, Escalation.recipient_id == me.id),
                Escalation.delivered_at >= actor.now - timedelta(days=ESCALATION_DAYS),
            )
            .order_by(Escalation.critical.desc(), Escalation.delivered_at.desc(), Escalation.id.desc())
        )
    )  # 6
    return glance


def summary(g: Glance) -> str:
    """The one line under the header: what the picture and the lists below add up to."""
    n = len(g.rows)
    rags = Counter(r.rag for r in g.rows)
    parts = [f"{fmt.plural(n, 'project')}"]
    mix = ", ".join(f"{rags[v]} {RAG_WORD[v].lower()}" for v in (RAG.RED, RAG.AMBER, RAG.GREEN, None) if rags[v])
    if mix:
        parts[0] += f": {mix}"
    if g.heat is not None:
        crit = sum(r.critical for r in g.rows)
        parts.append(fmt.plural(g.heat.total, "open risk") + (f" ({crit} critical)" if crit else ""))
    if g.open_exceptions:
        parts.append(fmt.plural(g.open_exceptions, "open exception"))
    if g.escalations:
        parts.append(fmt.plural(len(g.escalations), "escalation") + " to you")
    scope = "the portfolio" if g.admin else "your portfolio"
    return f"*{scope.capitalize()} at a glance* — " + " · ".join(parts)


def blocks(g: Glance, decisions: list[Owed], today: date, now: datetime) -> list[Block]:
    """Everything after the header: the glance line (the heat map follows it), RAG by project, decisions,
    exceptions, escalations."""
    out: list[Block] = [Section(text=summary(g))]
    if g.heat is None:
        out.append(Context(text="No open risks in " + ("the portfolio." if g.admin else "your projects.")))
    out.append(Section(text="*RAG by project* (worst first)\n" + _rag_lines(g.rows, today)))
    out.append(Section(text=f"*Awaiting your decision* ({len(decisions)})"))
    for item in decisions[:MAX_SHOWN]:
        out += [Section(text=item.line(today)), Buttons(buttons=item.buttons())]
    if not decisions:
        out.append(Context(text="No gate is waiting on you. 🎉"))
    elif len(decisions) > MAX_SHOWN:
        out.append(Context(text=f"…and {len(decisions) - MAX_SHOWN} more: `/gate list`."))
    out.append(Section(text=f"*Open exceptions* ({g.open_exceptions})"))
    for x in g.exceptions[:MAX_SHOWN]:
        out += [Section(text=raid_lines.exception_line(x, today)), Buttons(buttons=_exception_buttons(x))]
    if not g.exceptions:
        out.append(Context(text="Every project is inside its tolerances."))
    elif g.open_exceptions > len(g.exceptions):
        more = g.open_exceptions - len(g.exceptions)
        out.append(Context(text=f"…and {more} more: `/raid KEY` on each project."))
    if g.escalations:
        out.append(Section(text=f"*Escalated to you* ({len(g.escalations)})"))
        for e in g.escalations[:MAX_SHOWN]:
            when = fmt.ago(e.delivered_at, now) if e.delivered_at else ""
            out += [
                Section(text=f"🔔 {e.reason}" + (f"\n_Escalated to you {when}._" if when else "")),
                Buttons(buttons=_escalation_buttons(e)),
            ]
        if len(g.escalations) > MAX_SHOWN:
            out.append(Context(text=f"…and {len(g.escalations) - MAX_SHOWN} more escalations."))
    return out


def _rag_lines(rows: list[Row], today: date) -> str:
    if not rows:
        return "_No active projects yet._"
    lines = []
    for r in rows[:MAX_PROJECTS]:
        p = r.project
        line = f"{fmt.RAG_DOT[r.rag]} {RAG_WORD[r.rag]} — *{p.key}* {fmt.clip(p.name, 50)}"
        risks = [f"{n} {level}" for n, level in ((r.critical, "critical"), (r.high, "high")) if n]
        if risks:
            line += " · " + " and ".join(risks) + (" risk" if r.critical + r.high == 1 else " risks")
        if r.stale:
            line += " · ⚠️ status stale" + (f" (last {fmt.day(r.status.created_at.date(), today)})" if r.status else "")
        lines.append(line)
    if len(rows) > MAX_PROJECTS:
        lines.append(f"…and {len(rows) - MAX_PROJECTS} more: `/pmo portfolio`.")
    return "\n".join(lines)


def _exception_buttons(x: ProjectException) -> tuple[Button, ...]:
    key = x.project.key
    return (
        Button(label="See the RAID log", action="raid.show", value=key, command=f"/raid {key}"),
        Button(label="Close with a decision", action="form.open", value=x.ref, form="exception.close"),
    )


def _escalation_buttons(e: Escalation) -> tuple[Button, ...]:
    found = [
        Button(
            label="Acknowledge", action="escalation.ack", value=str(e.id), style="primary", command=f"/pmo ack {e.id}"
        )
    ]
    if e.item_kind in _VIEW:
        found.append(
            Button(
                label=f"Open {e.item_ref}",
                action="escalation.open",
                value=e.item_ref,
                command=f"{_VIEW[e.item_kind]} {e.item_ref}",
            )
        )
    return tuple(found)
