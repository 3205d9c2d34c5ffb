"""A batch's Parquet tables: takes extracted `Article`s, writes one articles file and one
events file per partition, and reads the articles back.

- `articles/<partition>.parquet`: one row per article, `id` and the metadata as columns, and
  `record`, the whole extraction (`Article.to_dict()`) as JSON, so nothing is lost and
  `Article.from_dict(json.loads(record))` gives the article back;
- `events/<partition>.parquet`: one row per event, with `article_id` and typed columns (the
  figures as lists of structs, one per source, never added up) and the event record as JSON.

Both are written to a hidden temporary name and renamed into place, so a file under
`articles/` or `events/` is always whole.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from hadath.batch.manifest import publish, temporary_name
from hadath.record import Article

ROW_GROUP = 128  # rows buffered before a row group is written: memory stays bounded
_FIGURE = pa.struct([("count", pa.int64()), ("min", pa.int64()), ("approx", pa.bool_()),
                     ("vague", pa.bool_()), ("side", pa.string()), ("source", pa.string())])
ARTICLES = pa.schema([
    ("id", pa.string()), ("partition", pa.string()), ("position", pa.int32()),
    ("url", pa.string()), ("outlet", pa.string()), ("title", pa.string()),
    ("published", pa.string()), ("published_from", pa.string()), ("language", pa.string()),
    ("duplicate_of", pa.string()), ("chars", pa.int32()), ("n_mentions", pa.int32()),
    ("n_events", pa.int32()), ("record", pa.large_string()),
])
EVENTS = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("partition", pa.string()),
    ("type", pa.string()), ("modality", pa.string()),
    ("date", pa.string()), ("date_end", pa.string()), ("time_precision", pa.int8()),
    ("actor1", pa.string()), ("actor1_kind", pa.string()), ("actor1_country", pa.string()),
    ("actor2", pa.string()), ("actor2_kind", pa.string()), ("actor2_country", pa.string()),
    ("place", pa.string()), ("country", pa.string()), ("admin1", pa.string()),
    ("admin2", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("geo_precision", pa.int8()),
    ("fatalities", pa.list_(_FIGURE)), ("injured", pa.list_(_FIGURE)),
    ("detained", pa.list_(_FIGURE)), ("sources", pa.list_(pa.string())),
    ("confidence", pa.float64()), ("summary_en", pa.string()), ("record", pa.string()),
])


def article_table(article: Article, partition: str, position: int) -> pa.Table:
    """The article's row, converted here so that a value of the wrong type fails this article
    alone, not the row group it would have joined."""
    return pa.Table.from_pylist([article_row(article, partition, position)], schema=ARTICLES)


def event_table(article: Article, partition: str) -> pa.Table:
    return pa.Table.from_pylist([_event_row(record, article.id, partition)
                                 for record in article.events], schema=EVENTS)


def article_row(article: Article, partition: str, position: int) -> dict[str, Any]:
    meta = article.article
    return {
        "id": meta.id, "partition": partition, "position": position, "url": meta.url,
        "outlet": meta.outlet, "title": meta.title, "published": meta.published,
        "published_from": meta.published_from, "language": meta.language,
        "duplicate_of": meta.duplicate_of, "chars": len(meta.text),
        "n_mentions": len(article.mentions), "n_events": len(article.events),
        "record": json.dumps(article.to_dict(), ensure_ascii=False),
    }


def _event_row(record: dict[str, Any], article_id: str, partition: str) -> dict[str, Any]:
    actor1 = record.get("actor1") or {}
    actor2 = record.get("actor2") or {}
    place = record.get("location") or {}
    return {
        "id": record.get("id"), "article_id": article_id, "partition": partition,
        "type": record.get("type"), "modality": record.get("modality"),
        "date": record.get("date"), "date_end": record.get("date_end"),
        "time_precision": record.get("time_precision"),
        "actor1": actor1.get("canonical"), "actor1_kind": actor1.get("kind"),
        "actor1_country": actor1.get("country"),
        "actor2": actor2.get("canonical"), "actor2_kind": actor2.get("kind"),
        "actor2_country": actor2.get("country"),
        "place": place.get("canonical"), "country": place.get("country"),
        "admin1": place.get("admin1"), "admin2": place.get("admin2"),
        "lat": place.get("lat"), "lon": place.get("lon"),
        "geo_precision": place.get("geo_precision"),
        **{kind: [_figure(f) for f in record.get(kind) or []]
           for kind in ("fatalities", "injured", "detained")},
        "sources": [_name(s) for s in record.get("sources") or []],
        "confidence": record.get("confidence"), "summary_en": record.get("summary_en"),
        "record": json.dumps(record, ensure_ascii=False),
    }


def _figure(figure: dict[str, Any]) -> dict[str, Any]:
    return {"count": figure.get("count"), "min": figure.get("min"),
            "approx": bool(figure.get("approx")), "vague": bool(figure.get("vague")),
            "side": _name(figure.get("side")), "source": _name(figure.get("source"))}


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("canonical") or value.get("name")
    return None if value is None else str(value)


class TableWriter:
    """Tables of rows to one Parquet file, in row groups, made visible at `path` only by
    `commit()`."""

    def __init__(self, path: Path, schema: pa.Schema, scratch: Path) -> None:
        self.path = path
        self.schema = schema
        self.rows_added = 0
        self._buffer: list[pa.Table] = []
        self._buffered = 0
        self._temporary = temporary_name(scratch, path)
        self._writer = pq.ParquetWriter(self._temporary, schema, compression="zstd")

    def add(self, table: pa.Table) -> None:
        if table.num_rows:
            self._buffer.append(table)
            self._buffered += table.num_rows
            self.rows_added += table.num_rows
        if self._buffered >= ROW_GROUP:
            self._flush()

    def commit(self) -> None:
        self._flush()
        self._writer.close()
        publish(self._temporary, self.path)

    def discard(self) -> None:
        self._writer.close()
        self._temporary.unlink(missing_ok=True)

    def _flush(self) -> None:
        if self._buffer:
            self._writer.write_table(pa.concat_tables(self._buffer))
            self._buffer, self._buffered = [], 0


def read_articles(path: Path, batch_size: int = 64) -> Iterator[tuple[str, str]]:
    """(id, record JSON) of each article of one articles file, in order, a few at a time."""
    table = pq.ParquetFile(path)
    for batch in table.iter_batches(batch_size=batch_size, columns=["id", "record"]):
        yield from zip(batch.column("id").to_pylist(), batch.column("record").to_pylist(),
                       strict=True)
