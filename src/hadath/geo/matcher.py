"""Find gazetteer names in normalised Arabic text, with proclitics and word boundaries.

`find_names(norm)` takes the normalised text and returns `NameHit`s (normalised offsets of the
name itself, clitics excluded), longest-leftmost, non-overlapping. بحلب، وحلب، والرقة، بالرقة and
للرقة (ل + الرقة, whose alef Arabic drops) all match.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from hadath.geo.gazetteer import load_gazetteer
from hadath.spans import longest_first

# Single-letter proclitics: and, so, with/in, to/for, like; in the order Arabic stacks them.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
PROCLITICS = frozenset(
    [""] + list(_CONJUNCTIONS) + list(_PREPOSITIONS)
    + [c + p for c in _CONJUNCTIONS for p in _PREPOSITIONS]
)

_LONGEST_CLITIC = max(map(len, PROCLITICS))


@dataclass(frozen=True, slots=True)
class NameHit:
    start: int  # normalised offsets of the name (the fused ل of للرقة included)
    end: int
    key: str  # the gazetteer key
    prefix: str  # the proclitics written before it ("ب", "وب", "")


def is_word_char(ch: str) -> bool:
    """A letter, digit or underscore: what the regex class `\\w` matches, without the regex."""
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in load_gazetteer().names:
        automaton.add_word(key, (key, key))
        if key.startswith("ال") and len(key) > 3:
            # ل + الرقة is written للرقة: match "لرقة" after a lam clitic.
            lam_form = "ل" + key[2:]
            if lam_form not in load_gazetteer().names:
                automaton.add_word("ل" + lam_form, (key, lam_form))
    automaton.make_automaton()
    return automaton


def find_names(norm: str) -> list[NameHit]:
    """All gazetteer names in `norm` at word boundaries, longest first, without overlaps."""
    hits: list[NameHit] = []
    for end_index, (key, form) in _automaton().iter(norm):
        end = end_index + 1
        if end < len(norm) and is_word_char(norm[end]):
            continue
        lam_fused = form != key  # للرقة: the preposition's lam is part of the span
        start = end - len(form) - 1 if lam_fused else end - len(key)
        prefix = _letters_before(norm, start)
        if prefix not in PROCLITICS or (lam_fused and prefix not in ("", "و", "ف")):
            continue
        if prefix and prefix + key in load_gazetteer().blocked_forms:
            continue
        hits.append(NameHit(start, end, key, prefix + "ل" if lam_fused else prefix))
    return _longest_leftmost(hits)


def _letters_before(norm: str, start: int) -> str:
    """The word characters glued before `start`, read back no further than a clitic can be:
    a longer run is returned cut to `_LONGEST_CLITIC` + 1 characters, which no clitic is."""
    word_start = start
    limit = max(0, start - _LONGEST_CLITIC - 1)
    while word_start > limit and is_word_char(norm[word_start - 1]):
        word_start -= 1
    return norm[word_start:start]


def _longest_leftmost(hits: list[NameHit]) -> list[NameHit]:
    return longest_first(hits, lambda h: (-(h.end - h.start), h.start))
