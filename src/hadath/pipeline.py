"""Wires the stages in order; the only module that knows them all.

`process(meta)` takes an ingested `ArticleMeta` and returns the `Article` with every layer
filled: sentences and numbers (text), mentions (actors, places, tagger), times, claims, events.
A duplicate is extracted too: a near duplicate's figures may differ from its original's (the
store keeps an identical text's reports as its original's).
"""
from __future__ import annotations

import gc
from collections import Counter
from datetime import date

from hadath.claims import find_claims
from hadath.claims.finder import reporting_cue_spans
from hadath.claims.lexicon import table
from hadath.countries import alpha3
from hadath.events import extract_events
from hadath.events.cues import find_cues
from hadath.geo import resolve_places
from hadath.mentions import find_actors
from hadath.ner import uncovered_entities
from hadath.record import Article, ArticleMeta, Mention
from hadath.spans import Overlaps, longest_first
from hadath.text.normalize import normalize_key
from hadath.text.numbers import find_numbers
from hadath.text.sentences import split_sentences
from hadath.time import find_times


def process(meta: ArticleMeta, *, tagger: bool = True, accurate: bool = False,
            events: bool = True, all_mentions: bool = False) -> Article:
    """All layers of one article; `tagger=False` skips the statistical tagger for large crawls
    where gazetteer mentions are enough; `accurate` runs its accurate tier instead of the fast
    one (more unseen names, about 25 times slower); `events=False` stops before the events
    stage (what its models are trained on).

    The tagger reads only the sentences where its names can change an event: those holding an
    event trigger, a figure, a modality cue or a reporting verb (the candidates the events
    stage decides on); elsewhere a name it finds is listed but used by nothing. It was most of
    the time of an article. `all_mentions=True` tags every sentence, for the full mentions
    layer."""
    article = Article(article=meta)
    if not _models_frozen:
        return _first_article(article, tagger, accurate, events, all_mentions)
    return _fill(article, tagger, accurate, events, all_mentions)


_models_frozen = False


def _first_article(article: Article, tagger: bool, accurate: bool, events: bool,
                   all_mentions: bool) -> Article:
    """The first article loads the lexicons, gazetteers and models: millions of objects that
    live as long as the process. The cycle collector would walk them again and again while
    they load (a third of the start-up) and at every collection after; so it is paused while
    they load and they are frozen out of its reach after (`gc.freeze`)."""
    global _models_frozen
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _fill(article, tagger, accurate, events, all_mentions)
    finally:
        gc.freeze()
        _models_frozen = True
        if enabled:
            gc.enable()


def _fill(article: Article, tagger: bool, accurate: bool, events: bool,
          all_mentions: bool) -> Article:
    meta = article.article
    text = meta.text
    article.sentences = split_sentences(text)
    article.numbers = find_numbers(text)
    article.mentions = find_mentions(
        text, tagger=tagger, accurate=accurate,
        tagged=None if all_mentions or not tagger else candidate_spans(text))
    article.times = find_times(text, reference_date(meta))
    article.claims = find_claims(article)
    if events:
        article.events = extract_events(article)
    return article


def reference_date(meta: ArticleMeta) -> date | None:
    """The publication day that relative times ("أمس", "اليوم السبت") resolve against."""
    if not meta.published:
        return None
    try:
        return date.fromisoformat(meta.published[:10])
    except ValueError:
        return None


def candidate_spans(text: str) -> list[tuple[int, int]]:
    """Where the events stage looks for events: its lexicon's triggers, figures and modality
    cues, and the claims' reporting verbs (original offsets)."""
    cues = find_cues(text)
    spans = [(c.start, c.end) for group in (cues.triggers, cues.figures, cues.modality)
             for c in group]
    return spans + reporting_cue_spans(text)


def find_mentions(text: str, *, tagger: bool = True, accurate: bool = False,
                  tagged: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Actors and places from the gazetteers, then tagger entities that no gazetteer covers
    (in the sentences that overlap `tagged`, or in all of them when it is None).

    Places come first: the country most of them lie in tells the actors stage whose army,
    police or ministry a bare "قوات الأمن" or "وزارة الداخلية" is.
    """
    places = [p for p in resolve_places(text) if not _speaker(text, p)]
    actors = find_actors(text, country=main_country(places))
    # a capital used as a metonym (دمشق تلقت تعهدا) is inside an actor: no event location
    actor_spans = Overlaps(actors)
    places = [p for p in places if not any(actor_spans.containing(p.start, p.end))]
    base_named = any(normalize_key(p.surface).startswith(_BASE_WORD) for p in places)
    actors = [a for a in actors if not (base_named and _bare_base(a))]
    mentions = longest_first(actors + places, _longest_actor_first)
    if not tagger:
        return mentions
    extra = uncovered_entities(text, mentions, accurate=accurate, within=tagged)
    return sorted(mentions + extra, key=lambda m: (m.start, -m.end))


def main_country(places: list[Mention]) -> str | None:
    """ISO alpha-3 of the country the article's places mostly lie in (first named on a tie)."""
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return None
    best = max(counts.values())
    first = next(p.country for p in places if p.country and counts[p.country] == best)
    return alpha3(first)


def _speaker(text: str, place: Mention) -> bool:
    """"وأكد الأحمدي أن": a town's name right after a verb of saying is a person's (a surname
    like الأحمدي), and must not set the article's country; capitals that speak are actors."""
    if place.kind != "city":
        return False
    words = normalize_key(text[max(0, place.start - 16):place.start]).split()
    if not words:
        return False
    verb = words[-1]
    cues = table("claims", "cues.tsv")
    row = cues.get(verb) or (cues.get(verb[1:]) if verb[:1] in "وف" else None)
    return row is not None and row.get("kind") == "verb"


_BASE_WORD = normalize_key("قاعدة")


def _bare_base(actor: Mention) -> bool:
    """"قاعدة العند ... القاعدة ستسقط": with an air base named, a bare "the base" is that base,
    not al-Qaeda."""
    return normalize_key(actor.surface) == "ال" + _BASE_WORD


def _longest_actor_first(m: Mention) -> tuple[int, bool, int]:
    """Of overlapping mentions the longest is kept, an actor before a place of equal length."""
    return -(m.end - m.start), m.label != "actor", m.start
