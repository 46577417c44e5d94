"""Projects, who plays which part in them, the channels they live in, and their status history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Created
from storage.models.enums import RAG, Cadence, Methodology, db_enum
from storage.models.people import Person

SPONSOR = "sponsor"
MEMBER = "member"


class Project(Created, Base):
    __tablename__ = "projects"
    __table_args__ = (UniqueConstraint("workspace_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(200))
    methodology: Mapped[Methodology] = mapped_column(db_enum(Methodology, "methodology"))
    cadence: Mapped[Cadence] = mapped_column(db_enum(Cadence, "cadence"))
    gate_template: Mapped[str | None] = mapped_column(String(60))
    pm_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    archived: Mapped[bool] = mapped_column(default=False)
    # Escalation ladder: ignored nudges before the PM, then the sponsor, is told.
    escalate_pm_after: Mapped[int] = mapped_column(default=2)
    escalate_sponsor_after: Mapped[int] = mapped_column(default=4)
    escalate_in_channel: Mapped[bool] = mapped_column(default=False)  # tell the PM in the project channel, not by DM
    # A critical patient-safety risk's escalation may reach people outside their hours (never while away or on a
    # holiday): an explicit choice per project, shown on its card.
    escalate_critical_any_hour: Mapped[bool] = mapped_column(default=False, server_default=false())

    pm: Mapped[Person | None] = relationship(foreign_keys=[pm_id])
    roles: Mapped[list[ProjectRole]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectRole.id"
    )

    def people_with(self, role: str) -> list[Person]:
        return [r.person for r in self.roles if r.role == role]


class ProjectRole(Base):
    """sponsor, member, or a named clinical role (cmio, cno, …) a gate quorum may require."""

    __tablename__ = "project_roles"
    __table_args__ = (UniqueConstraint("project_id", "person_id", "role"), Index(None, "person_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(40))

    project: Mapped[Project] = relationship(back_populates="roles")
    person: Mapped[Person] = relationship(lazy="joined", innerjoin=True)


class ChannelLink(Base):
    __tablename__ = "channel_links"
    __table_args__ = (UniqueConstraint("workspace_id", "channel_id", "project_id"), Index(None, "project_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(String(200))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))

    project: Mapped[Project] = relationship()


class StatusUpdate(Created, Base):
    __tablename__ = "status_updates"
    __table_args__ = (Index(None, "project_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    overall: Mapped[RAG] = mapped_column(db_enum(RAG, "overall_rag"))
    schedule: Mapped[RAG | None] = mapped_column(db_enum(RAG, "schedule_rag"))
    budget: Mapped[RAG | None] = mapped_column(db_enum(RAG, "budget_rag"))
    scope: Mapped[RAG | None] = mapped_column(db_enum(RAG, "scope_rag"))
    note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id"))

    author: Mapped[Person] = relationship()


class GateTemplate(Base):
    """A workspace's own gate template (the built-in ones live in code and are copied here when edited)."""

    __tablename__ = "gate_templates"
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))
    # [{"name": "Go-live readiness", "checklist": ["…"], "approver_roles": ["sponsor", "cmio"]}, …]
    stages: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
