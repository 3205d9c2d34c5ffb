"""Aho-Corasick matching of actor aliases on normalised Arabic text, clitics and all.

Takes a normalised string and returns `AliasMatch`es (normalised offsets, the alias targets),
whole words only, after the proclitics و ف ب ل ك, "للجيش" read as ل + الجيش; overlapping
matches are settled longest first.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from hadath.compiled import compiled
from hadath.mentions.actor_lexicon import BUILD_CODE, AliasTarget, actor_data_files, load_lexicon

# Proclitic sequences allowed before an alias (conjunction, then preposition).
PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
# Before "ال" the preposition ل swallows the alif: ل + الجيش = للجيش.
LAM_PROCLITICS = frozenset({"ل", "ول", "فل"})
_LONGEST_CLITIC = max(map(len, PROCLITICS | LAM_PROCLITICS))


@dataclass(frozen=True)
class AliasMatch:
    """One alias found at [start, end) of the normalised text."""

    start: int
    end: int
    key: str
    targets: tuple[AliasTarget, ...]

    @property
    def priority(self) -> int:
        return max(t.priority for t in self.targets)


# (alias key, found as its lam-assimilated variant, targets, length of the text matched)
AliasEntry = tuple[str, bool, tuple[AliasTarget, ...], int]


@lru_cache(maxsize=1)
def alias_automaton() -> tuple[ahocorasick.Automaton, list[AliasEntry]]:
    """The automaton over every alias key and its lam-assimilated variant (الجيش → لجيش),
    storing the index of each key's `AliasEntry`: an automaton of integers is read back from the
    compiled-data cache many times faster than one of Python objects, and the entries are
    listed again from the dictionary in the same order in a few milliseconds."""
    entries = _alias_entries()
    automaton = compiled("actor-automaton", lambda: _build_automaton(entries),
                         data=actor_data_files(), code=(*BUILD_CODE, __name__))
    return automaton, entries


def _alias_entries() -> list[AliasEntry]:
    entries: list[AliasEntry] = []
    aliases = load_lexicon().aliases
    for key, targets in aliases.items():
        entries.append((key, False, tuple(targets), len(key)))
        if key.startswith("ال") and len(key) > 3:
            variant = key[1:]
            if variant not in aliases:
                entries.append((key, True, tuple(targets), len(variant)))
    return entries


def _build_automaton(entries: list[AliasEntry]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, (key, lam_variant, _targets, _length) in enumerate(entries):
        automaton.add_word(key[1:] if lam_variant else key, index)
    automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    # Letters only: a figure glued to a name ("الحشد الشعبي87") does not extend the word.
    return ch.isalpha()


def _valid_match(text: str, start: int, end: int, lam_variant: bool) -> bool:
    if end < len(text) and _is_word_char(text[end]):
        return False
    # Read back no further than a clitic can reach: a longer run of letters is no clitic.
    word_start = start
    limit = max(0, start - _LONGEST_CLITIC - 1)
    while word_start > limit and _is_word_char(text[word_start - 1]):
        word_start -= 1
    prefix = text[word_start:start]
    if lam_variant:
        return prefix in LAM_PROCLITICS
    return prefix in PROCLITICS


def find_alias_matches(text: str) -> list[AliasMatch]:
    """All valid alias matches in normalised `text`, overlaps settled longest first."""
    found: list[AliasMatch] = []
    automaton, entries = alias_automaton()
    for last, index in automaton.iter(text):
        key, lam_variant, targets, length = entries[index]
        end = last + 1
        if _valid_match(text, end - length, end, lam_variant):
            start = end - length
            found.append(AliasMatch(start, end, key, targets))
    return select_longest(found)


def select_longest(matches: list[AliasMatch]) -> list[AliasMatch]:
    """Keep the longest of overlapping matches (then the leftmost, then the higher priority)."""
    ranked = sorted(matches, key=lambda m: (-(m.end - m.start), m.start, -m.priority))
    taken: list[AliasMatch] = []
    # one byte per character, set where a kept match lies: an overlap test is one C-level scan
    occupied = bytearray(max((m.end for m in matches), default=0))
    for match in ranked:
        if 1 in occupied[match.start:match.end]:
            continue
        taken.append(match)
        occupied[match.start:match.end] = b"\x01" * (match.end - match.start)
    return sorted(taken, key=lambda m: m.start)
