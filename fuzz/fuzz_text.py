"""Fuzz harness of stage 2 and the time parser: arbitrary text through normalisation,
sentences, clauses, tokens, figures and times, checking the offset invariants.

Every span any of them returns must index the text it was given and slice it to its surface;
the normalised string must map back, character by character, in order. Run through
`fuzz/run.py`.
"""
from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports(include=["hadath"]):
    from common import Broken
    from hadath.text.normalize import normalize, normalize_key
    from hadath.text.numbers import find_numbers
    from hadath.text.sentences import split_clauses, split_sentences
    from hadath.text.tokens import WordTokens, tokenize
    from hadath.time import find_times

REFERENCE = date(2024, 11, 30)


def check_normalize(text: str) -> None:
    norm = normalize(text)
    if norm.to_orig is not None:
        if len(norm.to_orig) != len(norm.text):
            raise Broken("offset map and normalised text differ in length")
        if any(b < a for a, b in zip(norm.to_orig, norm.to_orig[1:])):
            raise Broken("offset map goes backwards")
        if norm.to_orig and not 0 <= norm.to_orig[-1] < len(text):
            raise Broken("offset map points outside the text")
    elif len(norm.text) != len(text):
        raise Broken("identity map but the lengths differ")
    for start in range(0, len(norm.text) + 1, max(1, len(norm.text) // 7)):
        for end in (start, min(len(norm.text), start + 3)):
            o_start, o_end = norm.original_span(start, end)
            if not 0 <= o_start <= o_end <= len(text):
                raise Broken(f"original_span({start}, {end}) = {o_start}, {o_end}")
    normalize_key(text)


def check_segments(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        if not previous_end <= sentence.start < sentence.end <= len(text):
            raise Broken(f"sentence {sentence} after {previous_end} in {len(text)} chars")
        previous_end = sentence.end
        for clause in split_clauses(text, sentence):
            if not sentence.start <= clause.start <= clause.end <= sentence.end:
                raise Broken(f"clause {clause} outside its sentence {sentence}")


def check_tokens(text: str) -> None:
    tokens = tokenize(text)
    for token in tokens:
        if text[token.start:token.end] != token.text:
            raise Broken(f"token {token.text!r} is not text[{token.start}:{token.end}]")
        if not token.start <= token.stem_start <= token.stem_end <= token.end:
            raise Broken(f"stem {token.stem_start}..{token.stem_end} outside {token}")
    words = WordTokens(text)
    expected = [t for t in tokens if t.is_word]
    if len(words) != len(expected):
        raise Broken(f"WordTokens has {len(words)} words, tokenize {len(expected)}")
    for i in range(0, len(words), max(1, len(words) // 5)):
        if (words[i].start, words[i].end) != (expected[i].start, expected[i].end):
            raise Broken(f"word {i}: WordTokens {words[i]} but tokenize {expected[i]}")


def check_spans(kind: str, spans: list, text: str) -> None:
    for span in spans:
        if text[span.start:span.end] != span.surface:
            raise Broken(f"{kind} {span.surface!r} is not text[{span.start}:{span.end}]")


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", "ignore")
    check_normalize(text)
    check_segments(text)
    check_tokens(text)
    check_spans("number", find_numbers(text), text)
    check_spans("time", find_times(text, REFERENCE), text)
    check_spans("time without a reference", find_times(text, None), text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
