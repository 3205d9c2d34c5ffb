"""Exports: the store's fused events as files that open unchanged in analysts' tools, one module
per format (ACLED's CSV, PLOVER JSON, GeoJSON, Parquet) over one reader that pages through the
store (`reader.iter_events`) and mapping tables in `data/export/`.

`export_events(format, out, store, query)` writes one export and returns what it wrote.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FORMATS = ("acled-csv", "plover-json", "geojson", "parquet")


def export_events(format: str, out: str | Path, records: Iterable[dict[str, Any]]) -> Any:
    """Write `records` to `out` ("-" is standard output, except for parquet, whose `out` is a
    directory) in `format`; the `ExportSummary` of what was written and left out."""
    from hadath.export.parquet import write_parquet

    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "parquet":
        return write_parquet(records, Path(out))
    if str(out) == "-":
        return _write_text(format, records, sys.stdout, array=False)
    path = Path(out)
    # newline="" for csv: the writer ends its own lines
    with path.open("w", encoding="utf-8", newline="") as stream:
        return _write_text(format, records, stream, array=path.suffix == ".json")


def _write_text(format: str, records: Iterable[dict[str, Any]], stream: Any, *, array: bool) -> Any:
    from hadath.export.acled import write_acled_csv
    from hadath.export.geojson import write_geojson
    from hadath.export.plover import write_plover

    if format == "acled-csv":
        return write_acled_csv(records, stream)
    if format == "geojson":
        return write_geojson(records, stream)
    return write_plover(records, stream, array=array)
