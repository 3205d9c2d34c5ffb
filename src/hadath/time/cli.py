"""Command of the time stage: `hadath time TEXT --ref YYYY-MM-DD --format json`.

Takes an Arabic text and its publication date; prints the time expressions found, as a JSON
list (surface, start, end, value, precision) or as tab-separated lines.
"""
from __future__ import annotations

import json
from datetime import date

import typer

from hadath.time.finder import find_times, parse_ref

_FIELDS = ("surface", "start", "end", "value", "precision")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


def time_command(
    text: str = typer.Argument(..., help="Arabic text, e.g. \"قالت الوزارة أمس الأحد\""),
    ref: str = typer.Option(None, "--ref", help="publication date YYYY-MM-DD (default: today)"),
    output_format: str = typer.Option("json", "--format", help="json | tsv"),
) -> None:
    """Print the temporal expressions of TEXT resolved against the publication date."""
    if output_format not in ("json", "tsv"):
        _fail(f"unknown format {output_format!r}; use json or tsv")
    try:
        reference = parse_ref(ref) if ref else date.today()
    except ValueError:
        _fail(f"--ref {ref!r} is not a date; write it as YYYY-MM-DD")
    rows = [{k: getattr(t, k) for k in _FIELDS} for t in find_times(text, reference)]
    if output_format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False))
    else:
        for row in rows:
            typer.echo("\t".join(str(row[k]) for k in _FIELDS))


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command("time")(time_command)
