"""`hadath export plover-json`, read back with the json module: PLOVER's field names and
categories, and hadath's evidence, figures and reports under "hadath"."""
import json
from pathlib import Path
from typing import Any

import pytest
from export_store import run_hadath

# SPEC's table: hadath type → PLOVER event category
PLOVER_EVENTS = {
    "armed_clash": "ASSAULT", "territory_taken": "ASSAULT", "territory_regained": "ASSAULT",
    "air_strike": "ASSAULT", "withdrawal": "RETREAT", "mobilization": "MOBILIZE",
    "movement_restriction": "COERCE", "military_aid": "AID", "agreement": "AGREE",
    "threaten": "THREATEN", "accuse": "ACCUSE", "reject_deny": "REJECT",
    "support_statement": "SUPPORT",
}


@pytest.fixture(scope="module")
def lines(export_db: str, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("plover") / "events.jsonl"
    result = run_hadath("export", "plover-json", str(out), "--db", export_db)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_one_record_per_event(lines: list[dict[str, Any]], stored: dict[str, dict[str, Any]]) -> None:
    assert [r["id"] for r in lines] == list(stored)


def test_plover_fields(lines: list[dict[str, Any]], stored: dict[str, dict[str, Any]]) -> None:
    for record in lines:
        event = stored[record["id"]]
        assert record["event"] == [PLOVER_EVENTS.get(event["type"], record["event"][0])]
        assert record["date"] == (event["date"] + "-01-01")[:10]
        assert record["quad_code"] in (1, 2, 3, 4)
        assert isinstance(record["mode"], list) and isinstance(record["context"], list)
        actor1 = event.get("actor1")
        if actor1:
            assert record["actor"][0]["identifier_text"] == actor1["canonical"]
            assert record["actor"][0]["entity_text"] == actor1["surface"]
        assert record["event_text"] == [ev["text"] for ev in event["evidence"]]
        assert record["hadath"]["modality"] == event["modality"]
        assert [r["article_id"] for r in record["hadath"]["reports"]] == \
            [r["article_id"] for r in event["reports"]]


def test_modes_contexts_and_actor_codes(lines: list[dict[str, Any]], stored: dict[str, dict[str, Any]]) -> None:
    by_type = {stored[r["id"]]["type"]: r for r in lines}
    assert by_type["air_strike"]["mode"] == ["aerial"]
    assert by_type["withdrawal"]["mode"] == ["withdraw"]
    assert "territory" in by_type["territory_taken"]["context"]
    historical = [r for r in lines if stored[r["id"]]["modality"] == "historical"]
    assert historical and all("historical" in r["context"] for r in historical)
    planned = [r for r in lines if stored[r["id"]]["modality"] == "planned"]
    assert planned and all("future" in r["context"] for r in planned)
    russia = [a for r in lines for a in r["actor"] if a["identifier_text"] == "Military Forces of Russia"]
    assert russia and {(a["code"], a["sector"]) for a in russia} == {("RUS", "MIL")}


def test_location_in_plover_form(lines: list[dict[str, Any]], conflicting: dict[str, Any]) -> None:
    record = next(r for r in lines if r["id"] == conflicting["id"])
    place = conflicting["location"]
    assert record["event_loc"]["resolved_place"] == "Idlib"
    assert record["event_loc"]["extracted_place"] == place["surface"]
    assert (record["event_loc"]["lat"], record["event_loc"]["lon"]) == (place["lat"], place["lon"])
    assert record["event_loc"]["country_code"] == "SYR"


def test_conflicting_figures_stay_per_source(lines: list[dict[str, Any]], conflicting: dict[str, Any]) -> None:
    record = next(r for r in lines if r["id"] == conflicting["id"])
    assert record["dead"] == conflicting["fatalities_best"]
    figures = {(f["count"], f["source"], f["outlet"]) for f in record["hadath"]["fatalities"]}
    assert figures == {(27, "Syrian Observatory for Human Rights", "عنب بلدي"),
                       (30, "Government of Syria", "الجزيرة نت")}
    assert [r["outlet"] for r in record["hadath"]["reports"]] == ["عنب بلدي", "الجزيرة نت"]
    spans = [ev for r in record["hadath"]["reports"] for ev in r["evidence"]]
    assert any("27" in ev["text"] for ev in spans) and any("30" in ev["text"] for ev in spans)


def test_dot_json_is_one_array(export_db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    result = run_hadath("export", "plover-json", str(out), "--db", export_db, "--type", "air_strike")
    assert result.returncode == 0, result.stderr
    records = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(records, list) and len(records) == 2
    assert all(r["event"] == ["ASSAULT"] and r["mode"] == ["aerial"] for r in records)
