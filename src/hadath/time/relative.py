"""Resolvers for times relative to the publication date: days, weekdays, periods, durations.

Take the named groups of a match and a `Context` (whose `ref` is the publication date);
return (ISO 8601 value, precision) or None. Without a reference date they return None.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta

from hadath.time import calendar as cal
from hadath.time.resolve import FEW_DAYS, Context, Groups, Resolved, as_int, direction_of

_WEEK_PHASE_DAYS = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}
# The longest spans "خلال …" plausibly counts back or ahead, per unit.
_MAX_SPAN = {"hour": 240, "day": 90, "week": 52, "month": 36, "year": 30}


def relative_day(g: Groups, ctx: Context) -> Resolved | None:
    """اليوم، أمس، أول أمس، غدا, with an optional part of day and weekday.

    Crawl-lag rule: a weekday that contradicts the day word wins, as the most recent such
    weekday ("اليوم الاثنين" on a page dated Tuesday is the Monday).
    """
    if ctx.ref is None:
        return None
    offset = int(ctx.lex.value("dayword", g.get("dw")) or 0)
    anchor = ctx.ref + timedelta(days=offset)
    weekday = ctx.lex.weekdays.get(g.get("wd") or "")
    if weekday is not None:
        if offset <= 0:
            anchor = cal.weekday_on_or_before(anchor, weekday)
        else:
            anchor = cal.weekday_nearest(anchor, weekday)
    return cal.iso_day(anchor), 1


def weekday(g: Groups, ctx: Context) -> Resolved | None:
    """يوم الاثنين الماضي، الأحد المقبل، السبت: past tense prefers the past occurrence."""
    number = ctx.lex.weekdays.get(g.get("wd") or "")
    if ctx.ref is None or number is None:
        return None
    direction = direction_of(g, ctx.lex)
    if direction is not None and direction < 0:
        # "الأحد الماضي" is the last Sunday before today; "الأحد قبل الماضي" the one before.
        found = cal.weekday_on_or_before(ctx.ref - timedelta(days=1), number)
        found += timedelta(weeks=direction + 1)
    elif direction is not None and direction > 0:
        found = cal.weekday_on_or_after(ctx.ref + timedelta(days=1), number)
    elif ctx.future:
        found = cal.weekday_on_or_after(ctx.ref, number)
    elif ctx.forward:
        # "اعتباراً من يوم الأحد" starts a period: the nearer Sunday, past ("باشرت اعتباراً
        # من يوم الأحد") or coming ("تعود بداية من يوم الأربعاء").
        found = cal.weekday_nearest(ctx.ref, number)
    else:
        found = cal.weekday_on_or_before(ctx.ref, number)
    return cal.iso_day(found), 1


def period(g: Groups, ctx: Context) -> Resolved | None:
    """الأسبوع/الشهر/العام الماضي/الجاري/المقبل, هذا العام, مطلع الشهر الجاري."""
    ref = ctx.ref
    phase = ctx.lex.value("phase", g.get("phase"))
    direction = direction_of(g, ctx.lex)
    if ref is None or (direction is None and not g.get("this") and not phase):
        return None
    delta = direction or 0
    unit = ctx.lex.value("period", g.get("per"))
    if unit == "week":
        monday, sunday = cal.week_span(ref, delta)
        if phase:
            first, last = _WEEK_PHASE_DAYS[phase]
            monday, sunday = monday + timedelta(days=first), monday + timedelta(days=last)
        return cal.iso_interval(monday, sunday), 2
    if unit == "month":
        year, month = cal.shift_month(ref.year, ref.month, delta)
        if phase:
            return cal.month_phase(year, month, phase), 3
        return cal.iso_month(year, month), 3
    if unit == "year":
        if phase:
            return cal.year_phase(ref.year + delta, phase), 3
        return f"{ref.year + delta:04d}", 3
    return None


def _count(g: Groups, ctx: Context) -> tuple[str, int | None]:
    """The unit and how many of it; None for a vague plural (ساعات، أيام، بضعة أيام)."""
    unit, _, own = (ctx.lex.value("unit", g.get("unit")) or "day:-").partition(":")
    digits = as_int(g.get("n")) or as_int(g.get("n2"))
    if digits:
        return unit, digits
    card = ctx.lex.value("cardinal", g.get("card") or g.get("card0"))
    if card and card != "few":
        return unit, int(card)
    return unit, None if card == "few" or own == "-" else int(own)


def ago(g: Groups, ctx: Context) -> Resolved | None:
    """قبل ساعات → that day; منذ ثلاثة أيام → three days before; بعد يومين → two days after."""
    ref = ctx.ref
    if ref is None:
        return None
    sign = int(ctx.lex.value("ago", g.get("ago")) or -1)
    unit, count = _count(g, ctx)
    if unit == "hour":
        days = 0 if count is None or count < 24 else round(count / 24)
        return cal.iso_day(ref + timedelta(days=sign * days)), 1 if days <= 3 else 2
    if unit == "day":
        if count is None:  # "قبل أيام": within the past week, not today
            near, far = ref + timedelta(days=sign), ref + timedelta(days=7 * sign)
            return cal.iso_interval(min(near, far), max(near, far)), 2
        return cal.iso_day(ref + timedelta(days=sign * count)), 1
    if count is None:
        return None  # "منذ أشهر"، "قبل سنوات": too vague to date anything
    if sign > 0 and unit in ("month", "year"):
        return None  # "بعد 12 سنة": counted from a past event far more often than from today
    if unit == "week":
        return cal.iso_day(ref + timedelta(weeks=sign * count)), 2
    if unit == "month":
        return cal.iso_month(*cal.shift_month(ref.year, ref.month, sign * count)), 3
    return f"{ref.year + sign * count:04d}", 3


def _span_days(unit: str, count: int | None) -> int | None:
    if unit == "hour":
        return 1 if count is None else max(1, math.ceil(count / 24))
    if unit == "day":
        return 7 if count is None else count
    if unit == "week":
        return 28 if count is None else 7 * count
    return None


def within(g: Groups, ctx: Context) -> Resolved | None:
    """خلال الـ 24 ساعة الماضية → [ref-1, ref]; في غضون 72 ساعة → [ref, ref+3] (precision 2)."""
    ref = ctx.ref
    if ref is None:
        return None
    unit, count = _count(g, ctx)
    explicit = g.get("n") or g.get("n2") or g.get("card") or g.get("card0")
    if count == 1 and not explicit and g.get("dir"):
        return None  # "خلال الأسبوع الماضي" is the calendar week: the period rule's job
    if count is None and not g.get("dir") and _of_something(ctx):
        return None  # "خلال أيام المهرجان": the days of something, not a span of time
    direction = direction_of(g, ctx.lex)
    default = int(ctx.lex.value("within", g.get("within")) or 0)
    if direction:
        sign = direction
    elif default == 0:
        return None  # "على مدى 3 أسابيع": how long, not when
    elif default < 0 and count == 1 and not explicit:
        return None  # "خلال شهر ونصف", "خلال اليوم": a length or "in the day", not a span
    else:
        sign = 1 if ctx.future else default
    if count and count > _MAX_SPAN.get(unit, count):
        return None  # "خلال الستة أشهر 69": a figure that follows, not a count of months
    if unit == "year" and count:
        first, last = sorted((ref.year, ref.year + sign * count))
        return f"{first:04d}/{last:04d}", 3
    if unit == "month" and count:
        year, month = cal.shift_month(ref.year, ref.month, sign * count)
        other = cal.safe_date(year, month, min(ref.day, cal.last_day(year, month))) or ref
        return cal.iso_interval(*sorted((ref, other))), 3
    days = _span_days(unit, count)
    if days is None:
        return None
    start, end = sorted((ref, ref + timedelta(days=sign * days)))
    return cal.iso_interval(start, end), 2 if days <= FEW_DAYS else 3


def _of_something(ctx: Context) -> bool:
    """The next word makes a vague plural a construct: أيام المهرجان، أيام عيد الفطر."""
    word = ctx.next_word
    return word.startswith("ال") or ctx.lex.has("construct_head", word)


RELATIVE: dict[str, Callable[[Groups, Context], Resolved | None]] = {
    "relative_day": relative_day,
    "weekday": weekday,
    "period": period,
    "ago": ago,
    "within": within,
}
