"""What `hadath batch` and `hadath load` draw and print: a Rich progress bar on stderr (only on
a terminal, never into a pipe or a log) and a summary table on stdout.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Column, Table
from rich.text import Text

from hadath.batch.loader import LoadSummary
from hadath.batch.runner import BatchSummary
from hadath.cli_output import say  # one plain line: Rich would wrap a long path

err = Console(stderr=True)


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} articles/s", style="progress.data.speed")


def _progress(*extra: ProgressColumn) -> Progress:
    phase = TextColumn("{task.description}", table_column=Column(min_width=len("starting the cluster")))
    return Progress(SpinnerColumn(), phase, BarColumn(), MofNCompleteColumn(),
                    TaskProgressColumn(), RateColumn(), TimeRemainingColumn(), *extra,
                    console=err, transient=True, disable=not err.is_interactive)


class _Bar:
    """A progress bar drawn while the command runs, gone when it ends."""

    def __init__(self, first_phase: str, *extra: ProgressColumn) -> None:
        self.bar = _progress(*extra)
        self.task = self.bar.add_task(first_phase, total=None, partitions="")

    def __enter__(self) -> Self:
        self.bar.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.bar.__exit__(kind, value, traceback)


class BatchProgress(_Bar):
    """Records done of the records planned (counted, or estimated from file sizes where a
    file's records cannot be counted without reading it), and partitions done."""

    def __init__(self) -> None:
        super().__init__("starting the cluster", TextColumn("{task.fields[partitions]}"))
        self.partitions = 0
        self.done = 0
        self.workers = 0

    def start(self, summary: BatchSummary, records: int) -> None:
        self.partitions = summary.partitions
        self.done = summary.finished_before
        self.workers = summary.workers
        self.bar.update(self.task, description="extracting", total=records,
                        partitions=self._partitions())

    def partition_done(self, record: dict[str, Any]) -> None:
        self.done += 1
        tally = record.get("tally", {})
        items = sum(tally.get(k, 0) for k in ("new", "duplicate", "skipped", "failed"))
        self.bar.update(self.task, advance=items, partitions=self._partitions())

    def _partitions(self) -> str:
        workers = f"{self.workers} worker" + ("" if self.workers == 1 else "s")
        return f"{self.done}/{self.partitions} partitions, {workers}"


class LoadProgress(_Bar):
    def __init__(self) -> None:
        super().__init__("opening the store")

    def start(self, articles: int) -> None:
        self.bar.update(self.task, description="loading", total=articles)

    def article_done(self, outcome: str) -> None:
        self.bar.update(self.task, advance=1)


def print_batch_summary(summary: BatchSummary) -> None:
    out = Console()
    table = Table(title="hadath batch")
    table.add_column("")
    table.add_column("count", justify="right")
    tally = summary.tally
    for label, key in (("new articles", "new"), ("duplicates within a partition", "duplicate"),
                       ("skipped inputs", "skipped"), ("failed articles", "failed"),
                       ("events", "events")):
        table.add_row(label, f"{tally.get(key, 0):,}")
    table.add_row("partitions done before this run", f"{summary.finished_before:,}")
    table.add_row("partitions done in this run", f"{summary.finished_now:,}")
    if summary.failed:
        table.add_row("partitions failed (run again to retry)", f"{len(summary.failed):,}")
    table.add_row("partitions in the batch", f"{summary.partitions:,}")
    if summary.finished_now:
        table.add_row("workers", str(summary.workers))
        table.add_row("wall time", f"{summary.wall_seconds:,.1f} s")
        table.add_row("CPU time in partitions", f"{summary.cpu_seconds:,.1f} s")
    out.print(table)
    for label, reason in summary.failed:
        say(f"partition {label} failed: {reason}")
    if summary.errors:
        _print_problems(((e["outcome"], _shown(e["source"]), e["reason"]) for e in summary.errors),
                        "skipped or failed inputs (first ones; all are in "
                        f"{Path(summary.out) / 'errors'})")


def print_load_summary(summary: LoadSummary, out_dir: Path) -> None:
    out = Console()
    table = Table(title="hadath load")
    table.add_column("outcome")
    table.add_column("articles", justify="right")
    for outcome in ("new", "unchanged", "duplicate", "skipped", "failed"):
        table.add_row(outcome, f"{summary.tally.get(outcome, 0):,}")
    table.add_row("partitions loaded", f"{summary.loaded:,} of {summary.partitions:,}")
    for name in ("articles", "events", "fused_events"):
        if name in summary.counts:
            table.add_row(f"{name.replace('_', ' ')} in store", f"{summary.counts[name]:,}")
    out.print(table)
    if summary.unfinished:
        say(f"{summary.unfinished} partitions of {out_dir} are not finished; run the same "
            "hadath batch again to finish them, then load again")
    if summary.problems:
        _print_problems([(outcome, _shown(source), reason)
                         for outcome, source, reason in summary.problems[:10]],
                        "skipped or failed inputs (first ones)")


def _shown(source: str) -> str:
    """An input's path as the user would type it here: below the working folder, relative
    (the batch's files name inputs by their absolute paths, the same on every machine)."""
    if not source.startswith(os.sep):
        return source
    relative = os.path.relpath(source)
    return source if relative.startswith("..") else relative


def _print_problems(rows: Iterable[tuple[str, str, str]], title: str) -> None:
    listing = Table(title=title)
    listing.add_column("outcome")
    listing.add_column("input", overflow="fold")
    listing.add_column("reason", overflow="fold")
    for row in rows:
        listing.add_row(*row)
    Console().print(listing)
