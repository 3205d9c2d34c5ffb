"""Villages and quarters the gazetteer does not list, placed in the unit the text puts them in.

`unlisted_before(norm, unit_start)` looks left of a resolved place for "qualifier + unknown name +
(في|ب)": قرية تل أعور في ريف إدلب، بلدة X بمحافظة حماة، حي السفارات في الرياض. It returns the
span and qualifier of the unknown place, which the resolver codes at the unit (ACLED: the nearest
known location, with a lower precision). `qualified_unknowns(norm)` lists every "مدينة/إقليم + name"
for the lookup by sound. `unlisted_places(toponyms, norm)` and `towns_by_sound(toponyms, nt,
context)` turn both into `Toponym`s for the resolver.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from hadath.geo.gazetteer import HOME_COUNTRIES, Place, load_gazetteer
from hadath.geo.matcher import PROCLITICS, NameHit
from hadath.geo.qualifiers import Qualifier, adjective_country, all_qualifier_words, qualifier_role
from hadath.geo.sounds import arabic_skeleton, find_by_sound
from hadath.geo.toponym import UNIT_KINDS, Toponym
from hadath.spans import Overlaps
from hadath.text.normalize import NormText, normalize_key

# Qualifiers that introduce a named settlement or part of one (not جامعة "league", سد "block",
# قاعدة "rule": they name other things too often).
SETTLEMENT_ROLES = frozenset(["settlement", "neighbourhood", "area"])
FACILITY_WORDS = frozenset(normalize_key(w) for w in ("مستشفى", "مطار", "ميناء", "مخيم", "معبر"))
MAX_NAME_WORDS = 3
# Words that end a name rather than belong to it.
NOT_NAME = frozenset(normalize_key(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "قرب", "التي", "الذي", "الواقعة",
    "الواقع", "و", "او", "أو", "ثم", "حيث", "منذ", "بعد", "قبل", "خلال", "كل", "هذه", "هذا",
    # institutions named like areas: منطقة الأمن الوطني (a police district), قيادة العمليات
    "الأمن", "الوطني", "الشرطة", "الحرس", "الجيش", "العمليات", "القيادة", "الدفاع", "المدني",
    "العسكرية", "الحكومة", "الداخلية", "الخارجية", "لوجستية", "صناعية", "تجارية", "حرة",
))


_WORD = re.compile(r"[\w\u0621-\u064a]+")


@dataclass(frozen=True, slots=True)
class Unlisted:
    start: int  # normalised span: qualifier + name
    end: int
    name_start: int
    qualifier: Qualifier


def _word_start(norm: str, pos: int) -> int:
    while pos > 0 and (norm[pos - 1].isalnum() or norm[pos - 1] == "_"):  # is_word_char, inlined
        pos -= 1
    return pos


def _words_left(norm: str, pos: int, count: int) -> list[tuple[str, int, int]]:
    words: list[tuple[str, int, int]] = []
    i = pos
    while len(words) < count:
        while i > 0 and norm[i - 1] == " ":
            i -= 1
        end = i
        i = _word_start(norm, i)
        if i == end:
            break
        words.insert(0, (norm[i:end], i, end))
    return words


def _not_a_name_word(word: str) -> bool:
    bare = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    # a pronoun suffix marks a verb or a noun phrase (قرى تسكنها أغلبية شيعية), not a name
    return (word in NOT_NAME or not word.isalpha() or bool(qualifier_role(bare))
            or word in load_gazetteer().adjectives or word.endswith(("ها", "هم", "هما")))


def unlisted_before(norm: str, unit_start: int, unit_qualified: bool = False) -> Unlisted | None:
    """An unknown "qualifier + name" right before a unit that starts at `unit_start`; with
    `unit_qualified` (بولاية ميزوري) also "في + name" (في فيرجسون بولاية ميزوري)."""
    word_start = _word_start(norm, unit_start)
    clitic = norm[word_start:unit_start]
    pos = word_start
    if clitic != "ب":  # بريف إدلب، بمدينة حلب carry their own "in"
        before = norm[:pos].rstrip()
        if before.endswith(" في") or before == "في":
            pos = len(before) - 2
        else:
            return None
    words = _words_left(norm, pos, MAX_NAME_WORDS + 1)
    if unit_qualified and clitic == "ب" and len(words) >= 2 and words[-2][0] == "في" \
            and not _not_a_name_word(words[-1][0]):
        name_word = words[-1]
        return Unlisted(name_word[1], name_word[2], name_word[1],
                        Qualifier("area", "", name_word[1]))
    for k in range(len(words) - 2, -1, -1):  # qualifier at k, name = words[k+1:]
        word, start, _ = words[k]
        name = words[k + 1:]
        if not name or any(_not_a_name_word(w) for w, _, _ in name):
            return None
        for prefix in sorted(PROCLITICS, key=len, reverse=True):
            head = word[len(prefix):]
            if word.startswith(prefix) and (qualifier_role(head) in SETTLEMENT_ROLES
                                            or head in FACILITY_WORDS):
                role = qualifier_role(head)
                assert role is not None
                qualifier = Qualifier(role, word[len(prefix):], start + len(prefix))
                return Unlisted(qualifier.start, name[-1][2], name[0][1], qualifier)
    return None


@lru_cache(maxsize=1)
def _qualified_name_pattern() -> re.Pattern[str]:
    """A settlement or province qualifier (with clitics) and the one or two words after it."""
    heads = sorted((w for w in all_qualifier_words()
                    if qualifier_role(w) in ("settlement", "admin1")), key=len, reverse=True)
    clitics = "|".join(sorted((c for c in PROCLITICS if c), key=len, reverse=True))
    word = r"[\w\u0621-\u064a]+"
    return re.compile(rf"(?<![\w\u0621-\u064a])(?:{clitics})?({'|'.join(heads)}) ({word})(?: ({word}))?")


def qualified_unknowns(norm: str) -> list[Unlisted]:
    """Every "settlement or province qualifier + one or two words" (مدينة هرقلة، إقليم شرناق)."""
    found: list[Unlisted] = []
    for m in _qualified_name_pattern().finditer(norm):
        head, first = m.group(1), m.group(2)
        if _not_a_name_word(first):
            continue
        role = qualifier_role(head)
        assert role is not None
        qualifier = Qualifier(role, head, m.start(1))
        found.append(Unlisted(qualifier.start, m.end(2), m.start(2), qualifier))
        if m.group(3) and not _not_a_name_word(m.group(3)):
            found.append(Unlisted(qualifier.start, m.end(3), m.start(2), qualifier))
    return found


def unlisted_places(toponyms: list[Toponym], norm: str) -> list[Toponym]:
    """قرية تل أعور في ريف إدلب: a village we do not list, coded at the unit that contains it."""
    extra: list[Toponym] = []
    known = Overlaps(toponyms)
    for unit in toponyms:
        place = unit.choice
        if place is None or place.kind not in UNIT_KINDS or unit.located_only or (
                place.kind == "city" and any(q.role == "near" for q in unit.qualifiers)):
            continue
        unit_qualified = any(q.role in ("admin1", "settlement") for q in unit.qualifiers)
        found = unlisted_before(norm, unit.start, unit_qualified)
        if found is None or any(known.overlapping(found.start, found.end)) \
                or any(found.start < t.end and t.start < found.end for t in extra):
            continue
        name = norm[found.name_start:found.end]
        village = Toponym(NameHit(found.name_start, found.end, name, ""), found.start, found.end,
                          [found.qualifier], [], choice=place, located_only=True,
                          reason=f"unlisted place located in {place.canonical}")
        town = _town_by_sound(name, place, found.qualifier.role)
        if town is not None:
            village.choice, village.located_only = town, False
            village.reason = f"sounds like {town.canonical}, located in {place.canonical}"
        extra.append(village)
    return extra


def _looks_like_a_name(nt: NormText, found: Unlisted) -> bool:
    """Not مدينة بالفضل "indebted to", بلده ومسقط "his country and", but مدينة هرقلة."""
    name = nt.text[found.name_start:found.end]
    if name.startswith(("بال", "لل")) or (name[:1] == "و" and name[1:2] not in ("ا", "و", "ي")):
        return False  # a clitic-led phrase (بالقوة، ومراكز); واغادوغو is a name
    _, q_end = nt.original_span(found.qualifier.start,
                                found.qualifier.start + len(found.qualifier.word))
    # بلدة "town" and بلده "his country" normalise alike: only the first is a qualifier
    return not found.qualifier.word.endswith("ه") or nt.original[q_end - 1:q_end] == "ة"


def towns_by_sound(toponyms: list[Toponym], nt: NormText, context: Counter[str]) -> list[Toponym]:
    """إقليم شرناق، مدينة هرقلة: a qualified name the gazetteer lacks, looked up by sound in the
    countries the article is about (longest reading first)."""
    norm = nt.text
    extra: list[Toponym] = []
    known = Overlaps(toponyms)
    for found in sorted(qualified_unknowns(norm), key=lambda u: u.start - u.end):
        if any(known.overlapping(found.start, found.end)) \
                or any(found.start < t.end and t.start < found.end for t in extra):
            continue
        name = norm[found.name_start:found.end]
        if len(arabic_skeleton(name.replace(" ", ""))) < 4 or not _looks_like_a_name(nt, found):
            continue  # short skeletons match too many towns without a unit to narrow them
        adjective = adjective_country(norm, found.end)
        countries = [adjective] if adjective else [cc for cc, _ in context.most_common(2)]
        if found.qualifier.role == "admin1":
            # a province shares its skeleton with some town far too often (جيانغسو، Guangzhou);
            # only where provinces are named after their seats
            countries = [cc for cc in countries if cc in HOME_COUNTRIES]
        for country in countries:
            town = find_by_sound(name, country)
            if town is not None:
                hit = NameHit(found.name_start, found.end, name, "")
                extra.append(Toponym(hit, found.start, found.end, [found.qualifier], [],
                                     choice=town, reason=f"sounds like {town.canonical} "
                                     f"(country context {country})"))
                break
    return extra


def _town_by_sound(name: str, unit: Place, role: str) -> Place | None:
    """فيرجسون بولاية ميزوري: a GeoNames town of the unit's country spelled the way it sounds."""
    if role not in ("settlement", "area"):
        return None
    reach = {"city": 60.0, "admin1": 400.0}.get(unit.kind)
    return find_by_sound(name, unit.country, unit if reach else None, reach or 0.0)
