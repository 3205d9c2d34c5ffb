"""Command of the time stage: `hadath time TEXT --ref YYYY-MM-DD --format json`.

Takes an Arabic text and its publication date; prints the time expressions found, as a JSON
list (surface, start, end, value, precision) or as tab-separated lines.
"""
from __future__ import annotations

from datetime import date

import typer

from hadath.cli_output import check_row_format, fail, print_rows
from hadath.time.finder import find_times, parse_ref

_FIELDS = ("surface", "start", "end", "value", "precision")




def time_command(
    text: str = typer.Argument(..., help="Arabic text, e.g. \"قالت الوزارة أمس الأحد\""),
    ref: str = typer.Option(None, "--ref", help="publication date YYYY-MM-DD (default: today)"),
    output_format: str = typer.Option("json", "--format", help="json | tsv"),
) -> None:
    """Print the temporal expressions of TEXT resolved against the publication date."""
    check_row_format(output_format)
    try:
        reference = parse_ref(ref) if ref else date.today()
    except ValueError:
        fail(f"--ref {ref!r} is not a date; write it as YYYY-MM-DD")
    rows = [{k: getattr(t, k) for k in _FIELDS} for t in find_times(text, reference)]
    print_rows(rows, _FIELDS, output_format)


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command("time")(time_command)
