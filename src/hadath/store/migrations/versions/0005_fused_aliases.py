"""fused_aliases: the id of a fused event merged into another, and the event it is now part of,
so that an id once published still resolves.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("fused_aliases"):
        return
    op.create_table(
        "fused_aliases",
        sa.Column("alias", sa.String(64), primary_key=True),
        sa.Column("fused_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_fused_aliases_fused_id", "fused_aliases", ["fused_id"])


def downgrade() -> None:
    op.drop_index("ix_fused_aliases_fused_id", "fused_aliases")
    op.drop_table("fused_aliases")
