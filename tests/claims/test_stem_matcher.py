"""The lexicon matcher finds each form's stems and reads the clitics off the text: its hits must
be those of an automaton over every written shape `_variants` spells out, on real news."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ahocorasick
import pytest

from hadath.claims.lexicon import (
    MultiMatcher,
    PhraseHit,
    _longest_first,
    _open_ended,
    _variants,
    _whole,
    load_table,
)
from hadath.text.normalize import normalize

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "events" / "articles.jsonl"


class SpelledOutMatcher:
    """The reference: one automaton key per written shape of every form."""

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


def _texts() -> list[str]:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    texts = [normalize(json.loads(line)["text"]).text for line in lines[:25]]
    # shapes the clitics make: و+ب+ال, ل+ال = لل, ة → ت before a pronoun, the accusative alif,
    # "وفقا لـ" written onto the next word, a digit glued to a word
    texts.append(normalize("وبالانسحاب للانسحاب سيطرتها قصفا هجوما انتحاريا وفقا للمرصد "
                           "بمقتل31 شخصا والمصادر العسكرية فبالقصف ستقصف وسيقصفون").text)
    return texts


TABLES = {
    "claims": ("cues.tsv",),
    "events": ("triggers.tsv", "figures.tsv", "modality_cues.tsv", "victims.tsv",
               "type_cues.tsv", "place_qualifiers.tsv"),
}


@pytest.mark.parametrize("stage", sorted(TABLES))
def test_stems_find_what_the_spelled_out_shapes_find(stage: str) -> None:
    tables = {name: load_table(stage, name) for name in TABLES[stage]}
    fast, reference = MultiMatcher(tables), SpelledOutMatcher(tables)
    found = 0
    for text in _texts():
        got, want = fast.find(text), reference.find(text)
        assert got == want
        found += sum(map(len, got.values()))
    assert found > 100
