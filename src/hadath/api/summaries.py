"""`GET /actors`, `GET /places` and `GET /stats`: who and where the matching events involve,
with their counts, and the counts per day, type, country and modality. They take the same
filters as `/events` (`hadath.store.summaries` counts exactly the events it would list)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from hadath.api.events import store_of
from hadath.api.models import ActorPage, PlacePage, Stats
from hadath.api.params import Page, event_filters, page_of_names
from hadath.store import summaries
from hadath.store.db import Store
from hadath.store.queries import EventQuery

router = APIRouter(tags=["summaries"])

@router.get("/actors", response_model=ActorPage)
def list_actors(
    store: Annotated[Store, Depends(store_of)],
    query: Annotated[EventQuery, Depends(event_filters)],
    page: Annotated[Page, Depends(page_of_names)],
) -> ActorPage:
    """The actors of the matching events (canonical names), most events first."""
    total, rows = summaries.actor_counts(store.engine, query, page.name, page.limit,
                                         page.offset)
    return ActorPage.model_validate({"total": total, "limit": page.limit,
                                     "offset": page.offset, "actors": rows})


@router.get("/places", response_model=PlacePage)
def list_places(
    store: Annotated[Store, Depends(store_of)],
    query: Annotated[EventQuery, Depends(event_filters)],
    page: Annotated[Page, Depends(page_of_names)],
) -> PlacePage:
    """The places of the matching events with their country (ISO alpha-2), governorate and
    coordinates, most events first."""
    total, rows = summaries.place_counts(store.engine, query, page.name, page.limit,
                                         page.offset)
    return PlacePage.model_validate({"total": total, "limit": page.limit,
                                     "offset": page.offset, "places": rows})


@router.get("/stats", response_model=Stats)
def event_stats(
    store: Annotated[Store, Depends(store_of)],
    query: Annotated[EventQuery, Depends(event_filters)],
) -> Stats:
    """How many events match, per day (oldest first), per type, per country and per
    modality (most first)."""
    return Stats.model_validate(summaries.event_stats(store.engine, query))
