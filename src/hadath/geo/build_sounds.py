"""Write data/geo/sounds.tsv.gz: GeoNames towns of 5,000 people and more, keyed by the consonant
skeleton of their Latin name, for `hadath.geo.sounds.find_by_sound`. Part of `hadath build gazetteer`.
"""
from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from hadath.geo.gazetteer import DATA_DIR
from hadath.geo.sounds import MIN_CONSONANTS, SOUNDS_FILE, latin_skeleton

MIN_POPULATION = 5000


def write_sound_table(cities: list[dict[str, Any]], out: Path = DATA_DIR / SOUNDS_FILE) -> Path:
    """One row per (town, skeleton); the same sources give the same bytes."""
    rows = []
    for city in cities:
        if int(city["population"]) < MIN_POPULATION:
            continue
        skeleton = latin_skeleton(city["name"])
        if len(skeleton) >= MIN_CONSONANTS:
            rows.append("\t".join([skeleton, city["name"], city["countrycode"], "",
                                   f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
                                   str(int(city["population"])), str(city["geonameid"])]))
    data = ("\n".join(sorted(rows)) + "\n").encode("utf-8")
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                              mtime=0) as fh:
        fh.write(data)
    return out
