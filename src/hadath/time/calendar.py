"""Calendar arithmetic for the time stage: months, weeks, phases, Hijri dates, weekdays.

Takes dates and small integers; returns dates or ISO 8601 strings. Hijri conversion uses the
Umm al-Qura calendar (hijridate), the one Saudi and most Gulf outlets print.
"""
from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

# Thirds of a month and of a year for "مطلع / منتصف / أواخر" (ACLED codes such dates with the
# month's precision; the interval says which part of it).
_MONTH_PHASE_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PHASE_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_interval(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def last_day(year: int, month: int) -> int:
    return _stdlib_calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def week_span(ref: date, delta: int) -> tuple[date, date]:
    """The Monday–Sunday week `delta` weeks from the one holding `ref` (ISO 8601 weeks)."""
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=delta)
    return monday, monday + timedelta(days=6)


def month_phase(year: int, month: int, phase: str) -> str:
    first, last = _MONTH_PHASE_DAYS[phase]
    return iso_interval(date(year, month, first), date(year, month, min(last, last_day(year, month))))


def year_phase(year: int, phase: str) -> str:
    first, last = _YEAR_PHASE_MONTHS[phase]
    return f"{iso_month(year, first)}/{iso_month(year, last)}"


def nearest_year(ref: date, month: int, day: int, future: bool | None) -> int:
    """The year putting (month, day) nearest `ref`; ties go to the past.

    `future` True keeps only dates on or after `ref`, False only dates on or before it.
    """
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        d = safe_date(year, month, min(day, last_day(year, month)))
        if d is None:
            continue
        if future is True and d < ref or future is False and d > ref:
            continue
        candidates.append((abs((d - ref).days), d > ref, year))
    return min(candidates)[2]


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def weekday_nearest(anchor: date, weekday: int) -> date:
    before = weekday_on_or_before(anchor, weekday)
    after = weekday_on_or_after(anchor, weekday)
    return before if (anchor - before) <= (after - anchor) else after


def hijri_to_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def hijri_month_span(year: int, month: int) -> tuple[date, date] | None:
    start = hijri_to_date(year, month, 1)
    if start is None:
        return None
    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    return start, start + timedelta(days=length - 1)


def hijri_year_span(year: int) -> tuple[date, date] | None:
    first = hijri_month_span(year, 1)
    last = hijri_month_span(year, 12)
    return (first[0], last[1]) if first and last else None


def hijri_year_of(d: date) -> int | None:
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year  # type: ignore[no-any-return]
    except (ValueError, OverflowError):
        return None


def value_bounds(value: str) -> tuple[date, date]:
    """The first and last day an ISO value covers: "2024-11" → 1 and 30 November 2024,
    "2016" → the year, "2024-11-27/2024-11-30" → its ends, "2023-09/2023-12" → 1 Sep–31 Dec."""
    head, _, tail = value.partition("/")
    return _first_day(head), _last_day_of(tail or head)


def _first_day(part: str) -> date:
    pieces = [int(p) for p in part.split("-")]
    return date(pieces[0], pieces[1] if len(pieces) > 1 else 1, pieces[2] if len(pieces) > 2 else 1)


def _last_day_of(part: str) -> date:
    pieces = [int(p) for p in part.split("-")]
    if len(pieces) == 3:
        return date(*pieces)
    month = pieces[1] if len(pieces) > 1 else 12
    return date(pieces[0], month, last_day(pieces[0], month))
