"""What the events stage reads from one article, and where in it a trigger sits.

`Doc` holds the article with its cues, places and publication day, computed once; `site_of`
gives a position's sentence, clause, enclosing claim and speaker; helpers turn those into
the place, dates, evidence span and source name of an event candidate.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hadath.events.cues import ArticleCues, Cue
from hadath.events.dates import split_value
from hadath.events.places import Place, pick_place
from hadath.record import Article, Claim, Mention, Sentence, TimeExpr


@dataclass(frozen=True)
class Doc:
    """Everything the events stage reads from one article, computed once."""

    article: Article
    text: str
    cues: ArticleCues
    places: list[Place]
    focus: Place | None
    published: date | None


@dataclass(frozen=True)
class Site:
    """Where a trigger sits: its sentence, clause, claim and the claim's speaker."""

    index: int
    sentence: Sentence
    clause: Sentence
    claim: Claim | None
    speaker: Mention | None
    mod_cues: list[Cue]


def published_day(article: Article) -> date | None:
    try:
        return date.fromisoformat((article.article.published or "")[:10])
    except ValueError:
        return None


def inside(items: list[Any], span: Sentence) -> list[Any]:
    return [x for x in items if span.start <= x.start < span.end]


def _claim_at(claims: list[Claim], pos: int) -> Claim | None:
    """The innermost claim whose content or cue holds `pos`."""
    holding = [c for c in claims if c.start <= pos < c.end or c.cue_start == pos]
    return min(holding, key=lambda c: c.end - c.start) if holding else None


def speaker_of(doc: Doc, claim: Claim | None) -> Mention | None:
    """The actor mention that voices `claim`: the last one named so before its cue."""
    if claim is None or claim.source is None:
        return None
    cue = claim.cue_start if claim.cue_start is not None else claim.start
    named = [m for m in doc.article.mentions if m.label != "place" and m.start < max(cue, claim.start)
             and (m.canonical == claim.source or m.surface == claim.source_surface)]
    owners = [m for m in doc.article.mentions if claim.source_surface
              and m.surface in claim.source_surface and m.label != "place"]
    return named[-1] if named else (owners[-1] if owners else None)


def site_of(doc: Doc, index: int, sentence: Sentence, clauses: list[Sentence], pos: int,
          mod_cues: list[Cue]) -> Site:
    clause = next((c for c in clauses if c.start <= pos < c.end), sentence)
    claim = _claim_at(doc.article.claims, pos)
    return Site(index, sentence, clause, claim, speaker_of(doc, claim), mod_cues)


def date_fields(time: TimeExpr | None, modality: str, published: date | None
                 ) -> tuple[str | None, str | None, int]:
    today = published.isoformat() if published else None
    if time is None:
        return today, None, 1
    first, last = split_value(time.value)
    if modality == "planned" and today and first > today:
        return today, last or first, 2  # pledged today, expected by then
    return first, last, time.precision


def locate(doc: Doc, site: Site, anchor: int) -> tuple[Place | None, bool]:
    spans = [(site.clause.start, site.clause.end), (site.sentence.start, site.sentence.end)]
    place = pick_place(doc.places, anchor, spans)
    return (place, True) if place else (doc.focus, False)


def within(place: Place | None, span: Sentence) -> bool:
    return place is not None and span.start <= place.start < span.end


def evidence_span(doc: Doc, site: Site) -> tuple[int, int]:
    """The clause of the trigger, trimmed of punctuation and quotes."""
    start, end = site.clause.start, site.clause.end
    while start < end and doc.text[start] in " \"“”«»،,.":
        start += 1
    while end > start and doc.text[end - 1] in " \"“”«»،,.":
        end -= 1
    return start, end


def source_name(claim: Claim | None) -> str | None:
    if claim is None or claim.source is None:
        return None
    return f"{claim.source} (via {claim.via})" if claim.via else claim.source


