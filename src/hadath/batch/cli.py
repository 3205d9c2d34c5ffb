"""Commands of this package (being built; registers none yet)."""
from __future__ import annotations

import typer


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    return None
