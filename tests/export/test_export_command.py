"""The command's errors (one line, exit 2 for a mistyped command line) and the reader's streaming."""
import dataclasses
import os
from pathlib import Path

import pytest
from export_store import PG_URL, fill_store, run_hadath

from hadath.export.reader import iter_events
from hadath.store.db import Store
from hadath.store.queries import EventQuery


def test_unknown_format_is_one_line_listing_the_formats(export_db: str, tmp_path: Path) -> None:
    result = run_hadath("export", "xlsx", str(tmp_path / "out.xlsx"), "--db", export_db)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hadath: error:")
    for name in ("acled-csv", "plover-json", "geojson", "parquet"):
        assert name in lines[0]


@pytest.mark.parametrize("format", ["acled-csv", "parquet"])
def test_out_in_a_missing_directory(export_db: str, tmp_path: Path, format: str) -> None:
    missing = tmp_path / "no" / "such"
    result = run_hadath("export", format, str(missing / "out"), "--db", export_db)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{missing} does not exist" in lines[0]
    assert not missing.exists()


def test_missing_store_says_how_to_make_one(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = run_hadath("export", "geojson", str(tmp_path / "out.geojson"), "--db", str(db))
    assert result.returncode == 1
    assert "no store here; run `hadath run PATH" in result.stderr
    assert not db.exists()


def test_parquet_needs_a_directory(export_db: str, tmp_path: Path) -> None:
    result = run_hadath("export", "parquet", "-", "--db", export_db)
    assert result.returncode == 1 and "directory" in result.stderr


def test_text_formats_go_to_standard_output(export_db: str) -> None:
    result = run_hadath("export", "acled-csv", "-", "--db", export_db, "--type", "air_strike")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("event_id_cnty,event_date,year,")
    assert len(result.stdout.splitlines()) == 3  # the header and the two air strikes


def test_streaming_gives_every_event_once_in_order(export_db: str) -> None:
    store = Store(export_db)
    try:
        whole = [r["id"] for r in store.events(EventQuery())]
        assert len(whole) > 5
        assert [r["id"] for r in iter_events(store, EventQuery(), page_size=2)] == whole
        assert [r["id"] for r in iter_events(store, EventQuery(limit=5), page_size=2)] == whole[:5]
        query = dataclasses.replace(EventQuery(sort="date"), limit=3)
        assert [r["id"] for r in iter_events(store, query, page_size=2)] == \
            [r["id"] for r in store.events(query)]
    finally:
        store.close()


@pytest.mark.skipif(not PG_URL, reason="HADATH_TEST_PG_URL is not set: no PostgreSQL server")
def test_export_from_postgresql(tmp_path: Path) -> None:
    from sqlalchemy import text

    from hadath.store import schema

    store = Store(PG_URL)
    with store.engine.begin() as conn:
        for table in reversed(schema.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))  # test reset, fixed names
    store.close()
    fill_store(str(PG_URL))
    out = tmp_path / "events.csv"
    result = run_hadath("export", "acled-csv", str(out), "--db", str(PG_URL), "--type", "air_strike")
    assert result.returncode == 0, result.stderr
    assert "Fatalities by source: 27" in out.read_text(encoding="utf-8")
    assert os.path.getsize(out) > 0
