"""Find and resolve the temporal expressions of an Arabic text.

Takes the original text and the publication date; returns `TimeExpr` spans whose offsets index
the original text, each with an ISO 8601 value and a precision (1 day, 2 few days, 3 month+).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hadath.record import TimeExpr
from hadath.text.normalize import normalize
from hadath.time.islamic import ISLAMIC
from hadath.time.lexicon import Rule, TimeLexicon, load_lexicon
from hadath.time.prefilter import rule_filter
from hadath.time.relative import RELATIVE
from hadath.time.resolve import ABSOLUTE, Context, Groups

RESOLVERS = {**ABSOLUTE, **ISLAMIC, **RELATIVE}
_WORD = re.compile(r"\w+")
_WORD_BEFORE = re.compile(r"(\w+)[ \t\"'(]+$")
_WORD_AFTER = re.compile(r"[ \t\"')]+(\w+)")
# The context words a time looks back at (future markers, "منذ", cues) stay in its sentence.
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_LOOKBACK = 120
# A future marker governs a time only within this many words before it ("ستعقد القمة يوم
# الخميس"); further back it usually belongs to another clause. A verb recognised only by its
# future prefix س must be closer still.
_FUTURE_WINDOW = 8
_FUTURE_VERB_WINDOW = 5
# Groups whose words may be vetoed by a neighbouring word (روسيا اليوم، أيام الأحد، على بعد).
_VETOED_GROUPS = ("dw", "wd", "ago", "ord")
# Kinds whose day-precision values anchor a later "الشهر نفسه", "اليوم التالي".
_FULL_DATES = frozenset(
    {"calendar_date", "numeric_date", "hijri", "relative_day", "weekday", "narrative_day"}
)
# A page dated more than this after its "اليوم" is not a crawl lag but a contradiction.
_MAX_LAG = 2


@dataclass(frozen=True)
class _Candidate:
    start: int  # in the normalised text
    end: int
    order: int  # rule order: the earlier rule wins a tie
    value: str
    precision: int


def parse_ref(ref: date | datetime | str | None) -> date | None:
    """The publication date as a `date` (an ISO string may carry a time and zone)."""
    if ref is None or ref == "":
        return None
    if isinstance(ref, datetime):
        return ref.date()
    if isinstance(ref, date):
        return ref
    return date.fromisoformat(str(ref).strip()[:10])


def find_times(text: str, ref: date | datetime | str | None) -> list[TimeExpr]:
    """Every temporal expression of `text`, resolved against the publication date `ref`.

    >>> [t.value for t in find_times("أعلن الجيش اليوم السبت انسحابه", "2024-11-30")]
    ['2024-11-30']

    Without `ref` only expressions that carry their own date (مارس 2020) are returned.
    """
    lex = load_lexicon()
    norm = normalize(text)
    # Each rule runs only near its trigger words: the same matches as `finditer`, faster.
    matches = [
        (order, lex.rules[order], match)
        for order, match in rule_filter().matches(norm.text)
        if not _vetoed(match, norm.text, lex)
    ]
    reference = parse_ref(ref)
    if reference is not None:
        reference -= timedelta(days=_crawl_lag(matches, reference, lex))
    candidates = []
    last_day: date | None = None
    anchor_end = 0
    # In text order, longest first at one position, so that "14 من الشهر نفسه" takes the
    # month of the date before it (and not of a shorter reading inside that date).
    for order, rule, match in sorted(matches, key=lambda m: (m[2].start(), -m[2].end())):
        found = _resolve_match(rule, match, order, norm.text, reference, lex, last_day)
        if found is None:
            continue
        candidates.append(found)
        if (
            found.start >= anchor_end
            and found.precision == 1
            and len(found.value) == 10
            and rule.kind in _FULL_DATES
        ):
            last_day, anchor_end = date.fromisoformat(found.value), found.end
    times = []
    for cand in _select(candidates):
        start, end = norm.original_span(cand.start, cand.end)
        times.append(TimeExpr(start, end, text[start:end], cand.value, cand.precision))
    return times


def _crawl_lag(matches: list[tuple[int, Rule, re.Match[str]]], ref: date, lex: TimeLexicon) -> int:
    """Days between the page date and the day the text was written, from its own words.

    "أمس الأربعاء" on a page dated Friday was written on Thursday: a weekday that contradicts
    "اليوم"/"أمس" by one or two days means the page was dated (or crawled) after midnight.
    The most frequent lag wins (ties: the smaller); a larger contradiction is no lag.
    """
    votes: Counter[int] = Counter()
    for _, rule, match in matches:
        if rule.kind != "relative_day" or not match.group("wd") or not match.group("dw"):
            continue
        offset = int(lex.value("dayword", match.group("dw")) or 0)
        weekday = lex.weekdays.get(" ".join(match.group("wd").split()))
        if offset > 0 or weekday is None:
            continue
        lag = ((ref + timedelta(days=offset)).weekday() - weekday) % 7
        if lag <= _MAX_LAG:
            votes[lag] += 1
    if not votes:
        return 0
    return min(votes, key=lambda lag: (-votes[lag], lag))


def _surface_span(match: re.Match[str]) -> tuple[int, int]:
    if match.re.groupindex.get("t") and match.group("t") is not None:
        return match.span("t")
    return match.end("clitic"), match.end()


def _resolve_match(
    rule: Rule,
    match: re.Match[str],
    order: int,
    text: str,
    ref: date | None,
    lex: TimeLexicon,
    last_day: date | None = None,
) -> _Candidate | None:
    start, end = _surface_span(match)
    if start >= end:
        return None
    groups: Groups = {k: v for k, v in match.groupdict().items() if k != "clitic"}
    groups = {k: " ".join(v.split()) if v else None for k, v in groups.items()}
    before = _sentence_before(text, start)
    words = _WORD.findall(before)
    previous = words[-1] if words else ""
    ctx = Context(
        ref=ref,
        lex=lex,
        future=_has_future_marker(words[-_FUTURE_WINDOW:], lex),
        since=lex.has("since", previous) or lex.has("since", previous[1:]),
        cue_before=lex.has("month_cue", previous) or lex.has("month_cue", previous[1:]),
        text=text[start:end],
        next_word=next(iter(_WORD.findall(text[end : end + 30])), ""),
        forward=lex.has("forward_cue", " ".join(words[-2:])),
        last_day=last_day,
    )
    resolved = RESOLVERS[rule.kind](groups, ctx)
    if resolved is None:
        return None
    return _Candidate(start, end, order, resolved[0], resolved[1])


def _sentence_before(text: str, start: int) -> str:
    window = text[max(0, start - _LOOKBACK) : start]
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _has_future_marker(words: list[str], lex: TimeLexicon) -> bool:
    """سوف، المقرر، or a verb with the future prefix س (سيعقد، ستجري) earlier in the sentence."""
    for distance, word in enumerate(reversed(words)):
        # A conjunction و/ف may be glued on: وسوف، فسيعقد.
        bare = word[1:] if word[:1] in ("و", "ف") and len(word) >= 4 else word
        if lex.has("future_cue", word) or lex.has("future_cue", bare):
            return True
        # The س-prefix test also fires on foreign names (ستورجن), so it only counts close by.
        near = distance < _FUTURE_VERB_WINDOW
        if near and _looks_like_future_verb(bare) and not lex.has("future_stop", bare):
            return True
    return False


def _looks_like_future_verb(word: str) -> bool:
    # س + imperfect prefix (ي ت ن) + a stem: سيعقد، ستجري، سنواصل; plurals in ات are nouns.
    return 5 <= len(word) <= 8 and word[0] == "س" and word[1] in "يتن" and not word.endswith("ات")


def _vetoed(match: re.Match[str], text: str, lex: TimeLexicon) -> bool:
    """A neighbour word that turns a day word into a name: "روسيا اليوم", "اليوم العالمي"."""
    for group in _VETOED_GROUPS:
        if group not in match.re.groupindex or match.group(group) is None:
            continue
        form = " ".join(match.group(group).split())
        gs, ge = match.span(group)
        # Only a neighbour separated by spaces or quotes counts: "سوريا، اليوم" is a date,
        # "سوريا اليوم" and 'جريدة (اليوم)' are newspapers.
        before_match = _WORD_BEFORE.search(text, max(0, gs - 30), gs)
        after_match = _WORD_AFTER.match(text, ge, ge + 30)
        before = before_match.group(1) if before_match and gs == match.end("clitic") else ""
        after = after_match.group(1) if after_match and ge == match.end() else ""
        if group == "ord" and before.startswith("ال"):
            return True  # "الأسبوع الثالث من رمضان": an ordinal agreeing with a noun, no day
        keys = (form, group)
        if after and any(lex.has(f"not_after:{k}", after) for k in keys):
            return True
        if before and any(lex.has(f"not_before:{k}", before) for k in keys):
            return True
    return False


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, then by rule order; in text order."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)
