"""`hadath export parquet`, read back with pyarrow and DuckDB: types kept (days as date32,
counts as integers, lists as lists, figures as structs), events joined to their reports."""
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from export_store import run_hadath


@pytest.fixture(scope="module")
def out_dir(export_db: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet") / "export"  # made by the export
    result = run_hadath("export", "parquet", str(out), "--db", export_db)
    assert result.returncode == 0, result.stderr
    assert "parquet: wrote" in result.stderr
    return out


def test_types_are_kept(out_dir: Path) -> None:
    schema = pq.read_schema(out_dir / "events.parquet")
    assert schema.field("date").type == pa.date32()
    assert schema.field("fatalities_best").type == pa.int64()
    assert schema.field("time_precision").type == pa.int8()
    assert schema.field("lat").type == pa.float64()
    assert schema.field("outlets").type == pa.list_(pa.string())
    figure = schema.field("fatalities").type.value_type
    assert figure.field("count").type == pa.int64() and figure.field("source").type == pa.string()
    assert pa.types.is_timestamp(schema.field("last_reported").type)
    reports = pq.read_schema(out_dir / "reports.parquet")
    assert reports.field("evidence").type.value_type.field("start").type == pa.int32()


def test_rows_match_the_store(out_dir: Path, stored: dict[str, dict[str, Any]]) -> None:
    events = pq.read_table(out_dir / "events.parquet").to_pylist()
    assert [e["id"] for e in events] == list(stored)
    for event in events:
        record = stored[event["id"]]
        assert event["date"].isoformat() == (record["date"] + "-01-01")[:10]
        assert event["type"] == record["type"] and event["modality"] == record["modality"]
        assert event["fatalities_best"] == record["fatalities_best"]
        assert [f["count"] for f in event["fatalities"]] == [f["count"] for f in record["fatalities"]]
        assert event["outlets"] == record["outlets"]
        assert event["place"] == (record.get("location") or {}).get("canonical")
    reports = pq.read_table(out_dir / "reports.parquet").to_pylist()
    assert len(reports) == sum(len(r["reports"]) for r in stored.values())
    assert {r["event_id"] for r in reports} == set(stored)


def test_duckdb_reads_and_joins(out_dir: Path, conflicting: dict[str, Any]) -> None:
    events, reports = str(out_dir / "events.parquet"), str(out_dir / "reports.parquet")
    con = duckdb.connect()
    figures = con.execute(
        "SELECT f.count, f.source, f.outlet FROM (SELECT unnest(fatalities) AS f FROM read_parquet(?) "
        "WHERE id = ?) ORDER BY f.count", [events, conflicting["id"]]).fetchall()
    assert figures == [(27, "Syrian Observatory for Human Rights", "عنب بلدي"),
                       (30, "Government of Syria", "الجزيرة نت")]
    joined = con.execute(
        "SELECT r.outlet, r.article_id FROM read_parquet(?) e JOIN read_parquet(?) r "
        "ON r.event_id = e.id WHERE e.id = ? ORDER BY r.outlet", [events, reports, conflicting["id"]]
    ).fetchall()
    assert joined == [("الجزيرة نت", "idlib-market-jazeera"), ("عنب بلدي", "idlib-market-enab")]
    day, best = con.execute("SELECT date, fatalities_best FROM read_parquet(?) WHERE id = ?",
                            [events, conflicting["id"]]).fetchone()
    assert (day.isoformat(), best) == ("2024-12-02", conflicting["fatalities_best"])
    unplaced = con.execute("SELECT count(*) FROM read_parquet(?) WHERE lat IS NULL", [events]).fetchone()
    assert unplaced[0] >= 1  # events without coordinates are kept in parquet


def test_an_empty_selection_writes_typed_empty_tables(export_db: str, tmp_path: Path) -> None:
    out = tmp_path / "none"
    result = run_hadath("export", "parquet", str(out), "--db", export_db, "--from", "2030")
    assert result.returncode == 0, result.stderr
    table = pq.read_table(out / "events.parquet")
    assert table.num_rows == 0 and table.schema.field("date").type == pa.date32()
