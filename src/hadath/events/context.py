"""What the events stage reads from one article, and where in it a trigger sits.

`Doc` holds the article with its cues, places and publication day, computed once; `site_of`
gives a position's sentence, clause, enclosing claim and speaker; its functions turn those into
the place, dates, evidence span and source name of an event candidate.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any

from hadath.events.cues import ArticleCues, Cue
from hadath.events.dates import split_value
from hadath.events.places import Place, best_place
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

    @cached_property
    def uncounted_mentions(self) -> list[Mention]:
        """The mentions no figure counts (`readings.counted`), once per article: asked per
        trigger, they cost triggers × mentions × numbers on a long article."""
        from hadath.events.readings import counted  # readings reads Doc

        return [m for m in self.article.mentions if not counted(self, m)]


@dataclass(frozen=True)
class Frame:
    """One sentence as the events stage reads it: clauses, cues, and what ties to triggers."""

    index: int
    sentence: Sentence
    clauses: list[Sentence]
    mod_cues: list[Cue]
    manner: list[Cue]
    times: dict[int, TimeExpr]  # trigger (or figure word) start → its time expression
    places: dict[int, list[Place]]  # trigger start → places its clause ties to it
    free_places: list[Place]  # places of the sentence's clauses that have no trigger
    speech_times: list[TimeExpr]  # "ذكر مسؤول السبت أن": when a statement was made


@dataclass(frozen=True)
class Site:
    """Where a trigger sits: its sentence frame, clause, claim and the claim's speaker."""

    frame: Frame
    clause: Sentence
    claim: Claim | None
    speaker: Mention | None

    @property
    def index(self) -> int:
        return self.frame.index

    @property
    def sentence(self) -> Sentence:
        return self.frame.sentence

    @property
    def mod_cues(self) -> list[Cue]:
        return self.frame.mod_cues


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


def site_of(doc: Doc, frame: Frame, pos: int) -> Site:
    """Where `pos` sits in its sentence: clause, enclosing claim, speaker."""
    clause = next((c for c in frame.clauses if c.start <= pos < c.end), frame.sentence)
    claim = _claim_at(doc.article.claims, pos)
    return Site(frame, clause, claim, speaker_of(doc, claim))


def date_fields(time: TimeExpr | None, modality: str, published: date | None
                 ) -> tuple[str | None, str | None, int]:
    today = published.isoformat() if published else None
    if time is None:
        return today, None, 2  # reported with no day: the report's day, within a few days
    first, last = split_value(time.value)
    if modality == "planned" and today and first > today:
        return today, last or first, 2  # pledged today, expected by then
    return first, last, time.precision


def locate(doc: Doc, site: Site, anchor: int, actors: tuple[Mention | None, ...] = ()
           ) -> tuple[Place | None, bool]:
    """The place the text ties to the trigger at `anchor`; else the article's main place.
    A place that names one of `actors` ("الضربات التي وجهتها القاهرة") is not where it acted."""
    frame = site.frame
    # in reported speech, a place in the speaker's title ("قيادة التحالف في اليمن أن ...")
    # is not where the reported act happened
    floor = site.claim.start if site.claim and site.claim.start <= anchor else 0
    # "قالت كوريا الشمالية إن الضربات على قاعدة سورية": nor is the speaker's country
    spans = [(m.start, m.end) for m in (*actors, site.speaker) if m is not None and m.end > m.start]

    def usable(places: list[Place]) -> list[Place]:
        return [p for p in places if p.start >= floor
                and not any(a < p.end and p.start < b for a, b in spans)]

    place = (best_place(usable(frame.places.get(anchor, [])), anchor)
             or best_place(usable(frame.free_places), anchor)
             or best_place(usable(inside(doc.places, site.clause)), anchor))
    if place is None:
        return doc.focus, False
    if place.broad:
        # "الاشتباكات في جنوب ليبيا، ... خاصة في مدن سبها والكفرة": a clause of the sentence
        # with no act of its own names the towns within the region
        inner = [p for p in usable(frame.free_places) if not p.broad and place.contains(p)]
        if inner:
            return best_place(inner, anchor), True  # type: ignore[return-value]
    focus = doc.focus
    # only a governorate: a country, "جنوب ليبيا" or a border is too wide to guess the town
    # and only a town the gazetteer places exactly, not one approximated by its district
    if place.is_governorate and focus is not None and focus.geo_precision == 1 \
            and place.contains(focus):
        # "سيطروا على مدينة استراتيجية في محافظة حمص" in a report about القريتين: the
        # governorate holds the town the article is about (near it, precision 2)
        return replace(focus, geo_precision=2), True
    return place, True


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


