"""Commands of the events stage: `hadath train events`. Thin shells over `hadath.events.learned`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from hadath.cli_output import fail


def default_corpus() -> Path:
    """The hand-coded sentence corpus of the repository checkout (`<repo>/corpus/ant_events`)."""
    return Path(__file__).resolve().parents[3] / "corpus" / "ant_events"


def train_events(
    corpus: Annotated[Path | None, typer.Option(help="the coded corpus folder "
                                                     "(default: corpus/ant_events)")] = None,
    out: Annotated[Path | None, typer.Option(help="model folder (default: the packaged one)")] = None,
    folds: Annotated[int, typer.Option(help="held-out folds the confidence is calibrated "
                                            "on")] = 5,
) -> None:
    """Train trigger, role and modality models from the corpus; calibrate their confidence on
    held-out folds; print the folds' scores."""
    from hadath.events.learned.model import model_dir
    from hadath.events.learned.report import print_report
    from hadath.events.learned.train import (
        calibration_of,
        cross_validate,
        load_examples,
        train_all,
    )

    folder = corpus or default_corpus()
    if not (folder / "sentences.jsonl").exists():
        fail(f"no corpus at {folder}: build it with corpus/ant_events/tools/build.py")
    examples = load_examples(folder)
    result = cross_validate(examples, k=folds)
    calibration = calibration_of(result)
    target = out or model_dir()
    train_all(examples, target, calibration)
    print_report(result)
    summary = {"sentences": len(examples), "events": sum(len(e.events) for e in examples),
               "model": str(target)}
    typer.echo(json.dumps(summary))


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    train_app.command("events")(train_events)
