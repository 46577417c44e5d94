"""Typed commands for the RAID log, the plan's controls and management by exception (forms build the same)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from commands.grammar.models import Command, ProjectKey
from commands.grammar.tokens import Mention
from storage.models import RAG, IssueSeverity, RiskLevel


# -- issues (I-) ------------------------------------------------------------------------------
class IssueRaise(Command):
    project: ProjectKey | None = None
    title: str
    severity: IssueSeverity | None = None
    owner: Mention | None = None
    due: date | None = None


class IssueList(Command):
    project: ProjectKey | None = None
    filter: Literal["open", "all", "mine", "critical"] = "open"


class IssueShow(Command):
    ref: int


class IssueUpdate(Command):
    ref: int
    severity: IssueSeverity | None = None
    owner: Mention | None = None
    due: date | None = None


class IssueResolve(Command):
    ref: int
    how: str


class RiskOccurred(Command):
    """A risk that happened: it becomes an issue linked to it, and the risk closes."""

    ref: int
    what: str


# -- assumptions (H-) -------------------------------------------------------------------------
class AssumptionRaise(Command):
    project: ProjectKey | None = None
    text: str
    owner: Mention | None = None
    validate_by: date | None = None


class AssumptionList(Command):
    project: ProjectKey | None = None
    filter: Literal["open", "all", "mine"] = "open"


class AssumptionShow(Command):
    ref: int


class AssumptionSettle(Command):
    ref: int
    outcome: Literal["validated", "invalid"]
    note: str


class AssumptionRaiseRisk(Command):
    """The one tap after an assumption proved invalid: raise the risk it exposes."""

    ref: int


# -- dependencies (N-) ------------------------------------------------------------------------
class DependencyRaise(Command):
    project: ProjectKey | None = None
    on_project: ProjectKey | None = None
    on_milestone: int | None = None
    external: str | None = None
    what: str
    need_by: date
    owner: Mention | None = None


class DependencyList(Command):
    project: ProjectKey | None = None
    filter: Literal["open", "all"] = "open"


class DependencyShow(Command):
    ref: int


class DependencyClose(Command):
    ref: int
    outcome: Literal["met", "dropped"]
    note: str = ""


# -- milestones (M-) and the budget -----------------------------------------------------------
class MilestoneSet(Command):
    project: ProjectKey | None = None
    name: str
    baseline: date


class MilestoneList(Command):
    project: ProjectKey | None = None
    filter: Literal["open", "all"] = "open"


class MilestoneShow(Command):
    ref: int


class MilestoneForecast(Command):
    ref: int
    forecast: date


class MilestoneDone(Command):
    ref: int
    on: date | None = None  # today when left out


class BudgetSet(Command):
    """Amounts in minor units (cents)."""

    project: ProjectKey | None = None
    approved: int | None = None
    actual: int | None = None
    forecast: int | None = None
    currency: str | None = None


class BudgetOverride(Command):
    project: ProjectKey | None = None
    rag: RAG | None  # None: follow the variance again
    reason: str = ""


class BudgetShow(Command):
    project: ProjectKey | None = None


class RaidShow(Command):
    project: ProjectKey | None = None


# -- tolerances and exceptions (X-) -------------------------------------------------------------
class ProjectTolerance(Command):
    key: ProjectKey
    schedule_days: int | None = None
    budget_bp: int | None = None
    risk: RiskLevel | None = None
    cleared: list[str] = Field(default_factory=list)  # dimensions set to `none`


class ExceptionNote(Command):
    ref: int
    note: str


class ExceptionClose(Command):
    ref: int
    decision: str


class AdminChannel(Command):
    channel: str | None  # None: no channel (anchors go to the admins by DM)
    here: bool = False  # "this channel"
