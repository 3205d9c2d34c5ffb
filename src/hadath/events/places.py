"""Where an event happened: the most precise place the text ties its trigger to.

`place_mentions` qualifies resolved places ("ريف X"/"قرب X" is X with precision 2, SPEC);
`assign_places` ties each to the trigger of its clause and `best_place` picks the most precise;
`focus_place` is the article's main place, for reports that name no place of their own.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from hadath.claims.lexicon import matcher, table
from hadath.events.cues import Cue
from hadath.record import Mention, Sentence
from hadath.text.normalize import normalize, normalize_key

_COUNTRY_KINDS = frozenset({"country"})
_NEAR_ROLES = frozenset({"near", "direction"})


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    surface: str
    canonical: str | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 3
    is_country: bool = False
    locative: bool = False  # written after في or with ب: "في اليمن", "بالعريش"
    is_governorate: bool = False  # a first-level division: "محافظة حمص", "ولاية بورنو"

    def location(self) -> dict[str, object]:
        """The SPEC location record."""
        return {"surface": self.surface, "canonical": self.canonical, "country": self.country,
                "admin1": self.admin1, "admin2": self.admin2, "lat": self.lat, "lon": self.lon,
                "geo_precision": self.geo_precision}

    def contains(self, other: Place) -> bool:
        """A country or governorate holds the town named in another report of the event."""
        if self.is_country or (self.geo_precision >= 3 and not self.admin1):
            # a country, or a vaguer region of it ("شمال غرب سوريا")
            return bool(self.country and self.country == other.country)
        return bool(self.geo_precision >= 3 and self.admin1 and self.admin1 == other.admin1
                    and self.country == other.country)

    @property
    def broad(self) -> bool:
        """A country, governorate or region: it can hold several events' towns."""
        return self.is_country or self.geo_precision >= 3

    @property
    def key(self) -> str:
        """What makes two places the same for ACLED's one-event-per-place rule."""
        return self.canonical or normalize_key(self.surface)


def _qualified(text: str, m: Mention) -> Place:
    """A place mention as a Place, widened to "ريف حلب" with precision 2 when qualified."""
    lead = text[max(0, m.start - 4):m.start]
    locative = lead.endswith(("في ", "فى ", "ب", "بـ"))
    place = Place(m.start, m.end, m.surface, m.canonical, m.country, m.admin1, m.admin2,
                  m.lat, m.lon, m.geo_precision or 3, m.kind in _COUNTRY_KINDS, locative,
                  m.kind == "admin1")
    qualifiers = table("events", "place_qualifiers.tsv")
    before = text[max(0, m.start - 30):m.start]
    words = before.split()
    for n in (2, 1):
        phrase = normalize_key(" ".join(words[-n:])) if len(words) >= n else ""
        phrase = phrase[1:] if phrase[:1] in "وب" and phrase[1:] in qualifiers else phrase
        if qualifiers.get(phrase, {}).get("role") in _NEAR_ROLES and before.endswith(words[-1] + " "):
            start = m.start - len(" ".join(words[-n:])) - 1
            return replace(place, start=start, surface=text[start:m.end],
                           geo_precision=max(2, place.geo_precision))
    return place


def prayer_name(text: str, m: Mention) -> bool:
    """"لصلاة المغرب", "صلاة العشاء": المغرب after صلاة is the sunset prayer, not Morocco."""
    roles = table("events", "place_qualifiers.tsv")
    words = normalize_key(text[max(0, m.start - 12):m.start]).split()[-1:]
    return any(roles.get(w, roles.get(w[1:], {})).get("role") == "prayer" for w in words)


_DATELINE_WORDS = 5
_DATELINE_TAIL = re.compile(r"\s*(?:\d|[٠-٩]|\(|[-–—ـ]\s)")
_LAUNCH_WORDS = 4  # "صواريخ أطلقها الحوثيون من صعدة"


def _launch_site(text: str, m: Mention) -> bool:
    """"صواريخ أطلقت من إيران على أربيل": where a missile was fired from is not where it hit."""
    roles = table("events", "place_qualifiers.tsv")
    words = normalize_key(text[max(0, m.start - 60):m.start]).split()
    if not words or words[-1] != "من":
        return False
    return any(roles.get(w, roles.get(w[1:], {})).get("role") == "launch"
               for w in words[-1 - _LAUNCH_WORDS:-1])


_FLIGHT_WORDS = 8  # "تمكن من الفرار من قرية كيلوا قرب مونغونو الى مايدوغوري"
_TO = frozenset({"الي", "حتي"})


def _refuge(text: str, m: Mention) -> bool:
    """"فر من قريته الى مايدوغوري", "نقل الجرحى إلى مستشفى في عدن": where people fled or were
    taken to is not where the act happened."""
    roles = table("events", "place_qualifiers.tsv")
    words = normalize_key(text[max(0, m.start - 90):m.start]).split()
    if any(roles.get(w, {}).get("role") == "care" for w in words[-3:]):
        return True  # "ونقله للعلاج بالرياض": where the wounded were treated
    if not words or (words[-1] not in _TO and words[-1].lstrip("و") not in _TO):
        return False
    return any(roles.get(w, roles.get(w[1:], {})).get("role") == "flight"
               for w in words[-1 - _FLIGHT_WORDS:-1])


def _dateline(text: str, m: Mention) -> bool:
    """"جدة – عين اليوم", "عين اليوم – تونس": a short line of a city and an outlet says where
    the report was filed, not where anything happened."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    line = text[start:end if end >= 0 else len(text)]
    # (words counted up to one past the limit: a paragraph of prose is not read to its end)
    if len(line.split(maxsplit=_DATELINE_WORDS)) <= _DATELINE_WORDS \
            and any(d in line for d in (" – ", " - ", " — ")):
        return True
    # "كييف 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", "القاهرة (رويترز) -", "بيروت - أ ف ب":
    # a paragraph opened by a city and then a date, an agency or a dash
    opens = not text[start:m.start].strip(" \t\u200f\u200e")
    return opens and _DATELINE_TAIL.match(text, m.end) is not None


def _seat(text: str, m: Mention) -> bool:
    """"المرصد ومقره بريطانيا", "صحيفة الرياض السعودية": where a speaker or an outlet is based."""
    roles = table("events", "place_qualifiers.tsv")
    words = normalize_key(text[max(0, m.start - 30):m.start]).split()
    if words and roles.get(words[-1], {}).get("role") in ("seat", "neighbour"):
        return True
    return any(roles.get(w.lstrip("و"), {}).get("role") == "outlet" for w in words[-3:])


def place_mentions(text: str, mentions: list[Mention]) -> list[Place]:
    """Every resolved place of the article, qualified, plus vague places such as borders."""
    # a name the tagger calls a place but no gazetteer resolves ("المدينة") places nothing
    places = [_qualified(text, m) for m in mentions if m.label == "place"
              and (m.canonical or m.lat is not None) and not _seat(text, m)
              and not prayer_name(text, m) and not _dateline(text, m)
              and not _launch_site(text, m) and not _refuge(text, m)]
    places = [p for i, p in enumerate(places) if not _reference_point(text, places[:i], p)]
    norm = normalize(text)
    for hit in matcher("events", "place_qualifiers.tsv").find(norm.text):
        if hit.row["role"] == "vague":
            start, end = norm.original_span(hit.start, hit.end)
            places.append(Place(start, end, text[start:end], None, None, geo_precision=3))
    return sorted(places, key=lambda p: p.start)


_REFERENCE_GAP = 10  # "بلدة الطارمية بوسط البلاد على بعد حوالى 25 كيلومترا شمال بغداد"


def _reference_point(text: str, earlier: list[Place], place: Place) -> bool:
    """"بلدة الطارمية شمال بغداد", "ولاية لوغار جنوب كابول": a place given by its direction
    from a city named right after another place locates that place; the event is not there."""
    if not earlier or earlier[-1].is_country:
        return False
    roles = table("events", "place_qualifiers.tsv")
    head = normalize_key(text[place.start:place.end]).split()[:1]
    if not head or roles.get(head[0], {}).get("role") != "direction":
        return False
    gap = text[earlier[-1].end:place.start]
    if any(ch in gap for ch in ".؟!\n"):
        return False
    words = normalize_key(gap).split()
    # "مدينة حلب وشمال إدلب", "في حلب وفي شمال إدلب": a list names two places
    listed = any(w == "و" or (w[:1] == "و" and (w[1:] == "في" or w[1:] in roles)) for w in words)
    head_joined = normalize_key(text[place.start:place.end])[:1] == "و"
    return len(words) <= _REFERENCE_GAP and not listed and not head_joined


def _rank(place: Place, anchor: int) -> tuple[bool, int, bool, int]:
    return (place.is_country, place.geo_precision, not place.locative, abs(place.start - anchor))


def best_place(places: list[Place], anchor: int) -> Place | None:
    """The most precise of `places`, the nearest to `anchor` on a tie."""
    return min(places, key=lambda p: _rank(p, anchor)) if places else None


def assign_places(text: str, clauses: list[Sentence], triggers: list[Cue], places: list[Place]
                  ) -> tuple[dict[int, list[Place]], list[Place]]:
    """Trigger start → the places its clause ties to it; and places of trigger-less clauses.

    Arabic names the place after the event ("غارات على معسكرات في ليبيا"), so a place belongs
    to the last trigger before it in its clause, or to the clause's first trigger.
    """
    owned: dict[int, list[Place]] = {}
    free: list[Place] = []
    for clause in clauses:
        inside = [t for t in triggers if clause.start <= t.start < clause.end]
        for place in (p for p in places if clause.start <= p.start < clause.end):
            before = [t for t in inside if t.start < place.start]
            owner = before[-1] if before else (inside[0] if inside else None)
            if owner is None:
                free.append(place)
                continue
            owned.setdefault(owner.start, []).append(place)
            # "احتجاجات وأعمال شغب في بجاية": acts joined by و share the place named after them
            for prev, nxt in zip(before[-2::-1], before[:0:-1]):
                if text[prev.end:nxt.start].strip() not in ("و", ""):
                    break
                owned.setdefault(prev.start, []).append(place)
    return owned, free


def focus_place(places: list[Place]) -> Place | None:
    """The article's main place: its most often named settlement or district, else country."""
    precise = [p for p in places if not p.is_country and p.canonical and p.geo_precision <= 2]
    # "«النصرة» تهاجم حلفاء الولايات المتحدة ... واشنطن": the towns of the country the article
    # names most, not a foreign capital named as often as one of them
    countries = Counter(p.country for p in places if p.country)
    if countries:
        home = countries.most_common(1)[0][0]
        precise = [p for p in precise if p.country == home] or precise
    pool = precise or [p for p in places if p.canonical]
    if not pool:
        return None
    counts = Counter(p.canonical for p in pool)
    best = max(counts.values())
    return next(p for p in pool if counts[p.canonical] == best)
