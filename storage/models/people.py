"""Workspaces (a Slack team, a Teams tenant, the local console) and the people in them."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Created
from storage.models.enums import Platform, db_enum

DEFAULT_WORK_DAYS = "mon,tue,wed,thu,fri"


class Workspace(Created, Base):
    __tablename__ = "workspaces"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[Platform] = mapped_column(db_enum(Platform, "platform"))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    holiday_country: Mapped[str | None] = mapped_column(String(16))
    # Head of the audit chain; bumping it row-locks the workspace, which serialises appends.
    audit_seq: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    audit_head: Mapped[str] = mapped_column(String(64), default="", server_default="")
    uninstalled_at: Mapped[datetime | None] = mapped_column()
    admin_channel: Mapped[str | None] = mapped_column(String(200))  # the PMO admins' channel (audit anchors)


class Person(Created, Base):
    __tablename__ = "people"
    __table_args__ = (
        UniqueConstraint("workspace_id", "platform_user_id"),
        Index(None, "workspace_id", "handle"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    platform_user_id: Mapped[str] = mapped_column(String(64))
    handle: Mapped[str] = mapped_column(String(80))  # lower-case name used in plain @mentions
    display_name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str | None] = mapped_column(String(64))
    timezone_pinned: Mapped[bool] = mapped_column(
        default=False
    )  # set by /pmo prefs tz: the platform's won't replace it
    work_days: Mapped[str] = mapped_column(String(32), default=DEFAULT_WORK_DAYS)
    work_start: Mapped[time] = mapped_column(default=time(8, 0))
    work_end: Mapped[time] = mapped_column(default=time(18, 0))
    away_until: Mapped[date | None] = mapped_column()
    delegate_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    delegate_until: Mapped[date | None] = mapped_column()
    is_pmo_admin: Mapped[bool] = mapped_column(default=False)
    is_bot: Mapped[bool] = mapped_column(default=False)
    profile_refreshed_at: Mapped[datetime | None] = mapped_column()

    workspace: Mapped[Workspace] = relationship(lazy="joined", innerjoin=True)
    delegate: Mapped[Person | None] = relationship(remote_side="Person.id")

    @property
    def mention(self) -> str:
        return f"@{self.handle}"


class Holiday(Base):
    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("workspace_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column()
    name: Mapped[str] = mapped_column(String(120), default="")
