"""The store's schema version: `upgrade(engine)` brings a store of any earlier version, or one
made before versions existed, to `SCHEMA_VERSION` with the Alembic revisions in `migrations/`,
and then fuses any reports stored unfused (a store from before fusion) and indexes any fused
event the search index lacks.

A store already at the version costs one query; Alembic is only loaded when there is work.
"""
from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import Connection, Engine, column, inspect, select, table
from sqlalchemy.exc import DBAPIError

# the id of the newest revision in migrations/versions (tests check they agree)
SCHEMA_VERSION = "0005"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def current_version(conn: Connection) -> str | None:
    """The revision the store is at; None for a new store or one made before versions."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    versions = table("alembic_version", column("version_num"))
    return conn.execute(select(versions.c.version_num)).scalar()


# Two processes opening one new store at once both start its migrations; the one that loses
# the race fails on a table the other made. The revisions create only what is missing, so it
# tries again, and finds the store at the version or finishes what is left.
_ATTEMPTS = 4


def upgrade(engine: Engine) -> None:
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            _upgrade_once(engine)
            return
        except DBAPIError:
            if attempt == _ATTEMPTS:
                raise
            time.sleep(0.2 * attempt)


def _upgrade_once(engine: Engine) -> None:
    with engine.begin() as conn:
        if current_version(conn) == SCHEMA_VERSION:
            return
        from alembic import command
        from alembic.config import Config

        from hadath.store.fusing import fuse_unfused
        from hadath.store.search import index_unsearched

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        fuse_unfused(conn)
        index_unsearched(conn)
