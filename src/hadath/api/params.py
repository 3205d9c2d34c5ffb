"""The query parameters of the events endpoints: takes what a client put in the URL, returns
the `EventQuery` the store runs, or a 422 that names the parameter and what it accepts.

Every check happens here, before the store is read: an unknown type or modality, a date that
is not a day, month or year, an unknown country, a bounding box that is not four numbers in
range, and text with control characters (PostgreSQL refuses a NUL) are all 422s, never 500s.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Annotated, Any

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from hadath.countries import country as find_country
from hadath.store.queries import DATE_FORMATS, SORT_ORDERS, EventQuery, check_date_bound
from hadath.vocabulary import EVENT_TYPES, MODALITIES, EventType, Modality

MAX_LIMIT = 500  # events per page; more is a bulk export (`hadath export`), not a page
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # characters of a name or a search; longer is not a name
# Tab, line feed and carriage return may appear in pasted text; other C0 controls may not.
_CONTROL = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r"} | {"\x7f"}

SortOrder = Enum("SortOrder", [(order, order) for order in SORT_ORDERS], type=str)  # type: ignore[misc]
NEWEST_FIRST = SortOrder("-date")


def invalid(location: str, name: str, message: str, value: Any) -> RequestValidationError:
    """A 422 in FastAPI's own shape: `{"detail": [{"loc", "msg", "type", "input"}]}`."""
    return RequestValidationError(
        [{"loc": (location, name), "msg": message, "type": "value_error", "input": value}]
    )


def clean_text(name: str, value: str | None, location: str = "query") -> str | None:
    """`value` stripped, None when blank; a 422 when it holds control characters."""
    if value is None:
        return None
    if any(ch in _CONTROL for ch in value):
        raise invalid(location, name, "control characters are not allowed", value)
    return value.strip() or None


def _date(name: str, value: str | None) -> str | None:
    value = clean_text(name, value)
    if value is None:
        return None
    try:
        return check_date_bound(value)
    except ValueError:
        raise invalid("query", name, f"not a date; use {DATE_FORMATS} (2024-11-30, 2024-11, "
                                     "2024)", value) from None


def _country(value: str | None) -> str | None:
    value = clean_text("country", value)
    if value is None:
        return None
    found = find_country(value)
    if found is None:
        raise invalid("query", "country", "unknown country; give an ISO 3166 code (SY, SYR) or "
                                          "an English name (Syria)", value)
    return found.alpha2


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """"min_lon,min_lat,max_lon,max_lat" in degrees (GeoJSON's order), west before east and
    south before north."""
    value = clean_text("bbox", value)
    if value is None:
        return None
    message = ("a bounding box is four numbers min_lon,min_lat,max_lon,max_lat in degrees, "
               "e.g. 35.5,32.3,42.4,37.4 for Syria")
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        raise invalid("query", "bbox", message, value) from None
    if len(numbers) != 4:
        raise invalid("query", "bbox", message, value)
    min_lon, min_lat, max_lon, max_lat = numbers
    in_range = (-180 <= min_lon <= max_lon <= 180) and (-90 <= min_lat <= max_lat <= 90)
    if not in_range:  # NaN fails every comparison, so it lands here too
        raise invalid("query", "bbox", message + "; longitudes within ±180, latitudes within "
                                                 "±90, minimum before maximum", value)
    return min_lon, min_lat, max_lon, max_lat


def event_filters(
    type: Annotated[list[EventType] | None, Query(
        description="Event type; repeat for several (`type=air_strike&type=shelling`): "
                    + ", ".join(EVENT_TYPES) + ".")] = None,
    modality: Annotated[list[Modality] | None, Query(
        description="Modality; repeat for several: " + ", ".join(MODALITIES) + ".")] = None,
    date_from: Annotated[str | None, Query(
        max_length=10, description=f"First day: {DATE_FORMATS}.", examples=["2024-11"])] = None,
    date_to: Annotated[str | None, Query(
        max_length=10, description=f"Last day: {DATE_FORMATS}; a month or a year reaches its "
                                   "end.", examples=["2024-12-31"])] = None,
    actor: Annotated[str | None, Query(
        max_length=MAX_TEXT, description="Actor 1 or 2 whose canonical name contains this.",
        examples=["Hayat Tahrir al-Sham"])] = None,
    place: Annotated[str | None, Query(
        max_length=MAX_TEXT, description="Place whose canonical name contains this.",
        examples=["Aleppo"])] = None,
    country: Annotated[str | None, Query(
        max_length=MAX_TEXT, description="Country the event happened in: SY, SYR or Syria.")] = None,
    bbox: Annotated[str | None, Query(
        max_length=100, description="Bounding box min_lon,min_lat,max_lon,max_lat in degrees.",
        examples=["35.5,32.3,42.4,37.4"])] = None,
    source: Annotated[str | None, Query(
        max_length=MAX_TEXT, description="An attributed source whose name contains this.",
        examples=["Syrian Observatory"])] = None,
    outlet: Annotated[str | None, Query(
        max_length=MAX_TEXT, description="Reported by an outlet whose name contains this.")] = None,
    min_fatalities: Annotated[int | None, Query(
        ge=0, le=10_000_000, description="At least this many killed according to one source "
                                         "(figures are never added up).")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    q: Annotated[str | None, Query(
        max_length=MAX_TEXT, description="Free text, Arabic or English: evidence sentences, "
                                         "summary, actors, place, headlines.",
        examples=["حلب"])] = None,
) -> EventQuery:
    """The filters shared by /events, /actors, /places and /stats."""
    return EventQuery(
        type=[t.value for t in dict.fromkeys(type or [])],
        modality=[m.value for m in dict.fromkeys(modality or [])],
        date_from=_date("date_from", date_from), date_to=_date("date_to", date_to),
        actor=clean_text("actor", actor), place=clean_text("place", place),
        country=_country(country), bbox=parse_bbox(bbox), source=clean_text("source", source),
        outlet=clean_text("outlet", outlet), min_fatalities=min_fatalities,
        min_confidence=min_confidence, text=clean_text("q", q),
    )


LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")]
OffsetParam = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
SortParam = Annotated[SortOrder, Query(  # type: ignore[valid-type]
    description="-date (newest first), date, fatalities or confidence (highest first).")]
NameParam = Annotated[str | None, Query(max_length=MAX_TEXT,
                                        description="Only names that contain this.")]


@dataclass(frozen=True)
class Page:
    """Which page of a listing: a dependency of its own, so that the docs list the filters
    first and the page after them."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0
    sort: str = "-date"
    name: str | None = None  # /actors and /places: names that contain this


def page_of_events(limit: LimitParam = DEFAULT_LIMIT, offset: OffsetParam = 0,
                   sort: SortParam = NEWEST_FIRST) -> Page:
    return Page(limit, offset, sort.value)


def page_of_names(name: NameParam = None, limit: LimitParam = DEFAULT_LIMIT,
                  offset: OffsetParam = 0) -> Page:
    return Page(limit, offset, name=clean_text("name", name))


def paged(query: EventQuery, page: Page) -> EventQuery:
    return replace(query, limit=page.limit, offset=page.offset, sort=page.sort)
