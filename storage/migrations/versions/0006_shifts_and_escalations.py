"""Shifts and rosters (people.hours), held escalations, the critical-risk hours setting, the workspace date order

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 09:00:00

- people.hours (JSON, storage/shifts.py) replaces work_days / work_start / work_end: a person's hours may now
  cross midnight, differ by weekday, or follow a roster or an RFC 5545 rule. Existing hours are carried over.
- escalations: each step of the ladder for each recipient, held until it may be delivered in their hours.
- projects.escalate_critical_any_hour: a critical patient-safety risk may reach people outside their hours.
- workspaces.date_order: how people type numeric dates (dmy, mdy, ymd), so 12/04 is not guessed.
"""

from __future__ import annotations

from datetime import time
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEK_START = "2024-01-01"


def _hours(days: str, start: time, end: time) -> dict[str, Any]:
    """The old columns as storage.shifts.Hours JSON (a weekly cycle; written out here so the migration never
    changes when the model does)."""
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    minutes = minutes if minutes > 0 else minutes + 24 * 60
    span = [f"{start:%H:%M}", minutes]
    chosen = {d.strip() for d in (days or "").split(",")}
    return {"from": WEEK_START, "cycle": [span if d in chosen else None for d in DAYS]}


def _as_time(value: Any) -> time:
    if isinstance(value, time):
        return value
    hh, mm, *_ = str(value).split(":")
    return time(int(hh), int(mm))


def upgrade() -> None:
    people = sa.table(
        "people",
        sa.column("id", sa.Integer()),
        sa.column("work_days", sa.String()),
        sa.column("work_start", sa.Time()),
        sa.column("work_end", sa.Time()),
        sa.column("hours", sa.JSON()),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hours", sa.JSON(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.select(people.c.id, people.c.work_days, people.c.work_start, people.c.work_end)).all()
    for pid, days, start, end in rows:
        conn.execute(
            people.update().where(people.c.id == pid).values(hours=_hours(days, _as_time(start), _as_time(end)))
        )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("work_days")
        batch_op.drop_column("work_start")
        batch_op.drop_column("work_end")

    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date_order", sa.String(length=3), nullable=True))
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("escalate_critical_any_hour", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
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
        sa.Column("item_ref", sa.String(length=20), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("owed_since", sa.Date(), nullable=True),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("critical", sa.Boolean(), nullable=False),
        sa.Column("any_hour", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_to_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_escalations_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_escalations_project_id_projects"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["people.id"], name=op.f("fk_escalations_owner_id_people"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["people.id"], name=op.f("fk_escalations_recipient_id_people"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["delivered_to_id"], ["people.id"], name=op.f("fk_escalations_delivered_to_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"],
            ["people.id"],
            name=op.f("fk_escalations_acknowledged_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
        sa.UniqueConstraint(
            "item_kind",
            "item_id",
            "owner_id",
            "owed_since",
            "level",
            "recipient_id",
            name="uq_escalations_step",
        ),
    )
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_escalations_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_escalations_recipient_id"), ["recipient_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalations_recipient_id"))
        batch_op.drop_index(batch_op.f("ix_escalations_status"))
    op.drop_table("escalations")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_column("escalate_critical_any_hour")
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_column("date_order")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("work_days", sa.String(length=32), nullable=False, server_default="mon,tue,wed,thu,fri")
        )
        batch_op.add_column(sa.Column("work_start", sa.Time(), nullable=False, server_default="08:00:00"))
        batch_op.add_column(sa.Column("work_end", sa.Time(), nullable=False, server_default="18:00:00"))
        batch_op.drop_column("hours")
