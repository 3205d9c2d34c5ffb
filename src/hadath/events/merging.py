"""ACLED's one event per type, place and day: event candidates of an article merged.

`merge(candidates, headline_sentences)` groups the candidates that report one act (same type,
close dates, the same place or one inside the other, compatible actors; a headline joins the
body's event it sums up; a back-reference joins the act it names; a generic attack joins the
specific act at its place and day) and returns the `Event`s in text order.
"""
from __future__ import annotations

import math
from datetime import date

from hadath.events.cues import STATEMENT_TYPES
from hadath.events.modality import same_side
from hadath.events.places import Place
from hadath.events.records import (
    CROWD,
    TALKS,
    VIOLENCE,
    Candidate,
    Event,
    actor_key,
    unidentified,
)

_SAME_PLACE_KM = 5.0


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
    if cand.actor1 is None or not cand.actor1_from_syntax or unidentified(cand.actor1):
        # "it", the speaker talking of its own side, or "مجهولون" names no second attacker
        return True
    firsts = [p.actor1 for p in event.parts if p.actor1 is not None and p.actor1_from_syntax
              and not unidentified(p.actor1)]
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
    return a == b or {a, b} == CROWD


def _same_event(event: Event, b: Candidate) -> bool:
    a = event.head
    if not _same_type(a.type, b.type):
        return False
    if not (_close_dates(a.date, b.date) or _undated_repeat(a, b)):
        return False
    if a.type in STATEMENT_TYPES:
        # one speaker's statements of one kind on one day are one statement, "if" or not
        historical = (a.modality == "historical", b.modality == "historical")
        return actor_key(a.actor1) == actor_key(b.actor1) and historical[0] == historical[1]
    if _family(a.modality) != _family(b.modality):
        return False
    if a.type in TALKS:
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
                     and (cand.type in TALKS or _same_actors(e, cand))), None)
        if home is None and cand.type in VIOLENCE:
            home = next((e for e in events if e.head.type in VIOLENCE
                         and _family(e.head.modality) == _family(cand.modality)
                         and _same_actors(e, cand)), None)
        if home is None:
            events.extend(_merge_body([cand]))
        else:
            home.parts.append(cand)
    return sorted(events, key=lambda e: min(p.evidence[0] for p in e.parts))




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
    return event.head.type in VIOLENCE and cand.type in VIOLENCE and cand.strength != "strong"


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
                         and e.head.type in VIOLENCE - {"armed_clash"}
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
