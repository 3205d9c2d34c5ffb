"""An analyst's question to the store, `EventQuery`, and the checks of its values; plain Python,
so that command lines can build one without loading the database layer (`queries.py` turns it
into SQL)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

SORT_ORDERS = ("-date", "date", "fatalities", "confidence")
_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DATE_FORMATS = "YYYY-MM-DD, YYYY-MM or YYYY"


@dataclass
class EventQuery:
    """Filters and order of an events listing; empty fields do not filter.

    `type` and `modality` take one value or several; `date_from` / `date_to` take a day, a
    month or a year (inclusive: `date_to="2024-11"` reaches 30 November); `actor`, `place`,
    `outlet`, `source` and `text` match part of a name; `country` is an ISO code or an English
    name; `bbox` is (min_lon, min_lat, max_lon, max_lat). `min_fatalities` is the highest
    figure one source gave. `sort`: "-date" (newest first), "date", "fatalities" or
    "confidence" (highest first); `offset` and `limit` page through the result.
    """

    type: str | Sequence[str] | None = None
    modality: str | Sequence[str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    country: str | None = None
    place: str | None = None
    outlet: str | None = None
    source: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_fatalities: int | None = None
    min_confidence: float | None = None
    text: str | None = None
    sort: str = "-date"
    limit: int | None = None
    offset: int | None = None


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
