"""The `hadath actors` command: JSON and TSV output, errors on one line."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from hadath.cli import app

runner = CliRunner()


def test_actors_command_prints_json() -> None:
    result = runner.invoke(app, ["actors", "وقالت القوات الكردية إنها ستدافع عن مناطقها"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows[0]["canonical"] == "Kurdish forces (SDF/YPG)"
    assert (rows[0]["start"], rows[0]["end"], rows[0]["surface"]) == (6, 20, "القوات الكردية")


def test_actors_command_prints_tsv() -> None:
    result = runner.invoke(app, ["actors", "أعلن الجيش السوري انسحابه", "--format", "tsv"])
    assert result.exit_code == 0
    assert result.stdout.split("\t")[:5] == ["5", "17", "الجيش السوري", "actor",
                                             "Military Forces of Syria"]


def test_unknown_format_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["actors", "نص", "--format", "xml"])
    assert result.exit_code != 0
    assert "unknown format" in result.output and "Traceback" not in result.output
