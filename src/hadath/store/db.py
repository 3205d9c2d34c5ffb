"""The event store: SQLite by default (a file, nothing to start), any SQLAlchemy URL otherwise.

`Store.save(article)` writes an article with its layers and reports (its events) and fuses the
reports into the stored fused events, in one transaction; it is idempotent: saving the same
article again changes nothing. `Store.events()` and `Store.event()` read fused events
(docs/fused_events.md), `Store.article()` an article as SPEC records. All queries are built
with SQLAlchemy expressions, never by string concatenation.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select

from hadath.fusion.figures import name as _name
from hadath.fusion.report import REPORT_FIELDS
from hadath.record import Article, ArticleMeta
from hadath.store import schema
from hadath.store.fusing import fuse_article
from hadath.store.migrate import upgrade
from hadath.store.queries import EventQuery, count_events, select_events

DEFAULT_DB = "hadath.db"
_LAYERS = ("sentences", "mentions", "times", "numbers", "claims")
_FIGURE_KINDS = ("fatalities", "injured", "detained")


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from a --db option: a URL as is, a bare path as a SQLite file."""
    db = db or DEFAULT_DB
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    def __init__(self, db: str | None = None) -> None:
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -----------------------------------------------------------------------------
    def is_stored(self, article_id: str, text: str) -> bool:
        """True when this article, with exactly this text, is already in the store."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.articles.c.text_hash).where(schema.articles.c.id == article_id)
            ).first()
        return row is not None and row.text_hash == text_hash(text)

    def save(self, article: Article, source: str | None = None) -> None:
        meta = article.article
        with self.engine.begin() as conn:
            kept, left = self._unchanged_reports(conn, article)
            self._delete_article(conn, meta.id)
            conn.execute(
                insert(schema.articles).values(
                    **asdict(meta), text_hash=text_hash(meta.text), source=source, ingested_at=_now()
                )
            )
            data = article.to_dict()
            conn.execute(
                insert(schema.layers),
                [{"article_id": meta.id, "name": name, "data": data[name]} for name in _LAYERS],
            )
            reports = [] if self._identical_copy(conn, meta) else article.events
            for record in reports:
                self._insert_event(conn, meta.id, record, kept.get(record["id"]))
            new_ids = [r["id"] for r in reports if r["id"] not in kept]
            _lock_fusion(conn)
            fuse_article(conn, meta.id, new_ids, left)
            conn.execute(delete(schema.skips).where(schema.skips.c.source == (source or meta.id)))

    def _identical_copy(self, conn: Connection, meta: ArticleMeta) -> bool:
        """A duplicate whose text is its original's: its reports are its original's (copy
        reports, `fusing.copy_reports`). A near duplicate, a wire text another outlet edited or
        an update of it, keeps its own reports: its figures may differ (the Ministry's first
        statement and its update)."""
        if not meta.duplicate_of:
            return False
        original = conn.execute(select(schema.articles.c.text_hash).where(
            schema.articles.c.id == meta.duplicate_of)).scalar()
        return original is None or original == text_hash(meta.text)

    def _unchanged_reports(self, conn: Connection, article: Article
                           ) -> tuple[dict[str, str], set[str]]:
        """The article's stored reports that it gives again unchanged ({id: fused id}: they
        keep their fused event), and the fused events that lose a report (changed or gone).
        The wire copies of a changed report go with it."""
        events = schema.events
        records = {r["id"]: r for r in article.events}
        rows = conn.execute(select(events.c.id, events.c.record, events.c.fused_id, events.c.copy_of)
                            .where(events.c.article_id == article.id)).mappings().all()
        kept = {row["id"]: row["fused_id"] for row in rows if not row["copy_of"]
                and records.get(row["id"]) == row["record"] and row["fused_id"]}
        gone = [row for row in rows if row["id"] not in kept]
        left = {row["fused_id"] for row in gone if row["fused_id"]}
        gone_ids = [row["id"] for row in gone if not row["copy_of"]]
        if gone_ids:
            copies = events.c.copy_of.in_(gone_ids)
            left |= {f for (f,) in conn.execute(select(events.c.fused_id).where(copies)) if f}
            conn.execute(delete(events).where(copies))
        return kept, left

    def _delete_article(self, conn: Connection, article_id: str) -> None:
        event_ids = select(schema.events.c.id).where(schema.events.c.article_id == article_id)
        conn.execute(delete(schema.evidence).where(schema.evidence.c.event_id.in_(event_ids)))
        conn.execute(delete(schema.figures).where(schema.figures.c.event_id.in_(event_ids)))
        conn.execute(delete(schema.events).where(schema.events.c.article_id == article_id))
        conn.execute(delete(schema.layers).where(schema.layers.c.article_id == article_id))
        conn.execute(delete(schema.articles).where(schema.articles.c.id == article_id))

    def _insert_event(self, conn: Connection, article_id: str, record: dict[str, Any],
                      fused_id: str | None) -> None:
        location = record.get("location") or {}
        actor1 = record.get("actor1") or {}
        actor2 = record.get("actor2") or {}
        conn.execute(
            insert(schema.events).values(
                id=record["id"], article_id=article_id, type=record.get("type"),
                modality=record.get("modality"), date=record.get("date"),
                date_end=record.get("date_end"), time_precision=record.get("time_precision"),
                actor1=actor1.get("canonical"), actor2=actor2.get("canonical"),
                place=location.get("canonical"), country=location.get("country"),
                lat=location.get("lat"), lon=location.get("lon"),
                geo_precision=location.get("geo_precision"),
                confidence=record.get("confidence"), summary_en=record.get("summary_en"),
                record=record, fused_id=fused_id,
            )
        )
        rows = [
            {"event_id": record["id"], "article_id": ev.get("article_id", article_id),
             "sentence": ev.get("sentence"), "start": ev["start"], "end": ev["end"],
             "text": ev.get("text")}
            for ev in record.get("evidence") or []
        ]
        if rows:
            conn.execute(insert(schema.evidence), rows)
        figures = [
            {"event_id": record["id"], "kind": kind, "count": f.get("count"),
             "min": bool(f.get("min")), "approx": bool(f.get("approx")),
             "vague": bool(f.get("vague")), "side": _name(f.get("side")),
             "source": _name(f.get("source")), "article_id": f.get("article_id", article_id)}
            for kind in _FIGURE_KINDS
            for f in record.get(kind) or []
        ]
        if figures:
            conn.execute(insert(schema.figures), figures)

    def record_skip(self, source: str, reason: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(schema.skips).where(schema.skips.c.source == source))
            conn.execute(insert(schema.skips).values(source=source, reason=reason, at=_now()))

    # -- reading -----------------------------------------------------------------------------
    def stored_texts(self) -> Iterator[tuple[str, str, str | None]]:
        """(id, text, published) of every stored original article, to seed deduplication."""
        query = select(
            schema.articles.c.id, schema.articles.c.text, schema.articles.c.published
        ).where(
            schema.articles.c.duplicate_of.is_(None)
        )
        with self.engine.connect() as conn:
            yield from ((row.id, row.text, row.published) for row in conn.execute(query))

    def events(self, query: EventQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        """The fused records of the events matching `query`, or the same fields as keywords
        (`type="air_strike", date_from="2024-11"`); newest first unless `sort` says otherwise.
        Each piece of evidence names its article's outlet, URL, title and publication time."""
        query = query or EventQuery(**filters)
        with self.engine.connect() as conn:
            records = [row.record for row in conn.execute(select_events(query))]
            _add_report_metadata(conn, records)
        return records

    def count_events(self, query: EventQuery | None = None, **filters: Any) -> int:
        """How many fused events match `query` (its offset and limit aside)."""
        query = query or EventQuery(**filters)
        with self.engine.connect() as conn:
            return int(conn.execute(count_events(query)).scalar_one())

    def event(self, fused_id: str) -> dict[str, Any] | None:
        """One fused event's record, with all its reports, figures and evidence; None if no
        such event. The id of an event since merged into another gives the one it is part of."""
        fused, aliases = schema.fused_events, schema.fused_aliases
        with self.engine.connect() as conn:
            row = conn.execute(select(fused.c.record).where(fused.c.id == fused_id)).first()
            if row is None:
                merged_into = select(aliases.c.fused_id).where(aliases.c.alias == fused_id)
                row = conn.execute(select(fused.c.record).where(fused.c.id.in_(merged_into))).first()
            if row is None:
                return None
            records = [row.record]
            _add_report_metadata(conn, records)
        return records[0]

    def article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.articles).where(schema.articles.c.id == article_id)
            ).mappings().first()
            if row is None:
                return None
            layer_rows = conn.execute(
                select(schema.layers.c.name, schema.layers.c.data).where(
                    schema.layers.c.article_id == article_id
                )
            )
            data: dict[str, Any] = {name: value for name, value in layer_rows}
            data["events"] = [
                r.record
                for r in conn.execute(
                    select(schema.events.c.record).where(schema.events.c.article_id == article_id,
                                                         schema.events.c.copy_of.is_(None))
                )
            ]
        meta_fields = ArticleMeta.__dataclass_fields__
        data["article"] = {k: v for k, v in row.items() if k in meta_fields}
        return Article.from_dict(data)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (schema.articles, schema.events, schema.evidence, schema.figures,
                              schema.skips, schema.fused_events)
            }



# One key for the fusion step of every writer of a PostgreSQL store (the bytes "hadath-F").
FUSION_LOCK = 0x6861646174682D46


def _lock_fusion(conn: Connection) -> None:
    """Fusion reads the stored fused events and writes them back: two writers fusing at once
    would each miss the other's new event and found two for one. On PostgreSQL the step is
    serialised by a transaction-level advisory lock (released at commit or rollback; each
    statement after it sees what the other writer committed). SQLite has one writer anyway."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(FUSION_LOCK)))


def _add_report_metadata(conn: Any, records: list[dict[str, Any]]) -> None:
    """Fill in what evidence written before it carried its article's metadata lacks."""
    wanted = {ev["article_id"] for r in records for ev in r.get("evidence") or []
              if ev.get("article_id") and any(f not in ev for f in REPORT_FIELDS)}
    if not wanted:
        return
    articles = schema.articles
    ids = sorted(wanted)
    metadata: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):  # well under any database's limit on bound values
        rows = conn.execute(select(articles.c.id, *(articles.c[f] for f in REPORT_FIELDS))
                            .where(articles.c.id.in_(ids[start:start + 500])))
        metadata.update({row.id: {f: getattr(row, f) for f in REPORT_FIELDS} for row in rows})
    for record in records:
        for ev in record.get("evidence") or []:
            for field_name, value in metadata.get(ev.get("article_id"), {}).items():
                ev.setdefault(field_name, value)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
