"""The third blind events set (eval/events_holdout3) is well formed.

Reads its articles.jsonl and gold/<id>.json (and the SPEC's type list from the shared folder);
checks that every coding loads, quotes its article exactly, uses SPEC types and modalities, and
that none of its articles is in another events set or referred to anywhere else under eval/ or
tests/. No extractor is run and no score is asserted: the set must stay blind.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SET = REPO / "eval" / "events_holdout3"
OTHER_SETS = (REPO / "eval" / "events", REPO / "eval" / "events_holdout", REPO / "eval" / "events_holdout2")
SPEC = REPO / ".." / "shared" / "SPEC.md"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TEXT_SUFFIXES = {".json", ".jsonl", ".tsv", ".txt", ".conll", ".md", ".py", ".csv", ".yaml", ".yml"}


def read_articles(folder: Path) -> dict[str, dict]:
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {art["id"]: art for art in map(json.loads, filter(str.strip, lines))}


def read_gold(folder: Path) -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted((folder / "gold").glob("*.json"))}


ARTICLES = read_articles(SET)
GOLD = read_gold(SET)


def all_events(gold: dict) -> list[dict]:
    return gold["events"] + gold.get("optional_events", [])


def spec_vocabulary() -> tuple[set[str], set[str]]:
    """Event types (first column of the SPEC's type table) and modalities (its record table)."""
    if not SPEC.is_file():
        pytest.skip(f"SPEC.md not found at {SPEC}: the shared folder must sit beside the repository")
    text = SPEC.read_text(encoding="utf-8")
    section = text.split("## Event types", 1)[1].split("\n## ", 1)[0]
    types = set(re.findall(r"^\| ([a-z_]+) \|", section, re.MULTILINE)) - {"type"}
    modality_row = re.search(r"^\| modality \| (.+) \|$", text, re.MULTILINE)
    assert modality_row, "SPEC.md has no modality row"
    return types, {m.strip() for m in modality_row.group(1).split("·")}


def test_forty_four_articles_each_with_one_coding() -> None:
    assert len(ARTICLES) == 44
    assert set(GOLD) == set(ARTICLES)
    for art_id, gold in GOLD.items():
        art = ARTICLES[art_id]
        assert gold["article"]["id"] == art_id
        assert gold["article"]["url"] == art["url"]
        assert gold["article"]["title"] == art["title"]
        assert gold["article"]["published"] == art["published"]
        assert art["text"].startswith(art["title"] + "\n\n")
        assert gold["events"], f"{art_id} codes no required event"


def test_articles_are_ant_2014_2015_from_three_sections() -> None:
    for art_id, gold in GOLD.items():
        key = gold["article"]["source_key"]
        match = re.match(r"^ant:JA-(internationalNews|politic|localNews)-(\d+)-\d{8}$", key)
        assert match, f"{art_id}: {key}"
        short = {"internationalNews": "intl", "politic": "politic", "localNews": "local"}[match.group(1)]
        assert art_id == f"jawhara-{short}-{match.group(2)}", art_id
        assert ARTICLES[art_id]["published"][:4] in ("2014", "2015"), art_id
        assert ARTICLES[art_id]["outlet"] == "Jawhara FM"


def test_no_article_is_in_another_events_set() -> None:
    keys = {gold["article"]["source_key"] for gold in GOLD.values()}
    urls = {art["url"] for art in ARTICLES.values()}
    assert len(keys) == len(GOLD) and len(urls) == len(ARTICLES)
    for folder in OTHER_SETS:
        if not (folder / "articles.jsonl").is_file():
            continue
        others = read_articles(folder)
        assert not set(others) & set(ARTICLES)
        assert not {art["url"] for art in others.values()} & urls
        assert not {gold["article"]["source_key"] for gold in read_gold(folder).values()} & keys


def test_no_article_is_referred_to_elsewhere_in_eval_or_tests() -> None:
    """The set's ANT documents appear in no other evaluation or test file (they must stay unseen)."""
    docnos = {gold["article"]["source_key"].split(":", 1)[1] for gold in GOLD.values()}
    pattern = re.compile("|".join(map(re.escape, sorted(docnos))))
    here = Path(__file__).resolve()
    for root in (REPO / "eval", REPO / "tests"):
        for path in root.rglob("*"):
            if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
                continue
            if SET in path.resolve().parents or path.resolve() == here:
                continue
            hit = pattern.search(path.read_text(encoding="utf-8", errors="replace"))
            assert hit is None, f"{path.relative_to(REPO)} refers to {hit.group(0) if hit else ''}"


def test_evidence_and_surfaces_quote_the_article_exactly() -> None:
    for art_id, gold in GOLD.items():
        text = ARTICLES[art_id]["text"]
        for event in all_events(gold):
            assert event["evidence"], f"{art_id}:{event['id']} has no evidence"
            for quote in event["evidence"]:
                assert quote in text, f"{art_id}:{event['id']} evidence not in text: {quote}"
            actors = [event.get("actor1"), event.get("actor2"), *event.get("assoc_actors", [])]
            spans = [a["surface"] for a in actors if a] + [(event.get("location") or {}).get("surface")]
            for surface in filter(None, spans):
                assert surface in text, f"{art_id}:{event['id']} surface not in text: {surface}"


def test_types_and_modalities_are_the_specs() -> None:
    types, modalities = spec_vocabulary()
    assert "armed_clash" in types and "meeting" in types and "historical" in modalities
    for art_id, gold in GOLD.items():
        for event in all_events(gold):
            assert {event["type"], *event.get("type_alternatives", [])} <= types, f"{art_id}:{event['id']}"
            assert event["modality"] in modalities, f"{art_id}:{event['id']}"


def test_required_events_have_dates_places_and_figures_in_shape() -> None:
    for art_id, gold in GOLD.items():
        ids = [event["id"] for event in all_events(gold)]
        assert len(ids) == len(set(ids)), f"{art_id} repeats an event id"
        for event in gold["events"]:
            where = f"{art_id}:{event['id']}"
            assert DATE.match(event["date"]), where
            for key in ("date_start", "date_end"):
                if key in event:
                    assert DATE.match(event[key]), where
            assert event["time_precision"] in (1, 2, 3), where
            for key in ("actor1", "actor2"):
                if event.get(key):
                    assert event[key]["canonical"] and event[key]["kind"], where
            place = event["location"]
            if place is not None:
                assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180, where
                assert place["geo_precision"] in (1, 2, 3) and len(place["country"]) == 2, where
            for key in ("fatalities", "injured", "detained"):
                for figure in event.get(key, []):
                    assert isinstance(figure["count"], int) and figure["count"] > 0, where
                    assert figure["source"] and figure["side"], where
