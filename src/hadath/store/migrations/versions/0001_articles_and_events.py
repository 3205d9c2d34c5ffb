"""The store before migrations: articles, their layers, events (one per event of an article)
with evidence and figures, and skipped inputs.

Creates what is missing and nothing else, so that a store made before migrations existed
(with some or all of these tables, perhaps without `articles.published_from`) upgrades in
place.

Revision ID: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_tables = sa.MetaData()
sa.Table(
    "articles", _tables,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String(200)),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(40), index=True),
    sa.Column("published_from", sa.String(20)),
    sa.Column("language", sa.String(10)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("text_hash", sa.String(64), nullable=False, index=True),
    sa.Column("duplicate_of", sa.String(200)),
    sa.Column("source", sa.Text),
    sa.Column("ingested_at", sa.String(40)),
)
sa.Table(
    "layers", _tables,
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("data", sa.JSON, nullable=False),
)
_events = sa.Table(
    "events", _tables,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"),
              index=True),
    sa.Column("type", sa.String(40), index=True),
    sa.Column("modality", sa.String(20), index=True),
    sa.Column("date", sa.String(10), index=True),
    sa.Column("date_end", sa.String(10)),
    sa.Column("time_precision", sa.Integer),
    sa.Column("actor1", sa.String(200), index=True),
    sa.Column("actor2", sa.String(200)),
    sa.Column("place", sa.String(200), index=True),
    sa.Column("country", sa.String(2)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("confidence", sa.Float),
    sa.Column("summary_en", sa.Text),
    sa.Column("record", sa.JSON, nullable=False),
)
sa.Table(
    "evidence", _tables,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), index=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE")),
    sa.Column("sentence", sa.Integer),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text),
)
sa.Table(
    "figures", _tables,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("count", sa.Integer),
    sa.Column("min", sa.Boolean),
    sa.Column("approx", sa.Boolean),
    sa.Column("vague", sa.Boolean),
    sa.Column("side", sa.String(200)),
    sa.Column("source", sa.String(200)),
    sa.Column("article_id", sa.String(200)),
)
sa.Table(
    "skips", _tables,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.String(40)),
)
sa.Index("ix_events_date_type", _events.c.date, _events.c.type)


def upgrade() -> None:
    bind = op.get_bind()
    _tables.create_all(bind, checkfirst=True)
    # stores made before publication dates said where they came from
    present = {c["name"] for c in sa.inspect(bind).get_columns("articles")}
    if "published_from" not in present:
        op.add_column("articles", sa.Column("published_from", sa.String(20)))


def downgrade() -> None:
    _tables.drop_all(op.get_bind())
