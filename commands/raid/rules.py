"""The rules of the plan's controls, with no database: budget RAG from variance, and what breaches a tolerance.

Budget RAG: with a budget tolerance T (default 5 %), a forecast up to T/2 over the approved amount is green,
up to T amber, beyond T red — unless the PM overrode it with a reason. A tolerance is breached when a
milestone's forecast (or actual) date is more than `schedule` days after its baseline, the expected cost is
more than `budget` over approved, or a live risk is above the `risk` level the project may carry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from commands import format as fmt
from commands.grammar.money import percent
from storage.models import (
    RAG,
    BudgetEntry,
    Dimension,
    Milestone,
    MilestoneStatus,
    Risk,
    RiskLevel,
    RiskStatus,
    Tolerance,
)

DEFAULT_BUDGET_BP = 500
LEVEL_MAX = {RiskLevel.LOW: 4, RiskLevel.MEDIUM: 9, RiskLevel.HIGH: 16, RiskLevel.CRITICAL: 25}


def budget_limit(tol: Tolerance | None) -> int:
    return tol.budget_bp if tol is not None and tol.budget_bp is not None else DEFAULT_BUDGET_BP


def derived_budget_rag(entry: BudgetEntry, tol: Tolerance | None) -> RAG:
    bp, limit = entry.variance_bp, budget_limit(tol)
    if bp is None or bp <= limit / 2:
        return RAG.GREEN
    return RAG.AMBER if bp <= limit else RAG.RED


def budget_rag(entry: BudgetEntry, tol: Tolerance | None) -> tuple[RAG, bool]:
    """The budget's RAG and whether it follows from the variance (False: a PM's override)."""
    if entry.rag_override is not None:
        return entry.rag_override, False
    return derived_budget_rag(entry, tol), True


def within_budget(entry: BudgetEntry, tol: Tolerance | None) -> bool:
    bp = entry.variance_bp
    return bp is None or bp <= budget_limit(tol)


@dataclass(frozen=True)
class Breach:
    dimension: Dimension
    subject: str  # "M-2", "budget", "R-5"
    summary: str
    measure: int
    tolerance: int


def breaches(
    tol: Tolerance | None,
    milestones: Iterable[Milestone],
    budget: BudgetEntry | None,
    risks: Iterable[Risk],
    today: date,
) -> list[Breach]:
    """Every forecast outside this project's tolerances now (none without a tolerance)."""
    if tol is None:
        return []
    found: list[Breach] = []
    if tol.schedule_days is not None:
        for ms in milestones:
            if ms.slip_days > tol.schedule_days:
                said = "done" if ms.status == MilestoneStatus.DONE else "forecast"
                found.append(
                    Breach(
                        Dimension.SCHEDULE,
                        ms.ref,
                        f"{ms.ref} {fmt.clip(ms.name, 80)} {said} {fmt.day(ms.expected, today)}, "
                        f"{fmt.plural(ms.slip_days, 'day')} after its baseline {fmt.day(ms.baseline, today)} "
                        f"(tolerance {fmt.plural(tol.schedule_days, 'day')})",
                        ms.slip_days,
                        tol.schedule_days,
                    )
                )
    bp = budget.variance_bp if budget is not None else None
    if tol.budget_bp is not None and bp is not None and bp > tol.budget_bp:
        found.append(
            Breach(
                Dimension.BUDGET,
                "budget",
                f"expected cost {percent(bp)} against the approved budget (tolerance {percent(tol.budget_bp)})",
                bp,
                tol.budget_bp,
            )
        )
    if tol.risk_level is not None:
        limit = LEVEL_MAX[tol.risk_level]
        for r in risks:
            if r.status in (RiskStatus.OPEN, RiskStatus.MITIGATING) and r.score > limit:
                found.append(
                    Breach(
                        Dimension.RISK,
                        r.ref,
                        f"{r.ref} {fmt.clip(r.title, 80)} is {fmt.score(r.likelihood, r.impact, r.level)}; the project may carry "
                        f"up to {tol.risk_level.value}",
                        r.score,
                        limit,
                    )
                )
    return found


def describe(tol: Tolerance | None) -> str:
    if tol is None:
        return "no tolerances set"
    parts = []
    if tol.schedule_days is not None:
        parts.append(f"schedule {fmt.plural(tol.schedule_days, 'day')}")
    if tol.budget_bp is not None:
        parts.append(f"budget {percent(tol.budget_bp).lstrip('+')}")
    if tol.risk_level is not None:
        parts.append(f"risk up to {tol.risk_level.value}")
    return ", ".join(parts) or "no tolerances set"
