"""Compiled data kept between runs: what a stage builds from its data files at start (the actor
dictionary with every template expanded, the time rules' analysis) is built once and stored.

`compiled(name, build, data=..., code=...)` returns `build()`'s result, read from a pickle in
the user cache folder (`$HADATH_CACHE_DIR`, else `$XDG_CACHE_HOME/hadath`, else
`~/.cache/hadath`) when one was stored for the same data files, the same source of the modules
that build it, the same hadath and the same Python; otherwise it builds and stores it.
`HADATH_CACHE=0` turns the cache off. A store is written to a temporary file and renamed into
place, so two processes building at once each write a whole file and a reader never sees half
of one; a folder that cannot be written only means building every time.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

CACHE_ENV = "HADATH_CACHE_DIR"
SWITCH_ENV = "HADATH_CACHE"
# Raised when the stored layout changes in a way no source file shows.
_FORMAT = 1


def cache_dir() -> Path:
    """Where compiled data is kept."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hadath"


def data_files(package: str, names: Iterable[str] | None = None) -> list[Traversable]:
    """The files of a data package (`hadath.data.actors`), all of them or the ones named."""
    folder = resources.files(package)
    if names is None:
        return sorted((f for f in folder.iterdir() if f.is_file()), key=lambda f: f.name)
    return [folder.joinpath(name) for name in names]


def module_files(*modules: str) -> list[Path]:
    """The source files of modules, whose code decides what is built."""
    found = []
    for name in modules:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        found.append(Path(module.__file__ or ""))
    return found


def fingerprint(name: str, sources: Iterable[Traversable | Path]) -> str:
    """A hash of the name, Python's version and every source file's bytes (the code that
    builds is among the sources, so a new version of hadath builds anew)."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{name}\0{_FORMAT}\0{sys.version_info[:2]}\0".encode())
    for source in sources:
        digest.update(source.name.encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def compiled(name: str, build: Callable[[], T], *, data: Iterable[Traversable | Path],
             code: Iterable[str]) -> T:
    """`build()`, or what it returned before for the same data files and code (see module)."""
    if os.environ.get(SWITCH_ENV) == "0":
        return build()
    key = fingerprint(name, [*data, *module_files(*code)])
    folder = cache_dir()
    path = folder / f"{name}-{key}.pickle"
    # a missing, damaged or foreign file is rebuilt, never trusted
    with contextlib.suppress(Exception), path.open("rb") as handle:
        return pickle.load(handle)  # type: ignore[no-any-return]
    value = build()
    _store(folder, path, name, value)
    return value


def _store(folder: Path, path: Path, name: str, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        return  # a read-only home: build every time
    for old in folder.glob(f"{name}-*.pickle"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
