"""`hadath geo TEXT --format json` prints the resolved places as a JSON list."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from hadath.cli import app

runner = CliRunner()


def test_geo_json_lists_places_with_offsets() -> None:
    text = "قصفت الطائرات مواقع في ريف حلب الغربي"
    result = runner.invoke(app, ["geo", text, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "حلب" in result.stdout  # ensure_ascii=False
    rows = json.loads(result.stdout)
    assert [r["surface"] for r in rows] == ["ريف حلب الغربي"]
    row = rows[0]
    assert text[row["start"]:row["end"]] == row["surface"]
    assert (row["label"], row["country"], row["geo_precision"]) == ("place", "SY", 2)


def test_geo_rejects_an_unknown_format() -> None:
    result = runner.invoke(app, ["geo", "حلب", "--format", "xml"])
    assert result.exit_code != 0
    assert "unknown format" in result.output
