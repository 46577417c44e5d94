"""Microsoft Teams: who a `29:…` Bot Connector user id is in Entra ID (teams_accounts)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 09:00:00

A Teams mention names a person by their Bot Connector id (`29:…`), while Rounds keys people by their Entra
object id (aadObjectId). Every inbound activity tells us the pair for its sender; the conversation members
API tells us the rest, once. Keeping the pair here means a mention costs no API call the second time, in
any web process, after any restart.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teams_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("aad_object_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("principal_name", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_teams_accounts_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams_accounts")),
        sa.UniqueConstraint("workspace_id", "user_id", name=op.f("uq_teams_accounts_workspace_id_user_id")),
    )
    op.create_index(
        op.f("ix_teams_accounts_workspace_id_aad_object_id"), "teams_accounts", ["workspace_id", "aad_object_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_teams_accounts_workspace_id_aad_object_id"), table_name="teams_accounts")
    op.drop_table("teams_accounts")
