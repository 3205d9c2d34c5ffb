"""`parquet`: a directory with `events.parquet` (one row per fused event) and `reports.parquet`
(one row per report of an event: its article, outlet and evidence spans), typed for pandas,
DuckDB and Arrow: days as date32, counts as integers, times as UTC timestamps, lists as lists
and figures as lists of structs. Written a page at a time (pyarrow's ParquetWriter).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from hadath.export import reader
from hadath.export.summary import ExportSummary

EVENTS_FILE = "events.parquet"
REPORTS_FILE = "reports.parquet"
ROW_GROUP = 500


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    figure = pa.struct([
        ("count", pa.int64()), ("min", pa.bool_()), ("approx", pa.bool_()), ("vague", pa.bool_()),
        ("side", pa.string()), ("source", pa.string()), ("article_id", pa.string()),
        ("outlet", pa.string()),
    ])
    moment = pa.timestamp("s", tz="UTC")
    events = pa.schema([
        ("id", pa.string()), ("type", pa.string()), ("modality", pa.string()),
        ("date", pa.date32()), ("date_end", pa.date32()), ("time_precision", pa.int8()),
        ("actor1", pa.string()), ("actor1_kind", pa.string()), ("actor1_country", pa.string()),
        ("actor2", pa.string()), ("actor2_kind", pa.string()), ("actor2_country", pa.string()),
        ("assoc_actors", pa.list_(pa.string())),
        ("place", pa.string()), ("place_ar", pa.string()), ("country", pa.string()),
        ("admin1", pa.string()), ("admin2", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("geo_precision", pa.int8()),
        ("fatalities_best", pa.int64()), ("fatalities_best_source", pa.string()),
        ("fatalities_rule", pa.string()),
        ("fatalities", pa.list_(figure)), ("injured", pa.list_(figure)),
        ("detained", pa.list_(figure)),
        ("sources", pa.list_(pa.string())), ("outlets", pa.list_(pa.string())),
        ("n_reports", pa.int32()), ("n_outlets", pa.int32()),
        ("first_reported", moment), ("last_reported", moment),
        ("confidence", pa.float64()), ("summary_en", pa.string()),
    ])
    span = pa.struct([("sentence", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
                      ("text", pa.string())])
    reports = pa.schema([
        ("event_id", pa.string()), ("report_id", pa.string()), ("article_id", pa.string()),
        ("outlet", pa.string()), ("url", pa.string()), ("title", pa.string()),
        ("published", moment), ("type", pa.string()), ("modality", pa.string()),
        ("confidence", pa.float64()), ("copy_of", pa.string()), ("evidence", pa.list_(span)),
    ])
    return events, reports


def event_row(record: dict[str, Any]) -> dict[str, Any]:
    place = reader.location(record)
    actor1, actor2 = record.get("actor1") or {}, record.get("actor2") or {}
    report_list = reader.reports(record)
    outlets = reader.outlets(record)
    published = [t for t in (reader.parse_time(r.get("published")) for r in report_list) if t]
    return {
        "id": record.get("id"), "type": record.get("type"), "modality": record.get("modality"),
        "date": reader.parse_day(record.get("date")),
        "date_end": reader.parse_day(record.get("date_end")),
        "time_precision": record.get("time_precision"),
        "actor1": reader.actor_name(actor1) or None, "actor1_kind": actor1.get("kind"),
        "actor1_country": actor1.get("country") or None,
        "actor2": reader.actor_name(actor2) or None, "actor2_kind": actor2.get("kind"),
        "actor2_country": actor2.get("country") or None,
        "assoc_actors": [reader.actor_name(a) for a in record.get("assoc_actors") or []],
        "place": place.get("canonical"), "place_ar": place.get("surface"),
        "country": place.get("country"), "admin1": place.get("admin1"),
        "admin2": place.get("admin2"), "lat": place.get("lat"), "lon": place.get("lon"),
        "geo_precision": place.get("geo_precision"),
        "fatalities_best": reader.fatalities_best(record),
        "fatalities_best_source": record.get("fatalities_best_source"),
        "fatalities_rule": record.get("fatalities_rule"),
        **{kind: [_figure(f) for f in record.get(kind) or []]
           for kind in ("fatalities", "injured", "detained")},
        "sources": reader.sources(record), "outlets": outlets,
        "n_reports": record.get("n_reports") or len(report_list),
        "n_outlets": record.get("n_outlets") or len(outlets),
        "first_reported": reader.parse_time(record.get("first_reported"))
        or (min(published) if published else None),
        "last_reported": reader.parse_time(record.get("last_reported"))
        or (max(published) if published else None),
        "confidence": record.get("confidence"), "summary_en": record.get("summary_en"),
    }


def _figure(figure: dict[str, Any]) -> dict[str, Any]:
    count = figure.get("count")
    return {"count": count if isinstance(count, int) else None,
            "min": bool(figure.get("min")), "approx": bool(figure.get("approx")),
            "vague": bool(figure.get("vague")), "side": reader.figure_name(figure.get("side")),
            "source": reader.figure_name(figure.get("source")),
            "article_id": figure.get("article_id"), "outlet": figure.get("outlet")}


def report_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [{
        "event_id": record.get("id"), "report_id": report.get("event_id"),
        "article_id": report.get("article_id"), "outlet": report.get("outlet"),
        "url": report.get("url"), "title": report.get("title"),
        "published": reader.parse_time(report.get("published")),
        "type": report.get("type"), "modality": report.get("modality"),
        "confidence": report.get("confidence"), "copy_of": report.get("copy_of"),
        "evidence": [{"sentence": s.get("sentence"), "start": s.get("start"),
                      "end": s.get("end"), "text": s.get("text")}
                     for s in report.get("evidence") or []],
    } for report in reader.reports(record)]


def _pages(records: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(records)
    while page := list(islice(iterator, ROW_GROUP)):
        yield page


def write_parquet(records: Iterable[dict[str, Any]], out: Path) -> ExportSummary:
    """Write `out/events.parquet` and `out/reports.parquet` (`out` is made if its parent
    exists)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    events_schema, reports_schema = _schemas()
    out.mkdir(exist_ok=True)
    summary = ExportSummary("parquet")
    with pq.ParquetWriter(out / EVENTS_FILE, events_schema) as events, \
            pq.ParquetWriter(out / REPORTS_FILE, reports_schema) as reports:
        for page in _pages(records):
            events.write_table(pa.Table.from_pylist([event_row(r) for r in page], events_schema))
            rows = [row for r in page for row in report_rows(r)]
            reports.write_table(pa.Table.from_pylist(rows, reports_schema))
            summary.written += len(page)
            summary.reports += len(rows)
    return summary
