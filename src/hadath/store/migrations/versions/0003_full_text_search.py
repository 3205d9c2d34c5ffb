"""Full-text search: `fused_search` holds each fused event's normalised searchable text
(`hadath.store.search`); on SQLite an FTS5 trigram table over it kept by triggers, on
PostgreSQL a pg_trgm GIN index (when the extension can be created; without it the search
still works, by scanning). Fused events already stored are indexed when the store is next
opened (`search.index_unsearched`).

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS fused_fts USING fts5(body, tokenize='trigram')",
    """CREATE TRIGGER IF NOT EXISTS fused_search_insert AFTER INSERT ON fused_search BEGIN
         INSERT INTO fused_fts(rowid, body) VALUES (new.id, new.body); END""",
    """CREATE TRIGGER IF NOT EXISTS fused_search_delete AFTER DELETE ON fused_search BEGIN
         DELETE FROM fused_fts WHERE rowid = old.id; END""",
    """CREATE TRIGGER IF NOT EXISTS fused_search_update AFTER UPDATE ON fused_search BEGIN
         UPDATE fused_fts SET body = new.body WHERE rowid = old.id; END""",
]


def upgrade() -> None:
    bind = op.get_bind()
    if not sa.inspect(bind).has_table("fused_search"):
        op.create_table(
            "fused_search",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("fused_id", sa.String(64),
                      sa.ForeignKey("fused_events.id", ondelete="CASCADE"), nullable=False,
                      unique=True),
            sa.Column("body", sa.Text, nullable=False),
        )
    if bind.dialect.name == "sqlite":
        for statement in _SQLITE:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        try:
            with bind.begin_nested():
                op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError:
            return  # not allowed to create it here: the search scans
        # the operator class lives in the extension's schema, perhaps not on the search path
        where = bind.execute(sa.text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pg_trgm'")).scalar_one()
        ops = f"{bind.dialect.identifier_preparer.quote_identifier(where)}.gin_trgm_ops"
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_fused_search_trgm ON fused_search "
                   f"USING gin (body {ops})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("fused_search_insert", "fused_search_delete", "fused_search_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS fused_fts")
    op.drop_table("fused_search")
