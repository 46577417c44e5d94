"""Digest text that reads in 30 seconds: one "needs attention" line, then each project's essentials."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from commands import format as fmt
from commands import status as status_module
from commands import watermelon
from commands.digests import charts
from commands.digests.data import DigestData
from commands.raid import attention as raid_attention
from commands.raid import kpis as raid_kpis
from commands.raid import lines as raid_lines
from commands.replies import Block, Context, Divider, FieldItem, Header, Reply, Section, Table
from storage.models import RAG, GateStatus, MilestoneStatus, Project, Risk, RiskLevel, RiskStatus, StatusUpdate

TOP_RISKS = 3
MAX_PROJECT_SECTIONS = 12
RAID_LINES = 5
EMOJI_TREND = 4
KPI_DAYS = 90  # "gates decided on time" over the last quarter: the digest and /pmo portfolio say the same
FIRST_LOOKBACK_DAYS = 7  # a first digest (or /digest now) reports the changes of the last week


def trend(statuses: list[StatusUpdate]) -> str:
    """The last EMOJI_TREND updates, oldest to newest, e.g. 🟢🟢🟠🔴."""
    return "".join(fmt.RAG_DOT[s.overall] for s in reversed(statuses[:EMOJI_TREND]))


def is_stale(project: Project, statuses: list[StatusUpdate], now: datetime) -> bool:
    return stale_days(project, statuses, now) is not None


def risk_change(r: Risk, since: datetime | None) -> str:
    if since is None:
        return ""
    if r.status == RiskStatus.CLOSED and r.closed_at and r.closed_at >= since:
        return "closed"
    if r.created_at >= since:
        return "new"
    if r.rescored_at and r.rescored_at >= since and r.previous_score is not None:
        arrow = "↑" if r.score > r.previous_score else "↓"
        return f"{arrow} from {r.previous_score}"
    return ""


def project_sections(
    p: Project, data: DigestData, since: datetime | None, now: datetime, today: date
) -> tuple[list[Block], list[str]]:
    """Blocks for one project, and the short phrases that feed the "needs attention" line."""
    statuses = data.statuses.get(p.id, [])
    risks = data.risks.get(p.id, [])
    gates = [
        g
        for g in data.gates.get(p.id, [])
        if g.status == GateStatus.PENDING or (since is not None and g.decided_at is not None and g.decided_at >= since)
    ]
    overdue = [a for a in data.overdue.get(p.id, []) if a.due < today]
    attention: list[str] = []
    stale = stale_days(p, statuses, now)
    head = f"{fmt.rag(statuses[0].overall if statuses else None, stale)} · *{p.key}* {fmt.clip(p.name, 60)}"
    if statuses:
        moved = trend_word(statuses)
        moved = "" if moved.endswith("steady") else f" {moved}"  # said only when it changed
        head += f"  {trend(statuses)}{moved}  _{fmt.clip(statuses[0].note, 140)}_"
    lines = [head]
    melon = watermelon.flags(statuses)
    if melon:
        lines.append(f"🍉 {'; '.join(melon).capitalize()}.")
        attention.append(f"{p.key} 🍉 {melon[0]}")
    if stale is not None:
        lines.append(
            f"⚠️ Status is stale: no update for {fmt.plural(stale, 'day')}, past its {p.cadence.value} cadence."
        )
        attention.append(f"{p.key} status stale")
    live = [r for r in risks if r.status != RiskStatus.CLOSED]
    shown = live[:TOP_RISKS]
    changed = [r for r in risks if risk_change(r, since) and r not in shown]
    for r in shown + changed[:3]:
        change = risk_change(r, since)
        tag = f" · _{change}_" if change else ""
        lines.append(
            f"{fmt.LEVEL_MARK[r.level]} {r.ref} {fmt.clip(r.title, 70)} — {fmt.score(r.likelihood, r.impact)}{tag}"
        )
    reviews = [r for r in live if r.review_by < today and r.status != RiskStatus.ACCEPTED]
    if reviews:
        late = "; ".join(f"{r.ref} {fmt.who(r.owner)}, {fmt.due_phrase(r.review_by, today)}" for r in reviews[:5])
        lines.append(f"🔎 Reviews overdue: {late}")
        attention.append(f"{fmt.plural(len(reviews), 'risk review')} overdue on {p.key}")
    if any(r.level.value == "critical" for r in live):
        attention.append(f"critical risk on {p.key}")
    for g in gates:
        if g.status == GateStatus.PENDING:
            waiting = (now - g.created_at).days
            due = f" · {fmt.due_phrase(g.due, today, 'decision')}" if g.due else ""
            lines.append(f"⏳ {g.ref} {fmt.clip(g.name, 60)} — waiting {fmt.plural(waiting, 'day')}{due}")
            if g.due and g.due < today:
                attention.append(f"{g.ref} decision overdue")
        else:
            lines.append(f"{fmt.GATE_MARK[g.status]} {g.ref} {fmt.clip(g.name, 60)} {g.status.value}")
    if overdue:
        by_owner: dict[str, list[str]] = defaultdict(list)
        for a in overdue:
            by_owner[fmt.who(a.owner)].append(a.ref)
        owners = "; ".join(f"{name}: {', '.join(refs[:4])}" for name, refs in by_owner.items())
        lines.append(f"📌 Overdue actions — {owners}")
        attention.append(f"{fmt.plural(len(overdue), 'overdue action')} on {p.key}")
    raid = raid_attention.of(p, data.raid, today)  # exceptions, slipping milestones, budget, dependencies, issues
    lines += raid.lines[:RAID_LINES]
    attention += raid.phrases
    return [Section(text="\n".join(lines))], attention


def since_phrase(since: datetime | None, now: datetime, first: bool) -> str:
    if first or since is None:
        return f"in the last {fmt.plural(FIRST_LOOKBACK_DAYS, 'day')}"
    return "since the last digest"


def project_digest(
    projects: list[Project],
    data: DigestData,
    since: datetime | None,
    now: datetime,
    today: date,
    title: str,
    first: bool = False,
) -> Reply:
    blocks: list[Block] = [Header(text=title)]
    attention: list[str] = []
    body: list[Block] = []
    for p in projects[:MAX_PROJECT_SECTIONS]:
        sections, needs = project_sections(p, data, since, now, today)
        body += sections
        attention += needs
    line = "🚩 *Needs attention*: " + "; ".join(attention[:6]) if attention else "✅ Nothing needs attention."
    blocks.append(Section(text=line))
    blocks.append(Divider())
    blocks += body
    if len(projects) > MAX_PROJECT_SECTIONS:
        blocks.append(Context(text=f"…and {len(projects) - MAX_PROJECT_SECTIONS} more projects: `/pmo portfolio`."))
    blocks.append(Context(text=f"{fmt.day(today)} · changes {since_phrase(since, now, first)}"))
    text = f"{title}: " + ("; ".join(attention[:3]) if attention else "nothing needs attention")
    return Reply.channel(text, *blocks).model_copy(update={"charts": charts.of_projects(projects, data, since, today)})


def stale_days(project: Project, statuses: list[StatusUpdate], now: datetime) -> int | None:
    return status_module.stale_days(project, statuses[0] if statuses else None, now)


SEVERITY = {RAG.GREEN: 0, RAG.AMBER: 1, RAG.RED: 2}


def trend_word(statuses: list[StatusUpdate]) -> str:
    """ "↘ worse", "↗ better" or "→ steady" over the last EMOJI_TREND updates; blank with fewer than two."""
    recent = statuses[:EMOJI_TREND]
    if len(recent) < 2:
        return ""
    then, now = SEVERITY[recent[-1].overall], SEVERITY[recent[0].overall]
    return "↘ worse" if now > then else "↗ better" if now < then else "→ steady"


# Three columns, the last in words: seven columns of counts broke words mid-word ("Proje|ct") on a 340-px Teams
# card and scrolled sideways in Slack on a phone. Widths are relative weights (Teams).
PORTFOLIO_COLUMNS = ("Project", "Status", "Needs attention")
PORTFOLIO_WIDTHS = (2, 3, 4)
TABLE_ROWS = 20  # reads in 30 seconds and fits a Teams card (20 busy rows: 17 KB of 24); the rest summed up


@dataclass
class PortfolioRow:
    project: Project
    cells: tuple[str, ...]
    rank: int  # 0 red, 1 amber, 2 stale or no status, 3 green and fresh
    overdue: int  # overdue actions, risk reviews, gate decisions and milestones
    current: RAG | None
    stale: bool

    @property
    def order(self) -> tuple[int, int, str]:
        return (self.rank, -self.overdue, self.project.key)


def _risks_phrase(crit: int, high: int) -> str:
    """ "1 critical and 2 high risks", "2 critical risks", "" for none."""
    parts = [(crit, "critical"), (high, "high")]
    said = [f"{n} {word}" for n, word in parts if n]
    if not said:
        return ""
    last = [n for n, _ in parts if n][-1]
    return f"{' and '.join(said)} risk{'s' if last != 1 else ''}"


def portfolio_row(p: Project, data: DigestData, now: datetime, today: date) -> PortfolioRow:
    """One project's row: its status in words, then what needs attention in words — what is zero is left out."""
    statuses = data.statuses.get(p.id, [])
    current = statuses[0].overall if statuses else None
    stale = stale_days(p, statuses, now)
    status = [fmt.rag(current, stale)]
    moved = trend_word(statuses)
    if moved and not moved.endswith("steady"):
        status.append(moved)
    if len(statuses) >= 2 and statuses[1].overall != current:
        status.append(f"was {fmt.RAG_WORD[statuses[1].overall]}")
    if watermelon.flags(statuses):
        status.append("🍉 watermelon")
    exceptions = raid_attention.counts(p, data.raid)["exceptions"]
    if exceptions:
        status.append(f"⛔ {fmt.plural(exceptions, 'exception')}")
    live = [r for r in data.risks.get(p.id, []) if r.status != RiskStatus.CLOSED]
    crit = sum(1 for r in live if r.level == RiskLevel.CRITICAL)
    high = sum(1 for r in live if r.level == RiskLevel.HIGH)
    reviews = sum(1 for r in live if r.review_by < today and r.status != RiskStatus.ACCEPTED)
    overdue_actions = sum(1 for a in data.overdue.get(p.id, []) if a.due < today)
    pending = [g for g in data.gates.get(p.id, []) if g.status == GateStatus.PENDING]
    late_gates = sum(1 for g in pending if g.due is not None and g.due < today)
    needs = [
        _risks_phrase(crit, high),
        f"{fmt.plural(reviews, 'risk review')} overdue" if reviews else "",
        f"{fmt.plural(overdue_actions, 'action')} overdue" if overdue_actions else "",
        (f"{fmt.plural(len(pending), 'gate')} waiting" + (f", {late_gates} overdue" if late_gates else ""))
        if pending
        else "",
    ]
    upcoming = sorted(
        (ms for ms in data.raid.milestones.get(p.id, []) if ms.status == MilestoneStatus.OPEN),
        key=lambda ms: (ms.expected, ms.number),
    )
    late_ms = 0
    if upcoming:
        ms = upcoming[0]
        late_ms = int(ms.expected < today)
        slip = f", {raid_lines.slip(ms.slip_days)} on baseline" if ms.slip_days > 0 else ""
        needs.append(f"next {ms.ref} {fmt.clip(ms.name, 40)}: {fmt.due_phrase(ms.expected, today, mark=False)}{slip}")
    rank = {RAG.RED: 0, RAG.AMBER: 1}.get(current, 2 if stale is not None or current is None else 3)  # type: ignore[arg-type]
    cells = (p.key, " · ".join(status), "\n".join(x for x in needs if x))  # one thing a line
    return PortfolioRow(p, cells, rank, overdue_actions + reviews + late_gates + late_ms, current, stale is not None)


def portfolio_table(projects: list[Project], data: DigestData, now: datetime, today: date) -> tuple[Table, str]:
    """The portfolio as a table sorted by what needs attention: red, amber, stale or no status, then green;
    ties by the most overdue items. The first TABLE_ROWS rows, and a line summing up the rest ("" if none)."""
    rows = sorted((portfolio_row(p, data, now, today) for p in projects), key=lambda r: r.order)
    shown, rest = rows[:TABLE_ROWS], rows[TABLE_ROWS:]
    table = Table(
        caption="Projects, what needs attention first",
        columns=PORTFOLIO_COLUMNS,
        rows=tuple(r.cells for r in shown),
        widths=PORTFOLIO_WIDTHS,
    )
    if not rest:
        return table, ""
    kinds: dict[str, int] = defaultdict(int)
    for r in rest:
        kinds[fmt.RAG_WORD[r.current].lower() if not r.stale else "stale"] += 1
    summary = ", ".join(f"{n} {word}" for word, n in kinds.items())
    return table, f"The table shows {len(shown)} of {len(rows)}; the other {len(rest)}: {summary}."


def portfolio_digest(
    projects: list[Project], data: DigestData, since: datetime | None, now: datetime, today: date
) -> Reply:
    attention = []
    kpi_since = now - timedelta(days=KPI_DAYS)
    green = fresh = 0
    gates_decided = gates_on_time = 0
    for p in projects:
        statuses = data.statuses.get(p.id, [])
        current = statuses[0].overall if statuses else None
        live = [r for r in data.risks.get(p.id, []) if r.status != RiskStatus.CLOSED]
        crit = any(r.level == RiskLevel.CRITICAL for r in live)
        stale = is_stale(p, statuses, now)
        green += current == RAG.GREEN and not stale
        fresh += not stale
        for g in data.gates.get(p.id, []):
            if g.status in (GateStatus.APPROVED, GateStatus.REJECTED) and g.decided_at and g.decided_at >= kpi_since:
                gates_decided += 1
                gates_on_time += g.due is None or g.decided_at.date() <= g.due
        exceptions = raid_attention.counts(p, data.raid)["exceptions"]
        if current == RAG.RED or crit or exceptions:
            attention.append(p.key)
    n = max(1, len(projects))
    kpis = (
        FieldItem(label="Green and up to date", value=f"{round(100 * green / n)}% ({green}/{len(projects)})"),
        FieldItem(label="Fresh status", value=f"{round(100 * fresh / n)}%"),
        FieldItem(
            label=f"Gates decided on time ({KPI_DAYS} days)",
            value=f"{gates_on_time}/{gates_decided}" if gates_decided else "none decided",
        ),
        *raid_kpis.fields(projects, data.raid, (r for p in projects for r in data.risks.get(p.id, [])), since),
    )
    table, rest = portfolio_table(projects, data, now, today)
    order = "red first, then amber, stale or no status, then green; blank means none"
    blocks: list[Block] = [
        Header(text="Portfolio digest"),
        Section(
            text=("🚩 *Needs attention*: " + ", ".join(attention[:8])) if attention else "✅ Nothing red or critical."
        ),
        Section(fields=kpis),
        Divider(),
        Context(text=f"{fmt.day(today)} · {order}" + (f" · {rest}" if rest else "")),
        table,  # last: Slack shows a message's table at its bottom whatever its place, so every platform agrees
    ]
    text = f"Portfolio: {green}/{len(projects)} green" + (
        f"; attention: {', '.join(attention[:5])}" if attention else ""
    )
    return Reply.channel(text, *blocks).model_copy(update={"charts": charts.of_projects(projects, data, since, today)})
