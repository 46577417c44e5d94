"""Every table Rounds keeps, importable from one place."""

from storage.models.base import Base
from storage.models.enums import (
    RAG,
    ActionStatus,
    Cadence,
    DecisionKind,
    DigestScope,
    GateStatus,
    ItemKind,
    Methodology,
    OutboxStatus,
    Platform,
    Quorum,
    RiskCategory,
    RiskLevel,
    RiskStatus,
    TargetKind,
)
from storage.models.gates import Gate, GateApprover, GateDecision
from storage.models.messaging import (
    AuditEvent,
    ConversationRef,
    Counter,
    DigestSubscription,
    NudgeState,
    OutboxMessage,
    ProcessedEvent,
    TeamsAccount,
)
from storage.models.people import Holiday, Person, Workspace
from storage.models.phi import PhiPolicy
from storage.models.projects import MEMBER, SPONSOR, ChannelLink, GateTemplate, Project, ProjectRole, StatusUpdate
from storage.models.work import Action, Comment, Risk

__all__ = [
    "MEMBER",
    "RAG",
    "SPONSOR",
    "Action",
    "ActionStatus",
    "AuditEvent",
    "Base",
    "Cadence",
    "ChannelLink",
    "Comment",
    "ConversationRef",
    "Counter",
    "DecisionKind",
    "DigestScope",
    "DigestSubscription",
    "Gate",
    "GateApprover",
    "GateDecision",
    "GateStatus",
    "GateTemplate",
    "Holiday",
    "ItemKind",
    "Methodology",
    "NudgeState",
    "OutboxMessage",
    "OutboxStatus",
    "Person",
    "PhiPolicy",
    "Platform",
    "ProcessedEvent",
    "Project",
    "ProjectRole",
    "Quorum",
    "Risk",
    "RiskCategory",
    "RiskLevel",
    "RiskStatus",
    "StatusUpdate",
    "TargetKind",
    "TeamsAccount",
    "Workspace",
]
