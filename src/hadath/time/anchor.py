"""Which time expression dates a stretch of text (an event trigger, a clause).

Takes the times of an article, a span, and optionally the text; returns one `TimeExpr` or None
(None: no time governs the span, so the article's publication date applies).

The rule, in order:
1. Only times in the same sentence count. With `text`, the sentence is the stretch between
   sentence-final marks (. ! ? ؟ newline) around the span; without it, pass the sentence's times.
2. With `text`, a time right after "منذ" naming a month or a year is a point of comparison
   ("للمرة الأولى منذ عام 2016", the first time since 2016), not the event's date: skipped.
3. A time overlapping the span dates it.
4. Otherwise the nearest time by character distance; on a tie the one before the span (Arabic
   puts time adverbs right after the verb: "أعلن الجيش اليوم"), then the one nearer `ref`.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from hadath.record import TimeExpr
from hadath.text.normalize import normalize_key
from hadath.time.calendar import value_bounds
from hadath.time.finder import parse_ref
from hadath.time.lexicon import load_lexicon

_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (ends_before[-1] if ends_before else 0), (after.end() if after else len(text))


def _is_comparison_point(time: TimeExpr, text: str) -> bool:
    if time.precision < 3:
        return False
    words = normalize_key(text[max(0, time.start - 12) : time.start]).split()
    if not words:
        return False
    lex = load_lexicon()
    return lex.has("since", words[-1]) or lex.has("since", words[-1][1:])


def date_of_span(
    times: list[TimeExpr],
    start: int,
    end: int,
    ref: date | datetime | str | None = None,
    text: str | None = None,
) -> TimeExpr | None:
    """The time expression that dates text[start:end], or None (then the article date applies)."""
    candidates = list(times)
    if text is not None:
        low, high = _sentence_bounds(text, start, end)
        candidates = [
            t
            for t in candidates
            if low <= t.start and t.end <= high and not _is_comparison_point(t, text)
        ]
    if not candidates:
        return None
    overlapping = [t for t in candidates if t.start < end and start < t.end]
    if overlapping:
        return overlapping[0]
    reference = parse_ref(ref)

    def distance(t: TimeExpr) -> tuple[int, int, int]:
        gap = start - t.end if t.end <= start else t.start - end
        after = 0 if t.end <= start else 1
        drift = abs((value_bounds(t.value)[0] - reference).days) if reference else 0
        return gap, after, drift

    return min(candidates, key=distance)
