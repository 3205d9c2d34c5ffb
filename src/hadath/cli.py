"""The `hadath` command line: thin shells over the library's functions."""
from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import typer

# Typer (pinned in pyproject.toml) ships its own copy of click; its usage errors are these.
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from hadath.cli_index import command_line
from hadath.errors import HadathError


class OneLineErrors(TyperGroup):
    """A mistyped command line is one line on stderr, as every other error is, and exit 2:
    "hadath: error: Invalid value for '--type': 'airstrike' is not one of 'armed_clash', …"."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except NoArgsIsHelpError as exc:
            sys.exit(exc.exit_code)  # the help is already printed
        except UsageError as exc:
            # Typer words a bad choice "Value error, 'x' is not one of ..."
            message = exc.format_message().replace("Value error, ", "")
            _die(" ".join(message.split()), exc.exit_code)
        except ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except typer.Abort:
            _die("aborted", 1)
        # Without standalone mode click returns the code of an explicit exit (typer.Exit) and
        # the command's return value otherwise; commands here return None.
        sys.exit(code if isinstance(code, int) else 0)


def _new_apps() -> tuple[typer.Typer, typer.Typer, typer.Typer]:
    app = typer.Typer(
        cls=OneLineErrors, add_completion=False, no_args_is_help=True,
        pretty_exceptions_enable=False, help="Arabic news to event data.",
    )
    train_app = typer.Typer(no_args_is_help=True, help="Rebuild trained models from public data.")
    build_app = typer.Typer(no_args_is_help=True, help="Rebuild compiled data (gazetteers).")
    app.add_typer(train_app, name="train")
    app.add_typer(build_app, name="build")
    return app, train_app, build_app


# Each stage that has commands of its own exposes `register(app, train_app, build_app)` in
# its `cli` module; adding a stage's commands is one line here.
STAGE_COMMANDS = [
    "hadath.commands",
    "hadath.cli_events",
    "hadath.time.cli",
    "hadath.mentions.cli",
    "hadath.ner.cli",
    "hadath.events.cli",
    "hadath.geo.cli",
    "hadath.api.cli",
    "hadath.export.cli",
    "hadath.batch.cli",
    "hadath.benchmark.cli",
]


def full_app() -> typer.Typer:
    """The command line with every stage's commands registered (what `hadath.cli.app` is)."""
    app, train_app, build_app = _new_apps()
    for module_name in STAGE_COMMANDS:
        importlib.import_module(module_name).register(app, train_app, build_app)
    return app


def __getattr__(name: str) -> Any:
    # `from hadath.cli import app` (the tests, CliRunner) gets the whole command line; the
    # `hadath` executable itself imports only the module of the command it runs (see main).
    if name == "app":
        globals()["app"] = full_app()
        return globals()["app"]
    raise AttributeError(name)


def main() -> None:
    """Run the command line; an unexpected error is one line on stderr, never a traceback
    (set HADATH_DEBUG=1 to see it)."""
    try:
        command_line(sys.argv[1:], STAGE_COMMANDS, _new_apps)()
    except HadathError as exc:
        _die(str(exc))
    except (OSError, ValueError, RuntimeError) as exc:
        if os.environ.get("HADATH_DEBUG"):
            raise
        _die(f"{type(exc).__name__}: {exc}")


def _die(message: str, code: int = 2) -> None:
    sys.stderr.write(f"hadath: error: {message}\n")
    sys.exit(code)
