"""`GET /events` (fused events, filtered, ordered and paged, with the total) and
`GET /events/{id}` (one fused event with all its reports, figures and evidence spans)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request

from hadath.api.models import Event, EventPage
from hadath.api.params import Page, clean_text, event_filters, page_of_events, paged
from hadath.api.responses import FastJSONResponse
from hadath.store.db import Store
from hadath.store.queries import EventQuery

router = APIRouter(tags=["events"])

IdParam = Annotated[str, Path(max_length=200, description="A fused event's id.")]


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/events", response_model=EventPage)
def list_events(
    store: Annotated[Store, Depends(store_of)],
    query: Annotated[EventQuery, Depends(event_filters)],
    page: Annotated[Page, Depends(page_of_events)],
) -> FastJSONResponse:
    """Fused events matching every filter given, newest first unless `sort` says otherwise;
    `total` counts them all, whatever the page."""
    listing = paged(query, page)
    total = store.count_events(listing)
    events = store.events(listing) if page.offset < total else []
    return FastJSONResponse({"total": total, "limit": page.limit, "offset": page.offset,
                             "events": events})


@router.get("/events/{event_id}", response_model=Event, responses={404: {
    "description": "No such event"}})
def get_event(store: Annotated[Store, Depends(store_of)], event_id: IdParam) -> FastJSONResponse:
    """One fused event: every report (article, outlet, sentence, offsets), every figure with
    its source and article, all sources and outlets."""
    record = store.event(clean_text("event_id", event_id, "path") or "")
    if record is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return FastJSONResponse(record)
