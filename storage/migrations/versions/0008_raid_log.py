"""The whole RAID log and management by exception; audit anchors and HMAC keying

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 21:05:00

Issues (I-), assumptions (H-), dependencies (N-), milestones (M-), budget history, tolerances, exceptions (X-);
audit anchors (the chain's head, posted outside the database each day) and whether an event is HMAC-keyed;
the PMO admins' channel; nudges and comments may be about issues, assumptions and exceptions; counters for the
new numbers in every existing workspace. Every index serves a query of the digest or nudge pass.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OLD_KINDS = ("action", "risk", "gate", "project")
NEW_KINDS = (*OLD_KINDS, "issue", "assumption", "exception")
COUNTERS = ("issue", "assumption", "dependency", "milestone", "exception")
UTC = sa.DateTime(timezone=True)


def _enum(name: str, *values: str, length: int | None = None) -> sa.Enum:
    return sa.Enum(
        *values,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=length or max(len(v) for v in values) + 4,
    )


def _fk(table: str, column: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _numbered(table: str) -> list[sa.Column[Any] | sa.Constraint]:
    """The columns and constraints every numbered RAID item has."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        _fk(table, "workspace_id", "workspaces", "CASCADE"),
        _fk(table, "project_id", "projects", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("workspace_id", "number", name=op.f(f"uq_{table}_workspace_id_number")),
    ]


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns))


def upgrade() -> None:
    op.create_table(
        "milestones",
        *_numbered("milestones"),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("baseline", sa.Date(), nullable=False),
        sa.Column("forecast", sa.Date(), nullable=True),
        sa.Column("previous_forecast", sa.Date(), nullable=True),
        sa.Column("forecast_at", UTC, nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("status", _enum("milestone_status", "open", "done"), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        _fk("milestones", "created_by_id", "people"),
    )
    _index("milestones", "project_id", "status")

    op.create_table(
        "issues",
        *_numbered("issues"),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("severity", _enum("issue_severity", "critical", "high", "medium", "low"), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", _enum("issue_status", "open", "resolved"), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("resolved_at", UTC, nullable=True),
        sa.Column("risk_id", sa.Integer(), nullable=True),
        sa.Column("raised_by_id", sa.Integer(), nullable=False),
        _fk("issues", "owner_id", "people", "SET NULL"),
        _fk("issues", "risk_id", "risks", "SET NULL"),
        _fk("issues", "raised_by_id", "people"),
    )
    _index("issues", "project_id", "status")
    _index("issues", "owner_id", "status")
    _index("issues", "status", "due")

    op.create_table(
        "assumptions",
        *_numbered("assumptions"),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("validate_by", sa.Date(), nullable=True),
        sa.Column("status", _enum("assumption_status", "open", "validated", "invalid"), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_at", UTC, nullable=True),
        sa.Column("risk_id", sa.Integer(), nullable=True),
        sa.Column("raised_by_id", sa.Integer(), nullable=False),
        _fk("assumptions", "owner_id", "people", "SET NULL"),
        _fk("assumptions", "risk_id", "risks", "SET NULL"),
        _fk("assumptions", "raised_by_id", "people"),
    )
    _index("assumptions", "project_id", "status")
    _index("assumptions", "status", "validate_by")

    op.create_table(
        "dependencies",
        *_numbered("dependencies"),
        sa.Column("provider_project_id", sa.Integer(), nullable=True),
        sa.Column("provider_milestone_id", sa.Integer(), nullable=True),
        sa.Column("external", sa.String(length=200), nullable=True),
        sa.Column("what", sa.String(length=300), nullable=False),
        sa.Column("need_by", sa.Date(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("status", _enum("dependency_status", "open", "met", "dropped"), nullable=False),
        sa.Column("closure_note", sa.Text(), nullable=True),
        sa.Column("closed_at", UTC, nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        _fk("dependencies", "provider_project_id", "projects", "SET NULL"),
        _fk("dependencies", "provider_milestone_id", "milestones", "SET NULL"),
        _fk("dependencies", "owner_id", "people", "SET NULL"),
        _fk("dependencies", "created_by_id", "people"),
    )
    _index("dependencies", "project_id", "status")
    _index("dependencies", "provider_project_id", "status")
    _index("dependencies", "provider_milestone_id")

    op.create_table(
        "exceptions",
        *_numbered("exceptions"),
        sa.Column("dimension", _enum("exception_dimension", "schedule", "budget", "risk"), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.String(length=400), nullable=False),
        sa.Column("measure", sa.Integer(), nullable=False),
        sa.Column("tolerance", sa.Integer(), nullable=False),
        sa.Column("status", _enum("exception_status", "open", "closed"), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("noted_by_id", sa.Integer(), nullable=True),
        sa.Column("noted_at", UTC, nullable=True),
        sa.Column("decision", sa.Text(), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", UTC, nullable=True),
        _fk("exceptions", "noted_by_id", "people", "SET NULL"),
        _fk("exceptions", "closed_by_id", "people", "SET NULL"),
    )
    _index("exceptions", "project_id", "status")

    op.create_table(
        "budget_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("approved", sa.BigInteger(), nullable=False),
        sa.Column("actual", sa.BigInteger(), nullable=True),
        sa.Column("forecast", sa.BigInteger(), nullable=True),
        sa.Column("rag_override", _enum("budget_rag_override", "green", "amber", "red"), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        _fk("budget_entries", "project_id", "projects", "CASCADE"),
        _fk("budget_entries", "author_id", "people"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_entries")),
    )
    _index("budget_entries", "project_id", "created_at")

    op.create_table(
        "tolerances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("schedule_days", sa.Integer(), nullable=True),
        sa.Column("budget_bp", sa.Integer(), nullable=True),
        sa.Column("risk_level", _enum("risk_tolerance", "low", "medium", "high", "critical"), nullable=True),
        sa.Column("set_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        _fk("tolerances", "project_id", "projects", "CASCADE"),
        _fk("tolerances", "set_by_id", "people"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tolerances")),
        sa.UniqueConstraint("project_id", name=op.f("uq_tolerances_project_id")),
    )

    op.create_table(
        "audit_anchors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("from_seq", sa.Integer(), nullable=False),
        sa.Column("digests", sa.Text(), nullable=False),
        sa.Column("keyed", sa.Boolean(), nullable=False),
        sa.Column("posted_to", sa.String(length=200), nullable=False),
        sa.Column("at", UTC, nullable=False),
        _fk("audit_anchors", "workspace_id", "workspaces", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchors")),
        sa.UniqueConstraint("workspace_id", "seq", name=op.f("uq_audit_anchors_workspace_id_seq")),
    )

    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.add_column(sa.Column("keyed", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("workspaces") as batch_op:
        batch_op.add_column(sa.Column("admin_channel", sa.String(length=200), nullable=True))
    _retype_item_kind(OLD_KINDS, NEW_KINDS)
    for kind in COUNTERS:
        op.execute(
            sa.text("INSERT INTO counters (workspace_id, kind, value) SELECT id, :kind, 0 FROM workspaces").bindparams(
                kind=kind
            )
        )


def _retype_item_kind(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    """Widen (or narrow) what a nudge state or a comment may be about: the CHECK constraint and the length."""
    for table in ("comments", "nudge_states", "escalations"):  # escalations: from 0006
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(
                "item_kind",
                existing_type=_enum("item_kind", *old),
                type_=_enum("item_kind", *new),
                existing_nullable=False,
            )


def downgrade() -> None:
    listed = ", ".join(f"'{k}'" for k in COUNTERS)
    op.execute(sa.text(f"DELETE FROM counters WHERE kind IN ({listed})"))
    op.execute(sa.text("DELETE FROM nudge_states WHERE item_kind IN ('issue', 'assumption', 'exception')"))
    op.execute(sa.text("DELETE FROM comments WHERE item_kind IN ('issue', 'assumption', 'exception')"))
    op.execute(sa.text("DELETE FROM escalations WHERE item_kind IN ('issue', 'assumption', 'exception')"))
    _retype_item_kind(NEW_KINDS, OLD_KINDS)
    with op.batch_alter_table("workspaces") as batch_op:
        batch_op.drop_column("admin_channel")
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.drop_column("keyed")
    op.drop_table("audit_anchors")
    op.drop_table("tolerances")
    op.drop_index(op.f("ix_budget_entries_project_id_created_at"), table_name="budget_entries")
    op.drop_table("budget_entries")
    for table, indexes in (
        ("exceptions", ("project_id_status",)),
        ("dependencies", ("project_id_status", "provider_project_id_status", "provider_milestone_id")),
        ("assumptions", ("project_id_status", "status_validate_by")),
        ("issues", ("project_id_status", "owner_id_status", "status_due")),
        ("milestones", ("project_id_status",)),
    ):
        for index in indexes:
            op.drop_index(op.f(f"ix_{table}_{index}"), table_name=table)
        op.drop_table(table)
