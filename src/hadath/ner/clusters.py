"""Word clusters learned from unlabelled Arabic news, as the tagger's features read them.

`word_clusters()` maps a normalised word to its cluster ids at 64, 256 and 1024 clusters,
from `data/ner/clusters.tsv.gz` (rebuilt by `hadath.ner.cluster_build`).
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources
from pathlib import Path

GRANULARITIES = (64, 256, 1024)


def clusters_path() -> Path:
    return Path(str(resources.files("hadath") / "data" / "ner" / "clusters.tsv.gz"))


@lru_cache(maxsize=1)
def word_clusters() -> dict[str, tuple[str, ...]]:
    """Normalised word → its cluster id at each granularity ({} when no file is built); read
    from the compiled-data cache after the first run (parsing the file takes a quarter second)."""
    from hadath.compiled import compiled

    path = clusters_path()
    if not path.exists():
        return {}
    return compiled("ner-clusters", lambda: _read(path), data=[path], code=(__name__,))


def _read(path: Path) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in rows:
            if row.startswith(("#", "word\t")):
                continue
            word, *ids = row.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table
