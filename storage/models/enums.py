"""The PMO's vocabulary. Stored as strings (with CHECK constraints) so both databases read the same."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum as SAEnum


class Platform(StrEnum):
    SLACK = "slack"
    TEAMS = "teams"
    CONSOLE = "console"


class Methodology(StrEnum):
    WATERFALL = "waterfall"
    AGILE = "agile"
    HYBRID = "hybrid"


class Cadence(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"

    @property
    def days(self) -> int:
        return {"daily": 1, "weekly": 7, "biweekly": 14}[self.value]


class RAG(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class RiskCategory(StrEnum):
    PATIENT_SAFETY = "patient-safety"
    CLINICAL_WORKFLOW = "clinical-workflow"
    PRIVACY_COMPLIANCE = "privacy-compliance"
    SECURITY = "security"
    DOWNTIME = "downtime"
    FINANCIAL = "financial"
    SCHEDULE = "schedule"
    VENDOR = "vendor"
    ADOPTION = "adoption"
    OTHER = "other"


class RiskStatus(StrEnum):
    OPEN = "open"
    MITIGATING = "mitigating"
    ACCEPTED = "accepted"
    CLOSED = "closed"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @classmethod
    def of(cls, score: int) -> RiskLevel:
        if score >= 20:
            return cls.CRITICAL
        if score >= 10:
            return cls.HIGH
        if score >= 5:
            return cls.MEDIUM
        return cls.LOW


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"


class GateStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class Quorum(StrEnum):
    ALL = "all"
    ANY = "any"
    COUNT = "n"


class DecisionKind(StrEnum):
    APPROVE = "approve"
    APPROVE_WITH_CONDITIONS = "approve-with-conditions"
    REJECT = "reject"
    ABSTAIN = "abstain"


class DigestScope(StrEnum):
    PROJECT = "project"
    CHANNEL = "channel"
    PORTFOLIO = "portfolio"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class TargetKind(StrEnum):
    CHANNEL = "channel"
    USER = "user"
    UPDATE = "update"  # re-render every message already sent for `subject` (chat.update)


class ItemKind(StrEnum):
    """What a nudge, a comment or a snooze can be about."""

    ACTION = "action"
    RISK = "risk"
    GATE = "gate"
    PROJECT = "project"
    ISSUE = "issue"
    ASSUMPTION = "assumption"
    EXCEPTION = "exception"  # a tolerance breach: the PM owes a note, the sponsors are told once


def db_enum(enum: type[StrEnum], name: str) -> SAEnum:
    return SAEnum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum) + 4,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
