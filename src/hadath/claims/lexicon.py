"""Lexicon files of the claims and events stages, compiled into clitic-aware phrase matchers.

`load_table(stage, name)` reads a TSV data file (comment lines start with #, then a header);
`PhraseMatcher(rows)` finds its phrases in normalised text, allowing the Arabic proclitics
(و ف ب ل ك, the article ال, their fusion لل) and pronoun suffixes a news text puts on them.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick

from hadath.spans import longest_first
from hadath.text.normalize import normalize_key

# Conjunctions and prepositions that attach to the next word ("وأعلن", "بمقتل", "للانسحاب").
# The future prefix س is kept so that "ستقصف" is found and can be read as planned.
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "وبال", "س", "وس", "فس")
# Object and possessive pronouns ("انسحابه", "سيطرتها", "قواتهم"), the accusative alif of
# indefinite nouns ("رصد قصفا") and plural verb endings ("هاجموا", "يقصفون").
# ("ي", "my", is left out: it turns "أيد" (supported) into "أيدي" (hands).)
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "نا", "كم", "ا", "وا", "ون")


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A lexicon phrase found in normalised text; `start`/`end` index that text."""

    start: int
    end: int
    row: dict[str, str]


def load_table(stage: str, name: str) -> list[dict[str, str]]:
    """Rows of `data/<stage>/<name>` as dicts keyed by the header; `form` is normalised."""
    path = resources.files("hadath") / "data" / stage / name
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    lines = [x for x in lines if not x.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        row["form"] = normalize_key(row["form"])
        rows.append(row)
    return rows


def _variants(form: str) -> Iterable[str]:
    """Every written shape of `form` with clitics: و+ب+ال+حلب, سيطره → سيطرتها. (`MultiMatcher`
    finds exactly these without listing them; the tests compare the two.)"""
    stems = _stems(form)
    for stem in stems:
        for pre in _PROCLITICS:
            if pre.endswith("ال") and stem.startswith("ال"):
                continue
            word = pre + stem
            for suf in _SUFFIXES if not _open_ended(form) else ("",):
                if not suf or not word.endswith("ه"):
                    yield word + suf
                elif suf != "ا":
                    # ta marbuta is written ت before a suffix: سيطرة + ها → سيطرتها
                    yield word[:-1] + "ت" + suf


def _open_ended(form: str) -> bool:
    """"وفقا لـ", "استعدادا لـ": the phrase ends in a clitic written onto the next word."""
    return form.endswith(" ل")


class PhraseMatcher:
    """Finds lexicon phrases as whole words in normalised text, longest match first: one table
    matched on its own (see `MultiMatcher` for several in one pass)."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self._tables = MultiMatcher({"": list(rows)})

    def find(self, text: str) -> list[PhraseHit]:
        return self._tables.find(text)[""]


def _whole(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether [start, end) starts and ends on word boundaries ("هجوم" is not in "الهجومية");
    `str.isalnum() or "_"` is the regex class \\w, tested without a regex call per hit."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    # a letter and a digit meet at a boundary too: "بمقتل31 شخصا" is بمقتل + 31
    return (not (before.isalpha() or before == "_" or (before.isdigit() and text[start].isdigit())),
            not (after.isalpha() or after == "_" or (after.isdigit() and text[end - 1].isdigit())))


def _longest_first(hits: list[PhraseHit]) -> list[PhraseHit]:
    """Drop hits inside longer ones ("غارات" inside "غارات جوية"), keep text order."""
    return longest_first(hits, lambda h: (-(h.end - h.start), h.start))


class MultiMatcher:
    """Several lexicon files matched in one pass over the text; each file's hits are kept apart
    and each file keeps its own longest-match rule.

    The automaton holds each form's stems only (the form, its definite and accusative
    phrases, ال/لل + form), a few per form rather than the hundreds of written shapes
    `_variants` spells out; the clitics around a stem are read off the text where the stem is
    found. The hits are those of an automaton over every variant: a variant found is one
    proclitic + stem + suffix, and the row it stands for is the first row whose form it is,
    else the first row (in file order) that spells it.
    """

    def __init__(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        self._automaton = ahocorasick.Automaton()
        cores: dict[str, list[_Core]] = {}
        for name, rows in tables.items():
            for order, row in enumerate(rows):
                for core in _cores(row, name, order):
                    cores.setdefault(core[0], []).append(core)
        for key, found in cores.items():
            self._automaton.add_word(key, (len(key), tuple(found)))
        self._automaton.make_automaton()
        self.names = tuple(tables)

    def find(self, text: str) -> dict[str, list[PhraseHit]]:
        # (table, start, end) -> (rank, row): the row the variant text[start:end] stands for
        chosen: dict[tuple[str, int, int], tuple[tuple[int, int], dict[str, Any]]] = {}
        size = len(text)
        for last, (length, cores) in self._automaton.iter(text):
            stem_start, stem_end = last - length + 1, last + 1
            lead = [k for k in _PRE_LENGTHS
                    if k <= stem_start and text[stem_start - k:stem_start] in _PRE_SET]
            if not lead:
                continue
            tail = [k for k in _SUF_LENGTHS
                    if stem_end + k <= size and text[stem_end:stem_end + k] in _SUF_SET]
            for _stem, name, order, row, stem_al, suffixes in cores:
                for k in lead:
                    pre = text[stem_start - k:stem_start]
                    if stem_al and pre.endswith("ال"):
                        continue
                    start = stem_start - k
                    for j in tail:
                        if text[stem_end:stem_end + j] not in suffixes:
                            continue
                        end = stem_end + j
                        variant = text[start:end]
                        # a row's own form first, then file order
                        rank = (0 if variant == row["form"] else 1, order)
                        spot = (name, start, end)
                        if spot not in chosen or rank < chosen[spot][0]:
                            chosen[spot] = (rank, row)
        hits: dict[str, list[PhraseHit]] = {name: [] for name in self.names}
        for (name, start, end), (_rank, row) in chosen.items():
            opens, closed = _whole(text, start, end)
            if opens and (closed or _open_ended(row["form"])):
                hits[name].append(PhraseHit(start, end, row))
        return {name: _longest_first(found) for name, found in hits.items()}


# (stem or its ت-form, table, row order, row, stem starts with ال, suffixes allowed after it)
_Core = tuple[str, str, int, dict[str, Any], bool, frozenset[str]]
_PRE_SET = frozenset(_PROCLITICS)
_SUF_SET = frozenset(_SUFFIXES)
_PRE_LENGTHS = sorted({len(p) for p in _PROCLITICS})
_SUF_LENGTHS = sorted({len(s) for s in _SUFFIXES})
_ALL_SUFFIXES = frozenset(_SUFFIXES)
_BARE = frozenset({""})
# after ta marbuta written ت: a pronoun or plural ending, never the bare word or the alif
_T_SUFFIXES = frozenset(s for s in _SUFFIXES if s and s != "ا")


def _stems(form: str) -> set[str]:
    """The stems `_variants` puts clitics on."""
    stems = {form}
    # an indefinite accusative phrase marks every word: "هجوما انتحاريا"; a definite phrase
    # marks every word: "التفجير الانتحاري", "المصادر العسكرية"; ل + ال is written لل
    if " " in form and not any(w.endswith(("ه", "ا")) or w.startswith("ال") for w in form.split()):
        stems.add(" ".join(w + "ا" for w in form.split()))
    if " " in form and not any(w.startswith("ال") for w in form.split()):
        stems.add(" ".join("ال" + w for w in form.split()))
    if form.startswith("ال"):
        stems.add("ل" + form[1:])
    else:
        stems.add("ال" + form)
        stems.add("لل" + form)
    return stems


def _cores(row: dict[str, Any], name: str, order: int) -> list[_Core]:
    """What the automaton holds for one row: each stem with the suffixes it takes; a stem in
    ة (normalised ه) also as its ت-form, which takes a pronoun ending (سيطرتها)."""
    form = row["form"]
    found: list[_Core] = []
    for stem in _stems(form):
        al = stem.startswith("ال")
        if _open_ended(form):
            found.append((stem, name, order, row, al, _BARE))
        elif stem.endswith("ه"):
            found.append((stem, name, order, row, al, _BARE))
            found.append((stem[:-1] + "ت", name, order, row, al, _T_SUFFIXES))
        else:
            found.append((stem, name, order, row, al, _ALL_SUFFIXES))
    return found


@cache
def multi_matcher(stage: str, names: tuple[str, ...]) -> MultiMatcher:
    """One compiled matcher over several data files of a stage, built once per process."""
    return MultiMatcher({name: load_table(stage, name) for name in names})


@cache
def matcher(stage: str, name: str) -> PhraseMatcher:
    """The compiled matcher of one data file, built once per process."""
    return PhraseMatcher(load_table(stage, name))


@cache
def table(stage: str, name: str) -> dict[str, dict[str, str]]:
    """One data file as a dict from normalised form to row."""
    return {row["form"]: row for row in load_table(stage, name)}
