"""`hadath export geojson`, read back with the json module: an RFC 7946 FeatureCollection of
points in [lon, lat] order, properties flat for a GIS attribute table (QGIS)."""
import json
from pathlib import Path
from typing import Any

import pytest
from export_store import run_hadath


@pytest.fixture(scope="module")
def exported(export_db: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    out = tmp_path_factory.mktemp("geojson") / "events.geojson"
    result = run_hadath("export", "geojson", str(out), "--db", export_db)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8")), result.stderr


def test_a_feature_per_placed_event(exported: Any, stored: dict[str, dict[str, Any]],
                                    unplaced: list[dict[str, Any]]) -> None:
    collection, stderr = exported
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946: always WGS 84
    ids = [f["id"] for f in collection["features"]]
    assert ids == [i for i in stored if i not in {r["id"] for r in unplaced}]
    noun = "event" if len(unplaced) == 1 else "events"
    assert f"geojson: left out {len(unplaced)} {noun}: no coordinates" in stderr


def test_points_are_lon_lat(exported: Any, stored: dict[str, dict[str, Any]]) -> None:
    collection, _ = exported
    for feature in collection["features"]:
        place = stored[feature["id"]]["location"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [place["lon"], place["lat"]]}
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_properties_are_flat(exported: Any, stored: dict[str, dict[str, Any]]) -> None:
    collection, _ = exported
    for feature in collection["features"]:
        properties = feature["properties"]
        assert all(v is None or isinstance(v, str | int | float) for v in properties.values())
        record = stored[feature["id"]]
        assert properties["type"] == record["type"]
        assert properties["date"] == record["date"]
        assert properties["place"] == record["location"]["canonical"]
        assert properties["n_reports"] == len(record["reports"])
        assert properties["fatalities_best"] == record["fatalities_best"]


def test_conflicting_figures_in_one_attribute(exported: Any, conflicting: dict[str, Any]) -> None:
    collection, _ = exported
    feature = next(f for f in collection["features"] if f["id"] == conflicting["id"])
    first, second = feature["properties"]["fatalities_by_source"].split("; ")
    assert first.startswith("27 ") and first.endswith(
        "according to Syrian Observatory for Human Rights (عنب بلدي)")
    assert second.startswith("30 ") and second.endswith("according to Government of Syria (الجزيرة نت)")
    assert feature["properties"]["outlets"] == "عنب بلدي; الجزيرة نت"


def test_filters_apply(export_db: str, tmp_path: Path) -> None:
    out = tmp_path / "strikes.geojson"
    result = run_hadath("export", "geojson", str(out), "--db", export_db, "--type", "air_strike",
                        "--min-fatalities", "1")
    assert result.returncode == 0, result.stderr
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["place"] for f in features] == ["Idlib"]
