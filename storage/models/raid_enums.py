"""The RAID log's vocabulary (issues, assumptions, dependencies, milestones) and management by exception."""

from __future__ import annotations

from enum import StrEnum


class IssueSeverity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class IssueStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class AssumptionStatus(StrEnum):
    OPEN = "open"  # still to be validated
    VALIDATED = "validated"
    INVALID = "invalid"


class DependencyStatus(StrEnum):
    OPEN = "open"
    MET = "met"
    DROPPED = "dropped"


class MilestoneStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class Dimension(StrEnum):
    """What a tolerance bounds (PRINCE2: time, cost, risk)."""

    SCHEDULE = "schedule"
    BUDGET = "budget"
    RISK = "risk"


class ExceptionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
