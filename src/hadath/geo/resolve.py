"""Resolve toponyms in Arabic text to gazetteer places: `resolve_places(text) -> list[Mention]`.

Each name found by the matcher takes its qualifiers (ريف، محافظة، حي، أطراف مدينة) and is scored
per candidate place on a population prior, the qualifier, an explicit country next to it
(صور جنوب لبنان، طرابلس الليبية), the article's country context and the nearest co-mentioned
place. The winner becomes a `Mention` (label "place") whose `reason` names what decided it.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import pairwise

from hadath.geo.context_words import has_non_place_phrase, non_place_phrases, words_after_places
from hadath.geo.gazetteer import HOME_COUNTRIES, Gazetteer, Place, load_gazetteer
from hadath.geo.matcher import PROCLITICS, NameHit, find_names
from hadath.geo.qualifiers import (
    Qualifier,
    adjective_country,
    direction_after,
    has_place_preposition,
    is_metonym_cue,
    next_word,
    previous_word,
    previous_word_span,
    qualifiers_before,
)
from hadath.geo.toponym import LOCATABLE_KINDS, UNIT_KINDS, Toponym
from hadath.geo.unlisted import towns_by_sound, unlisted_places
from hadath.record import Mention
from hadath.text.normalize import NormText, normalize

_WORDS = re.compile(r"[\u0621-\u064a]+")

KIND_PRIOR = {"country": 0.8, "landmark": 0.5, "region": 0.45, "city": 0.3, "admin2": 0.2,
              "admin1": 0.15, "neighbourhood": 0.1}
PRECISION = {"country": 3, "admin1": 3, "region": 3, "admin2": 2, "city": 1,
             "neighbourhood": 1, "landmark": 1}
# Which kinds of place each qualifier role points at.
ROLE_KINDS = {
    "admin1": {"admin1"}, "admin2": {"admin2", "admin1"}, "settlement": {"city"},
    "neighbourhood": {"neighbourhood"}, "countryside": {"city", "admin1"},
    "near": {"city", "country", "admin1"}, "landmark": {"city"}, "facility": {"city"},
}
# Plural nouns for settlements and areas: "X في Y" after them makes Y a governorate.
AREA_PLURALS = frozenset(["قري", "مناطق", "مدن", "بلدات", "ارياف", "انحاء", "مخيمات", "احياء"])
DEFAULT_POPULATION = 100_000  # curated rows without a census figure: notable enough to be named
# Gap words allowed between a place and the larger unit that locates it (X في سوريا، X، لبنان).
LOCATING_GAPS = frozenset(["", "في", "،", ",", "-", "(", "ب", "في ب", "، ب"])
# A co-mentioned place orients a name within a news story's length of it (a few thousand
# characters), not across a whole transcript or dump: there it would cost names × names.
ANCHOR_REACH = 20_000


def resolve_places(text: str) -> list[Mention]:
    """Every place named in `text`, resolved, with offsets into `text`."""
    gazetteer = load_gazetteer()
    nt = normalize(text)
    norm = nt.text
    toponyms = [t for hit in find_names(norm) if (t := _toponym(norm, hit, gazetteer))]
    _link_locating_units(toponyms, norm)
    _share_plural_qualifiers(toponyms, norm)
    _one_country_per_name(toponyms)
    _mark_areas_of_many_places(toponyms, norm)
    for t in reversed(toponyms):  # a locating unit follows the place it locates
        _choose(t, Counter(), [])
    context = _country_context(toponyms, norm)
    anchors = sorted((t for t in toponyms if t.choice and _confident(t)
                      and t.choice.kind in ("city", "neighbourhood", "landmark", "admin1")),
                     key=lambda a: a.start)
    starts = [a.start for a in anchors]
    for t in toponyms:
        near = anchors[bisect_left(starts, t.start - ANCHOR_REACH):
                       bisect_right(starts, t.end + ANCHOR_REACH)]
        _choose(t, context, [a for a in near if a is not t and a.hit.key != t.hit.key])
    phrases = has_non_place_phrase(norm)
    kept = [t for t in toponyms if t.choice and _has_evidence(t, norm, gazetteer, context)
            and not (phrases and _inside_non_place_phrase(t, norm))]
    kept += unlisted_places(kept, norm)
    kept += towns_by_sound(kept, nt, context)
    return [_mention(t, nt, norm) for t in sorted(kept, key=lambda t: t.start)]


def _inside_non_place_phrase(t: Toponym, norm: str) -> bool:
    """صلاة المغرب is the sunset prayer: a name inside a listed phrase is no place."""
    pattern = non_place_phrases()
    if pattern is None:
        return False
    window_start = max(0, t.start - 40)
    return any(m.start() + window_start <= t.start and t.end <= m.end() + window_start
               for m in pattern.finditer(norm, window_start, min(len(norm), t.end + 40)))


def _country_context(toponyms: list[Toponym], norm: str = "") -> Counter[str]:
    """Countries the article is about: named countries, confidently placed home-region names
    (a town abroad says less: Arabic spellings of foreign towns collide with small namesakes),
    and nationality adjectives ("الجيش السوري" says the article is about Syria)."""
    context: Counter[str] = Counter()
    adjectives = load_gazetteer().adjectives
    for word in filter(adjectives.__contains__, _WORDS.findall(norm)):  # the test runs in C
        context[adjectives[word]] += 1
    for t in toponyms:
        if t.choice and _confident(t) and (
                t.choice.kind == "country" or t.choice.country in HOME_COUNTRIES):
            context[t.choice.country] += 1
    return context


def _toponym(norm: str, hit: NameHit, gazetteer: Gazetteer) -> Toponym | None:
    explicit: set[str] = set()
    qualifier_end, prefix = hit.start, hit.prefix
    before, before_start = previous_word_span(norm, hit.start)
    if not prefix and before in gazetteer.adjectives:
        # العاصمة الأردنية عمان: the adjective names the country, the qualifier comes before it.
        explicit.add(gazetteer.adjectives[before])
        qualifier_end = before_start
    elif hit.key in gazetteer.adjectives and not prefix and _is_definite_noun(before):
        return None  # القوات السعودية، العاصمة القطرية: an adjective, not the country
    qualifiers = qualifiers_before(norm, qualifier_end, prefix)
    start = qualifiers[0].start if qualifiers else hit.start
    end = hit.end
    if any(q.role in ("countryside", "near", "admin1") for q in qualifiers):
        end = direction_after(norm, hit.end)
    candidates = gazetteer.candidates(hit.key)
    split_ids: frozenset[int] = frozenset()
    if hit.key[:1] in ("و", "ف") and not prefix and hit.key[1:] in gazetteer.names:
        # وجدة is Oujda, or و + جدة (and Jeddah): both readings compete.
        split = gazetteer.candidates(hit.key[1:])
        candidates = candidates + split
        split_ids = frozenset(p.id for p in split)
    toponym = Toponym(hit, start, end, qualifiers, candidates, explicit, split_ids=split_ids)
    adjective = adjective_country(norm, end)
    if adjective:
        toponym.explicit.add(adjective)
    return toponym


def _is_definite_noun(word: str) -> bool:
    return any(word[len(c):].startswith("ال") for c in PROCLITICS if word.startswith(c))


def _link_locating_units(toponyms: list[Toponym], norm: str) -> None:
    """A place followed by a larger unit (X جنوب لبنان، حي X بحلب، X في سوريا) lies in it."""
    for place, unit in pairwise(toponyms):
        # The unit's own clitic is part of the gap: حي الخالدية بمدينة حلب، رفح بشمال سيناء.
        gap = " ".join(norm[place.end:unit.start].split())
        if gap not in LOCATING_GAPS or unit.hit.prefix not in ("", "ب"):
            continue
        countries = {c.country for c in unit.candidates}
        if len(countries) == 1:
            place.explicit |= countries
        if any(c.kind in UNIT_KINDS for c in unit.candidates) and any(
                c.kind in LOCATABLE_KINDS for c in place.candidates):
            place.locating = unit
            place.locative = "في" in gap or "ب" in gap or unit.hit.prefix == "ب"
            roles = {q.role for q in place.qualifiers}
            if "settlement" in roles or (not roles and all(c.kind == "city" for c in place.candidates)):
                unit.locates_town = True


def _mark_areas_of_many_places(toponyms: list[Toponym], norm: str) -> None:
    """قرى تسكنها أغلبية شيعية في إدلب وحلب: villages (plural) in X make X the governorate."""
    for t in toponyms:
        before = norm[max(0, t.start - 40):t.start].split()
        if t.hit.prefix == "ب" or (before and before[-1] == "في"):
            window = before[-6:-1] if before and before[-1] == "في" else before[-5:]
            if any(w.lstrip("وب") in AREA_PLURALS for w in window):
                t.locates_town = True
        elif t.coordinated is not None and t.coordinated.locates_town:
            t.locates_town = True


def _one_country_per_name(toponyms: list[Toponym]) -> None:
    """One sense per article: "سبق- عمان:" is the Amman that "العاصمة الأردنية عمان" names later."""
    named: dict[str, set[str]] = {}
    for t in toponyms:
        if t.explicit:
            named.setdefault(t.hit.key, set()).update(t.explicit)
    for t in toponyms:
        if not t.explicit and len(named.get(t.hit.key, ())) == 1:
            t.explicit = set(named[t.hit.key])


def _share_plural_qualifiers(toponyms: list[Toponym], norm: str) -> None:
    """محافظتي حلب وإدلب، مدن الرمادي والفلوجة: a dual or plural qualifier covers every name
    coordinated with و after it."""
    for first, second in pairwise(toponyms):
        gap = norm[first.end:second.hit.start - len(second.hit.prefix)].strip()
        if second.hit.prefix.startswith("و") and gap in ("", "،", ","):
            second.coordinated = first
        if second.qualifiers or not second.hit.prefix.startswith("و") or not first.qualifiers:
            continue
        word = first.qualifiers[-1].word
        plural = word.endswith(("ي", "ات")) or word in ("مدن", "قري", "مناطق")
        if plural and norm[first.end:second.hit.start - len(second.hit.prefix)].strip() in ("", "،", ","):
            second.qualifiers = [Qualifier(first.qualifiers[-1].role, word, second.hit.start)]


def _components(t: Toponym, place: Place, context: Counter[str], anchors: list[Toponym],
                unit: Place | None, total: int) -> dict[str, float]:
    """Score parts of one candidate; `unit` is `_locating_place(t)` and `total` the size of
    `context`, the same for every candidate (worked out once by the caller)."""
    population = place.population or (1000 if "minor" in place.flags else DEFAULT_POPULATION)
    parts = {
        f"{place.kind} reading preferred": KIND_PRIOR.get(place.kind, 0.2),
        "population prior": math.log10(population) / 4,
        "home region": 0.3 if place.country in HOME_COUNTRIES else 0.0,
    }
    if t.qualifiers and place.kind in ROLE_KINDS.get(t.qualifiers[-1].role, ()):
        parts[f"qualifier {t.qualifiers[-1].word}"] = 1.0
    if place.country in t.explicit:
        parts[f"explicit country {place.country}"] = 2.0
    if unit and unit.kind in ("city", "admin1") and _lies_in(place, unit):
        parts[f"located in {unit.canonical}"] = 1.5
    if t.locates_town and place.kind == "admin1" and not t.qualifiers:
        parts["governorate of a town in it"] = 0.3
    if total and context[place.country]:
        parts[f"country context {place.country}"] = 0.8 * context[place.country] / total
    nearest, km = _nearest(place, anchors)
    if nearest is not None and nearest.choice is not None and km < 250:
        parts[f"nearest co-mentioned {nearest.choice.canonical}"] = 0.8 if km < 60 else 0.4
    return parts


def _nearest(place: Place, anchors: list[Toponym]) -> tuple[Toponym | None, float]:
    """The first of the placed anchors nearest to `place`, and its distance in km."""
    nearest, least = None, 0.0
    seen: set[int] = set()
    for anchor in anchors:
        # a place named again is no nearer: the first naming of it stands
        if anchor.choice is not None and id(anchor.choice) not in seen:
            seen.add(id(anchor.choice))
            km = distance_km(place, anchor.choice)
            if nearest is None or km < least:
                nearest, least = anchor, km
    return nearest, least


def _choose(t: Toponym, context: Counter[str], anchors: list[Toponym]) -> None:
    if not t.candidates:
        return
    unit, total = _locating_place(t), sum(context.values())
    scored = [(sum(parts.values()), place, parts) for place in t.candidates
              for parts in [_components(t, place, context, anchors, unit, total)]]
    scored.sort(key=lambda s: -s[0])
    best, place, parts = scored[0]
    t.choice = place
    qualifier = [k for k in parts if k.startswith("qualifier")]
    if len(scored) == 1:
        t.margin, decisive = 3.0, "only candidate"
    else:
        runner_up = scored[1][2]
        gains = {k: v - runner_up.get(k, 0.0) for k, v in parts.items()}
        decisive = max(gains, key=lambda k: gains[k])
        # A governorate and its seat share a point: only a rival elsewhere makes it uncertain.
        rivals = [score for score, other, _ in scored[1:] if distance_km(place, other) > 25]
        t.margin = best - rivals[0] if rivals else 3.0
    t.reason = "; ".join(dict.fromkeys(qualifier + [decisive]))
    unit = _locating_place(t)
    if unit is not None and t.locative and place.kind in LOCATABLE_KINDS \
            and not _lies_in(place, unit):
        # منطقة الزيتون في مدينة بنغازي: the only Zeitoun we know is in Gaza; the text says
        # Benghazi, so place it there, less precisely.
        t.choice, t.margin, t.located_only = unit, 0.0, True
        t.reason = f"unlisted place located in {unit.canonical}"


def _lies_in(place: Place, unit: Place) -> bool:
    """Whether `place` can lie in `unit`: same country, and near enough for the unit's size."""
    if place.country != unit.country:
        return False
    reach = {"city": 60.0, "admin1": 250.0}.get(unit.kind)
    return reach is None or distance_km(place, unit) <= reach


def _locating_place(t: Toponym) -> Place | None:
    """The place the text says `t` lies in, when that unit is a settlement or larger."""
    if t.locating is None or t.locating.choice is None or t.locating.located_only:
        return None
    unit = t.locating.choice
    if not t.locating.qualifiers and any(f in unit.flags for f in ("context", "qualified", "minor")):
        return None  # في حديثه "in his talk": a doubtful name locates nothing
    if unit.kind == "city" and any(q.role == "near" for q in t.locating.qualifiers):
        return None  # الرمادي (غرب بغداد): west of Baghdad, not in it
    return unit if unit.kind in UNIT_KINDS else None


def _confident(t: Toponym) -> bool:
    return t.margin >= 0.5 or len({c.country for c in t.candidates}) == 1


def _has_evidence(t: Toponym, norm: str, gazetteer: Gazetteer, context: Counter[str]) -> bool:
    """Names that are also common words (صور pictures, حماة protectors) need support: a
    qualifier, or a preposition plus a country named elsewhere in the text (or next to it)."""
    place = t.choice
    assert place is not None
    needs_support = t.hit.key in gazetteer.context_names or all(
        "minor" in c.flags for c in t.candidates)
    if t.qualifiers:
        return True
    if "qualified" in place.flags:
        return False  # حديثة is "his talk" unless a qualifier says town, dam or district
    if not needs_support:
        return True
    following = next_word(norm, t.end)
    if (following.startswith("ال") and following not in gazetteer.adjectives
            and following not in words_after_places()):
        return False  # construct state: حماة الديار، صور الأقمار (but "في لودر اليوم")
    other = t.coordinated.choice if t.coordinated is not None else None
    listed = other is not None and (other.country == place.country
                                    or other.kind == place.kind == "country")
    if listed:
        return True  # إدلب، وحماه، واللاذقية: a list of places of one country
    if not has_place_preposition(norm, t.hit.start, t.hit.prefix):
        return False
    if place.kind == "country" or place.country in t.explicit:
        return True
    unit = _locating_place(t)
    if unit is not None and unit.country == place.country:
        return True
    own = 1 if _confident(t) and (place.kind == "country" or place.country in HOME_COUNTRIES) else 0
    return context[place.country] - own > 0


def _mention(t: Toponym, nt: NormText, norm: str) -> Mention:
    place = t.choice
    assert place is not None
    span_start = t.start + 1 if place.id in t.split_ids and t.start == t.hit.start else t.start
    start, end = nt.original_span(span_start, t.end)
    kind, precision = _kind_and_precision(t, place)
    score = 0.9 if t.margin >= 3.0 else 0.5 + 0.45 * math.tanh(t.margin)
    reason = t.reason
    if _acts_as_government(t, place, norm):
        reason += "; metonym?"
        score = min(score, 0.4)
    return Mention(
        start=start, end=end, surface=nt.original[start:end], label="place",
        canonical=place.canonical, kind=kind, country=place.country, source="gazetteer",
        score=round(score, 3), admin1=place.admin1, admin2=place.admin2, lat=place.lat,
        lon=place.lon, geo_precision=precision, geonameid=place.geonameid, reason=reason,
    )


def _kind_and_precision(t: Toponym, place: Place) -> tuple[str, int]:
    roles = {q.role for q in t.qualifiers}
    if t.located_only:
        if place.kind != "city":  # only the country or the governorate is known
            return "region", 3
        return ("neighbourhood" if "neighbourhood" in roles else "city"), 2
    if t.hit.key.startswith("ريف ") and "admin1" not in roles:
        return "region", 2  # ريف دمشق: the countryside of X is X with precision 2
    if roles & {"countryside", "near"}:
        if place.kind in ("country", "admin1", "region"):
            return "region", 3
        return ("region" if "countryside" in roles else place.kind), 2
    if "landmark" in roles and place.kind != "landmark":
        return "landmark", 2
    if "facility" in roles and place.kind == "city":
        return "landmark", 1
    if "admin2" in roles and place.kind == "city":
        return "admin2", 2
    if "admin1" in roles and place.kind == "city":
        return "admin1", 3  # a province named after its seat (ولاية تبسة، إقليم أغري)
    return place.kind, PRECISION.get(place.kind, 3)


def _acts_as_government(t: Toponym, place: Place, norm: str) -> bool:
    """دمشق تلقت تعهدا، قالت موسكو، الكرملين يرفض: the capital stands for its government."""
    if not (place.is_metonym or "capital" in place.flags) or t.qualifiers or t.hit.prefix:
        return False
    return is_metonym_cue(next_word(norm, t.end)) or is_metonym_cue(previous_word(norm, t.start))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
