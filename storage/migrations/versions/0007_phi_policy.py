"""PHI guard allowances per workspace (phi_policies)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 22:00:00

A PMO admin decides whether service-desk numbers and private-range server addresses pass the PHI guard, and
which phone numbers always do (`/pmo phi policy`). One row per workspace; no row means the defaults.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "phi_policies",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("service_desk", sa.Boolean(), nullable=False),
        sa.Column("server_ip", sa.Boolean(), nullable=False),
        sa.Column("numbers", sa.String(length=2000), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_phi_policies_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", name=op.f("pk_phi_policies")),
    )


def downgrade() -> None:
    op.drop_table("phi_policies")
