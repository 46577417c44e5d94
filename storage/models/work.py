"""The risk register, actions, and comments people leave on them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Created
from storage.models.enums import ActionStatus, ItemKind, RiskCategory, RiskLevel, RiskStatus, db_enum
from storage.models.people import Person
from storage.models.projects import Project


class Risk(Created, Base):
    __tablename__ = "risks"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        CheckConstraint("likelihood BETWEEN 1 AND 5", name="likelihood"),
        CheckConstraint("impact BETWEEN 1 AND 5", name="impact"),
        Index(None, "project_id", "status"),
        Index(None, "status", "review_by"),
        Index(None, "owner_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[RiskCategory] = mapped_column(db_enum(RiskCategory, "risk_category"))
    likelihood: Mapped[int] = mapped_column()
    impact: Mapped[int] = mapped_column()
    score: Mapped[int] = mapped_column()
    previous_score: Mapped[int | None] = mapped_column()
    rescored_at: Mapped[datetime | None] = mapped_column()
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    mitigation: Mapped[str] = mapped_column(Text, default="")
    review_by: Mapped[date] = mapped_column()
    last_reviewed_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[RiskStatus] = mapped_column(db_enum(RiskStatus, "risk_status"), default=RiskStatus.OPEN)
    accepted_until: Mapped[date | None] = mapped_column()
    closure_reason: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column()
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True)
    owner: Mapped[Person | None] = relationship(foreign_keys=[owner_id])
    raised_by: Mapped[Person] = relationship(foreign_keys=[raised_by_id])

    @property
    def ref(self) -> str:
        return f"R-{self.number}"

    @property
    def level(self) -> RiskLevel:
        return RiskLevel.of(self.score)


class Action(Created, Base):
    __tablename__ = "actions"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index(None, "status", "due"),
        Index(None, "owner_id", "status"),
        Index(None, "project_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[date] = mapped_column()
    status: Mapped[ActionStatus] = mapped_column(db_enum(ActionStatus, "action_status"), default=ActionStatus.OPEN)
    blocked_reason: Mapped[str | None] = mapped_column(Text)
    risk_id: Mapped[int | None] = mapped_column(ForeignKey("risks.id", ondelete="SET NULL"))
    gate_id: Mapped[int | None] = mapped_column(ForeignKey("gates.id", ondelete="SET NULL"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    closed_at: Mapped[datetime | None] = mapped_column()

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True)
    owner: Mapped[Person] = relationship(foreign_keys=[owner_id])
    created_by: Mapped[Person] = relationship(foreign_keys=[created_by_id])

    @property
    def ref(self) -> str:
        return f"A-{self.number}"


class Comment(Created, Base):
    """A note on an item, e.g. a clinician's reply in the thread of a nudge."""

    __tablename__ = "comments"
    __table_args__ = (Index(None, "item_kind", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    item_kind: Mapped[ItemKind] = mapped_column(db_enum(ItemKind, "item_kind"))
    item_id: Mapped[int] = mapped_column()
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(40), default="command")

    author: Mapped[Person] = relationship()
