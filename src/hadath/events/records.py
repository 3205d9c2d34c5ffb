"""Event candidates merged ACLED-style and written as SPEC event records.

`merge(candidates)` keeps one event per type, place and day (statements: per type, speaker and
day), pooling evidence, figures and sources; `to_record(event, article)` writes the SPEC dict
with a stable id, evidence offsets, an English summary and a confidence.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from hadath.events.arguments import armed_forces, crowd_of, organisation_of
from hadath.events.cues import STATEMENT_TYPES
from hadath.events.figures import Figure
from hadath.events.modality import STATE_KINDS, same_side
from hadath.events.places import Place
from hadath.events.summary import summarise
from hadath.record import Article, Mention

# When reports of one event differ, the most definite reading wins.
_MODALITY_ORDER = ("conditional", "asserted", "claimed", "denied", "planned", "historical")
_SAME_PLACE_KM = 5.0
_BASE_CONFIDENCE = {"strong": 0.6, "weak": 0.45, "statement": 0.55, "figure": 0.5}


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


@dataclass
class Event:
    parts: list[Candidate]

    @property
    def head(self) -> Candidate:
        return self.parts[0]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _close_dates(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    da, db = _day(a), _day(b)
    return bool(da and db and abs((da - db).days) <= 1)


def _actor_key(m: Mention | None) -> str | None:
    return (m.canonical or m.surface) if m else None


def _nested_dates(a: str | None, b: str | None) -> bool:
    """Two dates that may name one time: close days, or a day within a month or year."""
    if not a or not b:
        return True
    return _close_dates(a, b) or a.startswith(b) or b.startswith(a)


def _family(modality: str) -> str:
    """Reports of what happened merge; a plan, a threat or a memory stays apart."""
    return "current" if modality in ("asserted", "claimed", "denied") else modality


def _same_place(event: Event, b: Candidate) -> bool:
    parts = event.parts
    if b.place is not None and not b.place.broad:
        # "تفجيرات في أنحاء العراق" then one in الطارمية and one in مندلي: the country holds
        # both towns, but two towns are two events
        precise = [a for a in parts if a.place is not None and not a.place.broad]
        parts = precise or parts
    for a in parts:
        if a.sentence == b.sentence and not (a.place_from_text and b.place_from_text):
            return True  # the second act of one sentence names no place of its own
        if _places_match(a.place, b.place):
            return True
    return False


def _places_match(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.key == b.key or a.contains(b) or b.contains(a):
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    # a landmark inside a town (قلعة حلب in حلب) is the town for ACLED
    return _km(a, b) <= _SAME_PLACE_KM


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(h))


def _same_actors(event: Event, cand: Candidate) -> bool:
    """Two attackers fighting different enemies make two events even at one place and day;
    the two sides of one fight ("HTS and the army") are one."""
    if cand.actor1 is None or not cand.actor1_from_syntax or _unidentified(cand.actor1):
        # "it", the speaker talking of its own side, or "مجهولون" names no second attacker
        return True
    firsts = [p.actor1 for p in event.parts if p.actor1 is not None and p.actor1_from_syntax
              and not _unidentified(p.actor1)]
    if not firsts:
        return True
    seconds = [p.actor2 for p in event.parts if p.actor2 is not None]
    return (any(same_side(m, cand.actor1) for m in firsts + seconds)
            or any(same_side(m, cand.actor2) for m in firsts))


_UNDATED_REACH = 7  # days back an undated report may reach for the act it repeats


def _undated_repeat(a: Candidate, b: Candidate) -> bool:
    """"ينفي خطف مقاتلين" with no day of its own, after "خطفوا الأربعاء": another source's
    report with no day repeats an act of the past week; its day is only when it was written."""
    if a.precision == 2 and b.precision == 1:
        a, b = b, a  # the undated report may come first
    if a.source == b.source:
        return False  # "يواصل الجيش القصف" after "شن يومي الجمعة والسبت غارات": still going on
    da, db = _day(a.date), _day(b.date)
    return (b.precision == 2 and a.precision == 1 and da is not None and db is not None
            and 0 <= (db - da).days <= _UNDATED_REACH)


def _same_type(a: str, b: str) -> bool:
    """A protest that turns violent is one riot (ACLED), however each report names it."""
    return a == b or {a, b} == _CROWD


def _same_event(event: Event, b: Candidate) -> bool:
    a = event.head
    if not _same_type(a.type, b.type):
        return False
    if not (_close_dates(a.date, b.date) or _undated_repeat(a, b)):
        return False
    if a.type in STATEMENT_TYPES:
        # one speaker's statements of one kind on one day are one statement, "if" or not
        historical = (a.modality == "historical", b.modality == "historical")
        return _actor_key(a.actor1) == _actor_key(b.actor1) and historical[0] == historical[1]
    if _family(a.modality) != _family(b.modality):
        return False
    if a.type in _TALKS:
        # "اتفق حفتر مع السراج" then "السراج وحفتر اتفقا": one accord at one place and day,
        # whichever side each report names first
        return not b.place_from_text or b.place is None or b.place.broad or _same_place(event, b)
    return _same_place(event, b) and _same_actors(event, b)


def merge(candidates: list[Candidate], headline_sentences: int = 0) -> list[Event]:
    """ACLED: one event per type, place and day (and actors) within an article.

    A headline sums up the body: its events join a body event of the same type when there is
    one, whatever place or day the headline's shorter wording gives.
    """
    body = [c for c in candidates if c.sentence >= headline_sentences]
    events = _merge_body(body)
    for cand in (c for c in candidates if c.sentence < headline_sentences):
        # "التحالف يقصف حجة" does not sum up the Houthis' shelling of the body
        # "التحالف يعلن هدنة" sums up "أعلنت قيادة التحالف بدء هدنة ... يوم الأحد المقبل": a
        # headline's plain wording does not make the planned truce of the body another event
        home = next((e for e in events if _same_type(e.head.type, cand.type)
                     and (_family(e.head.modality) == _family(cand.modality)
                          or (cand.modality == "asserted" and e.head.modality == "planned"))
                     and (cand.type in _TALKS or _same_actors(e, cand))), None)
        if home is None and cand.type in _VIOLENCE:
            home = next((e for e in events if e.head.type in _VIOLENCE
                         and _family(e.head.modality) == _family(cand.modality)
                         and _same_actors(e, cand)), None)
        if home is None:
            events.extend(_merge_body([cand]))
        else:
            home.parts.append(cand)
    return sorted(events, key=lambda e: min(p.evidence[0] for p in e.parts))


_VIOLENCE = frozenset({"armed_clash", "air_strike", "shelling", "explosion", "attack_on_civilians"})
_CROWD = frozenset({"riot", "protest"})
_TALKS = frozenset({"agreement"})
# When reports of one act name it differently ("قصف" here, "الغارة" there), the most specific
# name wins: an air strike that killed civilians is an air strike (ACLED remote violence).
_SPECIFICITY = ("air_strike", "explosion", "shelling", "attack_on_civilians", "armed_clash")


def _related(event: Event, cand: Candidate) -> bool:
    """The event a headline or a back-reference ("الهجوم") can stand for."""
    if _family(event.head.modality) != _family(cand.modality):
        return False
    if cand.precision == 1 and not _close_dates(event.head.date, cand.date):
        return False  # the text dates it to another day: another act
    if cand.modality == "historical" and not _nested_dates(event.head.date, cand.date):
        return False  # "الاقتتال ... عام 2014" is not the fighting of March 2016
    if _same_type(event.head.type, cand.type):
        return True
    # a generic word for violence ("الهجوم", "قصف") names any act of violence
    return event.head.type in _VIOLENCE and cand.type in _VIOLENCE and cand.strength != "strong"


def _merge_body(candidates: list[Candidate]) -> list[Event]:
    events: list[Event] = []
    for cand in candidates:
        home = next((e for e in events if _same_event(e, cand)), None)
        if home is None and cand.refers_back:
            home = next((e for e in reversed(events) if _related(e, cand)), None)
            if home is not None:  # it is where and what the act it refers to was
                cand.type = home.head.type
                # "ووقع الهجوم في منطقة واردوج" after "في شمال شرق أفغانستان": the
                # back-reference may say more precisely where, within the first report's region
                finer = (cand.place_from_text and cand.place is not None
                         and home.head.place is not None and home.head.place.broad
                         and not cand.place.broad and home.head.place.contains(cand.place))
                if not finer:
                    cand.place, cand.place_from_text = home.head.place, home.head.place_from_text
            elif not cand.stands_alone:
                continue  # "هذا الهجوم" with nothing before it to refer to
        if home is None:
            events.append(Event([cand]))
        elif home.head.precision == 2 and cand.precision == 1 and cand.type == home.head.type:
            home.parts.insert(0, cand)  # the report that gives the day dates the event
        else:
            home.parts.append(cand)
    return _fold_generic(events)


def _generic(event: Event) -> bool:
    """Only generic words name it: "هاجم مسلحون", "أطلقوا النار على", "اقتحم"."""
    return all(p.type == "armed_clash" and p.strength == "weak" for p in event.parts)


def _fold_generic(events: list[Event]) -> list[Event]:
    """"انفجار سيارة مفخخة ... واقتحم بها كمين المطافي": a generic attack at the place and on
    the day of a bombing, strike or killing the article names is that act, not a second one."""
    kept: list[Event] = []
    for event in events:
        home = None
        if _generic(event):
            home = next((e for e in events if e is not event and not _generic(e)
                         and e.head.type in _VIOLENCE - {"armed_clash"}
                         and _family(e.head.modality) == _family(event.head.modality)
                         and _close_dates(e.head.date, event.head.date)
                         and all(_same_place(e, p) and _same_actors(e, p) for p in event.parts)),
                        None)
        if home is None:
            kept.append(event)
            continue
        for part in event.parts:
            part.type = home.head.type
            home.parts.append(part)
    return kept


def _best_actor1(event: Event) -> Mention | None:
    """The actor most reports name by syntax; a speaker standing in for "it" counts less, and
    so does "مسلحون" against a named actor (a group claiming the attack)."""
    votes: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for part in event.parts:
        if part.actor1 is None:
            continue
        key = _actor_key(part.actor1) or ""
        named = part.actor1_from_syntax and not _unidentified(part.actor1)
        votes[key] = votes.get(key, 0) + (2 if named else 1)
        first.setdefault(key, part.actor1)
    if not votes:
        return None
    return first[max(votes, key=lambda k: votes[k])]


def _unidentified(m: Mention) -> bool:
    """"مسلحون مجهولون": ACLED's unidentified armed group of a country."""
    return (m.canonical or "").startswith("Unidentified ")


def _actor(m: Mention | None) -> dict[str, object] | None:
    if m is None:
        return None
    return {"canonical": m.canonical, "surface": m.surface, "kind": m.kind, "country": m.country}


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
            side = _actor_key(figure.side) or figure.side_kind
            key = (number.value, source)
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
    if types == _CROWD:
        return "riot"  # "احتجاجات ... قبل أن تتطور إلى مواجهات": the protest became a riot
    if len(types) == 1 or not types <= _VIOLENCE:
        return event.head.type
    return min(types, key=_SPECIFICITY.index)


def _event_id(article_id: str, etype: str, place: Place | None, day: str | None,
              modality: str, actor1: Mention | None) -> str:
    """Stable across runs: the article, type, place and day (ACLED's event key), with the
    modality and actor that keep a plan and the act, or two attackers, apart."""
    key = "|".join([article_id, etype, place.key if place else "", day or "", modality,
                    _actor_key(actor1) or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def unique_ids(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """Suffix the rare id shared by two records (same key, different evidence)."""
    seen: Counter[object] = Counter()
    for record in records:
        seen[record["id"]] += 1
        if seen[record["id"]] > 1:
            record["id"] = f"{record['id']}-{seen[record['id']]}"
    return records


def to_record(event: Event, article: Article) -> dict[str, object]:
    """The SPEC event record of a merged event."""
    head = event.head
    text = article.text
    actor1 = _best_actor1(event)
    actor2 = next((p.actor2 for p in event.parts if p.actor2 is not None
                   and _actor_key(p.actor2) != _actor_key(actor1)), None)
    associates = {(_actor_key(m) or ""): m for p in event.parts for m in p.associates
                  if _actor_key(m) not in (_actor_key(actor1), _actor_key(actor2))}
    etype = _event_type(event)
    if etype not in STATEMENT_TYPES | _TALKS:
        # a deal, like a statement, stays with the leaders who made it
        actor1, actor2 = organisation_of(actor1), organisation_of(actor2)
    actor1, actor2 = armed_forces(actor1, etype), armed_forces(actor2, etype)
    if actor2 is not None and _actor_key(actor2) == _actor_key(actor1):
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
                      "end": end, "text": text[start:end]}
                     for sentence, start, end in dict.fromkeys(
                         (p.sentence, *p.evidence) for p in event.parts)],
        "confidence": _confidence(event, actor1 is not None, place),
    }
    record["summary_en"] = summarise(record)
    return record
