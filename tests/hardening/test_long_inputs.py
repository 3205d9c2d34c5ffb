"""Inputs that once took time out of proportion to their size: a 50,000-character sentence
with no punctuation took minutes (the events and claims stages compared every trigger and cue
with every mention of the article), 10,000 figures in a row. They must complete, and their
spans must still slice the text; the timeouts here only guard against a hang."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

from hardening_cli import EXAMPLE, hadath
from invariants import article_problems

from hadath.text.sentences import MAX_SENTENCE, split_sentences


def example_words() -> list[str]:
    words = EXAMPLE.read_text(encoding="utf-8").split()
    return [w for w in words if w.strip(".,،؛:؟!”“\"()") == w]


def sentence_without_stops(length: int) -> str:
    """The example article's words, punctuation left out, cycled up to `length` characters."""
    return " ".join(itertools.islice(itertools.cycle(example_words()), length // 3))[:length]


def test_a_run_of_words_without_stops_is_cut_into_pieces_of_a_sentence() -> None:
    text = sentence_without_stops(50_000)
    sentences = split_sentences(text)
    assert len(sentences) >= 50_000 // MAX_SENTENCE
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    # the pieces cover the text: nothing but spaces between them
    assert text[:sentences[0].start].strip() == ""
    for before, after in itertools.pairwise(sentences):
        assert text[before.end:after.start].strip() == ""


def test_real_long_sentences_are_kept_whole() -> None:
    # "وأضاف المرصد ... ، ... ، ...": a long news sentence under the limit is one sentence
    clause = "وأضاف المرصد السوري أن الاشتباكات تجددت في ريف حلب الجنوبي، "
    sentence = (clause * (MAX_SENTENCE // len(clause)))[:MAX_SENTENCE - 1].rstrip("، ") + "."
    assert [(s.start, s.end) for s in split_sentences(sentence)] == [(0, len(sentence))]


def _extract(tmp_path: Path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text("خبر طويل\n\n" + text, encoding="utf-8")
    result = hadath("extract", str(path), "--published", "2024-11-30", timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_a_50000_character_sentence_completes_with_its_spans_in_place(tmp_path: Path) -> None:
    record = _extract(tmp_path, "long.txt", sentence_without_stops(50_000))
    assert article_problems(record) == []
    assert len(record["article"]["text"]) > 50_000
    assert record["events"], "the words of a withdrawal article still give events"


def test_ten_thousand_figures_in_a_row_complete(tmp_path: Path) -> None:
    figures = " ".join(str(7 * i + 1) for i in range(10_000))
    record = _extract(tmp_path, "numbers.txt", "قتل " + figures + " شخصا في حلب")
    assert article_problems(record) == []
    assert len(record["numbers"]) >= 1
