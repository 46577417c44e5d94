"""The rest of the RAID log beside risks: issues (I-), assumptions (H-) and dependencies (N-)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Created
from storage.models.enums import db_enum
from storage.models.people import Person
from storage.models.plan import Milestone
from storage.models.projects import Project
from storage.models.raid_enums import AssumptionStatus, DependencyStatus, IssueSeverity, IssueStatus
from storage.models.work import Risk


class Issue(Created, Base):
    """A problem now (a risk is a possibility). One raised by `/risk R-12 occurred` keeps the link."""

    __tablename__ = "issues"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index(None, "project_id", "status"),
        Index(None, "owner_id", "status"),
        Index(None, "status", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    severity: Mapped[IssueSeverity] = mapped_column(db_enum(IssueSeverity, "issue_severity"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    due: Mapped[date | None] = mapped_column()
    status: Mapped[IssueStatus] = mapped_column(db_enum(IssueStatus, "issue_status"), default=IssueStatus.OPEN)
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column()
    risk_id: Mapped[int | None] = mapped_column(ForeignKey("risks.id", ondelete="SET NULL"))
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True)
    owner: Mapped[Person | None] = relationship(foreign_keys=[owner_id])
    raised_by: Mapped[Person] = relationship(foreign_keys=[raised_by_id])
    risk: Mapped[Risk | None] = relationship()

    @property
    def ref(self) -> str:
        return f"I-{self.number}"


class Assumption(Created, Base):
    """Something the plan takes as true until validated; one that proves invalid exposes a risk."""

    __tablename__ = "assumptions"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index(None, "project_id", "status"),
        Index(None, "status", "validate_by"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(String(500))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    validate_by: Mapped[date | None] = mapped_column()
    status: Mapped[AssumptionStatus] = mapped_column(
        db_enum(AssumptionStatus, "assumption_status"), default=AssumptionStatus.OPEN
    )
    note: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column()
    risk_id: Mapped[int | None] = mapped_column(ForeignKey("risks.id", ondelete="SET NULL"))  # the risk it exposed
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True)
    owner: Mapped[Person | None] = relationship(foreign_keys=[owner_id])
    risk: Mapped[Risk | None] = relationship()

    @property
    def ref(self) -> str:
        return f"H-{self.number}"


class Dependency(Created, Base):
    """What a project needs from another project (optionally one of its milestones) or from outside, by a date.
    Both projects see it; it is flagged on both when the provider's milestone slips past the need-by date."""

    __tablename__ = "dependencies"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index(None, "project_id", "status"),
        Index(None, "provider_project_id", "status"),
        Index(None, "provider_milestone_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))  # who needs it
    provider_project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    provider_milestone_id: Mapped[int | None] = mapped_column(ForeignKey("milestones.id", ondelete="SET NULL"))
    external: Mapped[str | None] = mapped_column(String(200))  # a vendor, another department …
    what: Mapped[str] = mapped_column(String(300))
    need_by: Mapped[date] = mapped_column()
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    status: Mapped[DependencyStatus] = mapped_column(
        db_enum(DependencyStatus, "dependency_status"), default=DependencyStatus.OPEN
    )
    closure_note: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column()
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True, foreign_keys=[project_id])
    provider_project: Mapped[Project | None] = relationship(foreign_keys=[provider_project_id])
    provider_milestone: Mapped[Milestone | None] = relationship()
    owner: Mapped[Person | None] = relationship(foreign_keys=[owner_id])

    @property
    def ref(self) -> str:
        return f"N-{self.number}"

    @property
    def provider_date(self) -> date | None:
        """When the provider now expects to deliver: its milestone's done, forecast or baseline date."""
        return self.provider_milestone.expected if self.provider_milestone is not None else None

    @property
    def at_risk(self) -> bool:
        """Open, and the provider's milestone is (or was done) after the need-by date."""
        d = self.provider_date
        return self.status == DependencyStatus.OPEN and d is not None and d > self.need_by
