"""The `hadath` command line: thin shells over the library's functions."""
from __future__ import annotations

import importlib
import os
import sys

import typer

from hadath.errors import HadathError

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="Arabic news to event data.",
)
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
    "hadath.events.cli",
    "hadath.geo.cli",
]


def _register_stages() -> None:
    for module_name in STAGE_COMMANDS:
        importlib.import_module(module_name).register(app, train_app, build_app)


_register_stages()


def main() -> None:
    """Run the command line; an unexpected error is one line on stderr, never a traceback
    (set HADATH_DEBUG=1 to see it)."""
    try:
        app()
    except HadathError as exc:
        _die(str(exc))
    except (OSError, ValueError, RuntimeError) as exc:
        if os.environ.get("HADATH_DEBUG"):
            raise
        _die(f"{type(exc).__name__}: {exc}")


def _die(message: str) -> None:
    sys.stderr.write(f"hadath: error: {message}\n")
    sys.exit(2)
