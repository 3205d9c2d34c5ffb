"""Reading a batch folder back the way a user would: every Parquet file under articles/ and
events/, every line under errors/, the manifest's records."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq


def rows(out: Path, table: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted((out / table).glob("*.parquet")):
        found.extend(pq.read_table(path).to_pylist())
    return found


def errors(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted((out / "errors").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def finished(out: Path) -> set[str]:
    return {p.stem for p in (out / "manifest").glob("*.json")}


def planned(out: Path) -> list[str]:
    return [p["id"] for p in json.loads((out / "plan.json").read_text())["partitions"]]


def event_keys(out: Path) -> list[tuple[Any, ...]]:
    return sorted((r["id"], r["article_id"], r["type"], r["date"], r["place"], r["record"])
                  for r in rows(out, "events"))
