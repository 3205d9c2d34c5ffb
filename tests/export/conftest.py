"""The store the export tests read: filled once per session by `export_store.fill_store` (the
example article, 17 events, one without a place; and one Idlib strike reported by two outlets
with 27 and 30 dead), and its records as the store itself returns them."""
from typing import Any

import pytest
from export_store import fill_store

from hadath.store.db import Store
from hadath.store.queries import EventQuery


@pytest.fixture(scope="session")
def export_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("export-store") / "events.db")
    fill_store(db)
    return db


@pytest.fixture(scope="session")
def stored(export_db: str) -> dict[str, dict[str, Any]]:
    """Every fused record of the store, by id, as the store itself returns them."""
    store = Store(export_db)
    try:
        records = {r["id"]: r for r in store.events(EventQuery())}
    finally:
        store.close()
    assert len(records) >= 15, "the pipeline stored too few events to test the exports on"
    return records


@pytest.fixture(scope="session")
def conflicting(stored: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The Idlib market strike: one fused event, two reports, two death tolls."""
    found = [r for r in stored.values() if r["type"] == "air_strike"
             and (r.get("location") or {}).get("canonical") == "Idlib"]
    assert len(found) == 1, [(r["id"], r.get("n_reports")) for r in found]
    record = found[0]
    assert sorted(f["count"] for f in record["fatalities"]) == [27, 30]
    assert len(record["reports"]) == 2
    return record


@pytest.fixture(scope="session")
def unplaced(stored: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The events without coordinates (the seed's Russian statement of support has no place)."""
    found = [r for r in stored.values()
             if not isinstance((r.get("location") or {}).get("lat"), int | float)]
    assert found
    return found
