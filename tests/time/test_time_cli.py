"""`hadath time TEXT --ref YYYY-MM-DD --format json`: the JSON list, and one-line errors."""
from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from hadath.time.cli import register


def make_app() -> typer.Typer:
    app = typer.Typer()
    register(app, typer.Typer(), typer.Typer())

    @app.callback()
    def main() -> None:
        """Keep `time` a subcommand even when it is the only one."""

    return app


def test_json_output() -> None:
    result = CliRunner().invoke(
        make_app(), ["time", "قالت الوزارة أمس الأحد إن", "--ref", "2024-12-02", "--format", "json"]
    )
    assert result.exit_code == 0
    assert json.loads(result.output) == [
        {"surface": "أمس الأحد", "start": 13, "end": 22, "value": "2024-12-01", "precision": 1}
    ]
    assert "أمس" in result.output  # ensure_ascii=False


def test_bad_reference_date_is_one_line_error() -> None:
    result = CliRunner().invoke(make_app(), ["time", "أمس", "--ref", "2024-13-01"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "YYYY-MM-DD" in result.output
