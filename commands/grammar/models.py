"""Typed commands: what the grammar produces and the handlers consume (forms build the same models)."""

from __future__ import annotations

from datetime import date, time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from commands.grammar.tokens import Mention
from storage.models import RAG, Cadence, Methodology, Quorum, RiskCategory, RiskStatus

ProjectKey = str  # validated in the parser: 2–12 of A–Z0–9-


class Command(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)


class Help(Command):
    topic: str | None = None


class OpenForm(Command):
    """A command that needs input and got none: open its form (or show usage where forms can't open)."""

    form: str
    project: ProjectKey | None = None
    prefill: dict[str, str] = Field(default_factory=dict)


# -- projects ---------------------------------------------------------------------------------
class ProjectCreate(Command):
    key: ProjectKey
    name: str
    pm: Mention | None = None
    sponsors: list[Mention] = Field(default_factory=list)
    methodology: Methodology = Methodology.WATERFALL
    cadence: Cadence = Cadence.WEEKLY
    template: str | None = None


class ProjectLink(Command):
    key: ProjectKey


class ProjectUnlink(Command):
    key: ProjectKey


class ProjectShow(Command):
    key: ProjectKey | None = None


class ProjectList(Command):
    pass


class ProjectRoleSet(Command):
    key: ProjectKey
    roles: dict[str, list[Mention]]


class ProjectArchive(Command):
    key: ProjectKey


class ProjectEscalation(Command):
    """The escalation ladder: ignored nudges before the PM, then the sponsors, are told; and where."""

    key: ProjectKey
    pm_after: int | None = None
    sponsor_after: int | None = None
    in_channel: bool | None = None
    critical_any_hour: bool | None = None  # a critical patient-safety risk may reach people outside their hours


# -- status -----------------------------------------------------------------------------------
class StatusLog(Command):
    project: ProjectKey | None = None
    overall: RAG
    note: str
    schedule: RAG | None = None
    budget: RAG | None = None
    scope: RAG | None = None


class StatusShow(Command):
    project: ProjectKey | None = None


# -- risks ------------------------------------------------------------------------------------
class RiskRaise(Command):
    project: ProjectKey | None = None
    title: str
    likelihood: int | None = None
    impact: int | None = None
    owner: Mention | None = None
    review_by: date | None = None
    category: RiskCategory | None = None
    mitigation: str | None = None
    description: str | None = None


class RiskList(Command):
    project: ProjectKey | None = None
    filter: Literal["open", "all", "mine", "high"] = "open"


class RiskShow(Command):
    ref: int


class RiskUpdate(Command):
    ref: int
    likelihood: int | None = None
    impact: int | None = None
    owner: Mention | None = None
    review_by: date | None = None
    mitigation: str | None = None
    category: RiskCategory | None = None
    status: RiskStatus | None = None


class RiskClose(Command):
    ref: int
    reason: str


class RiskReviewed(Command):
    ref: int
    note: str = ""


class RiskAccept(Command):
    ref: int
    rationale: str
    until: date


# -- actions ----------------------------------------------------------------------------------
class ActionCreate(Command):
    project: ProjectKey | None = None
    owner: Mention
    text: str
    due: date
    risk: int | None = None
    gate: int | None = None


class ActionList(Command):
    project: ProjectKey | None = None
    filter: Literal["open", "mine", "overdue", "all"] = "open"


class ActionSet(Command):
    ref: int
    to: Literal["done", "blocked", "cancel", "reopen"]
    reason: str = ""


# -- gates ------------------------------------------------------------------------------------
class GateRequest(Command):
    project: ProjectKey | None = None
    name: str
    approvers: list[Mention] = Field(default_factory=list)  # empty: the project's sponsors
    quorum: Quorum = Quorum.ALL
    quorum_n: int | None = None
    must_include: list[str] = Field(default_factory=list)
    due: date | None = None


class GateDecide(Command):
    ref: int
    decision: Literal["approve", "approve-with-conditions", "reject", "abstain"]
    comment: str = ""
    conditions: list[str] = Field(default_factory=list)
    waiver: str = ""  # why approve with entry checklist items still open (required when there are any)


class GateWithdraw(Command):
    ref: int
    reason: str = ""


class GateList(Command):
    project: ProjectKey | None = None
    filter: Literal["pending", "all"] = "pending"


class GateShow(Command):
    ref: int


class GateCheck(Command):
    ref: int
    item: str


# -- digests ----------------------------------------------------------------------------------
class DigestSubscribe(Command):
    target: ProjectKey | Literal["portfolio"] | None = None
    days: list[int]
    at: time
    timezone: str | None = None


class DigestList(Command):
    pass


class DigestUnsubscribe(Command):
    number: int


class DigestNow(Command):
    target: ProjectKey | Literal["portfolio"] | None = None


# -- people, calendar, governance ---------------------------------------------------------------
class PrefsShow(Command):
    pass


class PrefsHours(Command):
    """Working hours (see grammar/hours.py): one span on some days, a span per weekday, a roster, or a rule."""

    person: Mention | None = None  # a PMO admin setting someone else's; None: the speaker's own
    start: time | None = None
    end: time | None = None
    days: list[int] | None = None  # with start/end: on these weekdays (None: the days they have now)
    by_day: dict[int, tuple[time, time]] = Field(default_factory=dict)
    roster: list[tuple[time, time] | None] = Field(default_factory=list)  # day by day from `since`, repeating
    rrule: str | None = None  # with start/end: a shift on each day this RFC 5545 rule gives, from `since`
    since: date | None = None


class PrefsTimezone(Command):
    timezone: str | None  # None: follow the platform profile again


class PrefsAway(Command):
    until: date | None  # None: back now


class PrefsDelegate(Command):
    delegate: Mention | None
    until: date | None = None


class HolidaysAdd(Command):
    day: date
    name: str = ""


class HolidaysRemove(Command):
    day: date


class HolidaysCountry(Command):
    country: str | None  # e.g. "CA-ON", "US"; None clears it


class HolidaysList(Command):
    pass


class DatesShow(Command):
    pass


class DatesSet(Command):
    order: Literal["dmy", "mdy", "ymd"] | None  # None: ask (an ambiguous 12/04 is refused with both readings)


class TemplateList(Command):
    pass


class TemplateShow(Command):
    name: str


class TemplateEdit(Command):
    name: str
    op: Literal["add", "remove"]
    stage: str
    checklist: list[str] = Field(default_factory=list)
    approver_roles: list[str] = Field(default_factory=list)


class AdminList(Command):
    pass


class AdminSet(Command):
    person: Mention
    admin: bool


class Portfolio(Command):
    pass


class Export(Command):
    kind: Literal["risks", "status", "gates", "raid", "evidence"]
    project: ProjectKey | None = None
    format: Literal["csv", "xlsx", "json"] = "csv"


class Snooze(Command):
    kind: Literal["action", "risk", "gate", "project"]
    ref: str  # "7" for A-7, or a project key
    days: int


class EscalationAck(Command):
    number: int  # the escalation's id, as its button carries it


class ActionReassign(Command):
    ref: int
    owner: Mention


class ActionShow(Command):
    ref: int


class Home(Command):
    """The speaker's Home: the App Home tab asks for it; `/pmo home` (Teams: `home`) types it."""


class ThreadReply(Command):
    """Someone wrote in the thread of a message Rounds sent (not typed as a command)."""

    channel: str
    thread_ts: str
    text: str


class PhiCheck(Command):
    """`/pmo phi check "text"`: what the guard would flag, privately; stores nothing."""

    text: str


class PhiPolicyShow(Command):
    pass


class PhiPolicySet(Command):
    allowance: Literal["service-desk", "server-ip"]
    allow: bool


class PhiPolicyNumber(Command):
    number: str  # digits only
    add: bool
