"""Which stage module registers which command, kept between runs, so that `hadath extract`
imports the extract command's module only and `hadath --help` imports none of the stages.

The index (`commands.json` in the compiled-data cache folder, see `hadath.compiled`) lists each
module's commands with their help; it is built by registering every module once, and rebuilt
when the list of modules or the source of any module whose commands it lists changes.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer
from typer.main import get_command

from hadath.compiled import SWITCH_ENV, cache_dir

Apps = tuple[typer.Typer, typer.Typer, typer.Typer]
_PACKAGE = Path(__file__).resolve().parent
_INDEX = "commands.json"
_GROUPS = ("train", "build")  # the groups every module may add commands to


def command_line(argv: Sequence[str], modules: Sequence[str],
                 new_apps: Callable[[], Apps]) -> typer.Typer:
    """The command line for `argv`: the command named registered by its own module(s), or,
    for `hadath --help` and mistyped commands, every command as a stand-in that shows its help
    in the listing."""
    app, train_app, build_app = new_apps()
    index = None if os.environ.get(SWITCH_ENV) == "0" else _index(modules, new_apps)
    name = next((arg for arg in argv if not arg.startswith("-")), None)
    if index is None:
        wanted = list(modules)
    else:
        wanted = [m for m in modules if name and name in index[m]]
    for module_name in wanted:
        importlib.import_module(module_name).register(app, train_app, build_app)
    if not wanted:
        for module_name in modules:
            for entry in index[module_name].values():  # type: ignore[index]
                _stand_in(app, entry)
    return app


def _stand_in(app: typer.Typer, entry: dict[str, Any]) -> None:
    if entry["name"] in _GROUPS:
        return
    options = {"help": entry["help"], "short_help": entry["short_help"],
               "hidden": entry["hidden"]}
    if entry["panel"] is not None:
        options["rich_help_panel"] = entry["panel"]
    if entry["group"]:
        app.add_typer(typer.Typer(), name=entry["name"], **options)
    else:
        app.command(entry["name"], **options)(_never_run)


def _never_run() -> None:  # a listed command is registered for real before it runs
    raise RuntimeError("the command's module was not loaded")


def _index(modules: Sequence[str], new_apps: Callable[[], Apps]) -> dict[str, dict[str, Any]]:
    path = cache_dir() / _INDEX
    with contextlib.suppress(Exception):
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["modules"] == list(modules) and stored["digest"] == _digest(stored["files"]):
            return stored["index"]  # type: ignore[no-any-return]
    index, files = _build(modules, new_apps)
    _save(path, {"modules": list(modules), "files": files, "digest": _digest(files),
                 "index": index})
    return index


def _build(modules: Sequence[str], new_apps: Callable[[], Apps]
           ) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Each module's commands: {module: {top-level name: entry}}, and the source files that
    decide them (the modules' own and those of the functions they register)."""
    index: dict[str, dict[str, Any]] = {}
    files: set[str] = set()
    for module_name in modules:
        apps = new_apps()
        importlib.import_module(module_name).register(*apps)
        files.add(_relative(module_name))
        files.update(_relative(m) for m in _callback_modules(apps[0]))
        group = get_command(apps[0])
        entries: dict[str, Any] = {}
        for name, command in group.commands.items():  # type: ignore[attr-defined]
            panel = getattr(command, "rich_help_panel", None)
            if name in _GROUPS and not command.commands:  # type: ignore[attr-defined]
                continue
            entries[name] = {
                "name": name, "help": command.help, "short_help": command.short_help,
                "hidden": command.hidden, "panel": panel if isinstance(panel, str) else None,
                "group": hasattr(command, "commands"),
            }
        index[module_name] = entries
    return index, sorted(f for f in files if f)


def _callback_modules(app: typer.Typer) -> set[str]:
    found = {info.callback.__module__ for info in app.registered_commands if info.callback}
    for group in app.registered_groups:
        if group.typer_instance is not None:
            found |= _callback_modules(group.typer_instance)
    return found


def _relative(module_name: str) -> str:
    module = sys.modules.get(module_name)
    file = Path(getattr(module, "__file__", "") or "")
    try:
        return file.resolve().relative_to(_PACKAGE).as_posix()
    except ValueError:
        return ""  # not hadath's own code


def _digest(files: list[str]) -> str:
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{sys.version_info[:2]}".encode())
    for name in files:
        digest.update(name.encode() + b"\0")
        with contextlib.suppress(OSError):
            digest.update((_PACKAGE / name).read_bytes())
    return digest.hexdigest()


def _save(path: Path, data: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=".commands-",
                                         suffix=".json", delete=False, encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(out.name, path)
