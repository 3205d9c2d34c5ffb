"""Stores to test against: a SQLite file always, PostgreSQL when HADATH_TEST_PG_URL names one
(CI starts a local server and sets it). Real articles come from the events tests' helper,
hand-made records from the fusion tests' one."""
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from hadath.store import schema
from hadath.store.db import Store

PG_URL = os.environ.get("HADATH_TEST_PG_URL")
TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS / "events"), str(TESTS / "fusion")]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        s = Store(str(tmp_path / "events.db"))
    else:
        if not PG_URL:
            pytest.skip("HADATH_TEST_PG_URL is not set: no PostgreSQL server to test against")
        s = Store(PG_URL)
        with s.engine.begin() as conn:
            for table in reversed(schema.metadata.sorted_tables):
                conn.execute(text(f'DELETE FROM "{table.name}"'))  # test reset, fixed names
    yield s
    s.close()
