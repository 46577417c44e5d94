"""One line per RAID item, the same in lists, cards, the register and digests."""

from __future__ import annotations

from datetime import date

from commands import format as fmt
from commands.grammar.money import percent, say
from commands.raid import rules
from storage.models import (
    Assumption,
    AssumptionStatus,
    BudgetEntry,
    Dependency,
    DependencyStatus,
    ExceptionStatus,
    Issue,
    IssueSeverity,
    IssueStatus,
    Milestone,
    MilestoneStatus,
    ProjectException,
    Tolerance,
)

SEVERITY_MARK = {
    IssueSeverity.CRITICAL: "🟥",
    IssueSeverity.HIGH: "🟧",
    IssueSeverity.MEDIUM: "🟨",
    IssueSeverity.LOW: "🟩",
}


def slip(days: int) -> str:
    if days == 0:
        return "on baseline"
    return f"{'+' if days > 0 else '−'}{fmt.plural(abs(days), 'day')}"


def issue_line(i: Issue, today: date) -> str:
    if i.status == IssueStatus.RESOLVED:
        state = "resolved"
    elif i.due is not None:
        state = fmt.due_phrase(i.due, today)
    else:
        state = "no due date"
    origin = f" (was {i.risk.ref})" if i.risk is not None else ""
    return (
        f"{SEVERITY_MARK[i.severity]} *{i.ref}* {fmt.clip(i.title, 90)}{origin} — {i.severity.value} · "
        f"{fmt.who(i.owner)} · {state}"
    )


def assumption_line(h: Assumption, today: date) -> str:
    if h.status == AssumptionStatus.VALIDATED:
        state = "✅ validated"
    elif h.status == AssumptionStatus.INVALID:
        state = "❌ invalid" + (f" → {h.risk.ref}" if h.risk is not None else "")
    elif h.validate_by is None:
        state = "to validate"
    else:
        state = fmt.due_phrase(h.validate_by, today, "validation")
    return f"🧪 *{h.ref}* {fmt.clip(h.text, 100)} — {fmt.who(h.owner)} · {state}"


def dependency_line(d: Dependency, today: date) -> str:
    """ "EHR needs “interface spec” from LIMS (M-4 Go-live) by Fri 15 Jan", and why it is flagged."""
    if d.provider_milestone is not None:
        ms = d.provider_milestone
        source = f"{ms.project.key} ({ms.ref} {fmt.clip(ms.name, 40)})"
    elif d.provider_project is not None:
        source = d.provider_project.key
    else:
        source = f"“{fmt.clip(d.external or '', 60)}”"
    line = f"🔗 *{d.ref}* {d.project.key} needs “{fmt.clip(d.what, 80)}” from {source} by {fmt.day(d.need_by, today)}"
    if d.status != DependencyStatus.OPEN:
        return f"{line} — {d.status.value}"
    if d.at_risk and d.provider_date is not None:
        late = (d.provider_date - d.need_by).days
        return f"{line} — ⚠️ *provider now {fmt.day(d.provider_date, today)}, {fmt.plural(late, 'day')} after need-by*"
    if d.need_by < today:
        return f"{line} — {fmt.due_phrase(d.need_by, today)}"
    return line


def milestone_line(ms: Milestone, today: date) -> str:
    if ms.status == MilestoneStatus.DONE and ms.done_on is not None:
        return (
            f"✅ *{ms.ref}* {fmt.clip(ms.name, 80)} — done {fmt.day(ms.done_on, today)} ({slip(ms.slip_days)}) · "
            f"baseline {fmt.day(ms.baseline, today)}"
        )
    mark = "🏁" if ms.slip_days <= 0 else "⏱️"
    forecast = f" · forecast {fmt.day(ms.forecast, today)} ({slip(ms.slip_days)})" if ms.forecast else ""
    return f"{mark} *{ms.ref}* {fmt.clip(ms.name, 80)} — baseline {fmt.day(ms.baseline, today)}{forecast}"


def exception_line(x: ProjectException, today: date) -> str:
    mark = "⛔" if x.status == ExceptionStatus.OPEN else "☑️"
    note = f"note: {fmt.clip(x.note, 160)}" if x.note else "_no exception note yet_"
    if x.status == ExceptionStatus.CLOSED:
        note = f"closed: {fmt.clip(x.decision or '', 160)}"
    return f"{mark} *{x.ref}* {x.project.key} {x.dimension.value} — {fmt.clip(x.summary, 200)} · {note}"


def budget_line(entry: BudgetEntry, tol: Tolerance | None) -> str:
    rag, derived = rules.budget_rag(entry, tol)
    parts = [f"approved {say(entry.approved, entry.currency)}"]
    if entry.actual is not None:
        parts.append(f"actual {say(entry.actual)}")
    if entry.forecast is not None:
        parts.append(f"forecast {say(entry.forecast)}")
    bp = entry.variance_bp
    if bp is not None:
        parts.append(f"variance {say(entry.variance)} ({percent(bp)})")
    parts.append(
        f"tolerance {percent(rules.budget_limit(tol)).lstrip('+')}"
        + ("" if tol and tol.budget_bp is not None else " (default)")
    )
    why = "" if derived else f" — overridden: {fmt.clip(entry.override_reason or '', 120)}"
    return f"💰 Budget {fmt.rag(rag)}{why}: " + " · ".join(parts)
