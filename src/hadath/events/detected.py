"""Event candidates from the learned models' detections.

`detected_candidates(doc, frame, detections)` turns each trigger the models found into a
`Candidate`: the spans the role model chose are mapped onto the article's mentions (canonical
actors from the dictionary, places from the gazetteer) and times; where the role model names no
place or time, the stage's general assignment of places and times to clauses fills them. The
modality is the classifier's; the calibrated confidence travels with the candidate.
"""
from __future__ import annotations

from hadath.events.arguments import pick_actors
from hadath.events.context import (
    Doc,
    Frame,
    date_fields,
    evidence_span,
    locate,
    site_of,
    source_name,
)
from hadath.events.cues import COMBAT_TYPES, STATEMENT_TYPES, Cue
from hadath.events.learned.model import Detection
from hadath.events.places import Place
from hadath.events.readings import recalled_time
from hadath.events.records import Candidate
from hadath.record import Mention, TimeExpr
from hadath.text.normalize import normalize_key

_ACTOR_LABELS = ("actor", "person", "org")
# Background needs a date to be reported at all: a past war named in passing is not coded.
_HISTORICAL_NEEDS_TIME = True


def detection_cue(text: str, d: Detection) -> Cue:
    """A detection as the lexicon cue the rules' clause machinery reads."""
    return Cue(d.start, d.end, normalize_key(text[d.start:d.end]), d.type, "", "strong")


def read_already(d: Detection, rules: list[Candidate]) -> bool:
    """Whether the rules' candidates already hold the act a detection names: the same trigger;
    violence in a clause where they read violence (ACLED codes one event per act, and a clause
    reports one act); or a call in a clause they read as a planned or conditional act (ACLED
    codes a call for an act as that act, planned)."""
    for c in rules:
        if c.trigger is not None and c.trigger[0] < d.end and d.start < c.trigger[1]:
            return True
        in_clause = c.evidence[0] <= d.start < c.evidence[1]
        if in_clause and d.type in COMBAT_TYPES and c.type in COMBAT_TYPES:
            return True
        if in_clause and d.type == "request_appeal" and c.modality in ("planned", "conditional"):
            return True
    return False


def detected_candidates(doc: Doc, frame: Frame, detections: list[Detection]) -> list[Candidate]:
    out = []
    for d in detections:
        cand = _candidate(doc, frame, d)
        if cand is not None:
            out.append(cand)
    return out


def _candidate(doc: Doc, frame: Frame, d: Detection) -> Candidate | None:
    site = site_of(doc, frame, d.start)
    actor1 = actor_at(doc, d.roles.get("actor1"))
    actor2 = actor_at(doc, d.roles.get("actor2"))
    if actor1 is None and d.type in STATEMENT_TYPES:
        actor1 = site.speaker  # "وقال الوزير ... مطالبا": the speaker makes the statement
    if actor1 is None and d.type not in STATEMENT_TYPES:
        # the role model names no doer: the clause's syntax may (subject, possessor, agent)
        picked = pick_actors(doc.text, detection_cue(doc.text, d), site.clause.start,
                             site.clause.end, doc.article.mentions, site.speaker)
        actor1 = picked.actor1
        if actor2 is None:
            actor2 = picked.actor2
    if actor2 is not None and actor1 is not None and actor2.start == actor1.start:
        actor2 = None
    place, from_text = _place_at(doc, d.roles.get("place"))
    if place is None:
        place, from_text = locate(doc, site, d.start, (actor1, actor2))
    time = _time_at(doc, d.roles.get("time")) or frame.times.get(d.start)
    modality = d.modality
    if modality == "historical" and time is None:
        time = recalled_time(doc, site.sentence.start)
        if time is None and _HISTORICAL_NEEDS_TIME:
            return None
    day, day_end, precision = date_fields(time, modality, doc.published)
    cand = Candidate(d.type, modality, "strong", d.sentence, evidence_span(doc, site), actor1,
                     actor2, (), place, from_text, day, day_end, precision, source_name(site.claim),
                     actor1 is not None)
    cand.confidence = d.confidence
    return cand


def actor_at(doc: Doc, span: tuple[int, int] | None) -> Mention | None:
    """The actor mention the role span covers; a span no dictionary knows ("مسلحون", "انتحاري")
    stands as written, with no canonical name."""
    if span is None:
        return None
    start, end = span
    covered = [m for m in doc.article.mentions if m.label in _ACTOR_LABELS
               and m.start < end and start < m.end]
    if covered:
        return max(covered, key=lambda m: (m.label == "actor", m.end - m.start))
    places = [p for p in doc.places if p.start < end and start < p.end]
    if places and places[0].is_country:
        return None  # a country named as a side is resolved by the actors stage, not here
    return Mention(start, end, doc.text[start:end], "actor", None, None, None, source="model")


def _place_at(doc: Doc, span: tuple[int, int] | None) -> tuple[Place | None, bool]:
    if span is None:
        return None, False
    start, end = span
    covered = [p for p in doc.places if p.start < end and start < p.end]
    if not covered:
        return None, False
    return min(covered, key=lambda p: p.geo_precision), True


def _time_at(doc: Doc, span: tuple[int, int] | None) -> TimeExpr | None:
    if span is None:
        return None
    start, end = span
    return next((t for t in doc.article.times if t.start < end and start < t.end), None)
