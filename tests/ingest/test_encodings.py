"""Encodings and bad inputs: each Arabic encoding decodes to the same article; binary, empty,
English, unreadable and oversized inputs become Skipped with a reason, and reading goes on."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from hadath.ingest import Skipped, read_inputs, read_one
from hadath.ingest.language import detect_language
from hadath.record import ArticleMeta

HEADLINE = "الجيش اللبناني ينتشر في الجنوب"
BODY = ("بدأ الجيش اللبناني، صباح اليوم الأربعاء، الانتشار في عدد من البلدات الحدودية جنوبي "
        "البلاد، بعد ساعات من دخول اتفاق وقف إطلاق النار بين إسرائيل وحزب الله حيز التنفيذ، "
        "وفق ما أعلنت قيادة الجيش في بيان.")
PAGE = f"{HEADLINE}\n\n{BODY}\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8", PAGE.encode("utf-8")),
        ("utf8_bom", codecs.BOM_UTF8 + PAGE.encode("utf-8")),
        ("utf16_bom", PAGE.encode("utf-16")),
        ("utf16_be_bom", codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be")),
        ("utf16_le_no_bom", PAGE.encode("utf-16-le")),
        ("windows_1256", PAGE.encode("cp1256")),
        ("iso_8859_6", PAGE.encode("iso8859_6")),
    ],
)
def test_arabic_encodings(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    [meta] = read_one(path)
    assert isinstance(meta, ArticleMeta), meta
    assert meta.title == HEADLINE
    assert meta.text == f"{HEADLINE}\n\n{BODY}"


def test_bad_inputs_are_skipped_with_reasons(fixtures: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    items = list(read_inputs([
        fixtures / "english.txt", fixtures / "empty.txt", fixtures / "pixel.png", missing,
        fixtures / "feed.atom",
    ]))
    reasons = [item.reason for item in items if isinstance(item, Skipped)]
    assert reasons == [
        "not Arabic (detected language: en)", "empty", "binary file", "no such file or directory",
    ]
    assert isinstance(items[-1], ArticleMeta)  # the good input after them is still read


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    assert read_one(tmp_path / "nothing") == [Skipped(str(tmp_path / "nothing"), "folder holds no files")]


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\t\n", encoding="utf-8")
    [item] = read_one(path)
    assert isinstance(item, Skipped) and item.reason == "empty"


def test_oversized_article_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)  # sparse: no time spent writing it
    [item] = read_one(path)
    assert isinstance(item, Skipped) and item.reason.startswith("too large")


def test_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "2.txt").write_text(f"{HEADLINE} 2\n\n{BODY}", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"{HEADLINE} 1\n\n{BODY}", encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text(PAGE, encoding="utf-8")
    titles = [item.title for item in read_inputs([tmp_path]) if isinstance(item, ArticleMeta)]
    assert titles == [f"{HEADLINE} 1", f"{HEADLINE} 2"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (BODY, "ar"),
        ("The Syrian army said it had withdrawn from Aleppo to prepare a counter-attack.", "en"),
        (("L'armée syrienne a annoncé son retrait d'Alep pour préparer une contre-offensive et "
         "les combats se poursuivent dans la province."), "fr"),
        (("ارتش سوریه اعلام کرد که برای آماده شدن برای ضد حمله از حلب عقب نشینی کرده است و این "
         "تصمیم را موقت می داند."), "fa"),
        # Arabic typed on a Persian keyboard (ی for ي) is still Arabic.
        (("أدی المدیر العام للأمن زیارة تفقدیة إلی الإقليم حیث اطلع علی الخطة الأمنية في "
         "المنطقة"), "ar"),
        # Arabic with a long run of Latin satellite frequencies is still Arabic.
        (("ستتولى عديد القنوات نقل المباراة مثل قناة ZDF على القمر Astra 19.2E بتردد 11953 H "
         "و RTS Deux HD على Hotbird"), "ar"),
        # Arabic with the script code of a poll widget scraped into it is still Arabic.
        (("معظم فرق الدوري السعودي تستعد للموسم القادم بإقامة معسكرات خارجية. "
          "$(document).ready(function(){ jQuery.jqplot('chart', [[['yes', 12], ['no', 3]]], "
          "{ seriesDefaults: { renderer: jQuery.jqplot.PieRenderer, rendererOptions: "
          "{ padding: 8, showDataLabels: true } }, legend: { show: false, placement: "
          "'outside' } }); });"), "ar"),
        # An English report quoting an Arabic slogan is English.
        (("Protesters in the square chanted \"الشعب يريد إسقاط النظام\" as the police "
          "moved in, and the crowd was dispersed by the evening."), "en"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language
