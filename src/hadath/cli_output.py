"""What every command prints the same way: a one-line error, notes on stderr (where the
publication dates came from), and rows as JSON or TSV."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer

from hadath.record import ArticleMeta

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


# ArticleMeta.published_from, as a note says it; "option" (the user's --published) goes unsaid.
_DATE_ORIGINS = {"input": "the input's own metadata", "file name": "the file name",
                 "crawl date": "the crawl date (the page gave none)"}


class PublicationDates:
    """Where the articles' publication dates came from, said on stderr when the user did not
    give them: relative dates ("أمس" yesterday, "اليوم السبت" today, Saturday) resolve against
    that date, and without one they are not resolved at all."""

    def __init__(self) -> None:
        # per origin: the first article's (id, date) and how many; bounded, whatever the run
        self.by_origin: dict[str, tuple[tuple[str, str], int]] = {}
        self.missing: list[str] = []  # the first few ids
        self.missing_count = 0

    def note(self, meta: ArticleMeta) -> None:
        if meta.published is None:
            self.missing_count += 1
            if len(self.missing) < 3:
                self.missing.append(meta.id)
        elif meta.published_from in _DATE_ORIGINS:
            first, count = self.by_origin.get(meta.published_from, ((meta.id, meta.published), 0))
            self.by_origin[meta.published_from] = (first, count + 1)

    def report(self) -> None:
        for origin, words in _DATE_ORIGINS.items():
            if origin not in self.by_origin:
                continue
            (article_id, published), count = self.by_origin[origin]
            if count == 1:
                say(f"{article_id}: publication date {published} taken from {words}")
            else:
                say(f"publication dates of {count} articles taken from {words}")
        if self.missing_count:
            which = self.missing[0] if self.missing_count == 1 else (
                f"{self.missing_count} articles ({', '.join(self.missing)}"
                f"{', …' if self.missing_count > 3 else ''})")
            say(f"warning: no publication date for {which}, so relative dates such as \"أمس\" "
                "(yesterday) cannot be resolved; set it with --published YYYY-MM-DD")


def say(message: str) -> None:
    """One line on stderr, where notes go so that stdout stays the command's output."""
    sys.stderr.write(f"hadath: {message}\n")
