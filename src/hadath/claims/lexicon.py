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
    """Every written shape of `form` with clitics: و+ب+ال+حلب, سيطره → سيطرتها."""
    stems = {form}
    if " " in form and not any(w.endswith(("ه", "ا")) or w.startswith("ال") for w in form.split()):
        # an indefinite accusative phrase marks every word: "هجوما انتحاريا"
        stems.add(" ".join(w + "ا" for w in form.split()))
    if " " in form and not any(w.startswith("ال") for w in form.split()):
        # a definite phrase marks every word: "التفجير الانتحاري", "المصادر العسكرية"
        stems.add(" ".join("ال" + w for w in form.split()))
    if form.startswith("ال"):
        stems.add("ل" + form[1:])  # ل + ال is written لل ("للانسحاب")
    else:
        stems.add("ال" + form)
        stems.add("لل" + form)
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
    kept: list[PhraseHit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


class MultiMatcher:
    """Several lexicon files matched in one pass over the text; each file's hits are kept apart
    and each file keeps its own longest-match rule."""

    def __init__(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        self._automaton = ahocorasick.Automaton()
        added: dict[str, dict[str, dict[str, Any]]] = {}
        for name, rows in tables.items():
            exact: dict[str, dict[str, Any]] = {}
            for row in rows:
                exact.setdefault(row["form"], row)
            for row in rows:
                for variant in _variants(row["form"]):
                    exact.setdefault(variant, row)
            for key, row in exact.items():
                added.setdefault(key, {})[name] = row
        for key, by_name in added.items():
            self._automaton.add_word(key, (len(key), tuple(by_name.items())))
        self._automaton.make_automaton()
        self.names = tuple(tables)

    def find(self, text: str) -> dict[str, list[PhraseHit]]:
        hits: dict[str, list[PhraseHit]] = {name: [] for name in self.names}
        for last, (length, rows) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            opens, closed = _whole(text, start, end)
            if not opens:
                continue
            for name, row in rows:
                if closed or _open_ended(row["form"]):
                    hits[name].append(PhraseHit(start, end, row))
        return {name: _longest_first(found) for name, found in hits.items()}


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
