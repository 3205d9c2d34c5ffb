"""The web dashboard: static files served by `hadath serve` at `/`."""
from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
