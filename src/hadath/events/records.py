"""Event candidates and merged events, written as SPEC event records.

`Candidate` is one trigger read as an event and `Event` the candidates that report one act
(grouped by `hadath.events.merging.merge`); `to_record(event, article)` writes the SPEC dict
with a stable id, evidence offsets, figures per source, an English summary and a confidence.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from hadath.events.cues import STATEMENT_TYPES
from hadath.events.figures import Figure
from hadath.events.modality import STATE_KINDS
from hadath.events.naming import armed_forces, crowd_of, organisation_of
from hadath.events.places import Place
from hadath.events.summary import summarise
from hadath.mentions import lookup_actor
from hadath.record import Article, Mention

# When reports of one event differ, the most definite reading wins.
_MODALITY_ORDER = ("conditional", "asserted", "claimed", "denied", "planned", "historical")
_BASE_CONFIDENCE = {"strong": 0.6, "weak": 0.45, "statement": 0.55, "figure": 0.5}
VIOLENCE = frozenset({"armed_clash", "air_strike", "shelling", "explosion", "attack_on_civilians"})
CROWD = frozenset({"riot", "protest"})
# When reports of one act name it differently ("قصف" here, "الغارة" there), the most specific
# name wins: an air strike that killed civilians is an air strike (ACLED remote violence).
SPECIFICITY = ("air_strike", "explosion", "shelling", "attack_on_civilians", "armed_clash")
TALKS = frozenset({"agreement"})  # one accord per place and day, kept with its makers


@dataclass
class Candidate:
    """One trigger read as an event, before merging."""

    type: str
    modality: str
    strength: str
    sentence: int
    evidence: tuple[int, int]
    actor1: Mention | None
    actor2: Mention | None
    associates: tuple[Mention, ...]
    place: Place | None
    place_from_text: bool
    date: str | None
    date_end: str | None
    precision: int
    source: str | None
    actor1_from_syntax: bool = True
    refers_back: bool = False  # a definite noun ("الغارة") naming an act already reported
    stands_alone: bool = True  # with nothing to refer back to, it still reports an act
    figures: list[tuple[Figure, str | None]] = field(default_factory=list)
    confidence: float | None = None  # the learned models' calibrated confidence, when they found it
    trigger: tuple[int, int] | None = None  # the trigger's characters, when one word named the act


@dataclass
class Event:
    parts: list[Candidate]

    @property
    def head(self) -> Candidate:
        return self.parts[0]


def actor_key(m: Mention | None) -> str | None:
    return (m.canonical or m.surface) if m else None


def _best_actor1(event: Event) -> Mention | None:
    """The actor most reports name by syntax; a speaker standing in for "it" counts less, and
    so does "مسلحون" against a named actor (a group claiming the attack)."""
    votes: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for part in event.parts:
        if part.actor1 is None:
            continue
        key = actor_key(part.actor1) or ""
        named = part.actor1_from_syntax and not unidentified(part.actor1)
        votes[key] = votes.get(key, 0) + (2 if named else 1)
        first.setdefault(key, part.actor1)
    if not votes:
        return None
    return first[max(votes, key=lambda k: votes[k])]


def unidentified(m: Mention) -> bool:
    """"مسلحون مجهولون": ACLED's unidentified armed group of a country."""
    return (m.canonical or "").startswith("Unidentified ")


def _actor(m: Mention | None) -> dict[str, object] | None:
    if m is None:
        return None
    record: dict[str, object] = {"canonical": m.canonical, "surface": m.surface, "kind": m.kind,
                                 "country": m.country}
    if m.kind == "person":
        record["affiliation"] = affiliation_of(m)
    return record


def affiliation_of(m: Mention) -> dict[str, object] | None:
    """SPEC: a person's affiliation is the actor the person speaks or acts for, with that
    actor's kind and country, so that a minister reads as the government he serves."""
    if not m.affiliation:
        return None
    entry = lookup_actor(m.affiliation)
    if entry is None:
        return {"canonical": m.affiliation, "kind": m.affiliation_kind, "country": m.country}
    return {"canonical": entry.canonical, "kind": entry.kind, "country": entry.country}


def _place(event: Event) -> Place | None:
    placed = [p.place for p in event.parts if p.place is not None]
    from_text = [p.place for p in event.parts if p.place is not None and p.place_from_text]
    pool = from_text or placed
    return min(pool, key=lambda p: p.geo_precision) if pool else None


def _figures(event: Event, kind: str, article_id: str) -> list[dict[str, object]]:
    """One row per figure a source gave; a figure repeated (headline and body) counts once,
    with the most specific side it was given."""
    rows: dict[tuple[object, ...], dict[str, object]] = {}
    for part in event.parts:
        for figure, source in part.figures:
            if figure.kind != kind:
                continue
            number = figure.number
            side = actor_key(figure.side) or figure.side_kind
            key: tuple[object, ...] = (number.value, source)
            if key in rows and (rows[key]["side"] or not side):
                if rows[key]["side"] == side or not side:
                    continue
                key = (number.value, source, side)  # two sides lost the same number
            rows[key] = {"count": int(number.value), "min": int(number.value) if number.min else None,
                         "approx": number.approx, "vague": number.vague, "side": side,
                         "source": source, "article_id": article_id}
    return list(rows.values())


def _sources(event: Event, outlet: str | None) -> list[str]:
    names = [p.source for p in event.parts if p.source]
    if outlet:
        names.append(outlet)
    return list(dict.fromkeys(names))


def _confidence(event: Event, has_actor: bool, place: Place | None) -> float:
    learned = [p.confidence for p in event.parts if p.confidence is not None]
    if learned:
        return round(max(learned), 2)  # calibrated on held-out folds: the share found right
    head = event.head
    score = _BASE_CONFIDENCE.get(head.strength, 0.5)
    score += 0.1 if has_actor else 0.0
    score += 0.1 if place is not None and any(p.place_from_text for p in event.parts) else 0.0
    score += 0.05 * min(len(event.parts) - 1, 3)
    return round(min(score, 0.95), 2)


def _modality(event: Event) -> str:
    return min((p.modality for p in event.parts), key=_MODALITY_ORDER.index)


def _event_type(event: Event) -> str:
    types = {p.type for p in event.parts}
    if types == CROWD:
        return "riot"  # "احتجاجات ... قبل أن تتطور إلى مواجهات": the protest became a riot
    if len(types) == 1 or not types <= VIOLENCE:
        return event.head.type
    return min(types, key=SPECIFICITY.index)


def _event_id(article_id: str, etype: str, place: Place | None, day: str | None,
              modality: str, actor1: Mention | None) -> str:
    """Stable across runs: the article, type, place and day (ACLED's event key), with the
    modality and actor that keep a plan and the act, or two attackers, apart."""
    key = "|".join([article_id, etype, place.key if place else "", day or "", modality,
                    actor_key(actor1) or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def unique_ids(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """Suffix the rare id shared by two records (same key, different evidence)."""
    seen: Counter[object] = Counter()
    for record in records:
        seen[record["id"]] += 1
        if seen[record["id"]] > 1:
            record["id"] = f"{record['id']}-{seen[record['id']]}"
    return records


def _report(article: Article) -> dict[str, str | None]:
    """Who published the report, so that evidence read apart from its article still says so."""
    meta = article.article
    return {"outlet": meta.outlet, "url": meta.url, "title": meta.title, "published": meta.published}


def to_record(event: Event, article: Article) -> dict[str, object]:
    """The SPEC event record of a merged event."""
    head = event.head
    text = article.text
    actor1 = _best_actor1(event)
    actor2 = next((p.actor2 for p in event.parts if p.actor2 is not None
                   and actor_key(p.actor2) != actor_key(actor1)), None)
    associates = {(actor_key(m) or ""): m for p in event.parts for m in p.associates
                  if actor_key(m) not in (actor_key(actor1), actor_key(actor2))}
    etype = _event_type(event)
    if etype not in STATEMENT_TYPES | TALKS:
        # a deal, like a statement, stays with the leaders who made it
        actor1, actor2 = organisation_of(actor1), organisation_of(actor2)
    actor1, actor2 = armed_forces(actor1, etype), armed_forces(actor2, etype)
    if actor2 is not None and actor_key(actor2) == actor_key(actor1):
        actor2 = None  # "the government" and "its police" are one side once both are its forces
    if etype in ("protest", "riot") and actor1 is not None and actor1.kind in STATE_KINDS:
        # "السلطات اعتقلت ... بعد احتجاجات", "اشتباكات بين قوات الأمن ومحتجين": the state
        # met the protest, it did not protest
        crowd = actor2 if actor2 is not None and actor2.kind not in STATE_KINDS else None
        actor1, actor2 = crowd, actor1
    if actor1 is None and etype in ("protest", "riot"):
        actor1 = crowd_of(etype, _place(event))
    place = _place(event)
    etype = _event_type(event)
    record: dict[str, object] = {
        "id": _event_id(article.id, etype, place, head.date, _modality(event), actor1),
        "type": etype,
        "modality": _modality(event),
        "date": head.date,
        "date_end": head.date_end,
        "time_precision": head.precision,
        "actor1": _actor(actor1),
        "actor2": _actor(actor2),
        "assoc_actors": [_actor(m) for m in associates.values()],
        "location": place.location() if place else None,
        "fatalities": _figures(event, "fatalities", article.id),
        "injured": _figures(event, "injured", article.id),
        "detained": _figures(event, "detained", article.id),
        "sources": _sources(event, article.article.outlet),
        "evidence": [{"article_id": article.id, "sentence": sentence, "start": start,
                      "end": end, "text": text[start:end], **_report(article)}
                     for sentence, start, end in dict.fromkeys(
                         (p.sentence, *p.evidence) for p in event.parts)],
        "confidence": _confidence(event, actor1 is not None, place),
    }
    record["summary_en"] = summarise(record)
    return record
