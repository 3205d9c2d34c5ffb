"""The filter options of the commands that read events (`hadath events`, `hadath export`): one
set of names, help texts and checks, and the `EventQuery` they become.

A command takes the options as parameters typed with the aliases below and passes them to
`event_query(...)`. Values are checked as they are parsed: an unknown type, modality, country
or date form, or a bounding box that is not four numbers, is a one-line usage error that says
what is allowed. Imports only typer and light modules, so that `hadath --help` stays fast.
"""
from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from hadath.countries import country
from hadath.store.event_query import DATE_FORMATS, EventQuery, check_date_bound
from hadath.vocabulary import EVENT_TYPES, MODALITIES, EventType, Modality


class SortOrder(str, Enum):
    newest = "-date"
    oldest = "date"
    fatalities = "fatalities"
    confidence = "confidence"


def _date_bound(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_date_bound(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _country_code(value: str | None) -> str | None:
    if value is None:
        return None
    found = country(value)
    if found is None:
        raise typer.BadParameter(f"unknown country {value!r}; give an ISO 3166 code (SY, SYR) "
                                 "or an English name (Syria)")
    return found.alpha2


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """"35.9,35.5,37.5,36.8" → (min_lon, min_lat, max_lon, max_lat)."""
    if value is None:
        return None
    try:
        numbers = tuple(float(part) for part in value.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise typer.BadParameter(f"{value!r} is not a box; give min_lon,min_lat,max_lon,max_lat "
                                 "(35.9,35.5,37.5,36.8)")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise typer.BadParameter(f"{value!r} is not a box: longitudes -180 to 180 and latitudes "
                                 "-90 to 90, each minimum before its maximum")
    return min_lon, min_lat, max_lon, max_lat


def _checked_bbox(value: str | None) -> str | None:
    parse_bbox(value)
    return value


TypeFilter = Annotated[list[EventType] | None, typer.Option(
    "--type", metavar="TYPE", show_choices=False,
    help=f"Only events of this type (repeat for several): {', '.join(EVENT_TYPES)}.")]
ModalityFilter = Annotated[list[Modality] | None, typer.Option(
    "--modality", metavar="MODALITY", show_choices=False,
    help=f"Only events of this modality (repeat for several): {', '.join(MODALITIES)}.")]
FromFilter = Annotated[str | None, typer.Option(
    "--from", callback=_date_bound, help=f"First date: {DATE_FORMATS}.")]
ToFilter = Annotated[str | None, typer.Option(
    "--to", callback=_date_bound, help=f"Last date: {DATE_FORMATS} (a month or year to its end).")]
ActorFilter = Annotated[str | None, typer.Option(
    "--actor", help="Actor 1 or 2 whose name contains this (\"Hayat Tahrir\", \"Russia\").")]
CountryFilter = Annotated[str | None, typer.Option(
    "--country", callback=_country_code, help="Country the event happened in: SY, SYR or Syria.")]
PlaceFilter = Annotated[str | None, typer.Option("--place", help="Place whose name contains this.")]
BboxFilter = Annotated[str | None, typer.Option(
    "--bbox", metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", callback=_checked_bbox,
    help="Only events placed inside this box (degrees).")]
OutletFilter = Annotated[str | None, typer.Option(
    "--outlet", help="Reported by an outlet whose name contains this.")]
SourceFilter = Annotated[str | None, typer.Option(
    "--source", help="Attributed to a source whose name contains this (\"Observatory\").")]
MinFatalitiesFilter = Annotated[int | None, typer.Option(
    "--min-fatalities", min=0, help="At least this many killed according to one source.")]
MinConfidenceFilter = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Confidence at least this (0 to 1).")]
TextFilter = Annotated[str | None, typer.Option(
    "--text", help="Free text, Arabic or English: in the evidence, summary, actors, place or headline.")]
SortOption = Annotated[SortOrder, typer.Option(
    "--sort", metavar="ORDER", help="-date (newest first), date, fatalities or confidence (highest first).")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many events.")]


def event_query(
    *, type: list[EventType] | None = None, modality: list[Modality] | None = None,
    date_from: str | None = None, date_to: str | None = None, actor: str | None = None,
    country: str | None = None, place: str | None = None, bbox: str | None = None,
    outlet: str | None = None, source: str | None = None, min_fatalities: int | None = None,
    min_confidence: float | None = None, text: str | None = None,
    sort: SortOrder = SortOrder.newest, limit: int | None = None,
) -> EventQuery:
    """The `EventQuery` of the options' values (as the option callbacks left them)."""
    return EventQuery(
        type=[t.value for t in type or []], modality=[m.value for m in modality or []],
        date_from=date_from, date_to=date_to, actor=actor, country=country, place=place,
        bbox=parse_bbox(bbox), outlet=outlet, source=source, min_fatalities=min_fatalities,
        min_confidence=min_confidence, text=text, sort=sort.value, limit=limit,
    )
