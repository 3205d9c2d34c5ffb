"""What the events stage reads from one article, and where in it a trigger sits.

`Doc` holds the article with its cues, places and publication day, computed once; `site_of`
gives a position's sentence, clause, enclosing claim and speaker; its functions turn those into
the place, dates, evidence span and source name of an event candidate.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from itertools import accumulate
from typing import Any

from hadath.events.cues import ArticleCues, Cue
from hadath.events.dates import split_value
from hadath.events.places import Place, best_place
from hadath.record import Article, Claim, Mention, Sentence, TimeExpr
from hadath.spans import ByStart, Overlaps, starting_in


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

    @cached_property
    def mention_spans(self) -> Overlaps:
        """The article's mentions, asked which overlap a span."""
        return Overlaps(self.article.mentions)

    @cached_property
    def number_spans(self) -> Overlaps:
        """The article's numbers, asked which overlap a span."""
        return Overlaps(self.article.numbers)

    @cached_property
    def claims_by_start(self) -> ByStart:
        """The article's claims, asked which start in a span (in the claims' own order)."""
        return ByStart(self.article.claims)

    def said_at(self, pos: int) -> bool:
        """Whether `pos` lies between a reporting verb and what it reports (ذكر مسؤول السبت أن)."""
        cues, reach = self._said_spans
        n = bisect_right(cues, pos)  # the claims whose verb comes at or before pos
        return n > 0 and reach[n - 1] > pos

    @cached_property
    def _said_spans(self) -> tuple[list[int], list[int]]:
        """Of the claims whose reporting verb comes first, the verbs' starts in order and, for
        each, the furthest that the contents of the claims up to it begin."""
        spans = sorted((c.cue_start, c.start) for c in self.article.claims
                       if c.cue_start is not None and c.cue_start < c.start)
        reach = list(accumulate((content for _, content in spans), max))
        return [cue for cue, _ in spans], reach

    @cached_property
    def _claim_spans(self) -> Overlaps:
        return Overlaps(self.article.claims)

    @cached_property
    def _claim_order(self) -> dict[int, int]:
        return {id(c): i for i, c in enumerate(self.article.claims)}

    @cached_property
    def _claims_by_cue(self) -> dict[int, list[Claim]]:
        by_cue: dict[int, list[Claim]] = {}
        for c in self.article.claims:
            if c.cue_start is not None:
                by_cue.setdefault(c.cue_start, []).append(c)
        return by_cue

    @cached_property
    def _names(self) -> _NameIndex:
        return _NameIndex(self.article.mentions)

    @cached_property
    def _speakers(self) -> dict[int, Mention | None]:
        return {}


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
    """The items (a layer, sorted by start) that start inside `span`."""
    return list(starting_in(items, span.start, span.end))


def _claim_at(doc: Doc, pos: int) -> Claim | None:
    """The innermost claim whose content or cue holds `pos` (the first of the article's claims
    on equal length)."""
    order = doc._claim_order
    holding = [*doc._claim_spans.overlapping(pos, pos + 1), *doc._claims_by_cue.get(pos, ())]
    return min(holding, key=lambda c: (c.end - c.start, order[id(c)])) if holding else None


def speaker_of(doc: Doc, claim: Claim | None) -> Mention | None:
    """The actor mention that voices `claim`: the last one named so before its cue, else the
    last whose words are part of the source's."""
    if claim is None or claim.source is None:
        return None
    key = id(claim)
    if key not in doc._speakers:
        cue = claim.cue_start if claim.cue_start is not None else claim.start
        names = doc._names
        named = max(names.last_before(names.by_canonical, claim.source, max(cue, claim.start)),
                    names.last_before(names.by_surface, claim.source_surface,
                                      max(cue, claim.start)))
        if named < 0 and claim.source_surface:
            named = names.last_inside(claim.source_surface)
        doc._speakers[key] = doc.article.mentions[named] if named >= 0 else None
    return doc._speakers[key]


class _NameIndex:
    """Where each name is mentioned (actors and persons, not places), by position in the
    article's mentions, so that finding a claim's speaker reads no other name."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.by_canonical: dict[str | None, list[int]] = {}
        self.by_surface: dict[str | None, list[int]] = {}
        self.starts = [m.start for m in mentions]
        for i, m in enumerate(mentions):
            if m.label != "place":
                self.by_canonical.setdefault(m.canonical, []).append(i)
                self.by_surface.setdefault(m.surface, []).append(i)
        self.last_by_surface = {surface: found[-1] for surface, found in self.by_surface.items()}

    def last_before(self, index: dict[str | None, list[int]], name: str | None,
                    pos: int) -> int:
        """The last mention of `name` in `index` that starts before `pos`, or -1."""
        found = index.get(name) if name is not None else None
        if not found:
            return -1
        n = bisect_left(found, pos, key=self.starts.__getitem__)
        return found[n - 1] if n else -1

    def last_inside(self, words: str) -> int:
        """The last mention whose surface is part of `words`, or -1."""
        if len(words) > 64:  # too many substrings to try: read the names instead
            hits = (i for s, i in self.last_by_surface.items() if s in words)
        else:
            hits = (i for a in range(len(words)) for b in range(a + 1, len(words) + 1)
                    if (i := self.last_by_surface.get(words[a:b])) is not None)
        return max(hits, default=-1)


def site_of(doc: Doc, frame: Frame, pos: int) -> Site:
    """Where `pos` sits in its sentence: clause, enclosing claim, speaker."""
    clause = next((c for c in frame.clauses if c.start <= pos < c.end), frame.sentence)
    claim = _claim_at(doc, pos)
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


