"""Find a town by how its Arabic spelling sounds: فيرجسون بولاية ميزوري → Ferguson, Missouri.

`arabic_skeleton` and `latin_skeleton` reduce a name to its consonant classes; `find_by_sound`
looks the Arabic name up among GeoNames towns (data/geo/sounds.tsv.gz, towns of 5,000 and more)
of one country, near the unit the text puts it in. Used only for names the gazetteer lacks.
"""
from __future__ import annotations

import csv
import gzip
import io
import math
import unicodedata
from collections import defaultdict
from functools import lru_cache

from hadath.geo.gazetteer import DATA_DIR, Place

SOUNDS_FILE = "sounds.tsv.gz"
MIN_CONSONANTS = 3
# Arabic letters to consonant classes; long vowels, hamza, ain, ta marbuta and h carry none.
_ARABIC = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "S", "س": "S", "ص": "S", "ز": "S", "ذ": "S",
    "ظ": "S", "ج": "G", "چ": "X", "غ": "G", "گ": "G", "خ": "K", "ك": "K", "ق": "K", "د": "D",
    "ض": "D", "ر": "R", "ش": "X", "ف": "F", "ڤ": "F", "ل": "L", "م": "M", "ن": "N",
}
_LATIN_DIGRAPHS = (("sch", "X"), ("sh", "X"), ("ch", "X"), ("th", "T"), ("ph", "F"), ("kh", "K"),
                   ("gh", "G"), ("ck", "K"), ("dj", "G"), ("dh", "D"), ("ts", "S"))
_LATIN = {
    "b": "B", "p": "B", "t": "T", "d": "D", "s": "S", "z": "S", "g": "G", "j": "G", "k": "K",
    "q": "K", "c": "K", "x": "KS", "r": "R", "f": "F", "v": "F", "l": "L", "m": "M", "n": "N",
}
# Words that GeoNames adds to a town's name and Arabic usually leaves out.
_LATIN_EXTRAS = frozenset(["city", "town", "saint", "st", "al", "el", "ad", "as", "ar", "an"])


def _collapse(codes: list[str]) -> str:
    out: list[str] = []
    for code in codes:
        if not out or out[-1] != code:
            out.append(code)
    return "".join(out)


def arabic_skeleton(name: str) -> str:
    """Consonant classes of an Arabic spelling: فيرجسون → FRGSN."""
    return _collapse([_ARABIC[ch] for ch in name if ch in _ARABIC])


def latin_skeleton(name: str) -> str:
    """Consonant classes of a Latin name: Ferguson → FRGSN (c before e/i/y sounds s)."""
    lowered = name.lower()
    for letter, sound in (("ş", "sh"), ("ç", "ch"), ("ğ", "g"), ("ı", "i")):  # Turkish
        lowered = lowered.replace(letter, sound)
    folded = unicodedata.normalize("NFKD", lowered)
    text = "".join(ch for ch in folded if ch.isascii() and (ch.isalpha() or ch == " "))
    words = [w for w in text.split() if w not in _LATIN_EXTRAS] or text.split()
    codes: list[str] = []
    for word in words:
        i = 0
        while i < len(word):
            pair = next((code for gram, code in _LATIN_DIGRAPHS if word.startswith(gram, i)), None)
            if pair:
                codes.append(pair)
                i += 3 if word.startswith("sch", i) else 2
                continue
            ch = word[i]
            if ch == "c" and word[i + 1:i + 2] in ("e", "i", "y"):
                codes.append("S")
            elif ch in _LATIN:
                codes.append(_LATIN[ch])
            i += 1
    return _collapse(codes)


_Town = tuple[str, str, float, float, int, int]  # name, country, lat, lon, population, id


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str], list[_Town]]:
    path = DATA_DIR / SOUNDS_FILE
    index: dict[tuple[str, str], list[_Town]] = defaultdict(list)
    if not path.exists():
        return index
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for row in csv.reader(io.StringIO(fh.read()), delimiter="\t"):
            skeleton, name, cc, _, lat, lon, population, geonameid = row
            index[(cc, skeleton)].append(
                (name, cc, float(lat), float(lon), int(population), int(geonameid)))
    return index


def find_by_sound(name: str, country: str, near: Place | None = None,
                  reach_km: float = 400.0) -> Place | None:
    """The most populous town of `country` (within `reach_km` of `near`) sounding like `name`."""
    skeleton = arabic_skeleton(name.replace(" ", ""))
    if len(skeleton) < MIN_CONSONANTS:
        return None
    towns = [Place(-1, name, "city", cc, None, None, lat, lon, population, geonameid, "sound")
             for name, cc, lat, lon, population, geonameid in _index().get((country, skeleton), [])]
    if near is not None:
        towns = [t for t in towns if _km(t, near) <= reach_km]
    return max(towns, key=lambda t: t.population, default=None)


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
