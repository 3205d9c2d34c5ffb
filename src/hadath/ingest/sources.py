"""Inputs to articles: takes files and folders, yields one `ArticleMeta` per article found
and one `Skipped` per input or record that has none. Folders are walked recursively in
sorted order; each file's kind is known by its name or, failing that, by its first bytes.
Nothing raised while reading one input stops the others. Path-based ids (see `ids`) use the
path relative to the folder given, or the bare file name for a file given directly.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from hadath.ingest.archives import decode_html, is_warc_file, read_warc, read_zip
from hadath.ingest.articles import MAX_ARTICLE_CHARS, build_article
from hadath.ingest.decode import decode_bytes
from hadath.ingest.formats import (
    read_feed,
    read_html,
    read_json,
    read_jsonl,
    read_jsonl_file,
    read_text,
    read_trec,
)
from hadath.ingest.records import IngestDefaults, InputProblem, RawRecord, Skipped, one_line
from hadath.record import ArticleMeta

TextReader = Callable[[str, str, str], Iterator[RawRecord | Skipped]]
MAX_CONTAINER_BYTES = 1024 * 1024 * 1024  # a feed, JSON or TREC file read whole
_SNIFF_BYTES = 4096
_EXTENSION_KIND = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".rss": "feed", ".atom": "feed",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".warc": "warc", ".zip": "zip",
}
_TEXT_READERS: dict[str, TextReader] = {
    "text": read_text, "html": read_html, "jsonl": read_jsonl, "json": read_json,
    "feed": read_feed, "trec": read_trec,
}
_FEED_START = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(r"<(!doctype html|html|head|body)[\s>]", re.IGNORECASE)


def read_inputs(
    paths: Iterable[str | Path], defaults: IngestDefaults | None = None
) -> Iterator[ArticleMeta | Skipped]:
    """Every article in `paths` (files or folders), in a stable order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                yield from _read_file(file, file.relative_to(path).as_posix(), defaults)
            if not found:
                yield Skipped(str(path), "folder holds no files")
        elif path.exists():
            yield from _read_file(path, path.name, defaults)
        else:
            yield Skipped(str(path), "no such file or directory")


def read_one(path: str | Path, defaults: IngestDefaults | None = None) -> list[ArticleMeta | Skipped]:
    """The articles in one file (or folder), as a list."""
    return list(read_inputs([path], defaults))


def count_records(paths: Iterable[str | Path]) -> int | None:
    """How many items (articles and skipped inputs) `read_inputs(paths)` yields, when that is
    known without reading the articles: one per page or text file, one per line of JSON Lines.
    None when an input is an archive, a feed or another file of many articles."""
    total = 0
    for given in paths:
        path = Path(given)
        files = list(_walk(path)) if path.is_dir() else [path]
        if not files:
            total += 1  # "folder holds no files"
        for file in files:
            count = _records_in(file)
            if count is None:
                return None
            total += count
    return total


def _records_in(path: Path) -> int | None:
    try:
        if path.stat().st_size == 0:
            return 1
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
            kind = _kind_from_bytes(path, head) or _kind_from_text(path, head.decode("utf-8", "ignore"))
            if kind == "jsonl":
                stream.seek(0)
                return sum(1 for line in stream if line.strip())
    except (InputProblem, OSError):
        return 1  # read_inputs reports it as one skipped input
    return 1 if kind in ("text", "html") else None


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, sorted, hidden files and folders left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_file(
    path: Path, relpath: str, defaults: IngestDefaults | None
) -> Iterator[ArticleMeta | Skipped]:
    source = str(path)
    try:
        for item in _records(path, source, relpath):
            if isinstance(item, Skipped):
                yield item
                continue
            try:
                yield build_article(item, defaults)
            # One bad record (odd HTML, a parser bug) must not stop a run.
            except Exception as exc:  # noqa: BLE001
                yield Skipped(item.source, one_line(f"cannot extract: {type(exc).__name__}: {exc}"))
    except InputProblem as problem:
        yield Skipped(source, problem.reason)
    except OSError as exc:
        yield Skipped(source, one_line(f"unreadable: {exc.strerror or exc}"))
    # The last guard: report and go on to the next input.
    except Exception as exc:  # noqa: BLE001
        yield Skipped(source, one_line(f"cannot read: {type(exc).__name__}: {exc}"))


def _records(path: Path, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    size = path.stat().st_size
    if size == 0:
        raise InputProblem("empty")
    with path.open("rb") as stream:
        head = stream.read(_SNIFF_BYTES)
    kind = _kind_from_bytes(path, head)
    if kind == "warc":
        yield from read_warc(path, source, relpath)
        return
    if kind == "zip":
        yield from read_zip(path, source, relpath)
        return
    if kind == "jsonl":
        yield from read_jsonl_file(path, source, relpath)
        return
    if kind is None and size > MAX_ARTICLE_CHARS and not _container_head(head):
        raise InputProblem(f"too large: {size // 2**20} MB (limit "
                           f"{MAX_ARTICLE_CHARS // 2**20} MB per article)")
    if size > MAX_CONTAINER_BYTES:
        raise InputProblem(f"too large: {size // 2**20} MB")
    data = path.read_bytes()
    text = decode_html(data) if kind == "html" else decode_bytes(data)
    kind = kind or _kind_from_text(path, text)
    if kind in ("text", "html") and len(data) > MAX_ARTICLE_CHARS:
        raise InputProblem(f"too large: {len(data) // 2**20} MB (limit "
                           f"{MAX_ARTICLE_CHARS // 2**20} MB per article)")
    if kind == "feed":
        # feedparser honours the feed's own <?xml encoding=...?>; given decoded text with
        # such a declaration it would decode it a second time.
        yield from read_feed(data, source, relpath)
        return
    yield from _TEXT_READERS[kind](text, source, relpath)


def _kind_from_bytes(path: Path, head: bytes) -> str | None:
    """The kind a file's name or magic bytes settle; None when its text must be looked at."""
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")) or head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b") and is_warc_file(path):
        return "warc"
    if head.startswith(b"PK\x03\x04") and name.endswith(".zip"):
        return "zip"
    return _EXTENSION_KIND.get(path.suffix.lower())


def _container_head(head: bytes) -> bool:
    """A TREC or feed file may hold many articles, so the one-article size cap is not for it."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<DOC>") or _FEED_START.search(head[:1000].decode("latin-1")) is not None


def _kind_from_text(path: Path, text: str) -> str:
    """Sniff a .txt/.xml/extension-less file: TREC <DOC>, a feed, HTML, JSON Lines or text."""
    head = text[:_SNIFF_BYTES].lstrip("\ufeff \t\r\n")
    if head.startswith("<DOC>"):
        return "trec"
    if head.startswith("{") and path.suffix.lower() not in (".txt", ".md"):
        return "jsonl"  # before the HTML check: a record's "html" field holds a page
    if _FEED_START.search(head[:1000]):
        return "feed"
    if _HTML_START.search(head[:1000]):
        return "html"
    if path.suffix.lower() == ".xml":
        raise InputProblem("XML file that is neither an RSS/Atom feed nor a TREC <DOC> file")
    return "text"
