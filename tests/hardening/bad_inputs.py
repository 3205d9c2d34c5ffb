"""The bad-input matrix: files as the web and old archives give them, each with the outcome
`hadath run` must report. `build_matrix(folder)` writes them and returns the cases.

Every case is one file. Its outcome is either an article that must reach the store (found by
a phrase of its text, however the file was encoded) or a skip whose reason the run's summary
must name; a file of many records (a feed, a WARC, JSON Lines) has both kinds. The articles'
texts are real news from the development set (eval/events/articles.jsonl).
"""
from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from hardening_cli import ARTICLES

PERSIAN = ("نیروهای امنیتی ایران روز شنبه در تهران ده‌ها معترض را بازداشت کردند و گفتند که "
           "آرامش به شهر بازگشته است.")
ENGLISH = "Security forces arrested dozens of protesters in Tehran on Saturday, officials said."
# bidi controls, zero-width marks, the Arabic letter mark, tatweel and a BOM inside words
MARKS = ["\u200f", "\u200e", "\u200b", "\u200c", "\u200d", "\u202b", "\u202c", "\u2067",
         "\u2069", "\u061c", "\u0640", "\ufeff"]


@dataclass
class Case:
    """One file of the matrix and what the run must say of it."""

    name: str
    # phrases of the articles that must be stored from it
    articles: list[str] = field(default_factory=list)
    # (where: "" for the file itself, "#entry2" or ":3" for one record inside it, "#*" for
    # any record inside it; words of the reason)
    skips: list[tuple[str, str]] = field(default_factory=list)
    duplicate: bool = False  # the article is stored as a duplicate of another case's


def news(index: int) -> dict[str, str]:
    with ARTICLES.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number == index:
                return json.loads(line)
    raise IndexError(index)


def phrase(text: str) -> str:
    """A phrase that identifies the article: 40 characters from the middle of its longest
    line (ingest trims lines and drops blank ones, so a phrase never spans two)."""
    line = max(text.split("\n")[1:] or [text], key=len).strip()
    middle = len(line) // 2
    return line[max(0, middle - 20):middle + 20]


def page(title: str, text: str, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">'
            f"<title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}"
            "</article></body></html>")


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=BytesIO(html.encode("utf-8")), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2017-05-30T08:00:00Z"}))
    return out.getvalue()


def _write(folder: Path, name: str, data: bytes | str) -> None:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _encodings(folder: Path, cases: list[Case]) -> None:
    """Arabic code pages and UTF-16 with and without a BOM: each is the same article."""
    for index, (name, encode) in enumerate([
        ("cp1256.txt", lambda t: t.encode("cp1256")),
        ("iso8859_6.txt", lambda t: t.encode("iso8859_6")),
        ("utf16_bom.txt", lambda t: t.encode("utf-16")),
        ("utf16be_bom.txt", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
        ("utf16le_no_bom.txt", lambda t: t.encode("utf-16-le")),
        ("utf16be_no_bom.txt", lambda t: t.encode("utf-16-be")),
        ("utf8_bom.txt", lambda t: t.encode("utf-8-sig")),
    ]):
        text = _encodable(10 + index, name)
        _write(folder, name, encode(text))
        cases.append(Case(name, articles=[phrase(text)]))


def _encodable(index: int, name: str) -> str:
    """The text of article `index`, with what ISO-8859-6 lacks (Persian letters, curly
    quotes, dashes) left out of the code-page cases."""
    text = news(index)["text"]
    if "8859" in name or "1256" in name:
        text = "".join(c for c in text if _fits(c, "iso8859_6" if "8859" in name else "cp1256"))
    return text


def _fits(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _html(folder: Path, cases: list[Case]) -> None:
    item = news(20)
    whole = page(item["title"], item["text"])
    cut = whole[: int(len(whole) * 0.8)] + "<p cla"
    _write(folder, "truncated.html", cut)
    first = item["text"].split("\n\n")[1]
    cases.append(Case("truncated.html", articles=[phrase("\n" + first)]))

    item = news(21)
    broken = page(item["title"], item["text"]).replace("</p>", "").replace(
        "<article>", "<article><div class=x id=<<>></span></td></table>")
    _write(folder, "malformed.html", broken + "</div></div></html></html>")
    cases.append(Case("malformed.html", articles=[phrase(item["text"])]))

    item = news(22)
    nested = ("<html><body>" + "<div>" * 5000 + f"<p>{item['text']}</p>" + "</div>" * 5000
              + "</body></html>")
    _write(folder, "nested.html", nested)
    cases.append(Case("nested.html", articles=[phrase(item["text"])]))

    for index, (name, label) in enumerate([("labelled_latin1.html", "iso-8859-1"),
                                           ("labelled_utf8.html", "utf-8")]):
        item = news(23 + index)
        text = _encodable(23 + index, "cp1256")
        _write(folder, name, page(item["title"], text, charset=label).encode("cp1256"))
        cases.append(Case(name, articles=[phrase(text)]))

    _write(folder, "blank.html", "<html><head><title></title></head><body> \n </body></html>")
    cases.append(Case("blank.html", skips=[("", "empty")]))
    _write(folder, "english.html", page("News", "News\n\n" + ENGLISH * 5))
    cases.append(Case("english.html", skips=[("", "not Arabic")]))


def _plain(folder: Path, cases: list[Case]) -> None:
    _write(folder, "empty.txt", b"")
    cases.append(Case("empty.txt", skips=[("", "empty")]))
    _write(folder, "blank.txt", " \n\t\r\n   \n")
    cases.append(Case("blank.txt", skips=[("", "empty")]))
    _write(folder, "image.txt", bytes.fromhex("89504e470d0a1a0a") + bytes(range(256)) * 4)
    cases.append(Case("image.txt", skips=[("", "binary file")]))
    _write(folder, "noise", random.Random(20).randbytes(20_000))
    cases.append(Case("noise", skips=[("", "binary file")]))
    _write(folder, "program", b"\x7fELF\x02\x01\x01" + bytes(4000))
    cases.append(Case("program", skips=[("", "binary file")]))
    _write(folder, "english.txt", ENGLISH * 3)
    cases.append(Case("english.txt", skips=[("", "not Arabic (detected language: en)")]))
    _write(folder, "persian.txt", PERSIAN * 3)
    cases.append(Case("persian.txt", skips=[("", "not Arabic (detected language: fa)")]))
    _write(folder, "furniture.txt", "زر الذهاب إلى الأعلى\nمقالات ذات صلة\n")
    cases.append(Case("furniture.txt", skips=[("", "only page furniture")]))
    _write(folder, "broken_utf16.txt", b"\xff\xfe" + "خبر".encode("utf-16-le") + b"\x00\xd8")
    cases.append(Case("broken_utf16.txt", skips=[("", "cannot decode as utf-16")]))
    _write(folder, "notes.xml", "<?xml version='1.0'?><notes><n>خبر</n></notes>")
    cases.append(Case("notes.xml", skips=[("", "neither an RSS/Atom feed nor a TREC")]))

    item = news(30)
    mixed = item["text"].replace("\n\n", "\n\nAFP / Reuters — (Update 2, 10:45 GMT) ", 1)
    _write(folder, "mixed_script.txt", mixed + "\nSource: Reuters, AFP; photo © AP 2017")
    cases.append(Case("mixed_script.txt", articles=[phrase(item["text"])]))

    item = news(31)
    rng = random.Random(31)
    marked = "".join(c + (rng.choice(MARKS) if c.isalpha() and rng.random() < 0.15 else "")
                     for c in item["text"])
    _write(folder, "bidi_marks.txt", marked)
    cases.append(Case("bidi_marks.txt", articles=[phrase(marked)]))

    item = news(32)
    _write(folder, "original.txt", item["text"])
    _write(folder, "copy_of_original.txt", item["text"])
    cases.append(Case("original.txt", articles=[phrase(item["text"])]))
    cases.append(Case("copy_of_original.txt", articles=[phrase(item["text"])], duplicate=True))


def _containers(folder: Path, cases: list[Case]) -> None:
    good, other = news(40), news(41)
    entry = ("<item><title>{title}</title><link>https://example.org/{n}</link>"
             "<pubDate>Mon, 29 May 2017 10:00:00 GMT</pubDate>"
             "<description><![CDATA[{body}]]></description></item>")
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>Feed</title>"
            + entry.format(title=good["title"], n=1, body=good["text"].replace("\n\n", "<br/>"))
            + "<item><link>https://example.org/2</link></item>"
            + entry.format(title=other["title"], n=3, body=other["text"].replace("\n\n", "<br/>"))
            + "<item><title>")  # cut off in the middle of an entry
    _write(folder, "broken.rss", feed)
    cases.append(Case("broken.rss", articles=[phrase(good["text"]), phrase(other["text"])],
                      skips=[("#entry2", "neither title nor text"),
                             ("#entry4", "neither title nor text")]))
    _write(folder, "garbage.rss", '<rss version="2.0"><channel><item><title')
    cases.append(Case("garbage.rss", skips=[("#entry1", "neither title nor text")]))

    first, second = news(42), news(43)
    archive = _warc([("https://example.org/a", page(first["title"], first["text"])),
                     ("https://example.org/b", page(second["title"], second["text"]))])
    # the second record is cut off half-way, as a crawl killed mid-write leaves it
    end_of_first = len(_warc([("https://example.org/a", page(first["title"], first["text"]))]))
    cut = archive[: end_of_first + (len(archive) - end_of_first) // 2]
    _write(folder, "cut.warc.gz", cut)
    cases.append(Case("cut.warc.gz", articles=[phrase(first["text"])],
                      skips=[("#*", "truncated WARC: this record is cut short")]))
    _write(folder, "garbage.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n"
                                   b"\r\n" + bytes(range(256)) * 3)
    cases.append(Case("garbage.warc", skips=[("#*", "corrupt WARC after 0 HTML records")]))
    _write(folder, "not_gzip.warc.gz", gzip.compress(b"WARC/1.0\r\n")[:12])
    cases.append(Case("not_gzip.warc.gz", skips=[("", "not a WARC file")]))

    lines = [news(44), news(45)]
    jsonl = [
        json.dumps(lines[0], ensure_ascii=False),
        '{"id": "half", "text": "قتل',  # cut off
        "[1, 2, 3]",
        "",
        json.dumps({"id": "english", "text": ENGLISH * 3}),
        json.dumps({"id": "no-text", "title": "عنوان"}, ensure_ascii=False),
        json.dumps(lines[1], ensure_ascii=False),
    ]
    data = "\n".join(jsonl).encode("utf-8") + b"\n\xff\xfe{\"id\": 1}\n"
    _write(folder, "crawl.jsonl", data)
    cases.append(Case("crawl.jsonl", articles=[phrase(a["text"]) for a in lines], skips=[
        (":2", "malformed JSON on line 2"), (":3", "line 3"), (":5", "not Arabic"),
        (":6", "line 6"), (":8", "line 8 is not UTF-8")]))


def build_matrix(folder: Path) -> list[Case]:
    """Write every case of the matrix into `folder`; their expected outcomes."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    for part in (_encodings, _html, _plain, _containers):
        part(folder, cases)
    return cases


def write_huge(folder: Path) -> list[Case]:
    """Two 100 MB files: a text file and a page; each is too large to be an article."""
    folder.mkdir(parents=True, exist_ok=True)
    line = ("قتل ثلاثة مدنيين في قصف على ريف إدلب " * 40 + "\n").encode("utf-8")
    with (folder / "huge.txt").open("wb") as out:
        for _ in range(100 * 2**20 // len(line) + 1):
            out.write(line)
    with (folder / "huge.html").open("wb") as out:
        out.write(b"<html><body>")
        for _ in range(100 * 2**20 // len(line) + 1):
            out.write(b"<p>" + line + b"</p>")
        out.write(b"</body></html>")
    return [Case("huge.txt", skips=[("", "too large")]),
            Case("huge.html", skips=[("", "too large")])]
