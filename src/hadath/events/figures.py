"""How many were killed, injured or detained, per side, as the text gives them.

`find_figures(text, start, end, cues, numbers, mentions)` reads "مقتل 155 عنصرا من هيئة تحرير
الشام و79 عنصرا من القوات المسلحة السورية" as two fatality figures with their sides; the
number's own flags (min, approx, vague) are kept as they are (ACLED: never add or average).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from hadath.claims.lexicon import table
from hadath.claims.sources import words_between
from hadath.events.arguments import actor_mentions
from hadath.events.cues import Cue
from hadath.record import Mention, NumberExpr
from hadath.spans import starting_in
from hadath.text.normalize import normalize_key

_WORD = re.compile(r"\w+")
_AFTER_CUE_WORDS = 3  # "مقتل ما لا يقل عن 200", "لقي 12 شخصا حتفهم"
_SIDE_WORDS = 2
_CHAIN_WORDS = 6  # "155 عنصرا من هيئة تحرير الشام و79 عنصرا"  # "155 عنصرا من هيئة تحرير الشام"


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # fatalities | injured | detained
    number: NumberExpr
    side: Mention | None
    side_kind: str | None  # civilians | combatants | people
    cue: Cue  # the word that reports it ("مقتل", "أصيب")


def _counts_people(number: NumberExpr) -> str | None:
    """The victim class of the counted noun; "" when it counts people of no known class."""
    if number.ordinal:
        return None
    victims = table("events", "victims.tsv")
    if not number.noun:
        return ""
    noun = normalize_key(number.noun).split()
    row = victims.get(noun[0]) if noun else None
    if row is None and noun and noun[0][:1] in "وبل":
        row = victims.get(noun[0][1:])
    if row is None:
        return ""  # a killing word counts people, whatever noun they go by ("15 متمردا")
    return None if row["side_kind"] == "unit" else row["side_kind"]


def _unit_after(text: str, pos: int) -> bool:
    """"قضى حوالي 30 عاما": the word after a bare figure says it counts no people."""
    word = _WORD.search(text, pos)
    if word is None or text[pos:word.start()].strip():
        return False
    row = table("events", "victims.tsv").get(normalize_key(word.group()))
    return row is not None and row["side_kind"] == "unit"


def _side(text: str, number: NumberExpr, mentions: list[Mention], limit: int) -> Mention | None:
    for m in actor_mentions(text, mentions, number.end, limit):
        lead = normalize_key(text[number.end:m.start])
        if words_between(text, number.end, m.start) <= _SIDE_WORDS and (
            lead.startswith("من") or lead in ("", "ل")
        ):
            return m
        break
    return None


def _figure(text: str, cue: Cue, number: NumberExpr, mentions: list[Mention],
            end: int) -> Figure | None:
    if not number.noun and _unit_after(text, number.end):
        return None
    side_kind = _counts_people(number)
    if side_kind is None:
        return None
    return Figure(cue.value, number, _side(text, number, mentions, end), side_kind or None, cue)


def find_figures(text: str, start: int, end: int, cues: list[Cue], numbers: list[NumberExpr],
                 mentions: list[Mention]) -> list[Figure]:
    """Casualty and detention figures in text[start:end]."""
    figures: list[Figure] = []
    used: set[int] = set()
    span_numbers = [n for n in starting_in(numbers, start, end) if n.end <= end]
    span_cues = starting_in(cues, start, end)
    for cue in span_cues:
        # "مقتل مدني وإصابة 4 آخرين": a number after the next cue is that cue's figure
        nxt = next((c.start for c in span_cues if c.start >= cue.end), end)
        own = [n for n in span_numbers if n.start < nxt or n.end <= cue.end]
        chain = _numbers_of(text, cue, own) or _one_victim(text, cue, nxt)
        for number in chain:
            if number.start in used:
                continue
            figure = _figure(text, cue, number, mentions, end)
            if figure is not None:
                used.add(number.start)
                figures.append(figure)
    return figures


_SINGULAR_COUNTS = {"yes": 1, "two": 2}


def _one_victim(text: str, cue: Cue, end: int) -> list[NumberExpr]:
    """"قتلت اليوم مسلحا": a singular victim noun after a killing verb counts one, a dual
    ("مقتل طفلين") two."""
    if cue.value != "fatalities":
        return []
    victims = table("events", "victims.tsv")
    for i, word in enumerate(_WORD.finditer(text, cue.end, end)):
        if i >= _AFTER_CUE_WORDS:
            break
        key = normalize_key(word.group())
        row = victims.get(key) or (victims.get(key[1:]) if key[:1] in "وب" else None)
        if row is not None:
            count = _SINGULAR_COUNTS.get(row.get("singular", ""))
            if count is None:
                break
            return [NumberExpr(word.start(), word.end(), word.group(), count, noun=word.group())]
    return []


def _members_before(text: str, number: NumberExpr, cue: Cue) -> bool:
    """"ستة من رجال الجيش والشرطة قتلوا": a number, whose members it counts, then the verb."""
    gap = text[number.end:cue.start]
    return (normalize_key(gap).split()[:1] == ["من"] and not any(ch in gap for ch in ".،,؛:\n")
            and words_between(text, number.end, cue.start) <= _CHAIN_WORDS)


def _numbers_of(text: str, cue: Cue, numbers: list[NumberExpr]) -> list[NumberExpr]:
    """The figure a cue introduces, and the figures joined to it by و."""
    first = None
    for n in numbers:
        overlaps = n.start < cue.end and cue.start < n.end  # "20 قتيلا" is one number span
        before = n.end <= cue.start and (words_between(text, n.end, cue.start) == 0
                                         or _members_before(text, n, cue))
        after = n.start >= cue.end and words_between(text, cue.end, n.start) <= _AFTER_CUE_WORDS
        if overlaps or before or after:
            first = n
            break
    if first is None:
        return []
    chain = [first]
    for n in numbers:
        if n.start <= chain[-1].end:
            continue
        gap = normalize_key(text[chain[-1].end:n.start])
        joined = gap.startswith("و") or (gap.startswith("من") and " و" in f" {gap}")
        if joined and words_between(text, chain[-1].end, n.start) <= _CHAIN_WORDS:
            chain.append(n)
            continue
        break
    return chain
