"""A store filled by the real pipeline (`hadath run` in a subprocess, nothing mocked): the seed
article (Aleppo, 30 November 2024: 17 events, one without a place) and two outlets' reports of
one air strike on a market in Idlib that give different death tolls (27 according to the Syrian
Observatory, via عنب بلدي; 30 according to the Syrian health ministry, via الجزيرة نت)."""
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hadath.store.db import Store
from hadath.store.queries import EventQuery

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "aleppo_2024-11-30.txt"
IDLIB = Path(__file__).with_name("idlib_market.jsonl")
PG_URL = os.environ.get("HADATH_TEST_PG_URL")


def run_hadath(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True,
                          text=True, timeout=600, check=False)


def fill_store(db: str) -> None:
    for source, published in ((SEED, "2024-11-30"), (IDLIB, None)):
        args = ["run", str(source), "--db", db] + (["--published", published] if published else [])
        result = run_hadath(*args)
        assert result.returncode == 0, result.stderr


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
