"""A project's plan and its controls: milestones (M-), budget history, tolerances, and the exceptions (X-)
raised when a forecast breaches a tolerance (PRINCE2's management by exception)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Created
from storage.models.enums import RAG, RiskLevel, db_enum
from storage.models.people import Person
from storage.models.projects import Project
from storage.models.raid_enums import Dimension, ExceptionStatus, MilestoneStatus


class Milestone(Created, Base):
    """A baseline date that never moves by itself; the forecast is today's view; slippage is the difference."""

    __tablename__ = "milestones"
    __table_args__ = (UniqueConstraint("workspace_id", "number"), Index(None, "project_id", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    baseline: Mapped[date] = mapped_column()
    forecast: Mapped[date | None] = mapped_column()
    previous_forecast: Mapped[date | None] = mapped_column()  # what the last forecast change replaced
    forecast_at: Mapped[datetime | None] = mapped_column()
    done_on: Mapped[date | None] = mapped_column()
    status: Mapped[MilestoneStatus] = mapped_column(
        db_enum(MilestoneStatus, "milestone_status"), default=MilestoneStatus.OPEN
    )
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True)

    @property
    def ref(self) -> str:
        return f"M-{self.number}"

    @property
    def expected(self) -> date:
        return self.done_on or self.forecast or self.baseline

    @property
    def slip_days(self) -> int:
        """Forecast (or actual) − baseline, in days; positive is late."""
        return (self.expected - self.baseline).days


class BudgetEntry(Base):
    """One `/budget` change: the whole budget as it stood afterwards (so the latest row is current and the
    rows are its history). Amounts in minor units (cents), exact on every database."""

    __tablename__ = "budget_entries"
    __table_args__ = (Index(None, "project_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    currency: Mapped[str] = mapped_column(String(3))
    approved: Mapped[int] = mapped_column(BigInteger)
    actual: Mapped[int | None] = mapped_column(BigInteger)
    forecast: Mapped[int | None] = mapped_column(BigInteger)
    rag_override: Mapped[RAG | None] = mapped_column(db_enum(RAG, "budget_rag_override"))
    override_reason: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column()

    author: Mapped[Person] = relationship()

    @property
    def expected(self) -> int:
        """What the project is now expected to cost: the forecast, else what is spent, else the approval."""
        return self.forecast if self.forecast is not None else max(self.actual or 0, self.approved)

    @property
    def variance(self) -> int:
        return self.expected - self.approved

    @property
    def variance_bp(self) -> int | None:
        """Variance in basis points of the approved amount (500 = 5 %); None without an approval."""
        return round(10_000 * self.variance / self.approved) if self.approved else None


class Tolerance(Base):
    """How far a project may drift before it is an exception: schedule (days late on any milestone), budget
    (percent over approved), risk (the highest level it may carry)."""

    __tablename__ = "tolerances"
    __table_args__ = (UniqueConstraint("project_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    schedule_days: Mapped[int | None] = mapped_column()
    budget_bp: Mapped[int | None] = mapped_column()  # basis points: 500 = 5 %
    risk_level: Mapped[RiskLevel | None] = mapped_column(db_enum(RiskLevel, "risk_tolerance"))
    set_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime] = mapped_column()


class ProjectException(Created, Base):
    """A forecast outside tolerance. The PM owes a note; the sponsors hear of it once, in their next message
    inside working hours; it stays on the card and in digests until a lead closes it."""

    __tablename__ = "exceptions"
    __table_args__ = (UniqueConstraint("workspace_id", "number"), Index(None, "project_id", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    dimension: Mapped[Dimension] = mapped_column(db_enum(Dimension, "exception_dimension"))
    subject: Mapped[str] = mapped_column(String(40))  # "M-2", "budget", "R-5"
    summary: Mapped[str] = mapped_column(String(400))  # what breached, in words Rounds wrote
    measure: Mapped[int] = mapped_column()  # days late, basis points over, or risk score
    tolerance: Mapped[int] = mapped_column()  # the limit it passed, in the same unit
    status: Mapped[ExceptionStatus] = mapped_column(
        db_enum(ExceptionStatus, "exception_status"), default=ExceptionStatus.OPEN
    )
    note: Mapped[str | None] = mapped_column(Text)  # the PM's exception note
    noted_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    noted_at: Mapped[datetime | None] = mapped_column()
    decision: Mapped[str | None] = mapped_column(Text)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    closed_at: Mapped[datetime | None] = mapped_column()

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True)
    noted_by: Mapped[Person | None] = relationship(foreign_keys=[noted_by_id])

    @property
    def ref(self) -> str:
        return f"X-{self.number}"
