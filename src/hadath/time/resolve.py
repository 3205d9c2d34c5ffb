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
FEW_DAYS = 14


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


def as_int(digits: str | None) -> int | None:
    found = re.search(r"[0-9]+", digits or "")
    return int(found.group()) if found else None


def day_number(g: Groups, lex: TimeLexicon) -> int | None:
    if g.get("day"):
        return as_int(g["day"])
    ordinal = lex.value("ordinal", g.get("ord"))
    return int(ordinal) if ordinal else None


def direction_of(g: Groups, lex: TimeLexicon, key: str = "dir") -> int | None:
    value = lex.value("direction", g.get(key))
    return int(value) if value is not None else None


def tense_of(ctx: Context) -> bool | None:
    """True: keep the future; False: keep the past; None: the nearest wins."""
    if ctx.since:
        return False
    return True if ctx.future else None


def year_of_month(g: Groups, ctx: Context, month: int, day: int | None) -> int | None:
    """The year of a month (and day) written without one, from its modifiers or the ref."""
    if g.get("year"):
        return as_int(g["year"])
    ref = ctx.ref
    if ref is None:
        return None
    ydir = direction_of(g, ctx.lex, "ydir")
    if ydir is not None:
        return ref.year + ydir
    mdir = direction_of(g, ctx.lex, "mdir")
    if mdir == 0:
        return ref.year
    if mdir is not None:
        # "نوفمبر الماضي": the latest November before this one; "المقبل": the next one.
        here = (ref.month, day or 0) if day else (ref.month,)
        there = (month, day or 0) if day else (month,)
        if mdir < 0:
            return ref.year if there < here else ref.year - 1
        return ref.year if there > here else ref.year + 1
    return cal.nearest_year(ref, month, day or 15, tense_of(ctx))


def calendar_date(g: Groups, ctx: Context) -> Resolved | None:
    day = day_number(g, ctx.lex)
    month = ctx.lex.months.get(g["month"] or "")
    if day is None or month is None:
        return None
    year = year_of_month(g, ctx, month, day)
    found = cal.safe_date(year, month, day) if year else None
    if found is None:
        return None
    weekday = ctx.lex.weekdays.get(g.get("wd") or "")
    if weekday is not None and found.weekday() != weekday and g.get("ord"):
        return None  # "الأحد الثالث من أغسطس" on a Monday the 3rd: the third Sunday
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
    first_day = as_int(g.get("day0"))
    if last is None or first_day is None:
        return None
    end = date.fromisoformat(last[0])
    start = cal.safe_date(end.year, end.month, first_day)
    if start is None or start >= end:
        return None
    days = (end - start).days + 1
    return cal.iso_interval(start, end), 2 if days <= FEW_DAYS else 3


def day_of_month(g: Groups, ctx: Context) -> Resolved | None:
    """العاشر من الشهر الجاري; 14 من الشهر نفسه (the month of the date just before)."""
    day = day_number(g, ctx.lex)
    if g.get("same") or g.get("same2"):
        anchor = ctx.last_day
        if day is None or anchor is None:
            return None
        found = cal.safe_date(anchor.year, anchor.month, day)
        return (cal.iso_day(found), 1) if found else None
    if day is None or ctx.ref is None:
        return None
    year, month = cal.shift_month(ctx.ref.year, ctx.ref.month, direction_of(g, ctx.lex) or 0)
    found = cal.safe_date(year, month, day)
    return (cal.iso_day(found), 1) if found else None


def _two_digit_year(value: int, ref: date | None) -> int:
    pivot = (ref.year % 100 if ref else 30) + 1
    return 2000 + value if value <= pivot else 1900 + value


def numeric_date(g: Groups, ctx: Context) -> Resolved | None:
    a, b, c = (g.get("a") or ""), as_int(g.get("b")), as_int(g.get("c"))
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
    first_day = as_int(g.get("d0"))
    if last is None or first_day is None:
        return None
    first = numeric_date({**g, "a": str(first_day)}, ctx)
    if first is None or first[0] >= last[0]:
        return None
    start, end = date.fromisoformat(first[0]), date.fromisoformat(last[0])
    return cal.iso_interval(start, end), 2 if (end - start).days < FEW_DAYS else 3


def year_range(g: Groups, ctx: Context) -> Resolved | None:
    """(1975-1990) → 1975/1990."""
    first, last = as_int(g.get("year0")), as_int(g.get("year"))
    if first is None or last is None or not first < last:
        return None
    return f"{first:04d}/{last:04d}", 3


def _ambiguous_month_alone(g: Groups, ctx: Context) -> bool:
    """مارس "he practised", آب/أب "father": a month only with a date cue."""
    if (g.get("month") or "") not in ctx.lex.ambiguous_months:
        return False
    combined = "/" in ctx.text or "(" in ctx.text
    combined = combined or any(ctx.lex.has("month_word", w) for w in ctx.text.split())
    modified = any(g.get(k) for k in ("year", "mdir", "ydir", "phase", "day", "ord"))
    return not (combined or modified or ctx.cue_before)


def month(g: Groups, ctx: Context) -> Resolved | None:
    number = ctx.lex.months.get(g.get("month") or "")
    if number is None or _ambiguous_month_alone(g, ctx):
        return None
    if g.get("year") or g.get("mdir") or g.get("ydir"):
        year = year_of_month(g, ctx, number, None)
    elif ctx.ref is None:
        return None
    else:
        # Past tense prefers the past: a bare month is the latest one up to the page date,
        # unless a future marker (سوف، ستجري، المقرر) announces the next one.
        year = _nearest_month_year(ctx.ref, number, bool(ctx.future) and not ctx.since)
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
    value = as_int(g.get("year"))
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
    index = day_number(g, ctx.lex)
    size = {"quarter": 3, "half": 6}.get(part or "")
    if size is None or index is None or index * size > 12:
        return None
    first, last = (index - 1) * size + 1, index * size
    hyear = as_int(g.get("hyear"))
    if hyear:
        start, end = cal.hijri_month_span(hyear, first), cal.hijri_month_span(hyear, last)
        return (cal.iso_interval(start[0], end[1]), 3) if start and end else None
    year = year_of_month(g, ctx, 1, None) if (g.get("year") or g.get("ydir")) else None
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
    year = year_of_month(g, ctx, 1, None) if (g.get("year") or g.get("ydir")) else None
    if unit != "month" or count is None or not 1 <= count < 12 or year is None:
        return None
    first, last = (1, count) if edge == "early" else (13 - count, 12)
    if first == last:
        return cal.iso_month(year, first), 3
    return f"{cal.iso_month(year, first)}/{cal.iso_month(year, last)}", 3


def same_date(g: Groups, ctx: Context) -> Resolved | None:
    """نفس التاريخ من سنة 2016 after "26 جانفي 2017" → 2016-01-26; نفس الفترة من العام
    الماضي → the year (which part of it the text says elsewhere)."""
    hyear = as_int(g.get("hyear"))
    if hyear:  # نفس الفترة من العام الماضي 1435هـ: the Hijri year is the period
        span = cal.hijri_year_span(hyear)
        return (cal.iso_interval(*span), 3) if span else None
    year = year_of_month(g, ctx, 1, None) if (g.get("year") or g.get("ydir")) else None
    unit = ctx.lex.value("same_unit", g.get("same"))
    if year is None:
        return None
    last = ctx.last_day
    if unit == "day" and last:
        found = cal.safe_date(year, last.month, last.day)
        return (cal.iso_day(found), 1) if found else None
    if unit == "month" and last:
        return cal.iso_month(year, last.month), 3
    return f"{year:04d}", 3


def narrative_day(g: Groups, ctx: Context) -> Resolved | None:
    """اليوم التالي, في اليوم نفسه: a day counted from the date the text gave just before."""
    if ctx.last_day is None:
        return None  # nothing to count from: the events stage falls back on the article date
    shift = 0 if g.get("same") else int(ctx.lex.value("narrative", g.get("rel")) or 0)
    return cal.iso_day(ctx.last_day + timedelta(days=shift)), 1


ABSOLUTE: dict[str, Callable[[Groups, Context], Resolved | None]] = {
    "calendar_date": calendar_date,
    "calendar_range": calendar_range,
    "day_of_month": day_of_month,
    "numeric_date": numeric_date,
    "month": month,
    "year": year,
    "year_range": year_range,
    "numeric_range": numeric_range,
    "part_of_year": part_of_year,
    "same_date": same_date,
    "narrative_day": narrative_day,
    "months_of_year": months_of_year,
}
