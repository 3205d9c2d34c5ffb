"""The fusion test set (eval/fusion/gold.json) is well formed.

Reads the gold file and, through hadath's own ingest, the SaudiNewsNet day archives it refers
to (skipped when the shared data folder is absent); checks that every article id is one the
ingest gives, that outlets, URLs and dates agree with the corpus, that every story has three
outlets or more, that every quoted sentence and figure is the article text at its offsets,
that types are SPEC types, and that the wire copies and conflicting figures it claims are
there. No extractor is run and no score is asserted.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
RUN = REPO / "eval" / "fusion" / "run.py"
SPEC = REPO / ".." / "shared" / "SPEC.md"
FIGURE_KINDS = ("fatalities", "injured")


def _load_run() -> Any:
    spec = importlib.util.spec_from_file_location("fusion_eval_run", RUN)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


run = _load_run()
GOLD = run.load_gold()
EVENTS = GOLD["events"]
STORIES = [e for e in EVENTS if e["kind"] == "story"]


@pytest.fixture(scope="module")
def corpus() -> dict[str, Any]:
    """The gold's articles as hadath's ingest reads them: {id: ArticleMeta}."""
    if not run.DATA.is_dir():
        pytest.skip(f"SaudiNewsNet not found at {run.DATA}: the shared folder must sit beside the repository")
    return {meta.id: meta for meta in run.read_articles(GOLD)}


def spec_types() -> set[str]:
    if not SPEC.is_file():
        pytest.skip(f"SPEC.md not found at {SPEC}")
    section = SPEC.read_text(encoding="utf-8").split("## Event types", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| ([a-z_]+) \|", section, re.MULTILINE)) - {"type"}


def test_enough_stories_each_told_by_three_outlets() -> None:
    assert len(STORIES) >= 8
    for story in STORIES:
        outlets = {r["outlet"] for r in story["reports"]}
        assert len(outlets) >= 3, f"{story['id']}: only {sorted(outlets)}"
    assert any(e["kind"] == "distractor" for e in EVENTS)


def test_ids_kinds_types_dates_places() -> None:
    types = spec_types()
    ids = [e["id"] for e in EVENTS]
    assert len(ids) == len(set(ids))
    for event in EVENTS:
        what = event["event"]
        assert event["kind"] in {"story", "distractor"}, event["id"]
        assert what["type"] in types and what["type"] in event["types"], event["id"]
        assert set(event["types"]) <= types, event["id"]
        assert date.fromisoformat(what["date"]) <= date.fromisoformat(what["date_end"]), event["id"]
        place = what["place"]
        assert re.fullmatch(r"[A-Z]{2}", place["country"]), event["id"]
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180, event["id"]
        assert place["surface"] and place["name"] and place["admin1"], event["id"]
        assert event["notes"] and what["summary"], event["id"]


def test_every_report_names_a_gold_article_once() -> None:
    for event in EVENTS:
        articles = [r["article_id"] for r in event["reports"]]
        assert len(articles) == len(set(articles)), event["id"]
        for report in event["reports"]:
            assert report["article_id"] in GOLD["articles"], report["article_id"]
            assert report["outlet"] == GOLD["articles"][report["article_id"]]["outlet"]
    used = {r["article_id"] for e in EVENTS for r in e["reports"]}
    assert used == set(GOLD["articles"]), "articles listed but coded in no report"


def test_articles_are_the_ones_ingest_gives(corpus: dict[str, Any]) -> None:
    assert set(corpus) == set(GOLD["articles"])
    for article_id, listed in GOLD["articles"].items():
        meta = corpus[article_id]
        assert (meta.outlet, meta.url, meta.published, meta.title) == (
            listed["outlet"], listed["url"], listed["published"], listed["title"]), article_id
        assert listed["day_file"] == f"{meta.published[:10]}.zip", article_id


def test_quotes_are_the_text_at_their_offsets(corpus: dict[str, Any]) -> None:
    for event in EVENTS:
        for report in event["reports"]:
            text = corpus[report["article_id"]].text
            spans = [report["evidence"]] + [f for kind in FIGURE_KINDS for f in report[kind]]
            for span in spans:
                assert 0 <= span["start"] < span["end"] <= len(text), (event["id"], span)
                assert text[span["start"]:span["end"]] == span["text"], (event["id"], report["article_id"], span)


def test_figures_are_counts_with_a_source() -> None:
    for event in EVENTS:
        for report in event["reports"]:
            for kind in FIGURE_KINDS:
                for figure in report[kind]:
                    assert isinstance(figure["count"], int) and figure["count"] > 0, (event["id"], figure)
                    assert figure["source"], (event["id"], figure)
                    assert {"min", "approx", "vague"} <= set(figure), (event["id"], figure)


def test_conflicting_figures_are_there() -> None:
    """A story said to have conflicting figures gives two values of one kind; one said not
    to has a single value per kind (figures added over several events aside)."""
    for story in STORIES:
        values = {kind: {f["count"] for r in story["reports"] for f in r[kind] if not f.get("aggregate")}
                  for kind in FIGURE_KINDS}
        conflicting = any(len(v) > 1 for v in values.values())
        assert conflicting == story["conflicting_figures"], (story["id"], values)
    assert sum(s["conflicting_figures"] for s in STORIES) >= 3


def test_wire_copies_point_to_an_earlier_gold_article(corpus: dict[str, Any]) -> None:
    for copy in GOLD["wire_copies"]:
        original, duplicate = corpus[copy["copy_of"]], corpus[copy["article_id"]]
        assert original.published <= duplicate.published, copy
        assert copy["identical"] == (original.text == duplicate.text), copy


def test_readme_counts_are_the_gold_s() -> None:
    """The README's table of what the set holds says what gold.json holds."""
    readme = (REPO / "eval" / "fusion" / "README.md").read_text(encoding="utf-8")

    def row(label: str) -> str:
        found = re.search(rf"^\| {re.escape(label)}[^|]* \| ([^|]+) \|$", readme, re.MULTILINE)
        assert found, label
        return found.group(1)

    reports = [r for s in STORIES for r in s["reports"]]
    assert row("stories") == str(len(STORIES))
    assert row("their coded reports / articles") == f"{len(reports)} / {len({r['article_id'] for r in reports})}"
    assert row("stories with conflicting figures").startswith(f"{sum(s['conflicting_figures'] for s in STORIES)} ")
    distractors = [e for e in EVENTS if e["kind"] == "distractor"]
    assert row("near-miss events").startswith(f"{len(distractors)} ({sum(len(e['reports']) for e in distractors)} reports)")
    figures = sum(len(r[kind]) for e in EVENTS for r in e["reports"] for kind in FIGURE_KINDS)
    assert row("fatality and injury figures") == str(figures)
    assert row("wire copies and near copies marked").startswith(str(len(GOLD["wire_copies"])))
