"""Who is speaking, where, and when: what an adapter hands the command layer with every request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, field_validator

from commands.grammar.clean import clean
from storage.models import Person, Platform, Workspace


class Speaker(BaseModel):
    """The platform's view of the person (ids and the profile fields it sent, if any)."""

    model_config = ConfigDict(frozen=True)

    user_id: str
    handle: str | None = None
    display_name: str | None = None
    timezone: str | None = None
    is_admin: bool = False  # the platform says so (e.g. a Slack workspace admin)

    @field_validator("user_id", "handle", "display_name", "timezone")
    @classmethod
    def _clean(cls, v: str | None) -> str | None:
        return clean(v) if v is not None else None


class Context(BaseModel):
    model_config = ConfigDict(frozen=True)

    platform: Platform
    workspace_id: str
    workspace_name: str | None = None
    channel_id: str | None = None
    is_direct: bool = False  # a DM with Rounds, not a shared channel
    speaker: Speaker
    now: datetime

    @field_validator("workspace_id", "channel_id")
    @classmethod
    def _clean(cls, v: str | None) -> str | None:
        return clean(v) if v is not None else None

    @field_validator("workspace_name")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        return clean(v)[:200] if v is not None else None  # a workspace's name is shown, never a key: clipped

    @field_validator("now")
    @classmethod
    def _aware(cls, v: datetime) -> datetime:
        if v.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        return v


@dataclass
class Actor:
    """The speaker resolved to rows, with their local calendar (dates are read in their time zone)."""

    workspace: Workspace
    person: Person
    ctx: Context

    @property
    def now(self) -> datetime:
        return self.ctx.now

    @property
    def tz(self) -> ZoneInfo:
        return self.person.zone

    @property
    def today(self) -> date:
        return self.person.local_today(self.ctx.now)

    @property
    def channel(self) -> str | None:
        return self.ctx.channel_id
