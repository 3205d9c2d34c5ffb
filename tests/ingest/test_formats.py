"""Container formats: RSS/Atom feeds, JSON Lines, JSON arrays in zips, WARC, TREC <DOC> files."""
from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest
from warc_builder import write_warc

from hadath.ingest import Skipped, read_inputs, read_one
from hadath.ingest.ids import id_from_url
from hadath.record import ArticleMeta

PAGE = (
    "<html><head><meta property='og:site_name' content='وكالة الأنباء الليبية'>"
    "<meta property='article:published_time' content='2023-09-12T08:00:00+02:00'>"
    "<title>{title}</title></head><body><nav>الرئيسية</nav><article><h1>{title}</h1>"
    "<p>{body}</p><p>وأضاف المسؤول أن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض "
    "في الأحياء القريبة من مجرى الوادي.</p></article><footer>جميع الحقوق محفوظة</footer>"
    "</body></html>"
)
DERNA = "ارتفاع عدد ضحايا فيضانات درنة"
DERNA_BODY = ("قال وزير الصحة في الحكومة المكلفة من البرلمان الليبي إن عدد الوفيات في مدينة درنة "
              "تجاوز ثلاثة آلاف شخص بعد انهيار سدين بفعل العاصفة دانيال.")


def _articles(items: list[ArticleMeta | Skipped]) -> list[ArticleMeta]:
    return [item for item in items if isinstance(item, ArticleMeta)]


def test_rss_feed_entries(fixtures: Path) -> None:
    items = read_one(fixtures / "feed.rss")
    first, second = _articles(items)
    assert first.title == "غارات جوية على مواقع للحوثيين في الحديدة"
    assert first.outlet == "صوت اليمن"
    assert first.published == "2024-01-13T07:45:00+03:00"
    # Full content is preferred over the one-line description, and its HTML is stripped.
    assert "وقال المتحدث العسكري باسم الحوثيين يحيى سريع" in first.text
    assert "<p>" not in first.text and "اقرأ أيضا" not in first.text
    # The id comes from the link, without its tracking parameter.
    assert first.id == id_from_url("https://www.yemen-voice.example/news/12345")
    assert second.title == "وصول سفينة مساعدات إلى ميناء عدن"
    assert second.text.endswith("برنامج الأغذية العالمي.")
    assert second.published == "2024-01-12T18:10:00+00:00"


def test_atom_feed(fixtures: Path) -> None:
    [meta] = _articles(read_one(fixtures / "feed.atom"))
    assert meta.title == "اعتقال خلية إرهابية في كركوك"
    assert meta.outlet == "أخبار الرافدين"
    assert meta.published == "2024-03-02T09:15:00+03:00"
    assert meta.text.split("\n\n")[1].startswith("أعلنت خلية الإعلام الأمني في العراق")


def test_feed_sniffed_without_feed_extension(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "latest.xml"
    path.write_bytes((fixtures / "feed.rss").read_bytes())
    assert len(_articles(read_one(path))) == 2


def test_feed_in_windows_1256_declared_in_its_xml_header(fixtures: Path, tmp_path: Path) -> None:
    feed = (fixtures / "feed.rss").read_text(encoding="utf-8")
    path = tmp_path / "legacy.rss"
    path.write_bytes(feed.replace('encoding="UTF-8"', 'encoding="windows-1256"').encode("cp1256"))
    first, _ = _articles(read_one(path))
    assert first.title == "غارات جوية على مواقع للحوثيين في الحديدة"
    assert "شنت طائرات أمريكية وبريطانية" in first.text


def test_jsonl_with_bad_lines(fixtures: Path) -> None:
    items = read_one(fixtures / "articles.jsonl")
    first, second = _articles(items)
    assert first.id == "sana-2023-0451"  # the input's own id is kept
    assert first.outlet == "وكالة سانا" and first.published == "2023-07-27"
    assert first.text.count("انفجار سيارة مفخخة في مدينة القامشلي") == 1
    assert second.outlet == "بيروت اليومية"  # from the HTML's og:site_name
    assert second.title == "غارة إسرائيلية على الضاحية الجنوبية لبيروت"
    assert "وقال الجيش الإسرائيلي إنه استهدف قياديا في حزب الله" in second.text
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["3", "4"]
    assert skipped[0].reason.startswith("malformed JSON on line 3")
    assert "no article text" in skipped[1].reason


def test_zip_of_json_arrays(tmp_path: Path) -> None:
    day = [
        {"source": "aawsat", "url": "http://aawsat.example/node/1", "date_extracted":
         "2015-07-21 10:00:00", "title": "التحالف يستهدف مواقع الحوثيين في تعز", "author": "",
         "content": "شنت طائرات التحالف غارات على مواقع لميليشيات الحوثي وقوات صالح في مدينة "
                    "تعز، فيما تواصلت الاشتباكات في أحياء المدينة."},
        {"source": "sabq", "url": "", "title": "", "content": ""},
    ]
    path = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("2015-07-21.json", json.dumps(day, ensure_ascii=False))
    items = read_one(path)
    [meta] = _articles(items)
    assert meta.outlet == "aawsat" and meta.published == "2015-07-21T10:00:00"
    assert meta.title == "التحالف يستهدف مواقع الحوثيين في تعز"
    assert any(isinstance(item, Skipped) for item in items)


def test_warc_html_responses(tmp_path: Path) -> None:
    other = "تواصل عمليات الإغاثة في شرق ليبيا"
    other_body = ("وصلت قوافل إغاثة من عدة مدن ليبية إلى المناطق المنكوبة في الجبل الأخضر، "
                  "وسط صعوبات في الوصول بسبب انهيار الجسور والطرق.")
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://lana.example/news/1", "2023-09-12T09:00:00Z",
         PAGE.format(title=DERNA, body=DERNA_BODY)),
        ("https://lana.example/news/2", "2023-09-13T11:30:00Z",
         "<html><body><article><h1>" + other + "</h1><p>" + other_body + "</p>"
         "<p>وقال متحدث باسم الهلال الأحمر إن الفرق وزعت مساعدات على آلاف العائلات.</p>"
         "</article></body></html>"),
    ])
    items = read_one(path)
    assert not [item for item in items if isinstance(item, Skipped)]
    first, second = _articles(items)
    assert first.title == DERNA and first.url == "https://lana.example/news/1"
    assert first.outlet == "وكالة الأنباء الليبية"
    assert first.published == "2023-09-12T08:00:00+02:00"  # the page's own time
    assert second.title == other
    assert second.published == "2023-09-13T11:30:00+00:00"  # else the crawl's WARC-Date
    assert "الرئيسية" not in first.text and "جميع الحقوق" not in first.text


def test_truncated_warc_reports_and_goes_on(tmp_path: Path, fixtures: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://lana.example/news/1", "2023-09-12T09:00:00Z",
         PAGE.format(title=DERNA, body=DERNA_BODY)),
        ("https://lana.example/news/2", "2023-09-13T09:00:00Z",
         PAGE.format(title=DERNA + " إلى 11 ألفا", body=DERNA_BODY * 12)),
    ])
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.75)])  # the cut falls inside the long page
    items = list(read_inputs([path, fixtures / "feed.atom"]))
    assert _articles(items)[0].title == DERNA  # what came before the cut is kept
    assert any(isinstance(i, Skipped) and "truncated" in i.reason for i in items)
    assert _articles(items)[-1].title == "اعتقال خلية إرهابية في كركوك"  # the next input still read


def test_trec_doc_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(
        "<DOC>\n<DOCNO>JA-politic-7-20170101</DOCNO>\n<URL>http://radio.example/ar/article/7</URL>\n"
        "<SRC>Jawhara FM</SRC>\n<CAT>politic</CAT>\n<TITLE>البرلمان يصادق على قانون المالية</TITLE>\n"
        "<TIME>25/05/2017</TIME>\n<ABSTRACT>\n</ABSTRACT>\n<TEXT>\n"
        "صادق مجلس نواب الشعب مساء اليوم على مشروع قانون المالية لسنة 2017 بأغلبية 126 صوتا.\n"
        " وقال رئيس الحكومة إن القانون يهدف إلى دفع النمو.   \n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    [meta] = read_one(path)
    assert isinstance(meta, ArticleMeta)
    assert meta.id == "JA-politic-7-20170101" and meta.outlet == "Jawhara FM"
    assert meta.published == "2017-05-25"
    assert meta.text.split("\n\n") == [
        "البرلمان يصادق على قانون المالية",
        "صادق مجلس نواب الشعب مساء اليوم على مشروع قانون المالية لسنة 2017 بأغلبية 126 صوتا.",
        "وقال رئيس الحكومة إن القانون يهدف إلى دفع النمو.",
    ]


def test_ant_corpus_folder(shared: Path) -> None:
    folder = shared / "data" / "antcorpus" / "technology"
    if not folder.is_dir():
        pytest.skip("ANT corpus is not in the shared data folder")
    items = list(read_inputs([folder]))
    articles = _articles(items)
    assert len(articles) >= 0.95 * len(items)
    assert all(a.id.startswith("JA-technology-") for a in articles)
    assert all(a.outlet == "Jawhara FM" and a.language == "ar" for a in articles)
    assert all(a.published and a.published[:4] in {"2014", "2015", "2016", "2017"}
               for a in articles)
    assert all(a.text.startswith(a.title + "\n\n") for a in articles)
    # Sorted, stable order: a second pass gives the same ids in the same order.
    assert [a.id for a in articles] == [a.id for a in _articles(list(read_inputs([folder])))]


def test_file_named_warc_that_is_not_one(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes((fixtures / "articles.jsonl").read_bytes())
    [item] = read_one(path)
    assert isinstance(item, Skipped) and item.reason.startswith("not a WARC file")


def test_damaged_warc_record_is_reported_not_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://lana.example/news/1", "2023-09-12T09:00:00Z",
         PAGE.format(title=DERNA, body=DERNA_BODY)),
    ])
    plain = gzip.decompress(written.read_bytes())
    middle = plain.index(DERNA_BODY.encode("utf-8"))
    path = tmp_path / "damaged.warc"
    path.write_bytes(plain[:middle] + b"<p>" * 40 + plain[middle:])  # Content-Length now lies
    items = read_one(path)
    assert any(isinstance(i, Skipped) and "damaged WARC" in i.reason for i in items)
    assert all("\n" not in i.reason for i in items if isinstance(i, Skipped))
    assert capsys.readouterr().err == ""


def test_jsonl_line_in_a_legacy_encoding_is_skipped_alone(fixtures: Path, tmp_path: Path) -> None:
    good = (fixtures / "articles.jsonl").read_bytes().splitlines(keepends=True)[0]
    legacy = json.dumps({"id": "legacy", "text": "قصف على مدينة حلب وريفها"},
                        ensure_ascii=False).encode("cp1256") + b"\n"
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(legacy + good)
    first, second = read_one(path)
    assert isinstance(first, Skipped) and "not UTF-8" in first.reason
    assert isinstance(second, ArticleMeta) and second.id == "sana-2023-0451"


def test_jsonl_sniffed_without_extension(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_bytes((fixtures / "articles.jsonl").read_bytes())
    assert [a.id for a in _articles(read_one(path))] == ["sana-2023-0451", id_from_url(
        "https://www.beirut-daily.example/2024/10/01/strike")]
