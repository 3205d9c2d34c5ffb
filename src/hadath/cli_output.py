"""What every command prints the same way: a one-line error, and rows as JSON or TSV."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer

ROW_FORMATS = ("json", "tsv")


def fail(message: str) -> NoReturn:
    """Print one line to stderr and exit 1, with no traceback."""
    sys.stderr.write(f"hadath: error: {message}\n")  # plain: Rich would wrap a long path
    raise typer.Exit(1)


def check_row_format(output_format: str) -> None:
    if output_format not in ROW_FORMATS:
        fail(f"unknown format {output_format!r}; use json or tsv")


def print_rows(rows: list[dict[str, Any]], fields: Sequence[str], output_format: str) -> None:
    """A JSON list of the rows, or one TSV line per row with `fields` in order (None → empty)."""
    if output_format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    for row in rows:
        typer.echo("\t".join("" if row[k] is None else str(row[k]) for k in fields))
