"""What one batch writes: an articles table whose `record` gives each article back whole, an
events table of typed columns, and the inputs that gave no article listed with their reason
while the rest of their partition is kept."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from batch_crawl import ENGLISH, hadath
from batch_outputs import errors, finished, planned, rows

from hadath.record import Article


def test_every_article_is_kept_whole_and_its_events_are_rows(whole_batch: Path) -> None:
    articles = rows(whole_batch, "articles")
    assert len(articles) == 12 + 8 + 6 + 2  # the crawl's articles and two copies
    for row in articles:
        article = Article.from_dict(json.loads(row["record"]))
        assert article.id == row["id"]
        assert len(article.events) == row["n_events"]
        for mention in article.mentions:
            assert article.text[mention.start:mention.end] == mention.surface
    events = rows(whole_batch, "events")
    by_article = {row["id"]: json.loads(row["record"])["events"] for row in articles}
    assert sorted(e["id"] for e in events) == sorted(
        e["id"] for found in by_article.values() for e in found)
    for event in events:
        record = json.loads(event["record"])
        assert record in by_article[event["article_id"]]
        assert event["type"] == record["type"]
        assert [f["count"] for f in event["fatalities"]] == [
            f["count"] for f in record["fatalities"]]
    schema = pq.read_schema(next((whole_batch / "events").glob("*.parquet")))
    assert str(schema.field("fatalities").type).startswith("list<element: struct<count: int64")
    assert str(schema.field("lat").type) == "double"


def test_a_broken_line_is_reported_and_the_rest_of_its_partition_kept(whole_batch: Path) -> None:
    problems = {(e["outcome"], e["source"].rsplit("/", 1)[-1]): e for e in errors(whole_batch)}
    assert set(problems) == {("skipped", "crawl.jsonl:4"), ("skipped", "crawl.jsonl:7")}
    assert "malformed JSON on line 4" in problems["skipped", "crawl.jsonl:4"]["reason"]
    assert "not Arabic" in problems["skipped", "crawl.jsonl:7"]["reason"]
    broken = problems["skipped", "crawl.jsonl:4"]["partition"]
    kept = [r["id"] for r in rows(whole_batch, "articles") if r["partition"] == broken]
    assert kept, "the line beside the broken one is kept"
    assert ENGLISH not in " ".join(r["record"] for r in rows(whole_batch, "articles"))
    assert finished(whole_batch) == set(planned(whole_batch))


def test_copies_are_marked_within_a_partition_and_left_to_load_across(whole_batch: Path
                                                                     ) -> None:
    articles = rows(whole_batch, "articles")
    copies = {r["url"]: r for r in articles if r["url"] and "?" in r["url"]}
    by_url = {r["url"]: r for r in articles}
    same_partition = copies[next(u for u in copies if u.endswith("?copy=1"))]
    original = by_url[same_partition["url"].removesuffix("?copy=1")]
    assert same_partition["partition"] == original["partition"]
    assert same_partition["duplicate_of"] == original["id"]
    # extracted as hadath run extracts a copy: the same text gives the same layers
    assert (json.loads(same_partition["record"])["mentions"]
            == json.loads(original["record"])["mentions"] != [])
    other_partition = copies[next(u for u in copies if u.endswith("?via=feed"))]
    assert other_partition["duplicate_of"] is None  # a partition sees no other: load decides


def test_running_a_finished_batch_again_does_nothing(crawl: list[Path], whole_batch: Path) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in (whole_batch / "articles").iterdir()}
    result = hadath("batch", *map(str, crawl), "--out", str(whole_batch), "--workers", "1",
                    "--partition-size", "2")
    assert result.returncode == 0, result.stderr
    assert "partitions done in this run     │     0" in result.stdout
    assert {p.name: p.stat().st_mtime_ns for p in (whole_batch / "articles").iterdir()} == before


def test_other_inputs_into_the_same_folder_are_refused(crawl: list[Path], whole_batch: Path) -> None:
    result = hadath("batch", str(crawl[0]), "--out", str(whole_batch), "--workers", "1")
    assert result.returncode == 2
    assert "holds a batch of other inputs or options" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
