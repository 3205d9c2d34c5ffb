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
    """Normalised word → its cluster id at each granularity ({} when no file is built)."""
    path = clusters_path()
    if not path.exists():
        return {}
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in rows:
            if row.startswith(("#", "word\t")):
                continue
            word, *ids = row.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table
