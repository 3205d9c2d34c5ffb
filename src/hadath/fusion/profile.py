"""What fusion compares: an event's `Profile` (type, modality, day interval, actors, place), read
from a SPEC event record or from a stored fused event, and whether two profiles can be one event.

Two reports are one event when the types fuse (`types.py`), the modalities are of one kind,
the dates are within a day or the intervals overlap (the same day where a place is only an
admin unit or a country), the actors agree (same canonical or one side unknown, or failing
that one named actor in common; at one settlement, unless they name two disjoint pairs of
sides) and the places are the same, a few km apart, or one is an
admin unit that contains the other; two unplaced reports need the same actor 1. `match_score` says how well, `None` when they cannot be one event.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hadath.fusion.types import STATEMENT_TYPES, types_fuse

# A report with an interval longer than this (or month / year precision) is "vague": it fuses
# only with the same stated period, never with the days inside it.
MAX_PRECISE_SPAN_DAYS = 14
# Towns closer than this are one place for fusion (a village and the town beside it, two
# spellings resolved to neighbouring gazetteer entries); 10 km when one side is "near X".
NEAR_KM = 5.0
NEAR_KM_LOOSE = 10.0

# asserted, claimed and denied reports tell of one event that happened (or is said not to
# have); a plan, a threat's condition and a background mention are each other events.
_MODALITY_KIND = {"asserted": "reported", "claimed": "reported", "denied": "reported"}


@dataclass(frozen=True)
class Profile:
    type: str | None
    modality: str | None
    date: str | None
    date_end: str | None
    first: date | None
    last: date | None
    actor1: str | None
    actor2: str | None
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None

    @property
    def vague(self) -> bool:
        return (self.first is None or self.last is None
                or (self.last - self.first).days > MAX_PRECISE_SPAN_DAYS)

    @property
    def placed(self) -> bool:
        return bool(self.place or self.country or self.lat is not None)


def profile(record: dict[str, Any]) -> Profile:
    """The profile of a SPEC event record (an article's event or a fused record)."""
    location = record.get("location") or {}
    first, last = day_interval(record.get("date"), record.get("date_end"))
    return Profile(
        type=record.get("type"), modality=record.get("modality"),
        date=record.get("date"), date_end=record.get("date_end"), first=first, last=last,
        actor1=_canonical(record.get("actor1")), actor2=_canonical(record.get("actor2")),
        place=location.get("canonical"), country=location.get("country"),
        admin1=location.get("admin1"), lat=location.get("lat"), lon=location.get("lon"),
        geo_precision=location.get("geo_precision"),
    )


def _canonical(actor: Any) -> str | None:
    return actor.get("canonical") if isinstance(actor, dict) else actor


def day_interval(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """The first and last day an ISO date, month or year (and an optional end) covers."""
    first = _bound(start, last=False)
    last = _bound(end or start, last=True)
    if first is None or last is None or last < first:
        return first, first
    return first, last


def _bound(value: str | None, *, last: bool) -> date | None:
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31) if last else date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            if not last:
                return date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return following - timedelta(days=1)
        return date(year, month, int(parts[2]))
    except ValueError:
        return None


def match_score(a: Profile, b: Profile) -> float | None:
    """How well two profiles agree, higher is better; None when they cannot be one event."""
    if not types_fuse(a.type, b.type):
        return None
    if _MODALITY_KIND.get(a.modality or "", a.modality) != _MODALITY_KIND.get(b.modality or "", b.modality):
        return None
    dates = _date_score(a, b)
    if dates is None:
        return None
    place = place_score(a, b)
    if place is None:
        return None
    actors = _actor_score(a, b)
    if actors is None and _one_act(a, b, place):
        actors = 0.0
    if actors is None:
        return None
    if not a.placed and (a.actor1 is None or a.actor1 != b.actor1):
        return None  # nowhere and by no one in common: nothing says it is one event
    if dates < 2 and vague_place(a, b):
        return None  # "in Syria" on two days is too little to call one event
    return place + dates + actors + (1.0 if a.type == b.type else 0.0)


def _date_score(a: Profile, b: Profile) -> float | None:
    if a.vague or b.vague:
        # a stated month, year or long period fuses only with the same one
        return 2.0 if (a.date, a.date_end) == (b.date, b.date_end) and a.date else None
    assert a.first and a.last and b.first and b.last
    one_day = timedelta(days=1)
    if b.first > a.last + one_day or a.first > b.last + one_day:
        return None
    return 2.0 if (a.first, a.last) == (b.first, b.last) else 1.0


def _actor_score(a: Profile, b: Profile) -> float | None:
    """Same canonical or one side unknown, for each role; a clash has no attacker, so its two
    sides may be named in either order. Failing that, one named actor in common, in whatever
    role, still agrees (score 0.5): outlets name the doer of a bombing and its target, or the
    allies of a side, differently, and extraction swaps them, while two events at one place on
    one day of one type sharing an actor are, in ACLED's coding, one event. A statement needs
    the same speaker on both sides."""
    if a.type in STATEMENT_TYPES:
        return 1.0 if a.actor1 is not None and a.actor1 == b.actor1 and \
            _roles(None, None, a.actor2, b.actor2) is not None else None
    straight = _roles(a.actor1, b.actor1, a.actor2, b.actor2)
    if a.type == "armed_clash" and b.type == "armed_clash":
        swapped = _roles(a.actor1, b.actor2, a.actor2, b.actor1)
        if straight is None or (swapped is not None and swapped > straight):
            straight = swapped
    if straight is None and {a.actor1, a.actor2} & {b.actor1, b.actor2} - {None}:
        return 0.5
    return straight


def _one_act(a: Profile, b: Profile, place: float) -> bool:
    """Reports of violence of fusing types at one settlement (the same town, or towns a few
    km apart) whose days fuse are one act whatever their actors, unless they name two pairs
    of belligerents with no side in common: ACLED codes one event per type, place and day,
    and outlets and extraction name the doer, the victims and the allies of one attack
    differently (for the Abha mosque bombing actor 1 is the Islamic State, the police it
    killed, or nobody). A statement keeps its speaker, and an admin unit or a country is too
    wide a place to say so."""
    return (a.type not in STATEMENT_TYPES and place >= 2 and _settlement(a) and _settlement(b)
            and not _named_apart(a, b))


def _settlement(p: Profile) -> bool:
    return (p.geo_precision or 3) < 3


def _named_apart(a: Profile, b: Profile) -> bool:
    """Both reports name two sides, and no side in common: two pairs of belligerents, which
    extraction's role confusion (the doer read as the victim, a side left out) does not make."""
    sides_a, sides_b = {a.actor1, a.actor2} - {None}, {b.actor1, b.actor2} - {None}
    return len(sides_a) == 2 and len(sides_b) == 2 and not sides_a & sides_b


def _roles(x1: str | None, y1: str | None, x2: str | None, y2: str | None) -> float | None:
    score = 0.0
    for x, y in ((x1, y1), (x2, y2)):
        if x and y:
            if x != y:
                return None
            score += 1.0
    return score


def place_score(a: Profile, b: Profile) -> float | None:
    """3 the same place, 2 a few km apart, 1 an admin unit and a place inside it, 0 both
    unplaced (then `match_score` asks for the same actor 1); None otherwise."""
    if not a.placed or not b.placed:
        return 0.0 if not a.placed and not b.placed else None
    if a.country and b.country and a.country != b.country:
        return None
    if a.place and a.place == b.place:
        return 3.0
    pa, pb = a.geo_precision or 3, b.geo_precision or 3
    if pa < 3 and pb < 3:
        km = distance_km(a, b)
        limit = NEAR_KM if pa == pb == 1 else NEAR_KM_LOOSE
        return 2.0 if km is not None and km <= limit else None
    if pa == 3 and contains(a, b) or pb == 3 and contains(b, a):
        return 1.0
    return None


def vague_place(a: Profile, b: Profile) -> bool:
    """Either place is an admin unit or a country (precision 3, or none given)."""
    return (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3


def contains(admin: Profile, inner: Profile) -> bool:
    """A governorate (an admin-1 unit) holds `inner` when `inner` is in it. A country alone
    holds nothing for fusion: a report placed only at "Syria" tells no more than the country,
    and would otherwise join any event of that day anywhere in it (a clash at the Turkish
    border with the battles of Daraa); it fuses only with other reports placed at the country."""
    if not admin.admin1:
        return False
    return (inner.admin1 or "").casefold() == admin.admin1.casefold() and (inner.geo_precision or 3) <= 3


def distance_km(a: Profile, b: Profile) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
