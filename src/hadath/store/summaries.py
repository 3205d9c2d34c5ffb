"""Summaries of the fused events that match an `EventQuery`: the actors and places with their
event counts, and the counts per day, type, country and modality (the API's /actors,
/places and /stats, and the dashboard's timeline).

They read the searchable columns of `fused_events` (docs/fused_events.md) with SQLAlchemy
expressions; the filters are those of `select_events`, so a summary always counts exactly
the events a listing with the same filters shows.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, literal, select, union_all

from hadath.store import schema
from hadath.store.queries import EventQuery, select_events

fused = schema.fused_events


def _matching(query: EventQuery | None) -> list[ColumnElement[bool]]:
    """The condition "this fused event matches `query`", none when nothing filters."""
    if query is None:
        return []
    listing = select_events(replace(query, limit=None, offset=0))
    if listing.whereclause is None:
        return []
    ids = listing.with_only_columns(fused.c.id).order_by(None)
    return [fused.c.id.in_(ids)]


def actor_counts(engine: Engine, query: EventQuery | None = None, name: str | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(how many actors, one page of them): every canonical actor on either side of a
    matching event, most events first; `name` keeps those whose name contains it."""
    where = _matching(query)
    sides = union_all(
        select(fused.c.actor1.label("name"), literal(1).label("first"),
               literal(0).label("second")).where(fused.c.actor1.is_not(None), *where),
        select(fused.c.actor2.label("name"), literal(0).label("first"),
               literal(1).label("second")).where(fused.c.actor2.is_not(None), *where),
    ).subquery()
    named = [sides.c.name.icontains(name, autoescape=True)] if name else []
    events = func.count().label("events")
    listing = (select(sides.c.name, events, func.sum(sides.c.first).label("as_actor1"),
                      func.sum(sides.c.second).label("as_actor2"))
               .where(*named).group_by(sides.c.name)
               .order_by(events.desc(), sides.c.name).limit(limit).offset(offset))
    total = select(func.count(func.distinct(sides.c.name))).where(*named)
    with engine.connect() as conn:
        rows = conn.execute(listing).all()
        count = conn.execute(total).scalar_one()
    return count, [{"name": r.name, "events": r.events, "as_actor1": int(r.as_actor1),
                    "as_actor2": int(r.as_actor2)} for r in rows]


def place_counts(engine: Engine, query: EventQuery | None = None, name: str | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(how many places, one page of them): every place of a matching event with its
    country, governorate and coordinates, most events first."""
    where = [fused.c.place.is_not(None), *_matching(query)]
    if name:
        where.append(fused.c.place.icontains(name, autoescape=True))
    key = (fused.c.place, fused.c.country)
    events = func.count().label("events")
    # one place is one gazetteer entry: its governorate and coordinates are the same in
    # every event, so any of them stands for all
    listing = (select(*key, func.max(fused.c.admin1).label("admin1"),
                      func.max(fused.c.lat).label("lat"), func.max(fused.c.lon).label("lon"),
                      events)
               .where(*where).group_by(*key)
               .order_by(events.desc(), fused.c.place, fused.c.country)
               .limit(limit).offset(offset))
    total = select(func.count()).select_from(select(*key).where(*where).group_by(*key).subquery())
    with engine.connect() as conn:
        rows = conn.execute(listing).all()
        count = conn.execute(total).scalar_one()
    return count, [{"name": r.place, "country": r.country, "admin1": r.admin1, "lat": r.lat,
                    "lon": r.lon, "events": r.events} for r in rows]


def event_stats(engine: Engine, query: EventQuery | None = None) -> dict[str, Any]:
    """How many events match, and how many per day (oldest first), per type, per country
    and per modality (most first)."""
    where = _matching(query)
    events = func.count().label("events")

    def per(column: Any, by_key: bool = False) -> Any:
        order = [column.asc().nulls_last()] if by_key else [events.desc(), column]
        return select(column.label("key"), events).where(*where).group_by(column).order_by(*order)

    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(fused).where(*where)).scalar_one()
        counts = {name: [{"key": r.key, "events": r.events} for r in conn.execute(statement)]
                  for name, statement in (("by_day", per(fused.c.date, by_key=True)),
                                          ("by_type", per(fused.c.type)),
                                          ("by_country", per(fused.c.country)),
                                          ("by_modality", per(fused.c.modality)))}
    return {"total": total, **counts}


def fused_ids_of_article(engine: Engine, article_id: str) -> list[str]:
    """The fused events the article's reports (its own and its wire copies') belong to."""
    events = schema.events
    statement = (select(events.c.fused_id).distinct()
                 .where(events.c.article_id == article_id, events.c.fused_id.is_not(None))
                 .order_by(events.c.fused_id))
    with engine.connect() as conn:
        return [fused_id for (fused_id,) in conn.execute(statement)]
