"""Outbox: remember an attempt whose outcome is unknown, and when a run of failures began

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 21:00:00

A send that timed out may have been posted: `uncertain_since` makes the next attempt look for the message
(by the outbox key in its metadata) before posting it again. `failing_since` lets retries span a real outage:
a row gives up a day after its first failure in a row, whatever the number of attempts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("uncertain_since", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("failing_since", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("failing_since")
        batch.drop_column("uncertain_since")
