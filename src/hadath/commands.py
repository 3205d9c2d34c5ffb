"""The main commands: `extract` (articles to stdout) and `run` (into the store); `events`
(querying the store) is in `hadath.cli_events`.

Thin shells: they parse options, call `hadath.ingest`, `hadath.pipeline` and `hadath.store`,
and print. A bad input never stops `run` (it is listed in the summary); `extract` on an input
that gives no article exits non-zero with a one-line error.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from hadath.cli_output import PublicationDates, fail
from hadath.ingest.dates import normalize_published

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from hadath.ingest import Deduplicator
    from hadath.record import ArticleMeta
    from hadath.store.db import Store

# The store's default (`hadath.store.db.DEFAULT_DB`), written out here: importing the store
# loads SQLAlchemy, which `extract` never needs (a test checks the two agree).
DEFAULT_DB = "hadath.db"


def _err() -> Console:
    from rich.console import Console

    return Console(stderr=True)


class ExtractFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


def _publication_date(value: str | None) -> str | None:
    if value is not None and normalize_published(value) is None:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD (2024-11-30)")
    return value


PublishedOpt = Annotated[str | None, typer.Option(
    "--published", callback=_publication_date,
    help="Publication date (YYYY-MM-DD) for inputs without one; relative dates such as "
         "\"أمس\" (yesterday) resolve against it. Without it, a date in the file name is used.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet name for inputs without one.")]
UrlOpt = Annotated[str | None, typer.Option("--url", help="URL for inputs without one.")]
TaggerOpt = Annotated[bool, typer.Option("--tagger/--no-tagger", help="Run the statistical name tagger (slower; finds names no gazetteer lists).")]
AccurateOpt = Annotated[bool, typer.Option("--accurate-tagger", help="Run the tagger's accurate tier (a pretrained encoder: more unseen names, about 25 times slower).")]
DbOpt = Annotated[str, typer.Option("--db", help="Store: a SQLite file path or a SQLAlchemy URL.")]
AllMentionsOpt = Annotated[bool, typer.Option(
    "--all-mentions", help="Run the tagger on every sentence, for the full mentions layer (by "
    "default it reads only sentences with an event or reporting cue, where its names can "
    "change an event; the events are the same).")]


def _dumps(data: Any, pretty: bool) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1 if pretty else None)


def extract(
    path: Annotated[Path, typer.Argument(help="A file or folder: .txt .html .jsonl, feed, WARC.")],
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    url: UrlOpt = None,
    format: Annotated[ExtractFormat, typer.Option("--format")] = ExtractFormat.json,
    tagger: TaggerOpt = True,
    accurate_tagger: AccurateOpt = False,
    all_mentions: AllMentionsOpt = False,
) -> None:
    """Extract one article (or each article of PATH) and print it as JSON."""
    from hadath.ingest import Deduplicator, IngestDefaults, Skipped, read_inputs
    from hadath.pipeline import process

    if not path.exists():
        fail(f"{path}: no such file or folder")
    defaults = IngestDefaults(published=published, outlet=outlet, url=url)
    dedup = Deduplicator()
    dates = PublicationDates()
    skipped: list[Skipped] = []

    def records() -> Iterator[dict[str, Any]]:
        # one article at a time: read, extract, print, forget
        for item in read_inputs([path], defaults):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            item.duplicate_of = dedup.check(item)
            if not item.duplicate_of:
                dates.note(item)
            yield process(item, tagger=tagger, accurate=accurate_tagger,
                          all_mentions=all_mentions).to_dict()

    if format is ExtractFormat.jsonl:
        written = 0
        for written, record in enumerate(records(), start=1):
            sys.stdout.write(_dumps(record, pretty=False) + "\n")
    else:
        written = write_json_stream(records(), sys.stdout)
    if not written:
        fail(f"{skipped[0].source}: {skipped[0].reason}" if skipped else f"{path}: no article found")
    dates.report()
    for item in skipped:
        sys.stderr.write(f"hadath: skipped {item.source}: {item.reason}\n")


def write_json_stream(records: Iterator[dict[str, Any]], out: TextIO) -> int:
    """Print the records as one indented JSON value, as they come: the object itself when
    there is one, else a list of them (the same text `json.dumps(list, indent=1)` gives),
    holding one record at a time. Returns how many were written."""
    first: dict[str, Any] | None = None
    count = 0
    for record in records:
        count += 1
        if count == 1:
            first = record  # one record is printed bare: wait for a second
            continue
        if count == 2:
            out.write("[\n" + _in_list(first))
            first = None
        out.write(",\n" + _in_list(record))
    if count == 1:
        out.write(_dumps(first, pretty=True) + "\n")
    elif count:
        out.write("\n]\n")
    return count


def _in_list(record: Any) -> str:
    # inside a list every line is indented one more step (no raw newline is inside a string)
    return "\n".join(" " + line for line in _dumps(record, pretty=True).split("\n"))


def _progress(total: int | None, err: Console) -> Progress:
    """Done / total, percentage, rate and time left when the input's size is known; the count,
    rate and time taken when it is not (an archive or a feed is only counted by reading it)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        Task,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.table import Column
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second, once there is a rate to show."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f} articles/s",
                        style="progress.data.speed")

    if total is None:
        counts: list[ProgressColumn] = [TextColumn("{task.completed} articles"), RateColumn(),
                                        TimeElapsedColumn()]
    else:
        counts = [MofNCompleteColumn(), TaskProgressColumn(), RateColumn(), TimeRemainingColumn()]
    # A log file or a pipe gets no bar, only the notes and the summary.
    phase = TextColumn("{task.description}", table_column=Column(min_width=len("opening the store")))
    return Progress(SpinnerColumn(), phase, BarColumn(), *counts,
                    console=err, transient=True, disable=not err.is_interactive)


def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    db: DbOpt = DEFAULT_DB,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    url: UrlOpt = None,
    tagger: TaggerOpt = True,
    accurate_tagger: AccurateOpt = False,
    all_mentions: AllMentionsOpt = False,
) -> None:
    """Ingest PATHS into the store and extract their events; re-running changes nothing."""
    from hadath.ingest import Deduplicator, IngestDefaults, Skipped, count_records, read_inputs
    from hadath.store.db import Store

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or folder")
    tally: Counter[str] = Counter()
    problems: list[tuple[str, str, str]] = []
    dates = PublicationDates()
    total = count_records(paths)
    with _progress(total, _err()) as progress:
        task = progress.add_task("opening the store", total=total)
        store = Store(db)
        dedup = Deduplicator()
        for article_id, text, published_at in store.stored_texts():
            dedup.add(article_id, text, published_at)
        models_loaded = False
        progress.update(task, description="reading")
        for item in read_inputs(paths, IngestDefaults(published=published, outlet=outlet, url=url)):
            if isinstance(item, Skipped):
                outcome = "skipped"
                problems.append(("skipped", item.source, item.reason))
                store.record_skip(item.source, item.reason)
            elif store.is_stored(item.id, item.text):
                outcome = "unchanged"
            else:
                if not models_loaded:
                    # the first article loads the lexicons, gazetteer and tagger: seconds
                    progress.update(task, description="loading models")
                    models_loaded = True
                outcome = _extract_and_save(store, dedup, item, problems, tagger, accurate_tagger,
                                            all_mentions)
                if outcome == "new":
                    dates.note(item)
            tally[outcome] += 1
            progress.update(task, advance=1, description="extracting" if models_loaded else "reading")
    dates.report()
    _print_summary(tally, problems, store)


def _extract_and_save(
    store: Store, dedup: Deduplicator, meta: ArticleMeta, problems: list[tuple[str, str, str]],
    tagger: bool, accurate: bool = False, all_mentions: bool = False,
) -> str:
    from hadath.pipeline import process

    meta.duplicate_of = dedup.check(meta)
    try:
        article = process(meta, tagger=tagger, accurate=accurate, all_mentions=all_mentions)
        store.save(article, source=meta.url or meta.id)
    except Exception as exc:  # noqa: BLE001 — one bad article never stops a batch; it is reported
        reason = f"{type(exc).__name__}: {exc}"
        problems.append(("failed", meta.id, reason))
        store.record_skip(meta.id, reason)
        return "failed"
    return "duplicate" if meta.duplicate_of else "new"


def _print_summary(tally: Counter[str], problems: list[tuple[str, str, str]], store: Store) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Console()
    table = Table(title="hadath run")
    table.add_column("outcome")
    table.add_column("articles", justify="right")
    for outcome in ("new", "unchanged", "duplicate", "skipped", "failed"):
        table.add_row(outcome, str(tally.get(outcome, 0)))
    counts = store.counts()
    table.add_row("reports / fused events in store", f"{counts['events']} / {counts['fused_events']}")
    out.print(table)
    if problems:
        listing = Table(title="skipped or failed inputs")
        listing.add_column("outcome")
        listing.add_column("input", overflow="fold")
        listing.add_column("reason", overflow="fold")
        for row in problems:
            listing.add_row(*row)
        out.print(listing)


def build_vocab(
    corpus: Annotated[Path, typer.Option("--corpus", help="The ANT corpus folder.")] = Path("../shared/data/antcorpus"),
) -> None:
    """Rebuild the word-frequency list that guides clitic splitting."""
    from hadath.text.vocab import build_vocab as build

    if not corpus.is_dir():
        fail(f"{corpus}: not a folder; pass --corpus PATH to the ANT corpus")
    typer.echo(f"{build(corpus)} words written")


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(run)
    build_app.command("vocab")(build_vocab)
