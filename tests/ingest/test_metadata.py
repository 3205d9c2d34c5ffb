"""Metadata normalisation: publication times to ISO 8601, stable ids from URLs and paths."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.ingest import IngestDefaults, read_one
from hadath.ingest.dates import date_in_file_name, normalize_published
from hadath.ingest.ids import canonical_url, id_from_path, id_from_url


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-11-30", "2024-11-30"),
        ("2024-11-30T09:30:00+03:00", "2024-11-30T09:30:00+03:00"),
        ("2024-11-30T06:30:00Z", "2024-11-30T06:30:00+00:00"),
        ("2024-11-30T09:30:00.000+0300", "2024-11-30T09:30:00+03:00"),
        ("2015-07-21 10:00:00", "2015-07-21T10:00:00"),
        ("Sat, 30 Nov 2024 10:15:00 +0300", "2024-11-30T10:15:00+03:00"),
        ("25/05/2017", "2017-05-25"),
        ("٣٠/١١/٢٠٢٤", "2024-11-30"),
        ("2024/11/30", "2024-11-30"),
        ("", None),
        ("منذ ساعتين", None),
        ("2024-13-45", None),
    ],
)
def test_published_to_iso(value: str, iso: str | None) -> None:
    assert normalize_published(value) == iso


@pytest.mark.parametrize(("name", "day"), [
    ("aleppo_2024-11-30.txt", "2024-11-30"),
    ("20241130-story.html", "2024-11-30"),
    ("2024_11_30.txt", "2024-11-30"),
    ("report-2024-11.txt", None),  # a month is not a publication day
    ("2024-13-01.txt", None),
    ("2024-11_30.txt", None),  # mixed separators: not a date someone wrote
    ("id-123420241130999.txt", None),  # digits inside an id
])
def test_date_in_file_name(name: str, day: str | None) -> None:
    assert date_in_file_name(name) == day


def test_where_the_publication_date_came_from(tmp_path: Path) -> None:
    # "Hundreds demonstrated in Tahrir Square in central Baghdad today."
    text = "احتجاجات في بغداد\n\nتظاهر مئات الأشخاص في ساحة التحرير وسط بغداد اليوم."
    dated = tmp_path / "baghdad_2024-12-01.txt"
    dated.write_text(text, encoding="utf-8")
    (article,) = read_one(dated)
    assert (article.published, article.published_from) == ("2024-12-01", "file name")
    (article,) = read_one(dated, IngestDefaults(published="2024-12-02"))
    assert (article.published, article.published_from) == ("2024-12-02", "option")
    undated = tmp_path / "baghdad.txt"
    undated.write_text(text, encoding="utf-8")
    (article,) = read_one(undated)
    assert (article.published, article.published_from) == (None, None)
    lines = tmp_path / "news_2024-12-05.jsonl"  # a crawl's file date is not each record's
    records = [{"id": "n-1", "text": text}, {"id": "n-2", "published": "2024-12-01", "text": text}]
    lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                     encoding="utf-8")
    assert [(a.published, a.published_from) for a in read_one(lines)] == [
        (None, None), ("2024-12-01", "input")]


def test_url_ids_ignore_what_does_not_change_the_page() -> None:
    url = "https://www.aljazeera.example/news/2024/11/30/aleppo"
    assert id_from_url(url) == id_from_url("https://aljazeera.example/news/2024/11/30/aleppo/")
    assert id_from_url(url) == id_from_url(url + "?utm_source=twitter#comments")
    assert id_from_url(url) != id_from_url(url + "-2")
    assert canonical_url("HTTPS://WWW.Example.com/a/?id=3&utm_medium=x") == "https://example.com/a?id=3"


def test_path_ids_change_with_the_text_only() -> None:
    first = id_from_path("syria/aleppo.txt", "نص المقال")
    assert first == id_from_path("syria/aleppo.txt", "نص المقال")
    assert first.startswith("syria_aleppo-")
    assert first != id_from_path("syria/aleppo.txt", "نص المقال بعد التعديل")
    assert first != id_from_path("iraq/aleppo.txt", "نص المقال")
    assert id_from_path("feed.rss", "نص", "entry2").startswith("feed-entry2-")
