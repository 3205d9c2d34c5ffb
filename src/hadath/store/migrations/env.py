"""Alembic's environment for the store: migrations run on the connection `Store` hands over
(`config.attributes["connection"]`), inside its transaction; nothing here reads a URL."""
from __future__ import annotations

from alembic import context

from hadath.store import schema

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=schema.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
