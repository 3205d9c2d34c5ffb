"""What an analyst asks of the store: an `EventQuery` (type, modality, dates, actor, country,
place, bounding box, outlet, source, figures, confidence, free text, order, page) and the
SQLAlchemy select of fused events it becomes.

Every value reaches the database as a bound parameter; `contains` filters are case-insensitive
substring matches with LIKE's wildcards escaped, so "50%" and "x' OR '1'='1" are only text.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select

from hadath.countries import alpha2
from hadath.store import schema
from hadath.store.event_query import DATE_FORMATS, SORT_ORDERS, EventQuery, check_date_bound
from hadath.store.search import matches_text

__all__ = ["DATE_FORMATS", "SORT_ORDERS", "EventQuery", "check_date_bound", "count_events",
           "select_events"]

def select_events(query: EventQuery) -> Select[Any]:
    """The select of the fused events' records that match `query`, in its order and page."""
    statement = select(schema.fused_events.c.record).where(*_conditions(query))
    statement = statement.order_by(*_order(query.sort))
    if query.offset:
        statement = statement.offset(query.offset)
    if query.limit:
        statement = statement.limit(query.limit)
    return statement


def count_events(query: EventQuery) -> Select[Any]:
    """The select of how many fused events match `query`, whatever its page."""
    return select(func.count()).select_from(schema.fused_events).where(*_conditions(query))


def _conditions(query: EventQuery) -> list[ColumnElement[bool]]:
    fused = schema.fused_events
    conditions: list[ColumnElement[bool]] = []
    if query.type:
        conditions.append(fused.c.type.in_(_values(query.type)))
    if query.modality:
        conditions.append(fused.c.modality.in_(_values(query.modality)))
    if query.date_from:
        conditions.append(fused.c.date >= check_date_bound(query.date_from))
    if query.date_to:
        conditions.append(_not_after(check_date_bound(query.date_to)))
    if query.actor:
        conditions.append(or_(fused.c.actor1.icontains(query.actor, autoescape=True),
                              fused.c.actor2.icontains(query.actor, autoescape=True)))
    if query.country:
        conditions.append(fused.c.country == (alpha2(query.country) or query.country.upper()))
    if query.place:
        conditions.append(fused.c.place.icontains(query.place, autoescape=True))
    if query.bbox:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in query.bbox)
        conditions.append(and_(fused.c.lon >= min_lon, fused.c.lon <= max_lon,
                               fused.c.lat >= min_lat, fused.c.lat <= max_lat))
    if query.outlet:
        conditions.append(_named("outlet", query.outlet))
    if query.source:
        conditions.append(_named("source", query.source))
    if query.min_fatalities is not None:
        conditions.append(fused.c.fatalities_max >= query.min_fatalities)
    if query.min_confidence is not None:
        conditions.append(fused.c.confidence >= query.min_confidence)
    if query.text:
        conditions.append(matches_text(query.text))
    return conditions


def _values(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _not_after(bound: str) -> ColumnElement[bool]:
    """On or before `bound`; a month or a year reaches its last day ("2024-11" < "2024-12")."""
    day = schema.fused_events.c.date
    parts = [int(p) for p in bound.split("-")]
    if len(parts) == 3:
        return day <= bound
    if len(parts) == 1:
        return day < f"{parts[0] + 1:04d}"
    year, month = parts
    return day < (f"{year + 1:04d}-01" if month == 12 else f"{year:04d}-{month + 1:02d}")


def _named(kind: str, name: str) -> ColumnElement[bool]:
    """One of the event's sources (or outlets) has a name that contains `name`."""
    names = schema.fused_names
    return exists().where(names.c.fused_id == schema.fused_events.c.id, names.c.kind == kind,
                          names.c.name.icontains(name, autoescape=True))


def _order(sort: str) -> list[Any]:
    """Events of one day in the order they were first reported, then as their first report
    tells them."""
    fused = schema.fused_events
    if sort not in SORT_ORDERS:
        raise ValueError(f"unknown order {sort!r}; use one of {', '.join(SORT_ORDERS)}")
    in_text = [fused.c.first_reported.asc().nulls_last(), fused.c.position.asc().nulls_last(),
               fused.c.id]
    newest = fused.c.date.desc().nulls_last()
    if sort == "date":
        return [fused.c.date.asc().nulls_last(), *in_text]
    if sort == "fatalities":
        return [fused.c.fatalities_max.desc().nulls_last(), newest, *in_text]
    if sort == "confidence":
        return [fused.c.confidence.desc().nulls_last(), newest, *in_text]
    return [newest, *in_text]
