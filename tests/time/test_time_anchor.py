"""date_of_span: the time expression that dates a stretch of text, by the documented rule."""
from __future__ import annotations

from datetime import date

from hadath.time import date_of_span, find_times, value_bounds

SEED_LIKE = (
    "وكانت الفصائل المسلحة تمركزت في قلعة حلب بعد أن أعلنت السيطرة عليها الليلة الماضية. "
    "ورصد المرصد السوري هجوما روسيا على أطراف مدينة حلب للمرة الأولى منذ عام 2016. "
    "وقالت مصادر عسكرية إن السلطات أغلقت اليوم جميع الطرق المؤدية إلى المدينة."
)
REF = "2024-11-30"


def span_of(word: str) -> tuple[int, int]:
    start = SEED_LIKE.index(word)
    return start, start + len(word)


def test_nearest_time_in_the_sentence() -> None:
    times = find_times(SEED_LIKE, REF)
    chosen = date_of_span(times, *span_of("أعلنت السيطرة"), REF, text=SEED_LIKE)
    assert chosen is not None and chosen.value == "2024-11-29"
    chosen = date_of_span(times, *span_of("أغلقت"), REF, text=SEED_LIKE)
    assert chosen is not None and chosen.surface == "اليوم"


def test_since_year_is_a_comparison_not_the_date() -> None:
    times = find_times(SEED_LIKE, REF)
    assert date_of_span(times, *span_of("هجوما روسيا"), REF, text=SEED_LIKE) is None


def test_overlapping_time_wins_and_ties_go_before() -> None:
    times = find_times("أعلن الجيش اليوم أن الفصائل انسحبت أمس", REF)
    assert date_of_span(times, 11, 16, REF).surface == "اليوم"
    # "الفصائل" (20–27) sits 4 characters after اليوم and 8 before أمس.
    assert date_of_span(times, 20, 27, REF).surface == "اليوم"
    # "انسحبت" (28–34) sits 1 character before أمس.
    assert date_of_span(times, 28, 34, REF).surface == "أمس"


def test_no_times_means_the_article_date() -> None:
    assert date_of_span([], 0, 5, REF) is None


def test_value_bounds_cover_every_value_shape() -> None:
    assert value_bounds("2024-11-30") == (date(2024, 11, 30), date(2024, 11, 30))
    assert value_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert value_bounds("2016") == (date(2016, 1, 1), date(2016, 12, 31))
    assert value_bounds("2024-11-29/2024-11-30") == (date(2024, 11, 29), date(2024, 11, 30))
    assert value_bounds("2023-09/2023-12") == (date(2023, 9, 1), date(2023, 12, 31))
    assert value_bounds("1975/1990") == (date(1975, 1, 1), date(1990, 12, 31))
