"""The HTTP API (FastAPI): `create_app(db_url, token=None)` in `hadath.api.app`; `hadath serve`
runs it. Importing this package loads nothing heavy, so that `hadath --help` stays fast."""
from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from hadath.api.app import create_app

        return create_app
    raise AttributeError(name)
