"""Sentence and clause segmentation of Arabic news text, as offsets into the text.

`split_sentences(text)` ends a sentence at . ! ? ؟ ؛ and at line breaks, but not on decimals
(3.5), abbreviations (د. ، أ.ف.ب) or inside quoted speech (“... انتهى.” stays one sentence).
`split_clauses(text, sentence)` further cuts a sentence at the Arabic comma ، : Arabic news
chains whole clauses with it ("أعلن الجيش انسحابه، مشيرا إلى ..."), so it is a clause boundary.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from hadath.record import Sentence

_ENDERS = frozenset(".!?؟؛")
_OPEN_QUOTES = frozenset("“«„\"")
_CLOSE_QUOTES = {"“": "”", "«": "»", "„": "”", '"': '"'}
_MAX_QUOTE = 600  # an unclosed quote longer than this is a typo, not speech
# The longest sentence kept whole, in characters. News sentences run to about 2,300 (ANT:
# 11 of 19,300 over 1,000); a longer run with no stop is a dump of words, and the later
# stages' work per sentence grows faster than its length, so it is cut into pieces.
MAX_SENTENCE = 1000
# The characters the loops below stop at; everything between them is passed over by the regex.
_SENTENCE_MARK = re.compile("[" + re.escape("".join(sorted(_ENDERS | _OPEN_QUOTES))) + "\n]")
_CLAUSE_MARK = re.compile("[" + re.escape("".join(sorted(_OPEN_QUOTES))) + "،;]")
_CLOSE_OR_LINE = {q: re.compile(f"[{re.escape(c)}\n]") for q, c in _CLOSE_QUOTES.items()}
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts


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
    found = _CLOSE_OR_LINE[text[i]].search(text, i + 1, min(len(text), i + _MAX_QUOTE))
    return found.start() if found and text[found.start()] != "\n" else None


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` as spans, leading and trailing spaces trimmed."""
    spans: list[Sentence] = []
    start = 0
    n = len(text)
    found = _SENTENCE_MARK.search(text)
    while found is not None:  # only quotes, stops and line breaks decide anything
        i = found.start()
        ch = text[i]
        if ch in _OPEN_QUOTES:
            close = _closing_quote(text, i)
            if close is not None:
                found = _SENTENCE_MARK.search(text, close + 1)
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
            found = _SENTENCE_MARK.search(text, max(end, i + 1))
            continue
        found = _SENTENCE_MARK.search(text, i + 1)
    _add(spans, text, start, n)
    return spans


def _add(spans: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:  # a run of words with no stop: pieces of a sentence
        cut = _long_sentence_cut(text, start)
        _add_piece(spans, text, start, cut)
        start = cut
    _add_piece(spans, text, start, end)


def _long_sentence_cut(text: str, start: int) -> int:
    """Where to end the first piece of an over-long sentence: after its last comma or
    semicolon in the second half of MAX_SENTENCE, else at its last space there, else at it."""
    low, high = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
    for marks in ("،;؛:", " \n"):
        cut = max(text.rfind(mark, low, high) for mark in marks)
        if cut >= low:
            return cut + 1
    return high


def _add_piece(spans: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _ALNUM.search(text, start, end):
        spans.append(Sentence(start, end))


def split_clauses(text: str, sentence: Sentence) -> list[Sentence]:
    """Clauses of one sentence: cut at ، and ; outside quoted speech."""
    clauses: list[Sentence] = []
    start = sentence.start
    found = _CLAUSE_MARK.search(text, sentence.start, sentence.end)
    while found is not None:  # only quotes and commas decide anything
        i = found.start()
        if text[i] in _OPEN_QUOTES:
            close = _closing_quote(text, i)
            if close is not None and close < sentence.end:
                found = _CLAUSE_MARK.search(text, close + 1, sentence.end)
                continue
        else:
            _add(clauses, text, start, i)
            start = i + 1
        found = _CLAUSE_MARK.search(text, i + 1, sentence.end)
    _add(clauses, text, start, sentence.end)
    return clauses
