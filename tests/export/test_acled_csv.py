"""`hadath export acled-csv`, read back with the csv module as an analyst's script would, row by
row against the store."""
import csv
import re
from pathlib import Path
from typing import Any

import pytest
from export_store import run_hadath

# ACLED's columns in ACLED's order (issue 17, as ACLED's data downloads have them)
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]
# SPEC's table: hadath type → ACLED event type / sub-event type
ACLED_TYPES = {
    "armed_clash": ("Battles", "Armed clash"),
    "territory_taken": ("Battles", "Non-state actor overtakes territory"),
    "territory_regained": ("Battles", "Government regains territory"),
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "withdrawal": ("Strategic developments", "Other"),
    "mobilization": ("Strategic developments", "Other"),
    "movement_restriction": ("Strategic developments", "Other"),
    "military_aid": ("Strategic developments", "Other"),
    "agreement": ("Strategic developments", "Agreement"),
}
STATEMENTS = {"threaten", "accuse", "reject_deny", "support_statement", "request_appeal", "meeting"}


@pytest.fixture(scope="module")
def exported(export_db: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, str]], list[str], str]:
    out = tmp_path_factory.mktemp("acled") / "events.csv"
    result = run_hadath("export", "acled-csv", str(out), "--db", export_db)
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        header = list(reader.fieldnames or [])
    return rows, header, result.stderr


def _hadath_id(row: dict[str, str]) -> str:
    match = re.search(r"hadath id=(\S+?)(;|$)", row["tags"])
    assert match, row["tags"]
    return match.group(1)


def test_columns_are_acleds_in_acleds_order(exported: Any) -> None:
    _, header, _ = exported
    assert header == ACLED_COLUMNS


def test_one_row_per_event_that_acled_codes(exported: Any, stored: dict[str, dict[str, Any]]) -> None:
    rows, _, stderr = exported
    expected = {i for i, r in stored.items() if r["type"] not in STATEMENTS
                and r["modality"] not in ("planned", "conditional", "denied")
                and (r.get("location") or {}).get("country")}
    assert [_hadath_id(r) for r in rows] == sorted(expected, key=[*stored].index)
    left = len(stored) - len(expected)
    assert f"acled-csv: wrote {len(rows)} events" in stderr
    assert sum(int(n) for n in re.findall(r"left out (\d+) event", stderr)) == left


def test_rows_match_the_store(exported: Any, stored: dict[str, dict[str, Any]]) -> None:
    rows, _, _ = exported
    for row in rows:
        record = stored[_hadath_id(row)]
        place = record.get("location") or {}
        assert row["event_date"] == (record["date"] + "-01-01")[:10]  # a month or year: its 1st day
        assert row["year"] == record["date"][:4]
        assert row["time_precision"] == str(record["time_precision"])
        if record["type"] in ACLED_TYPES:
            assert (row["event_type"], row["sub_event_type"]) == ACLED_TYPES[record["type"]]
        assert row["actor1"] == (record.get("actor1") or {}).get("canonical", row["actor1"])
        assert row["location"] == (place.get("canonical") or "")
        assert row["admin1"] == (place.get("admin1") or "")
        if place.get("lat") is not None:
            assert float(row["latitude"]) == pytest.approx(place["lat"])
            assert float(row["longitude"]) == pytest.approx(place["lon"])
        assert row["geo_precision"] == str(place.get("geo_precision") or "")
        assert row["notes"].startswith(record["summary_en"])
        assert int(row["fatalities"]) == (record["fatalities_best"] or 0)
        assert int(row["timestamp"]) > 1_700_000_000  # the reports are of late 2024
        for outlet in record["outlets"]:
            assert outlet in row["source"].split("; ")


def test_vocabularies_are_acleds(exported: Any) -> None:
    rows, _, _ = exported
    disorder = {"Political violence", "Demonstrations", "Strategic developments",
                "Political violence; Demonstrations"}
    for row in rows:
        assert row["disorder_type"] in disorder
        assert row["disorder_type"] == ("Strategic developments"
                                        if row["event_type"] == "Strategic developments"
                                        else "Political violence")
        assert (row["iso"], row["region"], row["country"]) == ("760", "Middle East", "Syria")
        assert re.fullmatch(r"SYR\d{12}", row["event_id_cnty"])
        inter1, inter2 = int(row["inter1"]), int(row["inter2"])
        assert 1 <= inter1 <= 8 and 0 <= inter2 <= 8
        low, high = sorted((inter1, inter2)) if inter2 else (inter1, 0)
        assert row["interaction"] == f"{low}{high}"


def test_inter_codes_follow_actor_kinds(exported: Any) -> None:
    rows, _, _ = exported
    codes = {(r["actor1"], r["inter1"]) for r in rows} | {(r["actor2"], r["inter2"]) for r in rows}
    assert ("Military Forces of Syria", "1") in codes  # state forces at home
    assert ("Military Forces of Russia", "8") in codes  # state forces abroad: external forces
    assert ("Hayat Tahrir al-Sham", "2") in codes  # a rebel group
    clash = next(r for r in rows if r["actor1"] == "Hayat Tahrir al-Sham")
    assert (clash["inter2"], clash["interaction"]) == ("1", "12")


def test_notes_add_tolls_by_source_only_when_sources_differ(exported: Any,
                                                            stored: dict[str, dict[str, Any]]) -> None:
    rows, _, _ = exported
    clash = next(r for r in rows if r["actor1"] == "Hayat Tahrir al-Sham")
    record = stored[_hadath_id(clash)]
    assert len(record["fatalities"]) == 2  # 155 and 79 dead, both per the Syrian Observatory
    assert clash["notes"] == record["summary_en"]
    # ACLED's fatalities is the event's total: one source's two sides are added
    assert int(clash["fatalities"]) == record["fatalities_best"] == 155 + 79


def test_conflicting_figures_keep_both_sources(exported: Any, conflicting: dict[str, Any]) -> None:
    rows, _, _ = exported
    row = next(r for r in rows if _hadath_id(r) == conflicting["id"])
    assert int(row["fatalities"]) == conflicting["fatalities_best"] == 27  # the lower toll
    assert "27" in row["notes"] and "30" in row["notes"]
    assert "according to Syrian Observatory for Human Rights" in row["notes"]
    assert row["source"].split("; ") == ["Syrian Observatory for Human Rights", "Government of Syria",
                                         "عنب بلدي", "الجزيرة نت"]
    assert row["timestamp"] == "1733097600"  # 2024-12-02, the reports' day


def test_ids_are_stable_across_exports(exported: Any, export_db: str, tmp_path: Path) -> None:
    rows, _, _ = exported
    out = tmp_path / "again.csv"
    assert run_hadath("export", "acled-csv", str(out), "--db", export_db, "--type", "air_strike").returncode == 0
    with out.open(encoding="utf-8", newline="") as f:
        again = {r["event_id_cnty"]: _hadath_id(r) for r in csv.DictReader(f)}
    assert again and all(
        again[r["event_id_cnty"]] == _hadath_id(r) for r in rows if r["event_id_cnty"] in again)
    assert {r["event_id_cnty"] for r in rows if r["sub_event_type"] == "Air/drone strike"} == set(again)
