"""A long document is tagged a run of whole sentences at a time, so that the tagger's memory
is bounded whatever the document's length; an article of news is one run."""
from __future__ import annotations

from hadath.ner.model import DOCUMENT_TOKENS, _parts, tag_document_entities


def test_parts_are_consecutive_whole_sentences_within_the_limit() -> None:
    sentences = [["كلمة"] * n for n in (3000, 4000, 5000, 12000, 1, 9999, 2)]
    parts = _parts(sentences)
    assert [s for part in parts for s in part] == sentences  # nothing lost, nothing moved
    for part in parts:
        assert len(part) == 1 or sum(map(len, part)) <= DOCUMENT_TOKENS
    assert [list(map(len, part)) for part in parts] == [[3000, 4000], [5000], [12000], [1, 9999], [2]]
    assert _parts([["قال", "المرصد"]]) == [[["قال", "المرصد"]]]


def test_a_long_document_is_tagged_sentence_for_sentence() -> None:
    sentence = ["وقال", "الرئيس", "عبد", "الفتاح", "السيسي", "في", "القاهرة", "إن", "الحكومة", "ستعمل", "على", "ذلك", "."]
    sentences = [sentence] * (3 * DOCUMENT_TOKENS // len(sentence))
    tagged = tag_document_entities(sentences)
    assert len(tagged) == len(sentences)
    def names(found: list) -> list:
        return [(kind, first, last) for kind, first, last, _ in found]

    # the last part reads the names as the first does
    assert names(tagged[0]) and names(tagged[-1]) == names(tagged[0])
