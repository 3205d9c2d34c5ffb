"""Writes the fuzzers' starting corpora under fuzz/seeds/ from the project's own example
article and ingest fixtures: `python fuzz/make_seeds.py` (the seeds are committed; rerun it
when the fixtures change).

An ingest seed's first byte picks the file name the harness writes it under (see
`fuzz_ingest.NAMES`); a pipeline seed's first byte picks the tagger and the date.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import sys
from io import BytesIO
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
REPO = FUZZ.parent
FIXTURES = REPO / "tests" / "ingest" / "fixtures"
EXAMPLE = (REPO / "examples" / "aleppo_2024-11-30.txt").read_text(encoding="utf-8")
NAMES = ("page.html", "a.txt", "lines.jsonl", "list.json", "feed.rss", "feed.xml",
         "crawl.warc", "crawl.warc.gz", "noname", "feed.atom", "day.zip", "doc.xml")  # checks.NAMES
PHRASES = [
    "قتل 3 مدنيين وأصيب أكثر من عشرين آخرين في قصف على ريف إدلب أمس الجمعة",
    "وقال المرصد السوري لحقوق الإنسان إن ما لا يقل عن ١٥٥ عنصرا قتلوا خلال الـ 24 ساعة الماضية",
    "نفى الجيش التركي، في بيان، أن يكون قد قصف مواقع في عفرين منذ مارس 2020.",
    "تظاهر مئات في بغداد اليوم السبت 30 تشرين الثاني/نوفمبر للمطالبة بإسقاط الحكومة",
    "«إذا لم تنسحب القوات فسنرد»، هدد المتحدث باسم الحوثيين يوم 12/5/2023 الساعة 10:30",
    "اعتقلت الشرطة اثنين وثلاثين شخصا بين 20 و25 عاما في ٢٣ رمضان ١٤٤٥ هـ",
]


def _warc(html: str, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = BytesIO()
    writer = WARCWriter(out, gzip=gz)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://example.org/news/1", "response", payload=BytesIO(html.encode("utf-8")),
        http_headers=headers, warc_headers_dict={"WARC-Date": "2024-11-30T10:00:00Z"}))
    return out.getvalue()


def _write(target: str, data: bytes) -> None:
    folder = FUZZ / "seeds" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main() -> int:
    page = (FIXTURES / "article_jsonld.html").read_text(encoding="utf-8")
    body = EXAMPLE[:1500]
    ingest = {
        "page.html": page.encode(), "a.txt": body.encode("utf-8"),
        "lines.jsonl": (FIXTURES / "articles.jsonl").read_bytes(),
        "list.json": json.dumps([{"title": "عنوان", "text": body}], ensure_ascii=False).encode(),
        "feed.rss": (FIXTURES / "feed.rss").read_bytes(),
        "feed.atom": (FIXTURES / "feed.atom").read_bytes(),
        "crawl.warc": _warc(page, gz=False), "crawl.warc.gz": _warc(page, gz=True),
        "noname": ("<DOC>\n<DOCNO>x1</DOCNO>\n<TEXT>\n" + body + "\n</TEXT>\n</DOC>\n").encode(),
        "doc.xml": body.encode("cp1256"),
    }
    for name, data in ingest.items():
        _write("ingest", bytes([NAMES.index(name)]) + data)
    _write("ingest", bytes([NAMES.index("a.txt")]) + body.encode("utf-16"))
    _write("ingest", bytes([NAMES.index("a.txt")]) + gzip.compress(b"x"))
    for phrase in PHRASES + [EXAMPLE[:600], EXAMPLE[1200:2000]]:
        _write("text", phrase.encode("utf-8"))
        for flags in (0, 3):
            _write("pipeline", bytes([flags]) + ("خبر\n\n" + phrase).encode("utf-8"))
    return 0



# libFuzzer dictionary: the words the stages react to, so mutations reach their rules.
_DICT_FILES = ("text/number_words.tsv", "text/number_cues.tsv", "claims/cues.tsv",
               "events/triggers.tsv", "events/figures.tsv", "time/months.tsv",
               "time/weekdays.tsv", "time/words.tsv", "ingest/furniture.tsv")
_MARKUP = ["<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<script>", "<![CDATA[",
           "<meta charset=\"windows-1256\">", "<rss version=\"2.0\">", "<item>", "<entry>",
           "<DOC>", "</DOC>", "<TEXT>", "WARC/1.0\r\n", "Content-Length: ", "{\"text\": \"",
           "\"html\": \"", "&#x202e;", "\u200f", "\u200b", "\u0640", "\ufefb", "\ufeff", "\u064b",
           "«", "»", "؟", "،", "؛", ".", "\n\n", "١٢٣", "2024-11-30", "هـ", "م"]


def _entry(word: str) -> str:
    escaped = "".join(chr(b) if 0x20 <= b < 0x7f and chr(b) not in '"\\' else f"\\x{b:02x}"
                      for b in word.encode("utf-8"))
    return f'"{escaped}"'


def write_dictionary() -> None:
    words: set[str] = set(_MARKUP)
    data = REPO / "src" / "hadath" / "data"
    for name in _DICT_FILES:
        path = data / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                first = line.split("\t")[0].strip()
                if first and len(first) < 40:
                    words.add(first)
    lines = [_entry(w) for w in sorted(words)]
    (FUZZ / "hadath.dict").write_text("\n".join(lines) + "\n", encoding="ascii")


if __name__ == "__main__":
    write_dictionary()
    sys.exit(main())
