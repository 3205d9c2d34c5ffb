"""ISO 3166-1 country codes: places carry alpha-2 (SPEC location), actors alpha-3."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _alpha3_by_alpha2() -> dict[str, str]:
    path = resources.files("hadath") / "data" / "iso3166.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return {row[0]: row[1] for row in rows if row and not row[0].startswith("#")}


def alpha3(alpha2: str | None) -> str | None:
    """"SY" → "SYR"; None for an unknown code."""
    return _alpha3_by_alpha2().get((alpha2 or "").upper())
