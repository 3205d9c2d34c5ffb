"""The speaker of a reporting cue: a named actor, or an unnamed source ("مصادر عسكرية").

`source_after(text, mentions, pos, limit)` and `source_before(...)` read the words by a cue and
return a `Speaker` with its canonical name, its span, the actor it stands for and the outlet it
came through ("مصادر عسكرية لرويترز" → military sources, via Reuters).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from hadath.claims.lexicon import table
from hadath.record import Mention
from hadath.spans import from_position, starting_in
from hadath.text.normalize import normalize_key

SPEAKER_LABELS = frozenset({"actor", "person", "org"})
_GAP_WORDS = 2  # words allowed between a verb and its subject ("قال اليوم الجيش")
_WORD = re.compile(r"[\w\u0600-\u06ff]+")
# "أشارت إلى أن المجموعات ...": a name after أن/إلى opens the content; it is not the speaker
_COMPLEMENTISER = re.compile(r"(?<!\w)(?:ان|بان|انه|انها|الي)(?!\w)")


@dataclass(frozen=True, slots=True)
class Speaker:
    start: int
    end: int
    surface: str
    canonical: str | None
    mention: Mention | None = None  # the actor the speaker is, or belongs to
    via: str | None = None


def words_between(text: str, start: int, end: int, most: int | None = None) -> int:
    """Number of words in text[start:end] (0 when adjacent); with `most`, counting stops at
    most + 1, so asking about a far mention does not read the whole text between."""
    if end <= start:
        return 0
    if most is None:
        return len(_WORD.findall(text, start, end))
    return sum(1 for _ in islice(_WORD.finditer(text, start, end), most + 1))


def _speakers_from(mentions: list[Mention], pos: int) -> Iterator[Mention]:
    """The mentions that can speak (sorted by start), from the first at or after `pos`."""
    return (m for m in from_position(mentions, pos) if m.label in SPEAKER_LABELS)


def _first_word(text: str, pos: int) -> tuple[int, int, str] | None:
    match = _WORD.search(text, pos)
    if match is None:
        return None
    return match.start(), match.end(), match.group()


def _unnamed_source(text: str, pos: int, limit: int) -> tuple[int, int, str] | None:
    """An unnamed source right at `pos` ("مصادر عسكرية أخرى"), with its English name."""
    nouns = table("claims", "source_nouns.tsv")
    adjectives = table("claims", "source_adjectives.tsv")
    first = _first_word(text, pos)
    if first is None or first[0] >= limit or words_between(text, pos, first[0]) > 0:
        return None
    start, end, word = first
    key = normalize_key(word)
    if key.startswith("و") and key[1:] in nouns:
        key = key[1:]
    if key not in nouns:
        return None
    name = nouns[key]["canonical"]
    qualifiers: list[str] = []
    while (nxt := _first_word(text, end)) and nxt[0] < limit and text[end:nxt[0]].isspace():
        adj = adjectives.get(normalize_key(nxt[2]))
        if adj is None:
            break
        if adj["english"] != "other":
            qualifiers.append(adj["english"])
        end = nxt[1]
    if qualifiers:
        name = " ".join(qualifiers) + " " + name.split(" ", 1)[-1]
    return start, end, name


def _media_after(text: str, mentions: Iterable[Mention], pos: int) -> Mention | None:
    """A media outlet written as "لـ<outlet>" right after `pos` ("مصادر لرويترز")."""
    for m in mentions:
        if m.start < pos:
            continue
        if m.kind != "media":
            break
        lead = text[pos:m.start].strip()
        if lead in ("ل", "لـ") or (not lead and m.surface.startswith("ل")):
            return m
        break
    return None


def _attached_actor(text: str, mentions: Iterable[Mention], pos: int) -> Mention | None:
    """The actor an unnamed source belongs to: "مصادر بالجيش السوري", "مصادر في الجيش"."""
    for m in mentions:
        if m.start < pos:
            continue
        if words_between(text, pos, m.start, most=1) > 1:
            break  # the mentions are in text order: every later one is further
        lead = normalize_key(text[pos:m.start])
        if lead in ("ب", "في", "من") or not lead:
            return m
    return None


def source_after(text: str, mentions: list[Mention], pos: int, limit: int) -> Speaker | None:
    """The speaker that follows a cue at `pos` (VSO order: "وقال الجيش", "بحسب المرصد")."""
    unnamed = _unnamed_source(text, pos, limit)
    if unnamed is not None:
        start, end, name = unnamed
        owner = _attached_actor(text, _speakers_from(mentions, end), end)
        if owner is not None:
            end = owner.end
            name = f"{owner.canonical or owner.surface} {name.split(' ')[-1]}"
        via = _media_after(text, _speakers_from(mentions, end), end)
        if via is not None:
            end = via.end
        return Speaker(start, end, text[start:end], name, owner,
                       via.canonical if via else None)
    for m in _speakers_from(mentions, pos):
        if m.start >= limit:
            break
        if words_between(text, pos, m.start) <= _GAP_WORDS \
                and not _COMPLEMENTISER.search(normalize_key(text[pos:m.start])):
            via = _media_after(text, _speakers_from(mentions, m.end), m.end)
            end = via.end if via else m.end
            return Speaker(m.start, end, text[m.start:end], _name(m), m,
                           via.canonical if via else None)
    return None


def source_before(text: str, mentions: list[Mention], pos: int, floor: int) -> Speaker | None:
    """The speaker right before a cue (SVO order: "الجيش السوري يعترف")."""
    best = None
    for m in starting_in(mentions, floor, pos):
        if m.label in SPEAKER_LABELS and m.end <= pos and words_between(text, m.end, pos) <= 1:
            best = m
    if best is None:
        return None
    return Speaker(best.start, best.end, best.surface, _name(best), best)


def _name(m: Mention) -> str:
    return m.canonical or m.surface
