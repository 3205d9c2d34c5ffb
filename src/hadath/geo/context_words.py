"""Word lists that decide whether a name in context is a place: phrases in which a place name
is no place ("صلاة المغرب"), and definite words that may follow a town without making it the
first term of a construct state ("في لودر اليوم"). Both are data files in `data/geo/`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from hadath.text.normalize import normalize_key


def _column(name: str) -> list[str]:
    path = resources.files("hadath") / "data" / "geo" / name
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _phrases() -> tuple[str, ...]:
    rows = [r for r in _column("not_places.tsv") if r != "phrase"]
    return tuple(sorted({normalize_key(r) for r in rows}, key=len, reverse=True))


@lru_cache(maxsize=1)
def non_place_phrases() -> re.Pattern[str] | None:
    phrases = _phrases()
    if not phrases:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in phrases))


def has_non_place_phrase(norm: str) -> bool:
    """Whether some listed phrase occurs in `norm` at all: most texts have none, and then no
    name needs the pattern run around it."""
    return any(phrase in norm for phrase in _phrases())


@lru_cache(maxsize=1)
def words_after_places() -> frozenset[str]:
    return frozenset(normalize_key(x) for x in _column("after_place_words.tsv") if x != "word")


