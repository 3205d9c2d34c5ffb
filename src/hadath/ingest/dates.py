"""Publication times: takes a date string as sites, feeds and archives write it, returns
ISO 8601 — "2024-11-30" for a date, "2024-11-30T09:30:00+03:00" for a time with its offset
(a time without an offset stays without one), or None when it cannot be read; and the date a
file's name gives ("report_2017-04-04.txt", "20241130-story.html").
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Day-first numeric dates ("30/11/2024", "30-11-2024 14:05"), the order Arab sites use.
_DAY_FIRST = re.compile(
    r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
_YEAR_FIRST_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_BASIC_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
# Year first, as crawlers and archives name files; not inside a longer run of digits (an id).
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
YEARS = range(1900, 2101)


def normalize_published(value: str | None) -> str | None:
    """`value` as ISO 8601, or None if it is empty or not a date."""
    if not value or not value.strip():
        return None
    text = value.strip().translate(_DIGITS)
    for parse in (_iso, _rfc822, _day_first):
        parsed = parse(text)
        if parsed is not None and parsed.year in YEARS:
            return _format(parsed)
    return None


def date_in_file_name(name: str) -> str | None:
    """The ISO day a file's name gives, or None: "report_2017-04-04.txt" → "2017-04-04"."""
    for match in _NAME_DATE.finditer(name):
        day = _safe_date(int(match[1]), int(match[3]), int(match[4]))
        if day is not None and day.year in YEARS:
            return day.isoformat()
    return None


def _format(moment: date | datetime) -> str:
    if isinstance(moment, datetime):
        return moment.isoformat(timespec="seconds")
    return moment.isoformat()


def _iso(text: str) -> date | datetime | None:
    if _DATE_ONLY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    candidate = _BASIC_OFFSET.sub(r"\1:\2", text) if "T" in text or " " in text else text
    try:
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        pass
    else:
        return moment if ":" in text else moment.date()  # "20241130" is a day, not midnight
    match = _YEAR_FIRST_SLASH.fullmatch(text)
    if match:
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    return None


def _rfc822(text: str) -> datetime | None:
    """RSS dates: "Sat, 30 Nov 2024 10:15:00 +0300"."""
    if not re.search(r"[A-Za-z]{3}", text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _day_first(text: str) -> date | datetime | None:
    match = _DAY_FIRST.fullmatch(text)
    if not match:
        return None
    day, month, year = int(match[1]), int(match[2]), int(match[3])
    if match[4] is None:
        return _safe_date(year, month, day)
    try:
        return datetime(year, month, day, int(match[4]), int(match[5]), int(match[6] or 0))
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
