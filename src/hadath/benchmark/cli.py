"""`hadath bench`: articles per second per core for each stage and end to end, on text and on
HTML pages against trafilatura alone, peak memory, and the command line's start-up."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from hadath.cli_output import fail


def bench(
    corpus: Annotated[Path, typer.Option(
        "--corpus", help="ANT corpus folder (files with <TITLE> and <TEXT>) or a JSON Lines "
        "file of articles.")] = Path("../shared/data/antcorpus"),
    articles: Annotated[int, typer.Option("--articles", help="How many articles.")] = 300,
    repeat: Annotated[int, typer.Option("--repeat", help="Passes; the best is kept.")] = 2,
    tagger: Annotated[bool, typer.Option("--tagger/--no-tagger", help="Run the name tagger.")] = True,
    startup: Annotated[bool, typer.Option("--startup/--no-startup",
                                          help="Time `hadath --help` and `hadath extract`.")] = True,
    example: Annotated[Path, typer.Option("--example", help="The one article `extract` is "
                                          "timed on.")] = Path("examples/aleppo_2024-11-30.txt"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Measure speed (articles per CPU second, so per core) and peak memory, per stage and end
    to end, on text and on HTML pages, with trafilatura alone on the same pages as the base."""
    from hadath.benchmark.measure import Corpus, in_child, write_inputs
    from hadath.benchmark.measure import startup as time_startup

    if not corpus.exists():
        fail(f"{corpus}: no such corpus; pass --corpus with the ANT folder or a JSON Lines file")
    found = Corpus(corpus).articles(articles)
    if not found:
        fail(f"{corpus}: no articles found")
    results: dict[str, Any] = {"articles": len(found)}
    with tempfile.TemporaryDirectory() as scratch:
        jsonl, pages = write_inputs(found, Path(scratch))
        results["text"] = in_child("text", str(jsonl), repeat, tagger)
        results["html"] = in_child("html", str(pages), repeat, tagger)
        results["trafilatura"] = in_child("trafilatura", str(pages), repeat)
    if startup and example.exists():
        results["startup"] = time_startup(example, repeat)
    if as_json:
        sys.stdout.write(json.dumps(results, indent=1) + "\n")
    else:
        _print(results)


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "-"


def _print(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from hadath.benchmark.measure import STAGES

    out = Console()
    text, html, base = results["text"], results["html"], results["trafilatura"]
    n = text["articles"]
    table = Table(title=f"hadath bench: {n} articles, one core (CPU time)")
    for column in ("input", "stage", "articles/s/core", "CPU ms/article", "peak MB"):
        table.add_column(column, justify="left" if column in ("input", "stage") else "right")
    for stage in (*STAGES, "end to end"):
        spent = text["cpu"][stage]
        table.add_row("text", stage, _rate(n, spent), f"{1000 * spent / n:.2f}",
                      f"{text['peak_mb']:.0f}" if stage == "end to end" else "")
    m = html["articles"]
    base_rate = base["articles"] / base["cpu"]["end to end"]
    ours = m / html["cpu"]["end to end"]
    table.add_row("HTML", "trafilatura alone (the base)", _rate(base["articles"],
                  base["cpu"]["end to end"]), f"{1000 / base_rate:.2f}", f"{base['peak_mb']:.0f}")
    table.add_row("HTML", "ingest (page to article)", _rate(m, html["cpu"]["ingest"]),
                  f"{1000 * html['cpu']['ingest'] / m:.2f}", "")
    table.add_row("HTML", "end to end", _rate(m, html["cpu"]["end to end"]),
                  f"{1000 / ours:.2f}", f"{html['peak_mb']:.0f}")
    table.add_row("HTML", "ratio to trafilatura alone", f"{ours / base_rate:.2f}", "", "")
    out.print(table)
    if "startup" in results:
        start = Table(title="start-up (best run after one that fills the caches)")
        for column in ("command", "wall s", "CPU s", "peak MB"):
            start.add_column(column, justify="left" if column == "command" else "right")
        for name, figures in results["startup"].items():
            start.add_row(name, f"{figures['wall']:.2f}", f"{figures['cpu']:.2f}",
                          f"{figures['peak_mb']:.0f}")
        out.print(start)


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command()(bench)
