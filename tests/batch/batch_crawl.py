"""A small mixed crawl made of real ANT articles (Jawhara FM, Apache-2.0): a folder of the
corpus's own TREC files, a JSON Lines file (with one malformed line and one English record
among the articles) and a gzipped WARC of HTML pages. Every kind of partition is in it: files
grouped from a folder, line ranges of a JSON Lines file, record ranges of a WARC."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[2]
ANT = REPO / ".." / "shared" / "data" / "antcorpus" / "politic"
# The environment of the commands the tests start; conftest points HADATH_CACHE_DIR at a
# cache of their own, so that what a user's cache holds never changes a test.
ENV: dict[str, str] = dict(os.environ)
ENGLISH = ("The Syrian army said on Saturday that it had withdrawn its forces from Aleppo to "
           "prepare a counter-offensive, after rebels entered the city.")


def ant_files(count: int, skip: int = 0) -> list[Path]:
    return sorted(ANT.glob("*.txt"))[skip:skip + count]


def ant_fields(path: Path) -> dict[str, str]:
    raw = path.read_text(encoding="utf-8")
    fields = dict(re.findall(r"<(DOCNO|URL|TITLE|TIME|TEXT)>(.*?)</\1>", raw, re.DOTALL))
    return {name.lower(): value.strip() for name, value in fields.items()}


def make_crawl(root: Path, files: int = 12, lines: int = 8, pages: int = 6) -> list[Path]:
    """The inputs of the test batch, in the order they are given to `hadath batch`."""
    folder = root / "ant"
    folder.mkdir(parents=True)
    for path in ant_files(files):
        (folder / path.name).write_bytes(path.read_bytes())
    jsonl = root / "crawl.jsonl"
    jsonl.write_text("\n".join(_jsonl_lines(files, lines)) + "\n", encoding="utf-8")
    warc = root / "pages.warc.gz"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for path in ant_files(pages, skip=files + lines):
            f = ant_fields(path)
            body = "".join(f"<p>{line}</p>" for line in f["text"].splitlines() if line.strip())
            page = (f"<html><head><title>{f['title']}</title></head><body><nav>الرئيسية</nav>"
                    f"<article><h1>{f['title']}</h1>{body}</article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f["url"], "response", payload=BytesIO(page.encode("utf-8")),
                http_headers=headers, warc_headers_dict={"WARC-Date": f["time"][:19] + "Z"}))
    return [folder, jsonl, warc]


def _jsonl_lines(files: int, lines: int) -> list[str]:
    """ANT articles as JSON Lines, with what a crawl also holds: a line cut short (line 4), an
    English page (line 7), a copy of the line before (line 10: the same partition, with
    partitions of 2) and the folder's first article again under another headline (the last
    line: a near copy in another partition)."""
    def line(fields: dict[str, str], **changed: str) -> str:
        row = {"url": fields["url"], "title": fields["title"], "published": fields["time"],
               "text": fields["text"], "outlet": "Jawhara FM", **changed}
        return json.dumps(row, ensure_ascii=False)

    ant = [ant_fields(path) for path in ant_files(lines, skip=files)]
    rows = [line(f) for f in ant]
    rows.insert(3, '{"title": "cut short", "text": "قال')
    rows.insert(6, json.dumps({"title": "Aleppo", "text": ENGLISH, "url": "https://example.org/en"}))
    rows[7], rows[8] = rows[8], rows[7]
    rows.insert(9, line(ant[5], url=ant[5]["url"] + "?copy=1"))
    first = ant_fields(ant_files(1)[0])
    rows.append(line(first, url=first["url"] + "?via=feed", title="نقلا عن الجوهرة"))
    return rows


def hadath(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=900, check=False, env=ENV)


def batch_command(inputs: list[Path], out: Path, size: int = 2) -> list[str]:
    return [sys.executable, "-m", "hadath", "batch", *map(str, inputs), "--out", str(out),
            "--workers", "1", "--partition-size", str(size)]
