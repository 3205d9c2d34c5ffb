"""Sentence and clause segmentation of Arabic news text, as offsets into the text.

`split_sentences(text)` ends a sentence at . ! ? ؟ ؛ and at line breaks, but not on decimals
(3.5), abbreviations (د. ، أ.ف.ب) or inside quoted speech (“... انتهى.” stays one sentence).
`split_clauses(text, sentence)` further cuts a sentence at the Arabic comma ، : Arabic news
chains whole clauses with it ("أعلن الجيش انسحابه، مشيرا إلى ..."), so it is a clause boundary.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from hadath.record import Sentence

_ENDERS = frozenset(".!?؟؛")
_OPEN_QUOTES = frozenset("“«„\"")
_CLOSE_QUOTES = {"“": "”", "«": "»", "„": "”", '"': '"'}
_MAX_QUOTE = 600  # an unclosed quote longer than this is a typo, not speech


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    path = resources.files("hadath") / "data" / "text" / "abbreviations.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return text[j:i]


def _is_false_stop(text: str, i: int) -> bool:
    """A full stop at i that does not end a sentence (decimal, abbreviation, initials)."""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i > 0 else ""
    if prev.isdigit() and nxt.isdigit():
        return True
    if nxt.isalpha():  # أ.ف.ب, U.S.A
        return True
    word = _word_before(text, i)
    if len(word) == 1 and word.isalpha():
        return True
    return word in _abbreviations()


def _closing_quote(text: str, i: int) -> int | None:
    """Index of the quote closing the one opened at i, if it closes on the same line soon."""
    close = _CLOSE_QUOTES[text[i]]
    limit = min(len(text), i + _MAX_QUOTE)
    for j in range(i + 1, limit):
        if text[j] == close:
            return j
        if text[j] == "\n":
            return None
    return None


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` as spans, leading and trailing spaces trimmed."""
    spans: list[Sentence] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN_QUOTES:
            close = _closing_quote(text, i)
            if close is not None:
                i = close + 1
                continue
        if ch == "\n" or (ch in _ENDERS and not (ch == "." and _is_false_stop(text, i))):
            end = i if ch == "\n" else i + 1
            while end < n and text[end] in _ENDERS:  # "..", "؟!"
                end += 1
            # a closing quote right after the stop belongs to the sentence
            while end < n and text[end] in "”»\"'":
                end += 1
            _add(spans, text, start, end)
            start = end
            i = max(end, i + 1)
            continue
        i += 1
    _add(spans, text, start, n)
    return spans


def _add(spans: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append(Sentence(start, end))


def split_clauses(text: str, sentence: Sentence) -> list[Sentence]:
    """Clauses of one sentence: cut at ، and ; outside quoted speech."""
    clauses: list[Sentence] = []
    start = sentence.start
    i = sentence.start
    while i < sentence.end:
        ch = text[i]
        if ch in _OPEN_QUOTES:
            close = _closing_quote(text, i)
            if close is not None and close < sentence.end:
                i = close + 1
                continue
        if ch in "،;":
            _add(clauses, text, start, i)
            start = i + 1
        i += 1
    _add(clauses, text, start, sentence.end)
    return clauses
