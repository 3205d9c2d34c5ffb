"""Metadata normalisation: publication times to ISO 8601, stable ids from URLs and paths."""
from __future__ import annotations

import pytest

from hadath.ingest.dates import normalize_published
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
