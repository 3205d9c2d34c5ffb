"""HTML pages: main text by trafilatura, metadata from meta tags and JSON-LD."""
from __future__ import annotations

from pathlib import Path

from hadath.ingest import IngestDefaults, Skipped, read_one
from hadath.record import ArticleMeta

HEADLINE = "مقتل 12 مدنيا في قصف على مخيم للنازحين شمال دارفور"


def test_page_with_json_ld(fixtures: Path) -> None:
    [meta] = read_one(fixtures / "article_jsonld.html")
    assert isinstance(meta, ArticleMeta)
    assert meta.title == HEADLINE  # not "<headline> | الخرطوم اليوم" from <title>
    assert meta.outlet == "الخرطوم اليوم"
    assert meta.url == "https://www.khartoum-today.example/news/2024/06/14/darfur-camp-shelling"
    # The publication time with its offset, not the year of the "©" footer line.
    assert meta.published == "2024-06-14T09:30:00+03:00"
    paragraphs = meta.text.split("\n\n")
    assert paragraphs[0] == HEADLINE
    assert paragraphs[1].startswith("قالت لجان المقاومة في مدينة الفاشر، اليوم الجمعة")
    assert paragraphs.count(HEADLINE) == 1
    for furniture in ("اقرأ أيضا", "جميع الحقوق محفوظة", "زر الذهاب", "الرئيسية", "واتساب"):
        assert furniture not in meta.text


def test_page_without_metadata_takes_defaults(tmp_path: Path) -> None:
    page = tmp_path / "bare.htm"
    page.write_text(
        "<html><body><h1>توقف محطة كهرباء في عدن</h1>"
        "<p>أعلنت المؤسسة العامة للكهرباء في عدن توقف محطة الحسوة عن العمل بسبب نفاد الوقود، "
        "ما أدى إلى انقطاع التيار عن معظم أحياء المدينة لساعات طويلة.</p>"
        "<p>© 2015 جميع الحقوق محفوظة</p></body></html>",
        encoding="utf-8",
    )
    defaults = IngestDefaults(published="2024-07-02", outlet="عدن الغد", url="https://adengad.example/1")
    [meta] = read_one(page, defaults)
    assert isinstance(meta, ArticleMeta)
    assert meta.title == "توقف محطة كهرباء في عدن"
    assert meta.published == "2024-07-02" and meta.outlet == "عدن الغد"
    assert meta.url == "https://adengad.example/1"
    assert "2015" not in meta.text


def test_malformed_html_does_not_raise(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<html><body><p>اشتباكات <b>عنيفة في <div></p></html", encoding="utf-8")
    items = read_one(page)
    assert len(items) == 1
    assert isinstance(items[0], ArticleMeta | Skipped)


def test_page_declared_windows_1256(tmp_path: Path) -> None:
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>"
            "<title>تظاهرات في الجزائر</title></head><body><article><h1>تظاهرات في الجزائر</h1>"
            "<p>خرج آلاف المتظاهرين في شوارع العاصمة الجزائرية للأسبوع الثالث على التوالي "
            "للمطالبة بإصلاحات سياسية، وسط انتشار أمني كثيف في محيط البريد المركزي.</p>"
            "</article></body></html>")
    page = tmp_path / "algiers.html"
    page.write_bytes(html.encode("cp1256"))
    [meta] = read_one(page)
    assert isinstance(meta, ArticleMeta)
    assert meta.title == "تظاهرات في الجزائر"
    assert "خرج آلاف المتظاهرين في شوارع العاصمة الجزائرية" in meta.text
