"""The compiled gazetteer and the curated TSVs it is built from."""
from __future__ import annotations

import gzip
import json

import pycountry
import pytest

from hadath.geo import load_gazetteer, place_names
from hadath.geo.gazetteer import DATA_DIR, GAZETTEER_FILE, read_tsv
from hadath.text.normalize import normalize_key


def test_load_is_cached_and_place_names_are_normalised() -> None:
    assert load_gazetteer() is load_gazetteer()
    names = place_names()
    for name in ("حلب", "إدلب", "الرقة", "سورية", "الموصل", "عدن", "مقديشو", "بنغازي"):
        assert normalize_key(name) in names
    assert all(name == normalize_key(name) for name in list(names)[:2000])


def test_every_curated_row_names_its_source() -> None:
    for name in ("countries_ar.tsv", "admin1.tsv", "places.tsv", "qualifiers.tsv",
                 "stopwords.tsv", "metonym_cues.tsv"):
        rows = read_tsv(name)
        assert rows, name
        assert all(row.get("source") for row in rows), name


def test_curated_rows_are_valid() -> None:
    iso = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    kinds = {"city", "admin2", "neighbourhood", "landmark", "region"}
    for row in read_tsv("places.tsv"):
        assert row["kind"] in kinds and row["iso2"] in iso, row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
    for row in read_tsv("admin1.tsv") + read_tsv("countries_ar.tsv"):
        assert row["iso2"] in iso, row


@pytest.mark.parametrize("name, country", [
    ("سوريا", "SY"), ("سورية", "SY"), ("اعزاز", "SY"), ("إعزاز", "SY"),
    ("تدمر", "SY"), ("بالميرا", "SY"), ("العراق", "IQ"), ("الصومال", "SO"),
])
def test_spelling_variants_reach_the_same_place(name: str, country: str) -> None:
    assert {p.country for p in load_gazetteer().candidates(normalize_key(name))} == {country}


def test_artefact_is_small_and_credits_geonames() -> None:
    path = DATA_DIR / GAZETTEER_FILE
    assert path.stat().st_size < 5_000_000
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    assert "GeoNames" in raw["attribution"] and "CC BY 4.0" in raw["attribution"]
    assert (DATA_DIR / "LICENCE.md").exists()
