"""The compiled gazetteer: places, their normalised Arabic names, country adjectives.

`load_gazetteer()` reads `data/geo/gazetteer.json.gz` once and returns a `Gazetteer`;
`read_tsv(name)` reads one of the curated TSVs (comment lines start with '#').
"""
from __future__ import annotations

import csv
import gzip
import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from hadath.text.normalize import normalize_key

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
GAZETTEER_FILE = "gazetteer.json.gz"
# Countries whose news Arabic outlets report at village level (and where a same-name place
# abroad is rarely meant).
HOME_COUNTRIES = frozenset({
    "SY", "IQ", "YE", "LB", "PS", "LY", "SD", "SS", "EG", "SO", "JO", "TN", "SA", "DZ", "MA",
    "MR", "AE", "QA", "KW", "BH", "OM", "IL", "TR", "IR", "AF",
})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a point with its administrative context."""

    id: int
    canonical: str
    kind: str  # country | admin1 | admin2 | city | neighbourhood | landmark | region
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    flags: str

    @property
    def is_metonym(self) -> bool:
        return "metonym" in self.flags


@dataclass(frozen=True)
class Gazetteer:
    places: tuple[Place, ...]
    names: dict[str, tuple[int, ...]]  # normalised name -> place ids, most populous first
    adjectives: dict[str, str]  # normalised nationality adjective -> ISO2 ("الليبية" -> LY)
    context_names: frozenset[str]  # names that are common words too
    blocked_forms: frozenset[str]  # clitic + name spellings that are other words (وكالة)
    attribution: str

    def candidates(self, key: str) -> list[Place]:
        return [self.places[i] for i in self.names.get(key, ())]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the compiled gazetteer (once per process)."""
    path = DATA_DIR / GAZETTEER_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `hadath build gazetteer` to compile it")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    places = tuple(Place(i, *row) for i, row in enumerate(raw["entries"]))
    return Gazetteer(
        places=places,
        names={key: tuple(ids) for key, ids in raw["names"].items()},
        adjectives=dict(raw["adjectives"]),
        context_names=frozenset(raw["context_names"]),
        blocked_forms=frozenset(raw["blocked_forms"]),
        attribution=raw["attribution"],
    )


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every normalised place name (normalize_key form), for the NER tagger's features."""
    return frozenset(load_gazetteer().names)


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a curated TSV in data/geo, skipping '#' comment lines."""
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@cache
def word_list(name: str, column: str = "word") -> frozenset[str]:
    """A normalised word list from a curated TSV."""
    return frozenset(normalize_key(row[column]) for row in read_tsv(name))
