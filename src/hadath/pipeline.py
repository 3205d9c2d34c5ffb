"""Wires the stages in order; the only module that knows them all.

`process(meta)` takes an ingested `ArticleMeta` and returns the `Article` with every layer
filled: sentences and numbers (text), mentions (actors, places, tagger), times, claims, events.
A duplicate article keeps its metadata and is not extracted again.
"""
from __future__ import annotations

from datetime import date

from hadath.record import Article, ArticleMeta, Mention
from hadath.text.numbers import find_numbers
from hadath.text.sentences import split_sentences


def process(meta: ArticleMeta) -> Article:
    article = Article(article=meta)
    if meta.duplicate_of:
        return article
    text = meta.text
    article.sentences = split_sentences(text)
    article.numbers = find_numbers(text)
    article.mentions = find_mentions(text)
    article.times = _find_times(text, reference_date(meta))
    article.claims = _find_claims(article)
    article.events = _extract_events(article)
    return article


def reference_date(meta: ArticleMeta) -> date | None:
    """The publication day that relative times ("أمس", "اليوم السبت") resolve against."""
    if not meta.published:
        return None
    try:
        return date.fromisoformat(meta.published[:10])
    except ValueError:
        return None


def find_mentions(text: str) -> list[Mention]:
    """Actors and places from the gazetteers, then tagger entities that no gazetteer covers."""
    from hadath.geo import resolve_places
    from hadath.mentions import find_actors

    actors = find_actors(text)
    places = [p for p in resolve_places(text) if not _acts_as_actor(p, actors)]
    mentions = _without_overlaps(actors + places)
    try:
        from hadath.ner import find_entities
    except ImportError:  # the tagger's model is optional at run time
        return mentions
    covered = [(m.start, m.end) for m in mentions]
    extra = [e for e in find_entities(text) if not any(s < e.end and e.start < t for s, t in covered)]
    return sorted(mentions + extra, key=lambda m: (m.start, -m.end))


def _acts_as_actor(place: Mention, actors: list[Mention]) -> bool:
    """A capital used as a metonym (دمشق تلقت تعهدا) is an actor, not an event location."""
    return any(a.start <= place.start and place.end <= a.end for a in actors)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, actors before places on equal length."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.label != "actor", m.start)):
        if not any(k.start < m.end and m.start < k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, -m.end))


def _find_times(text: str, ref: date | None):  # type: ignore[no-untyped-def]
    from hadath.time import find_times

    return find_times(text, ref)


def _find_claims(article: Article):  # type: ignore[no-untyped-def]
    from hadath.claims import find_claims

    return find_claims(article)


def _extract_events(article: Article):  # type: ignore[no-untyped-def]
    from hadath.events import extract_events

    return extract_events(article)
