"""Readers for files that hold text: takes a file's decoded contents, yields the raw article
records in it (plain text, an HTML page, JSON Lines, a JSON array, an RSS/Atom feed, or
TREC-style <DOC> files such as the ANT corpus), and a Skipped for each bad record.
"""
from __future__ import annotations

import html as html_entities
import json
import re
from collections.abc import Iterator
from pathlib import Path

from hadath.ingest.html import fragment_text
from hadath.ingest.records import InputProblem, RawRecord, Skipped, one_line
from hadath.ingest.records_json import record_from_json

_TREC_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.DOTALL)
_TREC_FIELD = re.compile(r"<(DOCNO|URL|SRC|TITLE|TIME|DATE|TEXT|ABSTRACT)>(.*?)</\1>", re.DOTALL)
MAX_LINE_ERROR = 80  # characters of a parser message kept in a Skipped reason
MAX_JSONL_LINE_BYTES = 80 * 1024 * 1024  # one record: an article's HTML and its metadata


def read_text(text: str, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    yield RawRecord(source=source, relpath=relpath, text=text)


def read_html(text: str, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    yield RawRecord(source=source, relpath=relpath, html=text)


def read_jsonl(text: str, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    """One JSON object a line; a bad line is skipped with its number, the rest still read."""
    lines = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            lines += 1
            yield _jsonl_record(line, number, source, relpath)
    if not lines:
        yield Skipped(source, "empty: no JSON Lines record, only blank lines")


def read_jsonl_file(path: Path, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    """JSON Lines read a line at a time, so a crawl of any size never sits in memory whole."""
    said = False  # whether anything was yielded: a file of blank lines must still be named
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if len(raw) > MAX_JSONL_LINE_BYTES:
                said = True
                yield Skipped(f"{source}:{number}", f"line {number} too large "
                                                    f"({len(raw) // 2**20} MB)")
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                said = True
                yield Skipped(f"{source}:{number}", f"line {number} is not UTF-8: {exc.reason}")
                continue
            if line.strip():
                said = True
                yield _jsonl_record(line, number, source, relpath)
    if not said:
        # blank lines only (Unicode's idea of blank: "\x1e" too): without this the run would
        # count the file nowhere
        yield Skipped(source, "empty: no JSON Lines record, only blank lines")


def _jsonl_record(line: str, number: int, source: str, relpath: str) -> RawRecord | Skipped:
    where = f"{source}:{number}"
    try:
        item = json.loads(line)
    except ValueError as exc:
        return Skipped(where, f"malformed JSON on line {number}: {_short(str(exc))}")
    try:
        return record_from_json(item, where, relpath, f"line{number}")
    except InputProblem as problem:
        return Skipped(where, f"line {number}: {problem.reason}")


def read_json(text: str, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    """A JSON array of article objects (SaudiNewsNet's daily files), or one object."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        if text.lstrip().startswith("{") and "\n{" in text:  # JSON Lines named .json
            yield from read_jsonl(text, source, relpath)
        else:
            yield Skipped(source, f"malformed JSON: {_short(str(exc))}")
        return
    if isinstance(data, dict):
        items = next((data[k] for k in ("articles", "items", "data", "records")
                      if isinstance(data.get(k), list)), [data])
    elif isinstance(data, list):
        items = data
    else:
        yield Skipped(source, "JSON holds neither an article object nor a list of them")
        return
    for index, item in enumerate(items):
        where = f"{source}#{index}"
        try:
            yield record_from_json(item, where, relpath, str(index))
        except InputProblem as problem:
            yield Skipped(where, f"record {index}: {problem.reason}")


def read_feed(data: str | bytes, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    """RSS or Atom: each entry's full content if the feed carries it, else its summary.
    Give it the file's bytes, so that feedparser reads the encoding the feed declares."""
    import feedparser  # slow to import: only for feeds

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        reason = f"malformed feed: {_short(str(problem))}" if problem else "feed has no entries"
        yield Skipped(source, reason)
        return
    outlet = feed.feed.get("title") or None
    for index, entry in enumerate(feed.entries):
        body = _entry_body(entry)
        where = f"{source}#entry{index + 1}"
        if not body.strip() and not entry.get("title"):
            yield Skipped(where, "feed entry has neither title nor text")
            continue
        yield RawRecord(
            source=where, relpath=relpath, record=f"entry{index + 1}",
            text=body, title=entry.get("title") or None, url=entry.get("link") or None,
            published=entry.get("published") or entry.get("updated") or None,
            outlet=outlet,
        )


def _entry_body(entry: feedparser.FeedParserDict) -> str:  # noqa: F821 — imported in read_feed
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    html = max(contents, key=len) if contents else entry.get("summary", "")
    return fragment_text(html)


def read_trec(text: str, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    """<DOC><DOCNO>…<URL>…<SRC>…<TITLE>…<TIME>…<TEXT>…</TEXT></DOC>, one or more a file."""
    docs = _TREC_DOC.findall(text)
    if not docs:
        yield Skipped(source, "TREC file without a complete <DOC>…</DOC> block")
        return
    for index, doc in enumerate(docs):
        fields = {name: html_entities.unescape(value.strip())
                  for name, value in reversed(_TREC_FIELD.findall(doc))}
        body = fields.get("TEXT") or fields.get("ABSTRACT") or ""
        where = f"{source}#{fields.get('DOCNO') or index}"
        if not body.strip():
            yield Skipped(where, "empty <TEXT>")
            continue
        yield RawRecord(
            source=where, relpath=relpath, record=None if len(docs) == 1 else str(index),
            text=body, id=fields.get("DOCNO") or None, url=fields.get("URL") or None,
            outlet=fields.get("SRC") or None, title=fields.get("TITLE") or None,
            published=fields.get("TIME") or fields.get("DATE") or None,
        )
    if text.count("<DOC>") > len(docs):
        yield Skipped(source, "truncated TREC file: a <DOC> block is not closed")


def _short(message: str) -> str:
    return one_line(message, MAX_LINE_ERROR)
