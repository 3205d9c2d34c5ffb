"""The `hadath` command line: thin shells over the library's functions."""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Arabic news to event data.")
train_app = typer.Typer(no_args_is_help=True, help="Rebuild trained models from public data.")
build_app = typer.Typer(no_args_is_help=True, help="Rebuild compiled data (gazetteers).")
app.add_typer(train_app, name="train")
app.add_typer(build_app, name="build")

# Each stage that has commands of its own exposes `register(app, train_app, build_app)` in
# its `cli` module; adding a stage's commands is one line here.
STAGE_COMMANDS = [
    "hadath.commands",
    "hadath.time.cli",
    "hadath.mentions.cli",
    "hadath.ner.cli",
]


def _register_stages() -> None:
    for module_name in STAGE_COMMANDS:
        importlib.import_module(module_name).register(app, train_app, build_app)


_register_stages()


def main() -> None:
    app()
