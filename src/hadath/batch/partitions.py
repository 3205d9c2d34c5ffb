"""Partitions of a batch: takes the inputs of `hadath batch` (files and folders) and a size in
records, returns the list of partitions, in the order `hadath run` would read the articles.

A partition is a list of pieces: whole files (small files of a folder grouped until they hold
`size` records), or one byte range of a large JSON Lines file (split at line starts) or of a
large WARC (split at record starts). Its id is a hash of its pieces — the resolved paths and
byte ranges — so the same inputs give the same partitions on every run and on every machine
that sees the same paths.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hadath.batch.reading import walk_folder

DEFAULT_PARTITION_SIZE = 500  # records: a few seconds to minutes of one core's work
# A file whose records cannot be counted without reading it (a TREC <DOC> file, a feed, a zip,
# a WARC) is weighed by its size when files are grouped: an article of news is a few KB of
# text, or some tens of KB of HTML.
BYTES_PER_RECORD = 16 * 1024
_WARC_NAMES = (".warc", ".warc.gz", ".arc.gz")


@dataclass(frozen=True)
class Piece:
    """A file, or the bytes [start, end) of one, read as `hadath run` reads it: ids and error
    locations use `relpath` (the path below the folder given, or the bare file name) and, in a
    JSON Lines range, the file's own line numbers from `first_line` on."""

    path: str  # resolved, absolute
    relpath: str
    kind: str = "file"  # file | jsonl | warc (the last two: a byte range of a large file)
    start: int = 0
    end: int | None = None
    first_line: int = 1


@dataclass(frozen=True)
class Partition:
    id: str
    pieces: tuple[Piece, ...]
    records: int | None  # records planned (articles and skipped inputs); None when unknown
    estimate: int = 1  # records, or as many as the files' sizes suggest: for progress
    label: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "records": self.records,
                "estimate": self.estimate, "pieces": [asdict(p) for p in self.pieces]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Partition:
        return cls(id=data["id"], label=data.get("label", ""), records=data.get("records"),
                   estimate=data.get("estimate", 1),
                   pieces=tuple(Piece(**p) for p in data["pieces"]))


WarcScanner = Callable[[list[str], int], list[list[tuple[int, int, int]]]]


def plan_partitions(paths: Iterable[str | Path], size: int = DEFAULT_PARTITION_SIZE,
                    scan_warcs: WarcScanner | None = None) -> list[Partition]:
    """The partitions of `paths`: every file once, in reading order, none above `size`
    records unless it is a single file that cannot be split (a zip, a feed, a JSON array).
    WARCs are counted by reading their records' headers, which `scan_warcs` may do on a
    cluster (one task a file): for a crawl, that is most of the planning."""
    if size < 1:
        raise ValueError("a partition holds at least one record")
    files = list(input_files(paths))
    warcs = [str(path) for path, _ in files if _is_warc(path)]
    scanned = dict(zip(warcs, (scan_warcs or scan_locally)(warcs, size), strict=True))
    partitions: list[Partition] = []
    group: list[tuple[Piece, int | None, int]] = []  # piece, records if counted, weight

    def flush() -> None:
        if group:
            counts = [records for _, records, _ in group]
            known = None if None in counts else sum(c for c in counts if c is not None)
            partitions.append(_partition([piece for piece, _, _ in group], known,
                                         sum(w for _, _, w in group)))
            group.clear()

    for path, relpath in files:
        if str(path) in scanned:
            flush()
            for piece, count in _warc_pieces(path, relpath, scanned[str(path)]):
                partitions.append(_partition([piece], count, count))
            continue
        records = _records_in(path)
        weight = records if records is not None else _weight(path)
        if weight <= size:
            if group and sum(w for _, _, w in group) + weight > size:
                flush()
            group.append((Piece(str(path), relpath), records, weight))
            continue
        flush()
        for piece, count in _split(path, relpath, records, size):
            partitions.append(_partition([piece], count, count or weight))
    flush()
    return partitions


def scan_locally(warcs: list[str], size: int) -> list[list[tuple[int, int, int]]]:
    return [warc_ranges(path, size) for path in warcs]


def inputs_fingerprint(paths: Iterable[str | Path]) -> str:
    """A hash of every input file's path, size and modification time: the same inputs, as
    they were, give the same fingerprint (a resumed batch reuses its plan, unread)."""
    rows = []
    for path, relpath in input_files(paths):
        try:
            stat = path.stat()
            rows.append([str(path), relpath, stat.st_size, stat.st_mtime_ns])
        except OSError:
            rows.append([str(path), relpath, None, None])
    return _digest(rows)


def plan_id(partitions: list[Partition]) -> str:
    return _digest([p.id for p in partitions])


def input_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """(resolved path, relpath) of every input file, in the order `read_inputs` reads them.
    A missing path or an empty folder is a piece too, so that its error is reported."""
    for given in paths:
        path = Path(given).resolve()
        if path.is_dir():
            files = walk_folder(path)
            first = next(files, None)
            if first is None:
                yield path, path.name  # read as "folder holds no files"
                continue
            yield first, first.relative_to(path).as_posix()
            for file in files:
                yield file, file.relative_to(path).as_posix()
        else:
            yield path, path.name


def _records_in(path: Path) -> int | None:
    from hadath.ingest import count_records

    if not path.exists() or path.is_dir():
        return 1  # read as one Skipped ("no such file", "folder holds no files")
    return count_records([path])


def _weight(path: Path) -> int:
    """The records a file that cannot be counted is taken to hold, from its size."""
    try:
        return max(1, path.stat().st_size // BYTES_PER_RECORD)
    except OSError:
        return 1


def _split(path: Path, relpath: str, records: int | None, size: int
           ) -> Iterator[tuple[Piece, int | None]]:
    """A large file in pieces of `size` records, or whole when it cannot be split."""
    if records is None:  # a zip, a feed, a JSON array, a TREC file: read whole
        yield Piece(str(path), relpath), None
        return
    # counted, so JSON Lines: the only kind of many records that is counted
    for start, end, line, count in _jsonl_ranges(path, size):
        yield Piece(str(path), relpath, "jsonl", start, end, line), count


def _warc_pieces(path: Path, relpath: str, ranges: list[tuple[int, int, int]]
                 ) -> Iterator[tuple[Piece, int]]:
    if len(ranges) == 1:
        yield Piece(str(path), relpath), ranges[0][2]
        return
    for start, end, count in ranges:
        yield Piece(str(path), relpath, "warc", start, end), count


def _jsonl_ranges(path: Path, size: int) -> list[tuple[int, int, int, int]]:
    """(start byte, end byte, first line number, records) of each run of `size` non-blank lines."""
    ranges: list[tuple[int, int, int, int]] = []
    start, first_line, count, offset = 0, 1, 0, 0
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if count == size and line.strip():
                ranges.append((start, offset, first_line, count))
                start, first_line, count = offset, number, 0
            if line.strip():
                count += 1
            offset += len(line)
    ranges.append((start, offset, first_line, count))
    return ranges


def _is_warc(path: Path) -> bool:
    from hadath.ingest.archives import is_warc_file

    return path.is_file() and (path.name.lower().endswith(_WARC_NAMES) or is_warc_file(path))


def warc_ranges(name: str | Path, size: int) -> list[tuple[int, int, int]]:
    """(start byte, end byte, HTML responses) of runs of `size` HTML responses, split at the
    start of a record; one range when the file cannot be cut (a WARC gzipped as one stream,
    not record by record, or a damaged one)."""
    from warcio.archiveiterator import ArchiveIterator

    path = Path(name)
    cuts: list[int] = []
    counts: list[int] = []
    count = 0
    total = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream, no_record_parse=False)
            for record in records:
                offset = records.get_record_offset()
                if count == size:
                    cuts.append(offset)
                    counts.append(count)
                    count = 0
                if _is_html_response(record):
                    count += 1
                    total += 1
    except Exception:  # noqa: BLE001 — a damaged archive is read whole, which reports it
        return [(0, path.stat().st_size, max(1, total))]
    if not cuts or not all(_record_starts(path, cut) for cut in cuts):
        return [(0, path.stat().st_size, max(1, total))]
    counts.append(count)
    bounds = [0, *cuts, path.stat().st_size]
    return [(bounds[i], bounds[i + 1], counts[i]) for i in range(len(counts))]


def _is_html_response(record: Any) -> bool:
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return False
    return (http.get_header("Content-Type") or "").lower().startswith(("text/html",
                                                                         "application/xhtml"))


def _record_starts(path: Path, offset: int) -> bool:
    """Does a WARC record (plain, or its own gzip member) begin at `offset`?"""
    with path.open("rb") as stream:
        stream.seek(offset)
        head = stream.read(64 * 1024)
    if head.startswith(b"WARC/"):
        return True
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 5).startswith(b"WARC/")
    except (zlib.error, gzip.BadGzipFile):
        return False


def _partition(pieces: list[Piece], records: int | None, estimate: int) -> Partition:
    first = pieces[0]
    label = first.relpath if len(pieces) == 1 else f"{first.relpath} (+{len(pieces) - 1} files)"
    if first.kind == "jsonl":
        label = f"{first.relpath} from line {first.first_line}"
    elif first.kind == "warc":
        label = f"{first.relpath} from byte {first.start}"
    ident = "p-" + _digest([[p.path, p.kind, p.start, p.end] for p in pieces])[:16]
    return Partition(id=ident, pieces=tuple(pieces), records=records,
                     estimate=max(1, estimate), label=label)


def _digest(data: Any) -> str:
    return hashlib.sha1(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()
