"""`hadath batch` (a large crawl on a Dask cluster, into Parquet) and `hadath load` (a batch's
output into the store). Thin shells over `hadath.batch.runner` and `hadath.batch.loader`;
Dask, pyarrow and the pipeline are imported only when a command runs, so `hadath --help`
stays fast.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def _publication_date(value: str | None) -> str | None:
    from hadath.ingest.dates import normalize_published

    if value is not None and normalize_published(value) is None:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD (2024-11-30)")
    return value


def _positive(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter("must be 1 or more")
    return value


def batch(
    inputs: Annotated[list[Path], typer.Argument(
        help="Files and folders: JSON Lines, WARC, HTML, text, feeds, TREC, zips of JSON.")],
    out: Annotated[Path, typer.Option(
        "--out", help="Output folder (Parquet, manifest, errors); run again to resume.")],
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); "
                            "without it, a cluster of this machine's cores is started.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", callback=_positive,
        help="Worker processes of the local cluster (default: one a core); with "
             "--scheduler, wait until that many workers have joined.")] = None,
    partition_size: Annotated[int, typer.Option(
        "--partition-size", callback=_positive,
        help="Records a partition holds: a large JSON Lines file or WARC is cut into "
             "pieces of this many, small files are grouped up to it.")] = 500,
    published: Annotated[str | None, typer.Option(
        "--published", callback=_publication_date,
        help="Publication date (YYYY-MM-DD) for inputs without one.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name for inputs without one.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="URL for inputs without one.")] = None,
    tagger: Annotated[bool, typer.Option(
        "--tagger/--no-tagger", help="Run the statistical name tagger.")] = True,
) -> None:
    """Extract a large crawl on a Dask cluster into partitioned Parquet under OUT; a run
    killed at any point resumes where it stopped when given the same command."""
    from hadath.batch.progress import BatchProgress, print_batch_summary
    from hadath.batch.runner import BatchOptions, run_batch
    from hadath.cli_output import fail

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or folder")
    options = BatchOptions(published=published, outlet=outlet, url=url, tagger=tagger)
    with BatchProgress() as progress:
        summary = run_batch(inputs, out, scheduler=scheduler, workers=workers,
                            partition_size=partition_size, options=options,
                            on_start=progress.start, on_partition=progress.partition_done)
    print_batch_summary(summary)
    if summary.failed:
        raise typer.Exit(1)


def load(
    out: Annotated[Path, typer.Argument(help="A folder written by hadath batch.")],
    db: Annotated[str, typer.Option(
        "--db", help="Store: a SQLite file path or a SQLAlchemy URL.")] = "hadath.db",
) -> None:
    """Save a batch's articles and events into the store, fusing them with what it holds;
    loading again changes nothing."""
    from hadath.batch.loader import load_batch
    from hadath.batch.progress import LoadProgress, print_load_summary
    from hadath.cli_output import fail

    if not out.is_dir():
        fail(f"{out}: no such folder")
    with LoadProgress() as progress:
        summary = load_batch(out, db, on_start=progress.start, on_article=progress.article_done)
    print_load_summary(summary, out)


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command()(batch)
    app.command()(load)

