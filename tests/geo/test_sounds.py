"""Consonant skeletons of Arabic and Latin spellings of the same town agree."""
from __future__ import annotations

import pytest

from hadath.geo.sounds import arabic_skeleton, latin_skeleton
from hadath.text.normalize import normalize_key


@pytest.mark.parametrize("arabic, latin", [
    ("فيرجسون", "Ferguson"), ("لافايت", "Lafayette"), ("كاشينج", "Cushing"),
    ("جراند فوركس", "Grand Forks"), ("سولت ليك", "Salt Lake City"), ("شرناق", "Şırnak"),
    ("فيكتوريا", "Victoria"), ("باي أوغلو", "Beyoğlu"), ("كيندرابارا", "Kendrapara"),
])
def test_skeletons_match(arabic: str, latin: str) -> None:
    assert arabic_skeleton(normalize_key(arabic).replace(" ", "")) == latin_skeleton(latin)


def test_different_towns_differ() -> None:
    assert latin_skeleton("Ferguson") != arabic_skeleton("فيينا")
