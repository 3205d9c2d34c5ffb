"""The example article's hand-coded times, found and resolved (a golden file from ../shared)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.time import find_times, value_bounds

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "aleppo_2024-11-30.txt"
GOLD = SHARED / "gold" / "aleppo_2024-11-30.json"


@pytest.mark.skipif(not SEED.exists() or not GOLD.exists(), reason="no ../shared seed article")
def test_every_coded_time_is_found_with_its_day() -> None:
    text = SEED.read_text(encoding="utf-8")
    times = find_times(text, "2024-11-30")
    for t in times:
        assert text[t.start : t.end] == t.surface
    by_surface = {t.surface: t for t in times}
    for coded in json.loads(GOLD.read_text(encoding="utf-8"))["times"]:
        found = by_surface.get(coded["surface"])
        assert found is not None, coded["surface"]
        # A coded day inside our interval counts ("في غضون 72 ساعة" is coded by its deadline).
        low, high = value_bounds(found.value)
        coded_low, coded_high = value_bounds(coded["value"])
        assert low <= coded_low and coded_high <= high, (coded, found.value)
