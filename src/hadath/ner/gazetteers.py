"""Gazetteer memberships for the tagger, from the places and actors stages when present.

`available_gazetteers()` names the gazetteers that can be loaded here; `gazetteer_tags(words,
names)` marks, for each word, the gazetteers whose multi-word names cover it (B or I).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache, lru_cache

from hadath.ner.caches import WORD_CACHE
from hadath.ner.stems import split_clitics

# gazetteer name → (module, function returning a frozenset of normalised names)
_SOURCES: dict[str, tuple[str, str]] = {
    "places": ("hadath.geo", "place_names"),
    "actors": ("hadath.mentions", "actor_names"),
}
_MAX_WORDS = 6  # longer names are rare and not worth the lookups


@cache
def _loader(name: str) -> Callable[[], frozenset[str]] | None:
    module_name, function_name = _SOURCES[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    function = getattr(module, function_name, None)
    return function if callable(function) else None


def available_gazetteers() -> tuple[str, ...]:
    """The gazetteers whose stage is installed and returns names."""
    return tuple(name for name in _SOURCES if _loader(name) is not None and _names(name))


def is_known_name(norm: str) -> bool:
    """Whether a normalised form is a whole name of a gazetteer (واشنطن, not و + اشنطن)."""
    return any(norm in _names(name) for name in _SOURCES if _loader(name) is not None)


@cache
def _names(name: str) -> frozenset[str]:
    return _compiled(name)[0]


@cache
def _first_words(name: str) -> dict[str, tuple[int, ...]]:
    """First word of the names → the lengths in words of the names it starts, longest first
    (so that matching tries only lengths that exist)."""
    return _compiled(name)[1]


# The data and code a gazetteer's names come from: kept in the compiled-data cache, as
# gathering them means loading the whole gazetteer or actor dictionary (half a second).
_BUILT_FROM = {
    "places": (("hadath.data.geo",), ("hadath.geo.gazetteer",)),
    "actors": (("hadath.data.actors",), ("hadath.mentions.actors", "hadath.mentions.actor_lexicon",
                                         "hadath.countries")),
}


def _compiled(name: str) -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    from hadath.compiled import compiled, data_files

    loader = _loader(name)
    if loader is None:
        return frozenset(), {}
    packages, modules = _BUILT_FROM[name]
    data = [f for package in packages for f in data_files(package)]
    return compiled(f"ner-{name}", lambda: _gathered(loader), data=data,
                    code=(__name__, *modules, "hadath.text.normalize"))


def _gathered(loader: Callable[[], frozenset[str]]) -> tuple[frozenset[str],
                                                            dict[str, tuple[int, ...]]]:
    names = frozenset(loader())
    lengths: dict[str, set[int]] = {}
    for entry in names:
        words = entry.split(" ")
        if len(words) <= _MAX_WORDS:
            lengths.setdefault(words[0], set()).add(len(words))
    return names, {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


def gazetteer_tags(norm_words: list[str], names: tuple[str, ...]) -> list[list[str]]:
    """For each normalised word, features `gz_<name>=B|I` of the longest names covering it.

    A clitic on the first word is allowed (وبحلب matches حلب), as Arabic attaches و ب ل ال.
    """
    tags: list[list[str]] = [[] for _ in norm_words]
    for name in names:
        entries = _names(name)
        covered = 0  # names do not overlap: the first, longest one wins
        for i, heads in enumerate([_heads(w, name) for w in norm_words]):
            if not heads or i < covered:
                continue
            length = _longest_match(norm_words, i, heads, entries)
            if length:
                tags[i].append(f"gz_{name}=B")
                for j in range(i + 1, i + length):
                    tags[j].append(f"gz_{name}=I")
                covered = i + length
    return tags


@lru_cache(maxsize=WORD_CACHE)
def _heads(word: str, name: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The forms of `word` (as written, without its clitics) that start a name of `name`,
    with the lengths of those names; cached, as most words start none."""
    firsts = _first_words(name)
    return tuple((h, firsts[h]) for h in dict.fromkeys((word, split_clitics(word)[1]))
                 if h in firsts)


def _longest_match(words: list[str], i: int, heads: tuple[tuple[str, tuple[int, ...]], ...],
                   entries: frozenset[str]) -> int:
    for head, lengths in heads:
        for length in lengths:
            if i + length <= len(words) and (
                    length == 1 or " ".join([head, *words[i + 1: i + length]]) in entries):
                return length
    return 0
