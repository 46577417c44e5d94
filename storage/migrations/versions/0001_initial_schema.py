"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 07:09:46.876876
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "processed_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "platform",
            sa.Enum("slack", "teams", "console", name="platform", native_enum=False, create_constraint=True, length=11),
            nullable=False,
        ),
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processed_events")),
        sa.UniqueConstraint("platform", "event_id", name=op.f("uq_processed_events_platform_event_id")),
    )
    op.create_table(
        "workspaces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "platform",
            sa.Enum("slack", "teams", "console", name="platform", native_enum=False, create_constraint=True, length=11),
            nullable=False,
        ),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("holiday_country", sa.String(length=16), nullable=True),
        sa.Column("audit_seq", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("audit_head", sa.String(length=64), server_default="", nullable=False),
        sa.Column("uninstalled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspaces")),
        sa.UniqueConstraint("platform", "external_id", name=op.f("uq_workspaces_platform_external_id")),
    )
    op.create_table(
        "counters",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_counters_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("workspace_id", "kind", name=op.f("pk_counters")),
    )
    op.create_table(
        "gate_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("stages", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_gate_templates_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gate_templates")),
        sa.UniqueConstraint("workspace_id", "name", name=op.f("uq_gate_templates_workspace_id_name")),
    )
    op.create_table(
        "holidays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_holidays_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holidays")),
        sa.UniqueConstraint("workspace_id", "day", name=op.f("uq_holidays_workspace_id_day")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column(
            "platform",
            sa.Enum("slack", "teams", "console", name="platform", native_enum=False, create_constraint=True, length=11),
            nullable=False,
        ),
        sa.Column(
            "target_kind",
            sa.Enum(
                "channel", "user", "update", name="target_kind", native_enum=False, create_constraint=True, length=11
            ),
            nullable=False,
        ),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=True),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("thread_ts", sa.String(length=64), nullable=True),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending", "sent", "failed", name="outbox_status", native_enum=False, create_constraint=True, length=11
            ),
            nullable=False,
        ),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("platform_channel", sa.String(length=200), nullable=True),
        sa.Column("platform_ts", sa.String(length=200), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_outbox_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_outbox_idempotency_key")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_platform_ts"), ["platform_ts"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_status_not_before"), ["status", "not_before"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_subject"), ["subject"], unique=False)

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("platform_user_id", sa.String(length=64), nullable=False),
        sa.Column("handle", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("timezone_pinned", sa.Boolean(), nullable=False),
        sa.Column("work_days", sa.String(length=32), nullable=False),
        sa.Column("work_start", sa.Time(), nullable=False),
        sa.Column("work_end", sa.Time(), nullable=False),
        sa.Column("away_until", sa.Date(), nullable=True),
        sa.Column("delegate_id", sa.Integer(), nullable=True),
        sa.Column("delegate_until", sa.Date(), nullable=True),
        sa.Column("is_pmo_admin", sa.Boolean(), nullable=False),
        sa.Column("is_bot", sa.Boolean(), nullable=False),
        sa.Column("profile_refreshed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["delegate_id"], ["people.id"], name=op.f("fk_people_delegate_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_people_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("workspace_id", "platform_user_id", name=op.f("uq_people_workspace_id_platform_user_id")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_workspace_id_handle"), ["workspace_id", "handle"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=80), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["people.id"], name=op.f("fk_audit_events_actor_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_audit_events_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("workspace_id", "seq", name=op.f("uq_audit_events_workspace_id_seq")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_events_workspace_id_entity"), ["workspace_id", "entity"], unique=False
        )

    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column(
            "item_kind",
            sa.Enum(
                "action",
                "risk",
                "gate",
                "project",
                name="item_kind",
                native_enum=False,
                create_constraint=True,
                length=11,
            ),
            nullable=False,
        ),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["people.id"], name=op.f("fk_comments_author_id_people")),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_comments_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comments_item_kind_item_id"), ["item_kind", "item_id"], unique=False)

    op.create_table(
        "conversation_refs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=400), nullable=False),
        sa.Column("conversation_type", sa.String(length=40), nullable=False),
        sa.Column("service_url", sa.String(length=400), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("team_id", sa.String(length=400), nullable=True),
        sa.Column("channel_id", sa.String(length=400), nullable=True),
        sa.Column("bot_id", sa.String(length=200), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_conversation_refs_person_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_conversation_refs_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation_refs")),
        sa.UniqueConstraint(
            "workspace_id", "conversation_id", name=op.f("uq_conversation_refs_workspace_id_conversation_id")
        ),
    )
    with op.batch_alter_table("conversation_refs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversation_refs_workspace_id_person_id"), ["workspace_id", "person_id"], unique=False
        )

    op.create_table(
        "nudge_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "item_kind",
            sa.Enum(
                "action",
                "risk",
                "gate",
                "project",
                name="item_kind",
                native_enum=False,
                create_constraint=True,
                length=11,
            ),
            nullable=False,
        ),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("last_nudged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("snooze_count", sa.Integer(), nullable=False),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("owed_since", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_nudge_states_person_id_people"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_nudge_states_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nudge_states")),
        sa.UniqueConstraint(
            "person_id", "item_kind", "item_id", name=op.f("uq_nudge_states_person_id_item_kind_item_id")
        ),
    )
    with op.batch_alter_table("nudge_states", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_nudge_states_item_kind_item_id"), ["item_kind", "item_id"], unique=False)

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "methodology",
            sa.Enum(
                "waterfall", "agile", "hybrid", name="methodology", native_enum=False, create_constraint=True, length=13
            ),
            nullable=False,
        ),
        sa.Column(
            "cadence",
            sa.Enum(
                "daily", "weekly", "biweekly", name="cadence", native_enum=False, create_constraint=True, length=12
            ),
            nullable=False,
        ),
        sa.Column("gate_template", sa.String(length=60), nullable=True),
        sa.Column("pm_id", sa.Integer(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("escalate_pm_after", sa.Integer(), nullable=False),
        sa.Column("escalate_sponsor_after", sa.Integer(), nullable=False),
        sa.Column("escalate_in_channel", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["pm_id"], ["people.id"], name=op.f("fk_projects_pm_id_people"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_projects_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("workspace_id", "key", name=op.f("uq_projects_workspace_id_key")),
    )
    op.create_table(
        "channel_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=200), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_channel_links_project_id_projects"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_channel_links_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_links")),
        sa.UniqueConstraint(
            "workspace_id", "channel_id", "project_id", name=op.f("uq_channel_links_workspace_id_channel_id_project_id")
        ),
    )
    with op.batch_alter_table("channel_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_channel_links_project_id"), ["project_id"], unique=False)

    op.create_table(
        "digest_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=200), nullable=False),
        sa.Column(
            "scope",
            sa.Enum(
                "project",
                "channel",
                "portfolio",
                name="digest_scope",
                native_enum=False,
                create_constraint=True,
                length=13,
            ),
            nullable=False,
        ),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("rrule", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("last_occurrence", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["people.id"], name=op.f("fk_digest_subscriptions_created_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_digest_subscriptions_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_digest_subscriptions_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_subscriptions")),
        sa.UniqueConstraint("workspace_id", "number", name=op.f("uq_digest_subscriptions_workspace_id_number")),
    )
    with op.batch_alter_table("digest_subscriptions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_digest_subscriptions_active"), ["active"], unique=False)

    op.create_table(
        "gates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column(
            "quorum",
            sa.Enum("all", "any", "n", name="quorum", native_enum=False, create_constraint=True, length=7),
            nullable=False,
        ),
        sa.Column("quorum_n", sa.Integer(), nullable=True),
        sa.Column("must_include", sa.JSON(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "approved",
                "rejected",
                "withdrawn",
                "expired",
                name="gate_status",
                native_enum=False,
                create_constraint=True,
                length=13,
            ),
            nullable=False,
        ),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_gates_project_id_projects"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["requester_id"], ["people.id"], name=op.f("fk_gates_requester_id_people")),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_gates_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gates")),
        sa.UniqueConstraint("workspace_id", "number", name=op.f("uq_gates_workspace_id_number")),
    )
    with op.batch_alter_table("gates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gates_project_id_status"), ["project_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_gates_status_due"), ["status", "due"], unique=False)

    op.create_table(
        "project_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_project_roles_person_id_people"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_project_roles_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_roles")),
        sa.UniqueConstraint("project_id", "person_id", "role", name=op.f("uq_project_roles_project_id_person_id_role")),
    )
    with op.batch_alter_table("project_roles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_roles_person_id"), ["person_id"], unique=False)

    op.create_table(
        "risks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "patient-safety",
                "clinical-workflow",
                "privacy-compliance",
                "security",
                "downtime",
                "financial",
                "schedule",
                "vendor",
                "adoption",
                "other",
                name="risk_category",
                native_enum=False,
                create_constraint=True,
                length=22,
            ),
            nullable=False,
        ),
        sa.Column("likelihood", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("previous_score", sa.Integer(), nullable=True),
        sa.Column("rescored_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("mitigation", sa.Text(), nullable=False),
        sa.Column("review_by", sa.Date(), nullable=False),
        sa.Column("last_reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "mitigating",
                "accepted",
                "closed",
                name="risk_status",
                native_enum=False,
                create_constraint=True,
                length=14,
            ),
            nullable=False,
        ),
        sa.Column("accepted_until", sa.Date(), nullable=True),
        sa.Column("closure_reason", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("raised_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("impact BETWEEN 1 AND 5", name=op.f("ck_risks_impact")),
        sa.CheckConstraint("likelihood BETWEEN 1 AND 5", name=op.f("ck_risks_likelihood")),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["people.id"], name=op.f("fk_risks_owner_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_risks_project_id_projects"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["raised_by_id"], ["people.id"], name=op.f("fk_risks_raised_by_id_people")),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_risks_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risks")),
        sa.UniqueConstraint("workspace_id", "number", name=op.f("uq_risks_workspace_id_number")),
    )
    with op.batch_alter_table("risks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_risks_owner_id_status"), ["owner_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_risks_project_id_status"), ["project_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_risks_status_review_by"), ["status", "review_by"], unique=False)

    op.create_table(
        "status_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column(
            "overall",
            sa.Enum("green", "amber", "red", name="overall_rag", native_enum=False, create_constraint=True, length=9),
            nullable=False,
        ),
        sa.Column(
            "schedule",
            sa.Enum("green", "amber", "red", name="schedule_rag", native_enum=False, create_constraint=True, length=9),
            nullable=True,
        ),
        sa.Column(
            "budget",
            sa.Enum("green", "amber", "red", name="budget_rag", native_enum=False, create_constraint=True, length=9),
            nullable=True,
        ),
        sa.Column(
            "scope",
            sa.Enum("green", "amber", "red", name="scope_rag", native_enum=False, create_constraint=True, length=9),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["people.id"], name=op.f("fk_status_updates_author_id_people")),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_status_updates_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_updates")),
    )
    with op.batch_alter_table("status_updates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_updates_project_id_created_at"), ["project_id", "created_at"], unique=False
        )

    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "blocked",
                "cancelled",
                name="action_status",
                native_enum=False,
                create_constraint=True,
                length=13,
            ),
            nullable=False,
        ),
        sa.Column("blocked_reason", sa.Text(), nullable=True),
        sa.Column("risk_id", sa.Integer(), nullable=True),
        sa.Column("gate_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["people.id"], name=op.f("fk_actions_created_by_id_people")),
        sa.ForeignKeyConstraint(["gate_id"], ["gates.id"], name=op.f("fk_actions_gate_id_gates"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["owner_id"], ["people.id"], name=op.f("fk_actions_owner_id_people")),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_actions_project_id_projects"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["risk_id"], ["risks.id"], name=op.f("fk_actions_risk_id_risks"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_actions_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
        sa.UniqueConstraint("workspace_id", "number", name=op.f("uq_actions_workspace_id_number")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actions_owner_id_status"), ["owner_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_project_id_status"), ["project_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_status_due"), ["status", "due"], unique=False)

    op.create_table(
        "gate_approvers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gate_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gate_id"], ["gates.id"], name=op.f("fk_gate_approvers_gate_id_gates"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_gate_approvers_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gate_approvers")),
        sa.UniqueConstraint("gate_id", "person_id", name=op.f("uq_gate_approvers_gate_id_person_id")),
    )
    with op.batch_alter_table("gate_approvers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gate_approvers_person_id"), ["person_id"], unique=False)

    op.create_table(
        "gate_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gate_id", sa.Integer(), nullable=False),
        sa.Column("approver_id", sa.Integer(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "approve",
                "approve-with-conditions",
                "reject",
                "abstain",
                name="decision_kind",
                native_enum=False,
                create_constraint=True,
                length=27,
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("conditions", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["approver_id"], ["people.id"], name=op.f("fk_gate_decisions_approver_id_people")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["people.id"], name=op.f("fk_gate_decisions_decided_by_id_people")),
        sa.ForeignKeyConstraint(
            ["gate_id"], ["gates.id"], name=op.f("fk_gate_decisions_gate_id_gates"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gate_decisions")),
        sa.UniqueConstraint("gate_id", "approver_id", name=op.f("uq_gate_decisions_gate_id_approver_id")),
    )


def downgrade() -> None:
    op.drop_table("gate_decisions")
    with op.batch_alter_table("gate_approvers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gate_approvers_person_id"))

    op.drop_table("gate_approvers")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_status_due"))
        batch_op.drop_index(batch_op.f("ix_actions_project_id_status"))
        batch_op.drop_index(batch_op.f("ix_actions_owner_id_status"))

    op.drop_table("actions")
    with op.batch_alter_table("status_updates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_updates_project_id_created_at"))

    op.drop_table("status_updates")
    with op.batch_alter_table("risks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risks_status_review_by"))
        batch_op.drop_index(batch_op.f("ix_risks_project_id_status"))
        batch_op.drop_index(batch_op.f("ix_risks_owner_id_status"))

    op.drop_table("risks")
    with op.batch_alter_table("project_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_roles_person_id"))

    op.drop_table("project_roles")
    with op.batch_alter_table("gates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gates_status_due"))
        batch_op.drop_index(batch_op.f("ix_gates_project_id_status"))

    op.drop_table("gates")
    with op.batch_alter_table("digest_subscriptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_digest_subscriptions_active"))

    op.drop_table("digest_subscriptions")
    with op.batch_alter_table("channel_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channel_links_project_id"))

    op.drop_table("channel_links")
    op.drop_table("projects")
    with op.batch_alter_table("nudge_states", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nudge_states_item_kind_item_id"))

    op.drop_table("nudge_states")
    with op.batch_alter_table("conversation_refs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_refs_workspace_id_person_id"))

    op.drop_table("conversation_refs")
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comments_item_kind_item_id"))

    op.drop_table("comments")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_workspace_id_entity"))

    op.drop_table("audit_events")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_workspace_id_handle"))

    op.drop_table("people")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_subject"))
        batch_op.drop_index(batch_op.f("ix_outbox_status_not_before"))
        batch_op.drop_index(batch_op.f("ix_outbox_platform_ts"))

    op.drop_table("outbox")
    op.drop_table("holidays")
    op.drop_table("gate_templates")
    op.drop_table("counters")
    op.drop_table("workspaces")
    op.drop_table("processed_events")
