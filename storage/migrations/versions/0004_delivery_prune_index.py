"""Slack requests remembered against replay; an index for pruning processed deliveries

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 09:00:00

processed_events now also holds the signatures of Slack slash commands and interactions (`sig:v0=…`), so a
request replayed with the same signed bytes is refused in every web process. The clock's prune deletes rows
older than a few days by received_at in one statement; this index keeps that a range scan as the table grows.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_processed_events_received_at"), "processed_events", ["received_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_processed_events_received_at"), table_name="processed_events")
