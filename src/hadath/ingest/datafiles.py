"""Ingest's data files: takes a file name, returns its path or its data rows.

The files live in `hadath/data/ingest/`; each starts with '#' comment lines naming its source
and licence, then a header row, then tab-separated rows.
"""
from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "ingest"


def read_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of data file `name`, without comments and the header row."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:]
