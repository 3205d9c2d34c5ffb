"""What an analyst asks of the store: an `EventQuery` (type, modality, dates, actor, country,
place, outlet, figures, confidence, free text, order) and the SQLAlchemy select it becomes.

Every value reaches the database as a bound parameter; `contains` filters are case-insensitive
substring matches with LIKE's wildcards escaped, so "50%" and "x' OR '1'='1" are only text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select

from hadath.countries import alpha2
from hadath.store import schema

SORT_ORDERS = ("-date", "date", "fatalities", "confidence")
_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DATE_FORMATS = "YYYY-MM-DD, YYYY-MM or YYYY"


@dataclass
class EventQuery:
    """Filters and order of an events listing; empty fields do not filter.

    `type` and `modality` take one value or several; `date_from` / `date_to` take a day, a
    month or a year (inclusive: `date_to="2024-11"` reaches 30 November); `actor`, `place`,
    `outlet` and `text` match part of a name; `country` is an ISO code or an English name.
    `sort`: "-date" (newest first), "date", "fatalities" or "confidence" (highest first).
    """

    type: str | Sequence[str] | None = None
    modality: str | Sequence[str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    country: str | None = None
    place: str | None = None
    outlet: str | None = None
    min_fatalities: int | None = None
    min_confidence: float | None = None
    text: str | None = None
    sort: str = "-date"
    limit: int | None = None


def check_date_bound(value: str) -> str:
    """`value` if it is a day, a month or a year in ISO form; ValueError naming the forms if not."""
    bound = value.strip()
    if _DATE_BOUND.fullmatch(bound):
        year, month, day = (bound.split("-") + ["01", "01"])[:3]
        try:
            date(int(year), int(month), int(day))
            return bound
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date; use {DATE_FORMATS} (2024-11-30, 2024-11, 2024)")


def select_events(query: EventQuery) -> Select[Any]:
    """The select of the events' records that match `query`, in its order."""
    events = schema.events
    statement = select(events.c.record)
    for condition in _conditions(query):
        statement = statement.where(condition)
    statement = statement.order_by(*_order(query.sort))
    if query.limit:
        statement = statement.limit(query.limit)
    return statement


def _conditions(query: EventQuery) -> list[ColumnElement[bool]]:
    events = schema.events
    conditions: list[ColumnElement[bool]] = []
    if query.type:
        conditions.append(events.c.type.in_(_values(query.type)))
    if query.modality:
        conditions.append(events.c.modality.in_(_values(query.modality)))
    if query.date_from:
        conditions.append(events.c.date >= check_date_bound(query.date_from))
    if query.date_to:
        conditions.append(_not_after(check_date_bound(query.date_to)))
    if query.actor:
        conditions.append(or_(events.c.actor1.icontains(query.actor, autoescape=True),
                              events.c.actor2.icontains(query.actor, autoescape=True)))
    if query.country:
        conditions.append(events.c.country == (alpha2(query.country) or query.country.upper()))
    if query.place:
        conditions.append(events.c.place.icontains(query.place, autoescape=True))
    if query.outlet:
        conditions.append(_reported_by(query.outlet))
    if query.min_fatalities is not None:
        conditions.append(_most_killed() >= query.min_fatalities)
    if query.min_confidence is not None:
        conditions.append(events.c.confidence >= query.min_confidence)
    if query.text:
        conditions.append(_mentions_text(query.text))
    return conditions


def _values(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _not_after(bound: str) -> ColumnElement[bool]:
    """On or before `bound`; a month or a year reaches its last day ("2024-11" < "2024-12")."""
    day = schema.events.c.date
    parts = [int(p) for p in bound.split("-")]
    if len(parts) == 3:
        return day <= bound
    if len(parts) == 1:
        return day < f"{parts[0] + 1:04d}"
    year, month = parts
    return day < (f"{year + 1:04d}-01" if month == 12 else f"{year:04d}-{month + 1:02d}")


def _report_articles(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """The event's own article, or an article one of its evidence spans comes from, matches."""
    events, evidence, articles = schema.events, schema.evidence, schema.articles
    matching = select(articles.c.id).where(condition)
    return or_(events.c.article_id.in_(matching),
               exists().where(and_(evidence.c.event_id == events.c.id,
                                   evidence.c.article_id.in_(matching))))


def _reported_by(outlet: str) -> ColumnElement[bool]:
    return _report_articles(schema.articles.c.outlet.icontains(outlet, autoescape=True))


def _mentions_text(text: str) -> ColumnElement[bool]:
    """The text is in an evidence sentence (Arabic), the summary, an actor, the place or the
    reporting article's headline."""
    events, evidence = schema.events, schema.evidence
    in_sentence = exists().where(and_(evidence.c.event_id == events.c.id,
                                      evidence.c.text.icontains(text, autoescape=True)))
    return or_(
        in_sentence,
        events.c.summary_en.icontains(text, autoescape=True),
        events.c.actor1.icontains(text, autoescape=True),
        events.c.actor2.icontains(text, autoescape=True),
        events.c.place.icontains(text, autoescape=True),
        _report_articles(schema.articles.c.title.icontains(text, autoescape=True)),
    )


def _most_killed() -> Any:
    """The highest fatality figure any one source gave (figures are never added up)."""
    figures = schema.figures
    return (select(func.max(figures.c.count))
            .where(figures.c.event_id == schema.events.c.id, figures.c.kind == "fatalities")
            .scalar_subquery())


def _first_evidence() -> Any:
    evidence = schema.evidence
    return (select(func.min(evidence.c.start)).where(evidence.c.event_id == schema.events.c.id)
            .scalar_subquery())


def _order(sort: str) -> list[Any]:
    """Events of one day keep the order their article tells them in."""
    events = schema.events
    if sort not in SORT_ORDERS:
        raise ValueError(f"unknown order {sort!r}; use one of {', '.join(SORT_ORDERS)}")
    in_text = [events.c.article_id, _first_evidence(), events.c.id]
    newest = events.c.date.desc().nulls_last()
    if sort == "date":
        return [events.c.date.asc().nulls_last(), *in_text]
    if sort == "fatalities":
        return [_most_killed().desc().nulls_last(), newest, *in_text]
    if sort == "confidence":
        return [events.c.confidence.desc().nulls_last(), newest, *in_text]
    return [newest, *in_text]
