"""Stage gates, who must approve them, and the decisions that are final once made."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Created
from storage.models.enums import DecisionKind, GateStatus, Quorum, db_enum
from storage.models.people import Person
from storage.models.projects import Project


class Gate(Created, Base):
    __tablename__ = "gates"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index(None, "status", "due"),
        Index(None, "project_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    requester_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    quorum: Mapped[Quorum] = mapped_column(db_enum(Quorum, "quorum"), default=Quorum.ALL)
    quorum_n: Mapped[int | None] = mapped_column()
    must_include: Mapped[list[str]] = mapped_column(JSON, default=list)  # project roles, e.g. ["cmio"]
    due: Mapped[date | None] = mapped_column()
    # [{"text": "Downtime procedures tested", "done_by": "@sam" | None, "done_at": iso | None}, …]
    checklist: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[GateStatus] = mapped_column(db_enum(GateStatus, "gate_status"), default=GateStatus.PENDING)
    decided_at: Mapped[datetime | None] = mapped_column()

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True)
    requester: Mapped[Person] = relationship()
    approvers: Mapped[list[GateApprover]] = relationship(cascade="all, delete-orphan", order_by="GateApprover.id")
    decisions: Mapped[list[GateDecision]] = relationship(cascade="all, delete-orphan", order_by="GateDecision.id")

    @property
    def ref(self) -> str:
        return f"G-{self.number}"


class GateApprover(Base):
    __tablename__ = "gate_approvers"
    __table_args__ = (UniqueConstraint("gate_id", "person_id"), Index(None, "person_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    gate_id: Mapped[int] = mapped_column(ForeignKey("gates.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    person: Mapped[Person] = relationship(lazy="joined", innerjoin=True)


class GateDecision(Created, Base):
    """One approver's final word. Unique per (gate, approver): a decision is never made twice."""

    __tablename__ = "gate_decisions"
    __table_args__ = (UniqueConstraint("gate_id", "approver_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    gate_id: Mapped[int] = mapped_column(ForeignKey("gates.id", ondelete="CASCADE"))
    approver_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))  # the delegate, when on behalf
    decision: Mapped[DecisionKind] = mapped_column(db_enum(DecisionKind, "decision_kind"))
    comment: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[list[str]] = mapped_column(JSON, default=list)

    approver: Mapped[Person] = relationship(foreign_keys=[approver_id], lazy="joined", innerjoin=True)
    decided_by: Mapped[Person] = relationship(foreign_keys=[decided_by_id], lazy="joined", innerjoin=True)
