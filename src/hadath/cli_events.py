"""`hadath events`: the store's events, filtered and ordered as an analyst asks, printed as a
table that fits the terminal (`--wide` for every column at full width) or as JSON records.

Filters are checked before the store is read: an unknown type, modality, country or date
form is a one-line error that says what is allowed, never an empty listing.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from hadath.cli_filters import (
    ActorFilter,
    BboxFilter,
    CountryFilter,
    FromFilter,
    LimitOption,
    MinConfidenceFilter,
    MinFatalitiesFilter,
    ModalityFilter,
    OutletFilter,
    PlaceFilter,
    SortOption,
    SortOrder,
    SourceFilter,
    TextFilter,
    ToFilter,
    TypeFilter,
    event_query,
)
from hadath.cli_output import fail
from hadath.store.db import DEFAULT_DB, Store

# Wide enough for every column of any row: the table keeps its natural width.
_UNLIMITED_WIDTH = 10_000


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def events(
    db: Annotated[str, typer.Option("--db", help="Store: a SQLite file path or a SQLAlchemy URL.")] = DEFAULT_DB,
    format: Annotated[EventsFormat, typer.Option("--format")] = EventsFormat.table,
    type: TypeFilter = None,
    modality: ModalityFilter = None,
    date_from: FromFilter = None,
    date_to: ToFilter = None,
    actor: ActorFilter = None,
    country_name: CountryFilter = None,
    place: PlaceFilter = None,
    bbox: BboxFilter = None,
    outlet: OutletFilter = None,
    source: SourceFilter = None,
    min_fatalities: MinFatalitiesFilter = None,
    min_confidence: MinConfidenceFilter = None,
    text: TextFilter = None,
    sort: SortOption = SortOrder.newest,
    limit: LimitOption = None,
    wide: Annotated[bool, typer.Option("--wide", help="Every column at full width, however wide the terminal.")] = False,
) -> None:
    """List the events in the store, newest first."""
    if "://" not in db and not Path(db).exists():
        fail(f"{db}: no store here; run `hadath run PATH --db {db}` first")
    query = event_query(
        type=type, modality=modality, date_from=date_from, date_to=date_to, actor=actor,
        country=country_name, place=place, bbox=bbox, outlet=outlet, source=source,
        min_fatalities=min_fatalities, min_confidence=min_confidence, text=text, sort=sort,
        limit=limit,
    )
    records = Store(db).events(query)
    if format is EventsFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    elif format is EventsFormat.jsonl:
        sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    else:
        print_events_table(records, wide=wide, order=sort)


_ORDER_WORDS = {SortOrder.newest: "newest first", SortOrder.oldest: "oldest first",
                SortOrder.fatalities: "most killed first", SortOrder.confidence: "most confident first"}


def print_events_table(records: list[dict[str, Any]], *, wide: bool = False,
                       order: SortOrder = SortOrder.newest) -> None:
    """One row per fused event (its outlets and how many reports it fuses), as wide as the terminal (Rich measures it, or reads COLUMNS): below
    `_FLAT_WIDTH` columns the type sits over its modality and actor 1 over actor 2, so that
    names keep their words. `wide` adds the id, country, sources and confidence, and never
    wraps."""
    console = Console(width=_UNLIMITED_WIDTH) if wide else Console()
    stacked = not wide and console.width < _FLAT_WIDTH
    noun = "event" if len(records) == 1 else "events"
    table = Table(title=f"{len(records)} {noun}, {_ORDER_WORDS[order]}", box=box.SIMPLE_HEAD,
                  collapse_padding=True, pad_edge=False, show_edge=False)
    columns = _STACKED_COLUMNS if stacked else _WIDE_COLUMNS if wide else _COLUMNS
    for column in columns:
        table.add_column(column, justify="right" if column in _NUMERIC else "left",
                         no_wrap=wide or column in _NO_WRAP, overflow="fold")
    for record in records:
        cells = _cells(record)
        table.add_row(*(cells[c] for c in columns))
    console.print(table, soft_wrap=wide)


_COLUMNS = ("date", "type", "modality", "actor1", "actor2", "place", "killed", "outlets", "reports")
_WIDE_COLUMNS = ("id", "date", "type", "modality", "actor1", "actor2", "place", "country",
                 "killed", "outlets", "reports", "sources", "confidence")
_STACKED_COLUMNS = ("date", "type / modality", "actor1 / actor2", "place", "killed", "outlets",
                    "reports")
_NUMERIC = frozenset({"reports", "confidence"})
_NO_WRAP = frozenset({"date", "type", "modality", "type / modality", "reports"})
_FLAT_WIDTH = 120


def _cells(record: dict[str, Any]) -> dict[str, str]:
    location = record.get("location") or {}
    evidence = record.get("evidence") or []
    outlets = record.get("outlets") or list(
        dict.fromkeys(str(ev["outlet"]) for ev in evidence if ev.get("outlet")))
    confidence = record.get("confidence")
    cells = {
        "id": record.get("id") or "",
        "date": record.get("date") or "",
        "type": record.get("type") or "",
        "modality": record.get("modality") or "",
        "actor1": (record.get("actor1") or {}).get("canonical") or "",
        "actor2": (record.get("actor2") or {}).get("canonical") or "",
        "place": location.get("canonical") or "",
        "country": location.get("country") or "",
        "killed": ", ".join(_figure(f) for f in record.get("fatalities") or []),
        "outlets": ", ".join(outlets),
        "reports": str(record.get("n_reports") or len(record.get("reports") or []) or 1),
        "sources": ", ".join(str(s) for s in record.get("sources") or []),
        "confidence": "" if confidence is None else f"{confidence:.2f}",
        "type / modality": f"{record.get('type') or ''}\n{record.get('modality') or ''}",
    }
    cells["actor1 / actor2"] = cells["actor1"] + (f"\n→ {cells['actor2']}" if cells["actor2"] else "")
    return cells


def _figure(figure: dict[str, Any]) -> str:
    """"155", "≥200" for "at least 200", "~12" for a vague "dozens"."""
    count = str(figure.get("count"))
    if figure.get("min"):
        return "≥" + count
    return "~" + count if figure.get("vague") or figure.get("approx") else count


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command()(events)
