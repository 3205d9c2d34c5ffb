"""Resolvers for the Islamic calendar: Hijri dates, months and years, feasts, month edges.

Take the named groups of a match and a `Context`; return (ISO 8601 value, precision) or None.
Hijri dates convert with the Umm al-Qura calendar; a Hijri date without a year is the
occurrence nearest the publication date (a direction or the tense may pick past or next).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from hadath.time import calendar as cal
from hadath.time.resolve import (
    Context,
    Groups,
    Resolved,
    as_int,
    day_number,
    direction_of,
    tense_of,
    year_of_month,
)

# Thirds of a month by day (the same split as cal.month_phase), for Hijri months.
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 30)}
_YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def _nearest_span(
    ctx: Context, spans: list[tuple[date, date]], direction: int | None
) -> tuple[date, date] | None:
    """Of several occurrences, the one meant: a direction picks past/next, else the nearest."""
    ref = ctx.ref
    if ref is None or not spans:
        return None
    if direction is not None and direction < 0:
        past = [s for s in spans if s[1] < ref]
        return max(past) if past else None
    if direction is not None and direction > 0:
        ahead = [s for s in spans if s[0] > ref]
        return min(ahead) if ahead else None
    for span in spans:
        if span[0] <= ref <= span[1]:
            return span
    tense = tense_of(ctx)
    kept = [s for s in spans if tense is None or (s[0] > ref) == tense]
    return min(kept or spans, key=lambda s: (min(abs((s[0] - ref).days), abs((s[1] - ref).days)), s[0] > ref))


def _hijri_years(ctx: Context, hyear: int | None) -> list[int]:
    if hyear:
        return [hyear]
    current = cal.hijri_year_of(ctx.ref) if ctx.ref else None
    return [current - 1, current, current + 1] if current else []


def hijri(g: Groups, ctx: Context) -> Resolved | None:
    """15 رمضان 1436هـ, الأول من شهر رمضان الماضي, 1436هـ, 1436/1437هـ."""
    hyear = as_int(g.get("hyear") or g.get("hyear_"))
    day = day_number(g, ctx.lex)
    form = g.get("hmonth")
    if form is None:
        phase = ctx.lex.value("phase", g.get("phase"))
        if phase and hyear:  # بداية عام 1436هـ: its first four months, as in a Gregorian year
            first_month, last_month = _YEAR_THIRDS[phase]
            start = cal.hijri_month_span(hyear, first_month)
            end = cal.hijri_month_span(hyear, last_month)
            return (cal.iso_interval(start[0], end[1]), 3) if start and end else None
        first = cal.hijri_year_span(as_int(g.get("hyear0")) or hyear) if hyear else None
        last = cal.hijri_year_span(hyear) if hyear else None
        return (cal.iso_interval(first[0], last[1]), 3) if first and last else None
    month = ctx.lex.hijri_months[form]
    if form in ctx.lex.ambiguous_hijri and not (day or hyear):
        return None
    direction = direction_of(g, ctx.lex)
    if day:
        dates = [cal.hijri_to_date(y, month, day) for y in _hijri_years(ctx, hyear)]
        spans = [(d, d) for d in dates if d]
        chosen = _nearest_span(ctx, spans, direction)
        return (cal.iso_day(chosen[0]), 1) if chosen else None
    spans = [s for y in _hijri_years(ctx, hyear) if (s := cal.hijri_month_span(y, month))]
    chosen = _nearest_span(ctx, spans, direction)
    return (cal.iso_interval(*chosen), 3) if chosen else None


def holiday(g: Groups, ctx: Context) -> Resolved | None:
    """عيد الفطر, أول أيام عيد الأضحى, رمضان الماضي, عيد العمال: the occurrence meant."""
    form = g.get("hol") or ""
    hmonth, first, length = ctx.lex.holidays[form]
    if form in ctx.lex.ambiguous_hijri and not (ctx.cue_before or g.get("dir") or g.get("hyear")):
        return None  # رمضان alone may be a person's name
    gregorian_year = as_int(g.get("year"))
    if form in ctx.lex.gregorian_holidays:
        return _gregorian_holiday(g, ctx, hmonth, first, length, gregorian_year)
    if gregorian_year:
        middle = cal.hijri_year_of(date(gregorian_year, 7, 1)) or 0
        years = [middle - 1, middle, middle + 1]
    else:
        years = _hijri_years(ctx, as_int(g.get("hyear")))
    spans = []
    for y in years:
        start = cal.hijri_to_date(y, hmonth, first)
        if start and length >= 29:  # a whole month (رمضان): its true length, 29 or 30 days
            spans.extend(s for s in [cal.hijri_month_span(y, hmonth)] if s)
        elif start:
            spans.append((start, start + timedelta(days=length - 1)))
    if gregorian_year:
        spans = [s for s in spans if s[0].year == gregorian_year]
        chosen = spans[0] if spans else None
    else:
        chosen = _nearest_span(ctx, spans, direction_of(g, ctx.lex))
    if chosen is None:
        return None
    phase = ctx.lex.value("phase", g.get("phase"))
    if phase == "early" and length >= 29:
        # "بداية شهر رمضان" names the day the month starts (the crescent, the first fast).
        return cal.iso_day(chosen[0]), 1
    if phase and length >= 29:  # أواخر شهر رمضان: the month's last third
        first, last = _THIRDS[phase]
        start = chosen[0] + timedelta(days=first - 1)
        end = min(chosen[1], chosen[0] + timedelta(days=last - 1))
        return cal.iso_interval(start, end), 3
    ordinal = ctx.lex.value("holiday_day", g.get("hold")) or ctx.lex.value("ordinal", g.get("hord"))
    if ordinal:
        return cal.iso_day(chosen[0] + timedelta(days=int(ordinal) - 1)), 1
    precision = 1 if length == 1 else 2 if length <= 7 else 3
    return cal.iso_interval(*chosen), precision


def _gregorian_holiday(
    g: Groups, ctx: Context, month: int, first: int, length: int, year: int | None
) -> Resolved | None:
    if year:
        years = [year]
    elif ctx.ref:
        years = [ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1]
    else:
        return None
    spans = [(d, d + timedelta(days=length - 1)) for y in years if (d := cal.safe_date(y, month, first))]
    chosen = spans[0] if year and spans else _nearest_span(ctx, spans, direction_of(g, ctx.lex))
    if chosen is None:
        return None
    return cal.iso_interval(*chosen), 1 if length == 1 else 2


def edge_of_month(g: Groups, ctx: Context) -> Resolved | None:
    """العشر الأواخر من رمضان, الأسبوع الأول من الشهر الجاري: a run of days at a month's edge."""
    length = int(ctx.lex.value("stretch", g.get("stretch")) or 0)
    edge = ctx.lex.value("edge", g.get("edge"))
    if g.get("hmonth"):
        month = ctx.lex.hijri_months[g["hmonth"] or ""]
        years = _hijri_years(ctx, as_int(g.get("hyear")))
        spans = [s for y in years if (s := cal.hijri_month_span(y, month))]
        chosen = _nearest_span(ctx, spans, direction_of(g, ctx.lex))
    elif g.get("cur"):  # الأسبوع الأول من الشهر الجاري
        if ctx.ref is None:
            return None
        year, number = cal.shift_month(ctx.ref.year, ctx.ref.month, direction_of(g, ctx.lex) or 0)
        chosen = _month_span(year, number)
    else:
        chosen = _named_month_span(g, ctx)
        if chosen is None:
            return None
    if chosen is None or not length or edge is None:
        return None
    start, end = chosen
    if edge == "early":
        return cal.iso_interval(start, start + timedelta(days=length - 1)), 2
    return cal.iso_interval(end - timedelta(days=length - 1), end), 2


def weekday_day_month(g: Groups, ctx: Context) -> Resolved | None:
    """الاثنين 18/10: a day/month with no year, Gregorian or Hijri, whichever the weekday fits."""
    weekday = ctx.lex.weekdays.get(g.get("wd") or "")
    day, month = as_int(g.get("a")), as_int(g.get("b"))
    if ctx.ref is None or weekday is None or not day or not month or month > 12:
        return None
    options = []
    for year in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
        options.append(cal.safe_date(year, month, day))
    for hyear in _hijri_years(ctx, None):
        options.append(cal.hijri_to_date(hyear, month, day))
    fitting = [d for d in options if d and d.weekday() == weekday]
    if not fitting:
        return None
    return cal.iso_day(min(fitting, key=lambda d: abs((d - ctx.ref).days))), 1


def nth_weekday(g: Groups, ctx: Context) -> Resolved | None:
    """الأحد الثاني من شهر أغسطس: the second Sunday of that month (الجمعة الأخيرة: the last)."""
    weekday = ctx.lex.weekdays.get(g.get("wd") or "")
    nth_value = ctx.lex.value("nth", g.get("nth"))
    nth = int(nth_value) if nth_value else None
    if weekday is None:
        return None
    if g.get("hmonth"):
        month = ctx.lex.hijri_months[g["hmonth"] or ""]
        spans = [s for y in _hijri_years(ctx, as_int(g.get("hyear"))) if (s := cal.hijri_month_span(y, month))]
        chosen = _nearest_span(ctx, spans, direction_of(g, ctx.lex))
    else:
        chosen = _named_month_span(g, ctx)
        if chosen is None:
            return None
    if chosen is None or nth is None:
        return None
    if nth < 0:
        found = cal.weekday_on_or_before(chosen[1], weekday)
    else:
        found = cal.weekday_on_or_after(chosen[0], weekday) + timedelta(weeks=nth - 1)
    return (cal.iso_day(found), 1) if chosen[0] <= found <= chosen[1] else None


ISLAMIC: dict[str, Callable[[Groups, Context], Resolved | None]] = {
    "hijri": hijri,
    "holiday": holiday,
    "edge_of_month": edge_of_month,
    "weekday_day_month": weekday_day_month,
    "nth_weekday": nth_weekday,
}


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, cal.last_day(year, month))


def _named_month_span(g: Groups, ctx: Context) -> tuple[date, date] | None:
    """The Gregorian month a rule names; "العشر الأواخر من ديسمبر الماضي": the direction after
    a month name is the month's."""
    number = ctx.lex.months.get(g.get("month") or "")
    year = year_of_month({**g, "mdir": g.get("dir")}, ctx, number, None) if number else None
    if number is None or year is None:
        return None
    return _month_span(year, number)
