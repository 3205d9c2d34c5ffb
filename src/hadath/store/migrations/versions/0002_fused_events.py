"""Fused events (docs/fused_events.md): `fused_events` and `fused_names`, `events.fused_id`
and `events.copy_of`. The reports already stored are fused when the store is next opened
(`hadath.store.fusing.fuse_unfused`), by the code of that day rather than this revision's.
Like 0001 it adds only what is missing: stores written by the first fusion code, before
migrations, already have some of it.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    present = {c["name"] for c in inspector.get_columns("events")}
    indexes = {i["name"] for i in inspector.get_indexes("events")}
    with op.batch_alter_table("events") as events:
        for name in ("fused_id", "copy_of"):
            if name not in present:
                events.add_column(sa.Column(name, sa.String(64)))
            if f"ix_events_{name}" not in indexes:
                events.create_index(f"ix_events_{name}", [name])
    if inspector.has_table("fused_events"):
        return
    op.create_table(
        "fused_events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("type", sa.String(40), index=True),
        sa.Column("modality", sa.String(20)),
        sa.Column("date", sa.String(10), index=True),
        sa.Column("date_end", sa.String(10)),
        sa.Column("time_precision", sa.Integer),
        sa.Column("actor1", sa.String(200)),
        sa.Column("actor2", sa.String(200)),
        sa.Column("place", sa.String(200)),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("confidence", sa.Float),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("fatalities_max", sa.Integer),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_outlets", sa.Integer, nullable=False),
        sa.Column("first_reported", sa.String(40)),
        sa.Column("last_reported", sa.String(40)),
        sa.Column("summary_en", sa.Text),
        sa.Column("day_first", sa.String(10)),
        sa.Column("day_last", sa.String(10)),
        sa.Column("position", sa.Integer),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_fused_country_day", "fused_events", ["country", "day_first"])
    op.create_index("ix_fused_lat_lon", "fused_events", ["lat", "lon"])
    op.create_table(
        "fused_names",
        sa.Column("fused_id", sa.String(64), sa.ForeignKey("fused_events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("name", sa.String(300), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("fused_names")
    op.drop_table("fused_events")
    with op.batch_alter_table("events") as events:
        events.drop_index("ix_events_copy_of")
        events.drop_index("ix_events_fused_id")
        events.drop_column("copy_of")
        events.drop_column("fused_id")
