"""What Rounds sends: digest subscriptions, nudge state, the outbox, and the platform plumbing around them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.naming import conv

from storage.models.base import Base, Created
from storage.models.enums import DigestScope, ItemKind, OutboxStatus, Platform, TargetKind, db_enum
from storage.models.projects import Project


class DigestSubscription(Created, Base):
    __tablename__ = "digest_subscriptions"
    __table_args__ = (UniqueConstraint("workspace_id", "number"), Index(None, "active"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    channel_id: Mapped[str] = mapped_column(String(200))
    scope: Mapped[DigestScope] = mapped_column(db_enum(DigestScope, "digest_scope"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    rrule: Mapped[str] = mapped_column(String(200))  # RFC 5545, local wall-clock times in `timezone`
    timezone: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    active: Mapped[bool] = mapped_column(default=True)
    last_occurrence: Mapped[datetime | None] = mapped_column()  # the occurrence last sent (UTC)
    last_sent_at: Mapped[datetime | None] = mapped_column()

    project: Mapped[Project | None] = relationship()


class NudgeState(Base):
    """Per (person, item): how often we nudged, snoozes, and how far up the ladder it has gone."""

    __tablename__ = "nudge_states"
    __table_args__ = (UniqueConstraint("person_id", "item_kind", "item_id"), Index(None, "item_kind", "item_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    item_kind: Mapped[ItemKind] = mapped_column(db_enum(ItemKind, "item_kind"))
    item_id: Mapped[int] = mapped_column()
    count: Mapped[int] = mapped_column(default=0)
    last_nudged_at: Mapped[datetime | None] = mapped_column()
    snoozed_until: Mapped[datetime | None] = mapped_column()
    snooze_count: Mapped[int] = mapped_column(default=0)
    escalation_level: Mapped[int] = mapped_column(default=0)  # 0 none, 1 PM told, 2 sponsor told
    # The local date the item became owed this time round; when it changes (a risk reviewed and due again,
    # a status logged and stale again) the count, snoozes and ladder start over.
    owed_since: Mapped[date | None] = mapped_column()


class Escalation(Created, Base):
    """One step of the escalation ladder for one recipient: decided once (the nudge state's level goes up), then
    held until the recipient may be told — inside their shift, not away (else their active delegate), not on a
    holiday — and delivered in their daily message. `status`: pending, sent, or settled (the item was dealt with
    before it could be delivered). Acknowledged from the message's button."""

    __tablename__ = "escalations"
    __table_args__ = (
        UniqueConstraint(
            "item_kind", "item_id", "owner_id", "owed_since", "level", "recipient_id", name=conv("uq_escalations_step")
        ),
        Index(None, "status"),
        Index(None, "recipient_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    item_kind: Mapped[ItemKind] = mapped_column(db_enum(ItemKind, "item_kind"))
    item_id: Mapped[int] = mapped_column()
    item_ref: Mapped[str] = mapped_column(String(20))  # "A-7", "R-12", "G-3" or the project key
    owner_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))  # who owes the item
    owed_since: Mapped[date | None] = mapped_column()  # the round of nudges it belongs to
    level: Mapped[int] = mapped_column()  # 1: the PM, 2: the sponsors
    recipient_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    channel: Mapped[str | None] = mapped_column(String(200))  # the PM is told in this project channel instead
    reason: Mapped[str] = mapped_column(Text)  # why, as the message says it ("hasn't answered 2 nudges about …")
    critical: Mapped[bool] = mapped_column(default=False)  # past due (a critical risk's review, a gate's due date)
    any_hour: Mapped[bool] = mapped_column(default=False)  # a critical patient-safety risk on a project that allows it
    status: Mapped[str] = mapped_column(String(12), default="pending")
    delivered_at: Mapped[datetime | None] = mapped_column()
    delivered_to_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    acknowledged_at: Mapped[datetime | None] = mapped_column()
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class OutboxMessage(Created, Base):
    """A message to post, written in the same transaction as the change that caused it."""

    __tablename__ = "outbox"
    __table_args__ = (Index(None, "status", "not_before"), Index(None, "subject"), Index(None, "platform_ts"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    platform: Mapped[Platform] = mapped_column(db_enum(Platform, "platform"))
    target_kind: Mapped[TargetKind] = mapped_column(db_enum(TargetKind, "target_kind"))
    target: Mapped[str] = mapped_column(String(200))  # channel id, user id, or (update) the subject
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)  # the neutral Reply, as JSON
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    subject: Mapped[str | None] = mapped_column(String(80))  # e.g. "gate:12", so cards can be updated
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # e.g. the items a nudge covers
    thread_ts: Mapped[str | None] = mapped_column(String(64))
    not_before: Mapped[datetime] = mapped_column()
    attempts: Mapped[int] = mapped_column(default=0)
    status: Mapped[OutboxStatus] = mapped_column(db_enum(OutboxStatus, "outbox_status"), default=OutboxStatus.PENDING)
    claimed_until: Mapped[datetime | None] = mapped_column()  # a sender's lease while it talks to the platform
    # The first attempt whose outcome is unknown (a timeout, a 5xx: the platform may have posted it). Before any
    # resend the conversation is searched, from then on, for a message carrying this row's key.
    uncertain_since: Mapped[datetime | None] = mapped_column()
    # The first failed attempt of the current run of failures: the row gives up a day after it, not sooner.
    failing_since: Mapped[datetime | None] = mapped_column()
    last_error: Mapped[str | None] = mapped_column(Text)
    platform_channel: Mapped[str | None] = mapped_column(String(200))
    platform_ts: Mapped[str | None] = mapped_column(String(200))
    sent_at: Mapped[datetime | None] = mapped_column()


class ProcessedEvent(Base):
    """A platform delivery seen once; the unique constraint turns a retried (or replayed) delivery into a no-op.

    `event_id` is the platform's own id for an event (Slack's event_id, a Teams activity) or, for Slack
    requests that carry none (slash commands, clicks, form submissions), `sig:` + the request's signature.
    The index on received_at serves the clock's prune, which deletes old rows in one statement."""

    __tablename__ = "processed_events"
    __table_args__ = (UniqueConstraint("platform", "event_id"), Index(None, "received_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[Platform] = mapped_column(db_enum(Platform, "platform"))
    event_id: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column()


class ConversationRef(Base):
    """Where Rounds can reach a Teams conversation proactively; serviceUrl refreshed on every activity."""

    __tablename__ = "conversation_refs"
    __table_args__ = (UniqueConstraint("workspace_id", "conversation_id"), Index(None, "workspace_id", "person_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    conversation_id: Mapped[str] = mapped_column(String(400))
    conversation_type: Mapped[str] = mapped_column(String(40), default="personal")
    service_url: Mapped[str] = mapped_column(String(400))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    team_id: Mapped[str | None] = mapped_column(String(400))
    channel_id: Mapped[str | None] = mapped_column(String(400))
    bot_id: Mapped[str | None] = mapped_column(String(200))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column()


class TeamsAccount(Base):
    """A Microsoft Teams user as the Bot Connector names them (`29:…`, per bot and tenant) and who they are
    in Entra ID (the aadObjectId, which is the Person's platform id). Mentions carry only the former."""

    __tablename__ = "teams_accounts"
    __table_args__ = (UniqueConstraint("workspace_id", "user_id"), Index(None, "workspace_id", "aad_object_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(200))
    aad_object_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")
    principal_name: Mapped[str | None] = mapped_column(String(200))  # userPrincipalName, when the members API said
    updated_at: Mapped[datetime] = mapped_column()


class Counter(Base):
    """Per-workspace numbering for R-/A-/G-/D- ids; an UPDATE … RETURNING row lock keeps it gap-safe."""

    __tablename__ = "counters"

    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)


class AuditEvent(Base):
    """Append-only; each row's hash covers the previous hash and this row's canonical JSON."""

    __tablename__ = "audit_events"
    __table_args__ = (UniqueConstraint("workspace_id", "seq"), Index(None, "workspace_id", "entity"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column()
    at: Mapped[datetime] = mapped_column()
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(200))  # who, as the auditor should read it
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(80))  # "R-12", "project:EHR", "G-3"
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    keyed: Mapped[bool] = mapped_column(default=False, server_default=false())  # HMAC with AUDIT_HMAC_KEY
