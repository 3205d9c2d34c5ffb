"""Resolvers: the named groups of one matched rule, plus the publication date, to a value.

Each resolver takes the groups (normalised strings) and a `Context`; it returns
(ISO 8601 value, precision 1/2/3), or None when the match is not a datable time.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from hadath.time import calendar as cal
from hadath.time.lexicon import TimeLexicon

Groups = dict[str, str | None]
Resolved = tuple[str, int]
# A stated weekday may correct a mistyped year only for a date this close to the page date.
_CORROBORATION_DAYS = 45
# An interval up to this many days is "a few days" (precision 2), longer "a month or vaguer".
_FEW_DAYS = 14


@dataclass(frozen=True)
class Context:
    """What a resolver knows besides the match: the reference date and the sentence's tense."""

    ref: date | None
    lex: TimeLexicon
    future: bool  # a future marker (سوف، سيعقد، المقرر) precedes in the sentence
    since: bool  # the expression follows منذ, so it points to the past
    cue_before: bool  # the previous word is a date cue (في، منذ، شهر …)
    text: str  # the whole matched text, normalised
    next_word: str = ""  # the word right after the match, normalised
    forward: bool = False  # right after "ابتداء من", "اعتبارا من": the next occurrence
    last_day: date | None = None  # the latest full date before the match ("الشهر نفسه")


def _int(digits: str | None) -> int | None:
    found = re.search(r"[0-9]+", digits or "")
    return int(found.group()) if found else None


def _day(g: Groups, lex: TimeLexicon) -> int | None:
    if g.get("day"):
        return _int(g["day"])
    ordinal = lex.value("ordinal", g.get("ord"))
    return int(ordinal) if ordinal else None


def _direction(g: Groups, lex: TimeLexicon, key: str = "dir") -> int | None:
    value = lex.value("direction", g.get(key))
    return int(value) if value is not None else None


def _tense(ctx: Context) -> bool | None:
    """True: keep the future; False: keep the past; None: the nearest wins."""
    if ctx.since:
        return False
    return True if ctx.future else None


def _month_year(g: Groups, ctx: Context, month: int, day: int | None) -> int | None:
    """The year of a month (and day) written without one, from its modifiers or the ref."""
    if g.get("year"):
        return _int(g["year"])
    ref = ctx.ref
    if ref is None:
        return None
    ydir = _direction(g, ctx.lex, "ydir")
    if ydir is not None:
        return ref.year + ydir
    mdir = _direction(g, ctx.lex, "mdir")
    if mdir == 0:
        return ref.year
    if mdir is not None:
        # "نوفمبر الماضي": the latest November before this one; "المقبل": the next one.
        here = (ref.month, day or 0) if day else (ref.month,)
        there = (month, day or 0) if day else (month,)
        if mdir < 0:
            return ref.year if there < here else ref.year - 1
        return ref.year if there > here else ref.year + 1
    return cal.nearest_year(ref, month, day or 15, _tense(ctx))


def calendar_date(g: Groups, ctx: Context) -> Resolved | None:
    day = _day(g, ctx.lex)
    month = ctx.lex.months.get(g["month"] or "")
    if day is None or month is None:
        return None
    year = _month_year(g, ctx, month, day)
    found = cal.safe_date(year, month, day) if year else None
    if found is None:
        return None
    weekday = ctx.lex.weekdays.get(g.get("wd") or "")
    if weekday is not None and found.weekday() != weekday and ctx.ref:
        # "الثلاثاء 10 جانفي 2016" on a page of 12 January 2017: the weekday and the page
        # date agree on a year the writer mistyped; trust the two over the one.
        found = _corroborated(found, weekday, ctx.ref) or found
    return cal.iso_day(found), 1


def _corroborated(found: date, weekday: int, ref: date) -> date | None:
    for year in (ref.year, ref.year - 1, ref.year + 1):
        other = cal.safe_date(year, found.month, found.day)
        if other and other.weekday() == weekday and abs((other - ref).days) <= _CORROBORATION_DAYS:
            return other
    return None


def calendar_range(g: Groups, ctx: Context) -> Resolved | None:
    """من 27 إلى 30 جوان 2017 → 2017-06-27/2017-06-30."""
    last = calendar_date(g, ctx)
    first_day = _int(g.get("day0"))
    if last is None or first_day is None:
        return None
    end = date.fromisoformat(last[0])
    start = cal.safe_date(end.year, end.month, first_day)
    if start is None or start >= end:
        return None
    days = (end - start).days + 1
    return cal.iso_interval(start, end), 2 if days <= _FEW_DAYS else 3


def edge_of_month(g: Groups, ctx: Context) -> Resolved | None:
    """العشر الأواخر من رمضان, الأسبوع الأخير من شهر رمضان: a run of days at a month's edge."""
    length = int(ctx.lex.value("stretch", g.get("stretch")) or 0)
    edge = ctx.lex.value("edge", g.get("edge"))
    if g.get("hmonth"):
        month = ctx.lex.hijri_months[g["hmonth"] or ""]
        years = _hijri_years(ctx, _int(g.get("hyear")))
        spans = [s for y in years if (s := cal.hijri_month_span(y, month))]
        chosen = _nearest_span(ctx, spans, _direction(g, ctx.lex))
    else:
        number = ctx.lex.months.get(g.get("month") or "")
        year = _month_year(g, ctx, number, None) if number else None
        if number is None or year is None:
            return None
        chosen = (date(year, number, 1), date(year, number, cal.last_day(year, number)))
    if chosen is None or not length or edge is None:
        return None
    start, end = chosen
    if edge == "early":
        return cal.iso_interval(start, start + timedelta(days=length - 1)), 2
    return cal.iso_interval(end - timedelta(days=length - 1), end), 2


def day_of_month(g: Groups, ctx: Context) -> Resolved | None:
    """العاشر من الشهر الجاري; 14 من الشهر نفسه (the month of the date just before)."""
    day = _day(g, ctx.lex)
    if g.get("same") or g.get("same2"):
        anchor = ctx.last_day
        if day is None or anchor is None:
            return None
        found = cal.safe_date(anchor.year, anchor.month, day)
        return (cal.iso_day(found), 1) if found else None
    if day is None or ctx.ref is None:
        return None
    year, month = cal.shift_month(ctx.ref.year, ctx.ref.month, _direction(g, ctx.lex) or 0)
    found = cal.safe_date(year, month, day)
    return (cal.iso_day(found), 1) if found else None


def weekday_day_month(g: Groups, ctx: Context) -> Resolved | None:
    """الاثنين 18/10: a day/month with no year, Gregorian or Hijri, whichever the weekday fits."""
    weekday = ctx.lex.weekdays.get(g.get("wd") or "")
    day, month = _int(g.get("a")), _int(g.get("b"))
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


def _two_digit_year(value: int, ref: date | None) -> int:
    pivot = (ref.year % 100 if ref else 30) + 1
    return 2000 + value if value <= pivot else 1900 + value


def numeric_date(g: Groups, ctx: Context) -> Resolved | None:
    a, b, c = (g.get("a") or ""), _int(g.get("b")), _int(g.get("c"))
    if b is None or c is None:
        return None
    if len(a) == 4:
        year, month, day = int(a), b, c
    elif len(a) <= 2 and len(g.get("c") or "") in (2, 4):
        day, month = int(a), b
        year = c if c > 99 else _two_digit_year(c, ctx.ref)
    else:
        return None
    if g.get("hs") or 1300 <= year < 1600:
        found = cal.hijri_to_date(year, month, day)
    else:
        found = cal.safe_date(year, month, day) if 1900 <= year <= 2100 else None
    return (cal.iso_day(found), 1) if found else None


def numeric_range(g: Groups, ctx: Context) -> Resolved | None:
    """10-28/10/1436هـ → 2015-07-26/2015-08-13: days d0 to d of one numeric month."""
    last = numeric_date(g, ctx)
    first_day = _int(g.get("d0"))
    if last is None or first_day is None:
        return None
    first = numeric_date({**g, "a": str(first_day)}, ctx)
    if first is None or first[0] >= last[0]:
        return None
    start, end = date.fromisoformat(first[0]), date.fromisoformat(last[0])
    return cal.iso_interval(start, end), 2 if (end - start).days < _FEW_DAYS else 3


def year_range(g: Groups, ctx: Context) -> Resolved | None:
    """(1975-1990) → 1975/1990."""
    first, last = _int(g.get("year0")), _int(g.get("year"))
    if first is None or last is None or not first < last:
        return None
    return f"{first:04d}/{last:04d}", 3


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
    tense = _tense(ctx)
    kept = [s for s in spans if tense is None or (s[0] > ref) == tense]
    return min(kept or spans, key=lambda s: (min(abs((s[0] - ref).days), abs((s[1] - ref).days)), s[0] > ref))


def _hijri_years(ctx: Context, hyear: int | None) -> list[int]:
    if hyear:
        return [hyear]
    current = cal.hijri_year_of(ctx.ref) if ctx.ref else None
    return [current - 1, current, current + 1] if current else []


def hijri(g: Groups, ctx: Context) -> Resolved | None:
    """15 رمضان 1436هـ, الأول من شهر رمضان الماضي, 1436هـ, 1436/1437هـ."""
    hyear = _int(g.get("hyear") or g.get("hyear_"))
    day = _day(g, ctx.lex)
    form = g.get("hmonth")
    if form is None:
        first = cal.hijri_year_span(_int(g.get("hyear0")) or hyear) if hyear else None
        last = cal.hijri_year_span(hyear) if hyear else None
        return (cal.iso_interval(first[0], last[1]), 3) if first and last else None
    month = ctx.lex.hijri_months[form]
    if form in ctx.lex.ambiguous_hijri and not (day or hyear):
        return None
    direction = _direction(g, ctx.lex)
    if day:
        dates = [cal.hijri_to_date(y, month, day) for y in _hijri_years(ctx, hyear)]
        spans = [(d, d) for d in dates if d]
        chosen = _nearest_span(ctx, spans, direction)
        return (cal.iso_day(chosen[0]), 1) if chosen else None
    spans = [s for y in _hijri_years(ctx, hyear) if (s := cal.hijri_month_span(y, month))]
    chosen = _nearest_span(ctx, spans, direction)
    return (cal.iso_interval(*chosen), 3) if chosen else None


def holiday(g: Groups, ctx: Context) -> Resolved | None:
    form = g.get("hol") or ""
    hmonth, first, length = ctx.lex.holidays[form]
    if form in ctx.lex.ambiguous_hijri and not (ctx.cue_before or g.get("dir") or g.get("hyear")):
        return None  # رمضان alone may be a person's name
    gregorian_year = _int(g.get("year"))
    if gregorian_year:
        middle = cal.hijri_year_of(date(gregorian_year, 7, 1)) or 0
        years = [middle - 1, middle, middle + 1]
    else:
        years = _hijri_years(ctx, _int(g.get("hyear")))
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
        chosen = _nearest_span(ctx, spans, _direction(g, ctx.lex))
    if chosen is None:
        return None
    ordinal = ctx.lex.value("holiday_day", g.get("hold")) or ctx.lex.value("ordinal", g.get("hord"))
    if ordinal:
        return cal.iso_day(chosen[0] + timedelta(days=int(ordinal) - 1)), 1
    precision = 1 if length == 1 else 2 if length <= 7 else 3
    return cal.iso_interval(*chosen), precision


def _ambiguous_month_alone(g: Groups, ctx: Context) -> bool:
    """مارس "he practised", آب/أب "father": a month only with a date cue."""
    if (g.get("month") or "") not in ctx.lex.ambiguous_months:
        return False
    combined = "/" in ctx.text or "(" in ctx.text or "شهر" in ctx.text
    modified = any(g.get(k) for k in ("year", "mdir", "ydir", "phase", "day", "ord"))
    return not (combined or modified or ctx.cue_before)


def month(g: Groups, ctx: Context) -> Resolved | None:
    number = ctx.lex.months.get(g.get("month") or "")
    if number is None or _ambiguous_month_alone(g, ctx):
        return None
    if g.get("year") or g.get("mdir") or g.get("ydir"):
        year = _month_year(g, ctx, number, None)
    elif ctx.ref is None:
        return None
    else:
        year = _nearest_month_year(ctx.ref, number, _tense(ctx))
    if year is None:
        return None
    phase = ctx.lex.value("phase", g.get("phase"))
    if phase:
        return cal.month_phase(year, number, phase), 3
    return cal.iso_month(year, number), 3


def _nearest_month_year(ref: date, month: int, tense: bool | None) -> int:
    here = ref.year * 12 + ref.month - 1
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        there = year * 12 + month - 1
        if tense is True and there < here or tense is False and there > here:
            continue
        candidates.append((abs(there - here), there > here, year))
    return min(candidates)[2]


def year(g: Groups, ctx: Context) -> Resolved | None:
    value = _int(g.get("year"))
    if value is None:
        return None
    phase = ctx.lex.value("phase", g.get("phase"))
    if phase:
        return cal.year_phase(value, phase), 3
    return f"{value:04d}", 3


def part_of_year(g: Groups, ctx: Context) -> Resolved | None:
    """الربع الأول من العام الجاري → 2015-01/2015-03; النصف الثاني من 2014 → 2014-07/2014-12;
    الربع الثالث للعام الماضي 1435هـ → Rajab to Ramadan 1435 in Gregorian days."""
    part = ctx.lex.value("year_part", g.get("part"))
    index = _day(g, ctx.lex)
    size = {"quarter": 3, "half": 6}.get(part or "")
    if size is None or index is None or index * size > 12:
        return None
    first, last = (index - 1) * size + 1, index * size
    hyear = _int(g.get("hyear"))
    if hyear:
        start, end = cal.hijri_month_span(hyear, first), cal.hijri_month_span(hyear, last)
        return (cal.iso_interval(start[0], end[1]), 3) if start and end else None
    year = _month_year(g, ctx, 1, None) if (g.get("year") or g.get("ydir")) else None
    if year is None:
        return None
    phase = ctx.lex.value("phase", g.get("phase"))
    if phase == "early":  # بداية الفصل الرابع: its first month
        last = first
    elif phase == "late":
        first = last
    elif phase == "mid":
        first, last = first + (size - 1) // 2, last - (size - 1) // 2
    if first == last:
        return cal.iso_month(year, first), 3
    return f"{cal.iso_month(year, first)}/{cal.iso_month(year, last)}", 3


def months_of_year(g: Groups, ctx: Context) -> Resolved | None:
    """الشهرين الأولين من السنة الحالية → 2017-01/2017-02; الأشهر الثلاثة الأخيرة من 2016."""
    unit, _, own = (ctx.lex.value("unit", g.get("unit")) or "").partition(":")
    card = ctx.lex.value("cardinal", g.get("card"))
    count = int(card) if card and card != "few" else int(own) if own.isdigit() else None
    edge = ctx.lex.value("edge", g.get("edge"))
    year = _month_year(g, ctx, 1, None) if (g.get("year") or g.get("ydir")) else None
    if unit != "month" or count is None or not 1 <= count < 12 or year is None:
        return None
    first, last = (1, count) if edge == "early" else (13 - count, 12)
    if first == last:
        return cal.iso_month(year, first), 3
    return f"{cal.iso_month(year, first)}/{cal.iso_month(year, last)}", 3


ABSOLUTE: dict[str, Callable[[Groups, Context], Resolved | None]] = {
    "calendar_date": calendar_date,
    "calendar_range": calendar_range,
    "edge_of_month": edge_of_month,
    "day_of_month": day_of_month,
    "weekday_day_month": weekday_day_month,
    "numeric_date": numeric_date,
    "hijri": hijri,
    "holiday": holiday,
    "month": month,
    "year": year,
    "year_range": year_range,
    "numeric_range": numeric_range,
    "part_of_year": part_of_year,
    "months_of_year": months_of_year,
}
