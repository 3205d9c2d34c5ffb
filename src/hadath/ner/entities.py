"""Named entities of raw Arabic text from the CRF tagger, as `Mention`s with exact offsets.

`find_entities(text)` splits the text into sentences and ANERcorp-style words, tags them and
returns persons, organisations and places (`source="tagger"`, score = the lowest marginal
probability of the entity's labels, so one doubtful word makes a doubtful name);
`uncovered_entities(text, mentions)` keeps those that no gazetteer mention overlaps.
"""
from __future__ import annotations

from collections.abc import Sequence

from hadath.ner.gazetteers import is_known_name
from hadath.ner.model import Entity, tag_document_entities
from hadath.ner.stems import split_clitics
from hadath.ner.words import split_words
from hadath.record import Mention
from hadath.spans import Overlaps, Range
from hadath.text.normalize import normalize, normalize_key
from hadath.text.sentences import split_sentences

# ANERcorp labels → Mention labels; MISC (events, works, products) has no Mention label.
MENTION_LABELS = {"PERS": "person", "ORG": "org", "LOC": "place"}
_MAX_WORDS = 200  # a run-on "sentence" (a list, a table) is tagged in pieces


def find_entities(text: str, *, accurate: bool = False,
                  within: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
    """Persons, organisations and places in `text`; `text[m.start:m.end] == m.surface`.
    `accurate` tags with the accurate models (`load_model`) instead of the fast ones;
    `within` (spans of `text`) tags only the sentences that overlap one of them."""
    pieces: list[list[tuple[int, int]]] = []
    wanted = Overlaps([Range(s, e) for s, e in within]) if within is not None else None
    for sentence in split_sentences(text):
        if wanted is not None and not any(wanted.overlapping(sentence.start, sentence.end)):
            continue
        spans = [(sentence.start + s, sentence.start + e)
                 for s, e in split_words(text[sentence.start: sentence.end])]
        pieces += [spans[i: i + _MAX_WORDS] for i in range(0, len(spans), _MAX_WORDS)]
    if not pieces:
        return []
    # the whole article is tagged at once: a two-pass model reads it as one document
    tagged = tag_document_entities([[text[s:e] for s, e in p] for p in pieces],
                                   accurate=accurate)
    mentions: list[Mention] = []
    for spans, entities in zip(pieces, tagged, strict=True):
        mentions += _mentions(text, spans, entities)
    return mentions


def _mentions(text: str, spans: list[tuple[int, int]], entities: list[Entity]) -> list[Mention]:
    found: list[Mention] = []
    for kind, first, last, probability in entities:
        label = MENTION_LABELS.get(kind)
        if label is None:
            continue
        start, end = spans[first][0], spans[last - 1][1]
        start += _proclitic_length(text[spans[first][0]: spans[first][1]])
        found.append(Mention(start=start, end=end, surface=text[start:end], label=label,
                             source="tagger", score=round(probability, 4)))
    return found


def _proclitic_length(word: str) -> int:
    """Characters of `word` taken by the conjunctions and prepositions glued to a name
    (وبإدلب → إدلب, لرويترز → رويترز, كالعراق → العراق); the article stays (الكرملين), as does
    لل (للأمم). ك and ف are taken only before the article, as names begin with them far more
    often than they follow them (كيري, كابل, فيصل; وكيري → كيري), and a word that is a whole
    name of a gazetteer keeps all its letters (واشنطن, وارسو)."""
    norm = normalize(word)
    prefix, _ = split_clitics(norm.text)
    if prefix.endswith(("ال", "لل")):
        # ال and لل (ل + ال) belong to the name as written; what precedes them does not
        glued = prefix[:-2]
    else:
        glued = prefix.rstrip("كف")
    if not glued or is_known_name(normalize_key(word)):
        return 0
    return norm.original_span(len(glued), len(norm.text))[0]


def uncovered_entities(text: str, mentions: list[Mention], *, accurate: bool = False,
                       within: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
    """Tagger entities of `text` that overlap none of `mentions` (the gazetteer's), in the
    sentences that overlap `within` (all of them when it is None)."""
    if within is not None and not within:
        return []
    taken = Overlaps(mentions)
    return [m for m in find_entities(text, accurate=accurate, within=within)
            if not any(taken.overlapping(m.start, m.end))]
