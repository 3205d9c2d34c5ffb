"""Fuzz harness of stage 1: arbitrary bytes as a file of every kind ingest reads.

The first byte picks the file's name (its extension decides the reader, or sniffing does);
the rest is the file. `read_one` must never raise: every bad input becomes a `Skipped`, and
every article it yields has text, an id and a language. Run through `fuzz/run.py`.
"""
from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["hadath"]):
    from common import Broken
    from hadath.ingest import read_one
    from hadath.ingest.decode import decode_bytes
    from hadath.ingest.records import InputProblem
    from hadath.record import ArticleMeta

NAMES = ("page.html", "a.txt", "lines.jsonl", "list.json", "feed.rss", "feed.xml",
         "crawl.warc", "crawl.warc.gz", "noname", "feed.atom", "day.zip", "doc.xml")
_FOLDER = tempfile.mkdtemp(prefix="hadath-fuzz-ingest-")


def check_file(name: str, body: bytes) -> None:
    path = os.path.join(_FOLDER, name)
    with open(path, "wb") as stream:
        stream.write(body)
    try:
        items = read_one(path)
    finally:
        os.unlink(path)
    if not items:
        raise Broken(f"{name}: read_one yielded nothing, not even a Skipped")
    for item in items:
        if isinstance(item, ArticleMeta):
            if not item.text.strip() or not item.id or item.language != "ar":
                raise Broken(f"{name}: article without text, id or Arabic: {item!r}"[:500])
        elif not item.reason or "\n" in item.reason:
            raise Broken(f"{name}: a Skipped reason must be one non-empty line: {item!r}")


def check_decode(body: bytes) -> None:
    try:
        text = decode_bytes(body)
    except InputProblem:
        return
    if not isinstance(text, str):
        raise Broken("decode_bytes returned no text")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    check_file(NAMES[data[0] % len(NAMES)], data[1:])
    check_decode(data[1:])


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
