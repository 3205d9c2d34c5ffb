"""Build articles for the claims and events tests: real text stages, mentions placed by hand.

`article(text, actors, places)` runs the real sentence, number and time stages on `text` and
adds actor and place mentions at the offsets where their surfaces occur, so that a test states
exactly which names the mentions stage is expected to give.
"""
from __future__ import annotations

from typing import Any

from hadath.record import Article, ArticleMeta, Mention
from hadath.text.numbers import find_numbers
from hadath.text.sentences import split_sentences
from hadath.time import find_times

# canonical, kind, country (alpha-3) of the actors the tests use
ACTORS = {
    "الجيش السوري": ("Military Forces of Syria", "state_forces", "SYR"),
    "الجيش": ("Military Forces of Syria", "state_forces", "SYR"),
    "القوات المسلحة السورية": ("Military Forces of Syria", "state_forces", "SYR"),
    "هيئة تحرير الشام": ("Hayat Tahrir al-Sham", "armed_group", "SYR"),
    "المرصد السوري": ("Syrian Observatory for Human Rights", "ngo_monitor", "GBR"),
    "المرصد": ("Syrian Observatory for Human Rights", "ngo_monitor", "GBR"),
    "رويترز": ("Reuters", "media", "GBR"),
    "تركيا": ("Government of Turkey", "government", "TUR"),
    "القوات الكردية": ("Kurdish forces (SDF/YPG)", "armed_group", "SYR"),
    "جبهة النصرة": ("Hayat Tahrir al-Sham", "armed_group", "SYR"),
    "الحوثيين": ("Houthis (Ansar Allah)", "armed_group", "YEM"),
    "التحالف العربي": ("Saudi-led coalition", "external_forces", "SAU"),
    "وزارة الداخلية المصرية": ("Government of Egypt", "government", "EGY"),
    "حركة طالبان": ("Taliban", "armed_group", "AFG"),
    "مقتدى الصدر": ("Muqtada al-Sadr", "person", "IRQ"),
    "الشرطة": ("Police Forces of Tunisia", "police", "TUN"),
    "الحكومة الأفغانية": ("Government of Afghanistan", "government", "AFG"),
    "تنظيم الدولة الإسلامية": ("Islamic State", "armed_group", ""),
    "القوات": ("Military Forces of Iraq", "state_forces", "IRQ"),
    "المتظاهرين": ("Protesters (Iraq)", "protesters", "IRQ"),
    "مستوطنون": ("Israeli settlers", "armed_group", "ISR"),
    "القوات التونسية": ("Military Forces of Tunisia", "state_forces", "TUN"),
    "جنديا أفغانيا": ("Military Forces of Afghanistan", "state_forces", "AFG"),
    "التبو": ("Tebu ethnic militia (Libya)", "armed_group", "LBY"),
    "الطوارق": ("Tuareg ethnic militia", "armed_group", ""),
}
# canonical, country (alpha-2), precision, lat, lon
PLACES = {
    "حلب": ("Aleppo", "SY", 1, 36.2021, 37.1343),
    "إدلب": ("Idlib Governorate", "SY", 3, 35.93, 36.63),
    "تعز": ("Taiz", "YE", 1, 13.5795, 44.0209),
    "القاهرة": ("Cairo", "EG", 1, 30.0444, 31.2357),
    "قندهار": ("Kandahar", "AF", 1, 31.6133, 65.7101),
    "بغداد": ("Baghdad", "IQ", 1, 33.3152, 44.3661),
    "الطارمية": ("Tarmiyah", "IQ", 1, 33.6697, 44.3896),
    "مندلي": ("Mandali", "IQ", 1, 33.7491, 45.5538),
    "العراق": ("Iraq", "IQ", 3, 33.0, 44.0),
    "ولاية لوغار": ("Logar Province", "AF", 3, 34.0, 69.2),
    "كابول": ("Kabul", "AF", 1, 34.5281, 69.1723),
    "سبها": ("Sabha", "LY", 1, 27.0377, 14.4283),
    "جدة": ("Jeddah", "SA", 1, 21.4858, 39.1925),
    "القدس": ("Jerusalem", "PS", 1, 31.7683, 35.2137),
    "محافظة حمص": ("Homs Governorate", "SY", 3, 34.5, 37.8),
    "القريتين": ("Al-Qaryatain", "SY", 1, 34.2285, 37.2401),
}
COUNTRIES = frozenset({"العراق"})
GOVERNORATES = frozenset({"محافظة حمص", "ولاية لوغار"})
# the governorate of places that tests check against their governorate
ADMIN1 = {"محافظة حمص": "Homs", "القريتين": "Homs"}


def _spans(text: str, surface: str) -> list[tuple[int, int]]:
    found, start = [], text.find(surface)
    while start >= 0:
        end = start + len(surface)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if (not before.isalpha() or before in "وبل") and not after.isalpha():
            found.append((start, end))
        start = text.find(surface, end)
    return found


def mentions_of(text: str) -> list[Mention]:
    """Every known actor and place of `text`, longest names first, without overlaps."""
    out: list[Mention] = []
    for surface in sorted({**ACTORS, **PLACES}, key=len, reverse=True):
        for start, end in _spans(text, surface):
            if any(m.start < end and start < m.end for m in out):
                continue
            if surface in ACTORS:
                canonical, kind, country = ACTORS[surface]
                out.append(Mention(start, end, surface, "actor", canonical, kind, country))
            else:
                canonical, iso2, precision, lat, lon = PLACES[surface]
                kind = "country" if surface in COUNTRIES else \
                    "admin1" if surface in GOVERNORATES else "city"
                out.append(Mention(start, end, surface, "place", canonical, kind, iso2,
                                   admin1=ADMIN1.get(surface), lat=lat, lon=lon,
                                   geo_precision=precision))
    return sorted(out, key=lambda m: m.start)


def article(text: str, published: str = "2024-11-30", outlet: str = "العرب") -> Article:
    meta = ArticleMeta(id="test-article", text=text, outlet=outlet, published=published)
    return Article(meta, sentences=split_sentences(text), mentions=mentions_of(text),
                   times=find_times(text, published), numbers=find_numbers(text))


def checked(text: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`events`, after checking that every piece of evidence is the text it cites."""
    for event in events:  # offsets are sacred
        for ev in event["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["summary_en"].endswith(".")
    return events


def one(events: list[dict[str, Any]], etype: str) -> dict[str, Any]:
    """The only event of type `etype`."""
    found = [e for e in events if e["type"] == etype]
    assert len(found) == 1, [(e["type"], e["modality"]) for e in events]
    return found[0]
