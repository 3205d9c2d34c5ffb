"""Offsets stay exact whatever marks the text carries, and on real articles from the corpus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.geo import resolve_places

PHRASES = [
    "قصف مدفعي على ريف حلب الغربي",
    "اشتباكات في حي الشيخ مقصود بحلب",
    "غارة على مدينة صور جنوب لبنان",
    "انفجار في بغداد وسقوط قتلى في الموصل",
    "وصل الوفد إلى طرابلس الليبية",
    "قتل خمسة في والرقة وبإدلب",
]
MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640", "\u200f"]
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PHRASES), st.lists(st.tuples(st.integers(0, 60), st.sampled_from(MARKS)),
                                          max_size=8))
def test_spans_index_the_original_text(phrase: str, inserts: list[tuple[int, str]]) -> None:
    text = phrase
    for pos, mark in inserts:
        pos = min(pos, len(text))
        if pos and text[pos - 1] != " ":  # marks sit on letters
            text = text[:pos] + mark + text[pos:]
    for m in resolve_places(text):
        assert text[m.start:m.end] == m.surface
        assert m.geo_precision in (1, 2, 3) and m.lat is not None and m.country


@pytest.mark.skipif(not (SHARED / "antcorpus").exists(), reason="public data ../shared/data absent")
def test_real_articles_give_valid_places() -> None:
    paths = sorted((SHARED / "antcorpus" / "internationalNews").glob("*.txt"))[:60]
    found = 0
    for path in paths:
        body = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8"), re.DOTALL)
        text = body.group(1) if body else ""
        for m in resolve_places(text):
            found += 1
            assert text[m.start:m.end] == m.surface
            assert 0.0 < m.score <= 1.0 and m.reason
    assert found > 60  # international news names places
