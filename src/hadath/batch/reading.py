"""Reading one partition's pieces: takes a `Piece` (a whole file, or a byte range of a large
JSON Lines file or WARC), yields its `ArticleMeta`s and `Skipped`s exactly as `read_inputs`
yields them for the whole input — same ids, same reasons, same locations.

ingest's public `read_inputs` reads whole inputs; a partition needs one file under a folder
(with its path below that folder, which ids are made from) or one range of a file, so this
module uses ingest's per-file and per-record readers, and is the only one in batch that does.
"""
from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from hadath.ingest import sources

if TYPE_CHECKING:
    from hadath.batch.partitions import Piece
    from hadath.ingest.records import IngestDefaults, RawRecord, Skipped
    from hadath.record import ArticleMeta


def walk_folder(folder: Path) -> Iterator[Path]:
    """The files of `folder` in the order `read_inputs` reads them."""
    return sources._walk(folder)


def read_piece(piece: Piece, defaults: IngestDefaults | None = None
               ) -> Iterator[ArticleMeta | Skipped]:
    path = Path(piece.path)
    if piece.kind == "file":
        if path.is_dir() or not path.exists():  # its one Skipped, worded by read_inputs
            yield from sources.read_inputs([path], defaults)
            return
        yield from sources._read_file(path, piece.relpath, defaults)
        return
    records = (_jsonl_range(piece) if piece.kind == "jsonl" else _warc_range(piece))
    yield from _articles(records, defaults)


def _articles(records: Iterator[RawRecord | Skipped], defaults: IngestDefaults | None
              ) -> Iterator[ArticleMeta | Skipped]:
    from hadath.ingest.articles import build_article
    from hadath.ingest.records import Skipped, one_line

    for item in records:
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield build_article(item, defaults)
        # One bad record (odd HTML, a parser bug) must not stop a partition.
        except Exception as exc:  # noqa: BLE001
            yield Skipped(item.source, one_line(f"cannot extract: {type(exc).__name__}: {exc}"))


def _jsonl_range(piece: Piece) -> Iterator[RawRecord | Skipped]:
    """The lines of [start, end), numbered as in the whole file."""
    from hadath.ingest.formats import MAX_JSONL_LINE_BYTES, _jsonl_record
    from hadath.ingest.records import Skipped

    source = str(piece.path)
    with open(piece.path, "rb") as stream:
        stream.seek(piece.start)
        offset, number = piece.start, piece.first_line
        while piece.end is None or offset < piece.end:
            raw = stream.readline()
            if not raw:
                break
            offset += len(raw)
            where = f"{source}:{number}"
            if len(raw) > MAX_JSONL_LINE_BYTES:
                yield Skipped(where, f"line {number} too large ({len(raw) // 2**20} MB)")
            else:
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    yield Skipped(where, f"line {number} is not UTF-8: {exc.reason}")
                else:
                    if line.strip():
                        yield _jsonl_record(line, number, source, piece.relpath)
            number += 1


def _warc_range(piece: Piece) -> Iterator[RawRecord | Skipped]:
    """The HTML responses among the records that begin in [start, end)."""
    from warcio.archiveiterator import ArchiveIterator

    from hadath.ingest.archives import _html_response
    from hadath.ingest.records import Skipped, one_line

    source = str(piece.path)
    count = 0
    try:
        with open(piece.path, "rb") as stream:
            archive = ArchiveIterator(_Window(stream, piece.start))
            records = iter(archive)
            while True:
                warnings = io.StringIO()
                with contextlib.redirect_stderr(warnings):
                    record = next(records, None)
                    page = _html_response(record, source, piece.relpath) if record else None
                    # known once the record is read: where it began, counted from `start`
                    begins = piece.start + archive.get_record_offset() if record else None
                if record is None or (piece.end is not None and begins is not None
                                      and begins >= piece.end):
                    break  # the record after the range, read to learn where it begins
                if warnings.getvalue().strip():
                    yield Skipped(f"{source}#after-record-{count}",
                                  "damaged WARC: a record's length does not match its content")
                if page is not None:
                    count += 1
                    yield page
    except Exception as exc:  # noqa: BLE001 — warcio, gzip and zlib raise many kinds
        yield Skipped(f"{source}#after-record-{count}",
                      one_line(f"truncated or corrupt WARC after {count} HTML records: "
                               f"{type(exc).__name__}: {exc}"))


class _Window(io.RawIOBase):
    """A file seen from `start` on, so that warcio's record offsets count from there."""

    def __init__(self, stream: io.BufferedReader, start: int) -> None:
        super().__init__()
        self._stream = stream
        self._start = start
        stream.seek(start)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def tell(self) -> int:
        return self._stream.tell() - self._start
