"""Readers for binary containers: takes the path of a WARC (.warc, .warc.gz) or a zip of
JSON files (SaudiNewsNet's daily archives), yields the raw article records inside, and a
Skipped for what cannot be read (a truncated archive stops with a Skipped, never an error).
"""
from __future__ import annotations

import contextlib
import gzip
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from hadath.ingest.decode import decode_bytes
from hadath.ingest.formats import read_json, read_jsonl
from hadath.ingest.records import InputProblem, RawRecord, Skipped, one_line

MAX_RECORD_BYTES = 20 * 1024 * 1024  # one article's page; beyond this it is not an article
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    """HTML `response` records, each with its target URI and WARC-Date."""
    if not is_warc_file(path):
        yield Skipped(source, "not a WARC file (it does not begin with a WARC/1.x record)")
        return
    count = reported = read = 0
    try:
        with path.open("rb") as stream:
            from warcio.archiveiterator import ArchiveIterator  # slow to import: only for WARC

            records = iter(ArchiveIterator(stream))
            while True:
                # warcio writes its warnings about damaged records straight to stderr;
                # they are caught here and reported as a Skipped instead.
                warnings = io.StringIO()
                with contextlib.redirect_stderr(warnings):
                    record = next(records, None)
                    page = _html_response(record, source, relpath) if record else None
                if warnings.getvalue().strip():
                    reported += 1
                    yield Skipped(f"{source}#after-record-{count}",
                                  "damaged WARC: a record's length does not match its content")
                if record is None:
                    break
                read += 1
                if page is not None:
                    count += 1
                    yield page
    # warcio, gzip and zlib raise many kinds of error on a damaged archive.
    except Exception as exc:  # noqa: BLE001
        yield Skipped(f"{source}#after-record-{count}",
                      one_line(f"truncated or corrupt WARC after {count} HTML records: "
                               f"{type(exc).__name__}: {exc}"))
        return
    if not count and not reported:
        # an archive of requests, images or error pages: say so, or the run is silent on it
        yield Skipped(source, f"WARC holds no HTML page ({read} records, none an HTML "
                              "response with status 2xx)")


def is_warc_file(path: Path) -> bool:
    """Does the file, gzipped or not, begin with a WARC record?"""
    try:
        with path.open("rb") as stream:
            head = stream.read(2)
        opener = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as stream:
            return stream.read(5) in (b"WARC/",)
    except (OSError, EOFError, zlib.error):
        return False


def _html_response(record: object, source: str, relpath: str) -> RawRecord | Skipped | None:
    """The page in an HTML `response` record; None for any other record."""
    http = record.http_headers  # type: ignore[attr-defined]
    if record.rec_type != "response" or http is None:  # type: ignore[attr-defined]
        return None
    content_type = http.get_header("Content-Type") or ""
    status = http.get_statuscode() or ""
    if not content_type.lower().startswith(_HTML_TYPES) or not status.startswith("2"):
        return None
    return _warc_page(record, source, relpath, content_type)


def _warc_page(record: object, source: str, relpath: str,
               content_type: str) -> RawRecord | Skipped:
    headers = record.rec_headers  # type: ignore[attr-defined]
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    where = f"{source}#{record_id}"
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)  # type: ignore[attr-defined]
    if len(payload) > MAX_RECORD_BYTES:
        return Skipped(where, f"too large: page over {MAX_RECORD_BYTES // 2**20} MB")
    missing = getattr(record.raw_stream, "limit", 0)  # type: ignore[attr-defined]
    if missing:
        # warcio stops quietly at the end of a cut-off file; the record's own length tells.
        return Skipped(where, f"truncated WARC: this record is cut short ({missing} bytes missing)")
    try:
        page = decode_html(payload, content_type)
    except InputProblem as problem:
        return Skipped(where, problem.reason)
    return RawRecord(
        source=where, relpath=relpath, record=record_id or None, html=page,
        url=headers.get_header("WARC-Target-URI"), fetched=headers.get_header("WARC-Date"),
    )


def decode_html(payload: bytes, content_type: str = "") -> str:
    """Decode a page with the charset its HTTP header or <meta> declares, else by detection."""
    declared = _CHARSET.search(content_type)
    meta = _META_CHARSET.search(payload[:4096])
    for match in (declared, meta):
        if match is None:
            continue
        name = match.group(1)
        encoding = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
        try:
            text = payload.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue  # a wrong declaration is common; fall back to detection
        return text if _arabic_or_not_mislabelled(text, payload) else decode_bytes(payload)
    return decode_bytes(payload)


def _arabic_or_not_mislabelled(text: str, payload: bytes) -> bool:
    """Old Arabic sites serve windows-1256 pages labelled ISO-8859-1 or windows-1252, which
    decode without error into Latin letters. A page that reads as Arabic, or has no letters
    beyond ASCII, keeps its label; one whose non-ASCII letters are all Latin is detected."""
    letters = [c for c in text[:20_000] if c.isalpha() and not c.isascii()]
    if not letters or any("\u0600" <= c <= "\u06ff" for c in letters):
        return True
    try:
        detected = decode_bytes(payload)
    except InputProblem:
        return True
    return not any("\u0600" <= c <= "\u06ff" for c in detected[:20_000])


def read_zip(path: Path, source: str, relpath: str) -> Iterator[RawRecord | Skipped]:
    """A zip of JSON arrays or JSON Lines, one file a member (SaudiNewsNet's layout)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield Skipped(source, f"not a readable zip archive: {exc}")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            where = f"{source}#{info.filename}"
            inner = f"{relpath}#{info.filename}"
            reader = {"json": read_json, "jsonl": read_jsonl, "ndjson": read_jsonl}.get(
                info.filename.rsplit(".", 1)[-1].lower())
            if reader is None:
                yield Skipped(where, "zip member is not .json or .jsonl")
                continue
            if info.file_size > 50 * MAX_RECORD_BYTES:
                yield Skipped(where, f"zip member too large ({info.file_size // 2**20} MB)")
                continue
            try:
                text = decode_bytes(archive.read(info))
            except InputProblem as problem:
                yield Skipped(where, problem.reason)
                continue
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:  # damaged
                yield Skipped(where, one_line(f"cannot read zip member: {exc}"))
                continue
            yield from reader(text, where, inner)
