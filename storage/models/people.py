"""Workspaces (a Slack team, a Teams tenant, the local console) and the people in them.

Every rule about one person's calendar lives here, on the Person, so that gate decisions, nudges, snoozes and
escalations cannot disagree: their time zone (their own, else the workspace's, else UTC), their local date,
whether they are away, who decides for them on a given day, whether they are on shift now, and whether the
profile a platform just sent differs from the one stored. Rules that need the workspace's holidays live in
commands/calendar.py, which builds on these."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Created
from storage.models.enums import Platform, db_enum
from storage.shifts import Hours, Shift

LAST_CALL = timedelta(minutes=30)  # nobody is nudged in the last half hour of their shift


class Workspace(Created, Base):
    __tablename__ = "workspaces"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[Platform] = mapped_column(db_enum(Platform, "platform"))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # How people type numeric dates here: None (12/04 is ambiguous and refused), "dmy", "mdy" or "ymd".
    date_order: Mapped[str | None] = mapped_column(String(3))
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
    hours: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # storage.shifts.Hours; None: Mon–Fri 08:00–18:00
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

    # -- their calendar: the one place these rules live ---------------------------------------------------
    @property
    def zone(self) -> ZoneInfo:
        """Their own time zone, else their workspace's, else UTC (a name the zone database lacks is skipped)."""
        for name in (self.timezone, self.workspace.timezone if self.workspace else None):
            if name:
                try:
                    return ZoneInfo(name)
                except (ZoneInfoNotFoundError, ValueError):
                    continue
        return ZoneInfo("UTC")

    def local_now(self, now: datetime) -> datetime:
        return now.astimezone(self.zone)

    def local_today(self, now: datetime) -> date:
        """Their date at `now`: every "today" about a person (due, past due, away, delegation) is this one."""
        return self.local_now(now).date()

    def away_on(self, day: date) -> bool:
        return self.away_until is not None and self.away_until >= day

    def away_at(self, now: datetime) -> bool:
        return self.away_on(self.local_today(now))

    def delegate_id_on(self, day: date) -> int | None:
        """Who decides for them on `day` (their own local date), if anyone: the delegation runs to the end of
        its last day in the delegator's calendar, wherever the delegate or the speaker is. (The id, so a pass
        over thousands of people loads the delegates in one query.)"""
        if self.delegate_id is not None and self.delegate_until is not None and self.delegate_until >= day:
            return self.delegate_id
        return None

    def delegate_id_at(self, now: datetime) -> int | None:
        return self.delegate_id_on(self.local_today(now))

    def delegate_at(self, now: datetime) -> Person | None:
        return self.delegate if self.delegate_id_at(now) is not None else None

    @property
    def working_hours(self) -> Hours:
        return Hours.from_json(self.hours)

    def shift_at(self, now: datetime) -> Shift | None:
        """The shift they are in at `now`, if any (local wall-clock times)."""
        return self.working_hours.shift_at(self.local_now(now).replace(tzinfo=None))

    def on_shift(self, now: datetime) -> bool:
        """In a shift, and not in its last half hour (a nudge then lands as they hand over)."""
        shift = self.shift_at(now)
        return shift is not None and self.local_now(now).replace(tzinfo=None) < shift.end - LAST_CALL

    def next_shift_start(self, now: datetime) -> datetime | None:
        """When their next shift starts (aware, in their zone), or None when none is in sight."""
        found = self.working_hours.next_start(self.local_now(now).replace(tzinfo=None))
        return found.replace(tzinfo=self.zone) if found else None

    def shift_day(self, now: datetime) -> date:
        """The day a message at `now` counts against: the start date of the shift they are in (a night shift
        that began yesterday evening is still yesterday's), else their local date."""
        shift = self.shift_at(now)
        return shift.day if shift is not None else self.local_today(now)

    def profile_changes(
        self, handle: str | None, display_name: str | None, timezone: str | None, is_admin: bool
    ) -> dict[str, Any]:
        """What a platform's view of this person would change (empty: the stored profile is current). A time
        zone pinned with /pmo prefs tz is theirs and never replaced; the admin flag is only ever granted."""
        changes: dict[str, Any] = {}
        if handle and self.handle != handle:
            changes["handle"] = handle
        if display_name and self.display_name != display_name[:200]:
            changes["display_name"] = display_name[:200]
        if timezone and not self.timezone_pinned and self.timezone != timezone:
            changes["timezone"] = timezone
        if is_admin and not self.is_pmo_admin:
            changes["is_pmo_admin"] = True
        return changes


class Holiday(Base):
    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("workspace_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column()
    name: Mapped[str] = mapped_column(String(120), default="")
