"""The seed article through the real text, mentions, places and time stages, then claims and
events: the reference coding's main events come out with the SPEC's modalities and figures."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hadath.claims import find_claims
from hadath.events import extract_events
from hadath.geo import resolve_places
from hadath.mentions import find_actors
from hadath.record import Article, ArticleMeta
from hadath.text.numbers import find_numbers
from hadath.text.sentences import split_sentences
from hadath.time import find_times

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "aleppo_2024-11-30.txt"
FURNITURE = ("العرب", "مقالات ذات صلة", "زر الذهاب إلى الأعلى")


@pytest.fixture(scope="module")
def seed_events() -> tuple[str, list[dict[str, Any]]]:
    if not SEED.is_file():
        pytest.skip(f"shared seed article not found at {SEED}")
    lines = [x for x in SEED.read_text(encoding="utf-8").splitlines() if x.strip() not in FURNITURE]
    text = "\n".join(lines).strip()
    actors = find_actors(text)
    places = [p for p in resolve_places(text)
              if not any(a.start < p.end and p.start < a.end for a in actors)]
    article = Article(ArticleMeta("seed", text, outlet="العرب", published="2024-11-30"),
                      sentences=split_sentences(text), numbers=find_numbers(text),
                      mentions=sorted(actors + places, key=lambda m: m.start),
                      times=find_times(text, "2024-11-30"))
    article.claims = find_claims(article)
    return text, extract_events(article)


def _find(events: list[dict[str, Any]], etype: str, modality: str) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == etype and e["modality"] == modality]


def test_current_events_with_their_modalities(seed_events: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = seed_events
    assert _find(events, "withdrawal", "asserted")
    assert _find(events, "threaten", "conditional")
    assert _find(events, "military_aid", "planned")
    assert _find(events, "territory_taken", "claimed")  # the armed groups' own announcement
    assert _find(events, "reject_deny", "asserted")


def test_background_is_historical_never_current(seed_events: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = seed_events
    regained = _find(events, "territory_regained", "historical")
    assert regained and regained[0]["date"] == "2016"
    assert [e["date"] for e in _find(events, "agreement", "historical")] == ["2020-03"]
    assert not [e for e in events if e["date"] in ("2016", "2020-03") and e["modality"] != "historical"]


def test_figures_per_side_and_evidence_offsets(seed_events: tuple[str, list[dict[str, Any]]]) -> None:
    text, events = seed_events
    counts = {f["count"] for e in events for f in e["fatalities"]}
    assert {155, 79, 200} <= counts
    at_least = [f for e in events for f in e["fatalities"] if f["count"] == 200]
    assert at_least[0]["min"] == 200
    for event in events:
        for ev in event["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
