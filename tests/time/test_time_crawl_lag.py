"""The crawl-lag rule: a weekday that contradicts the page date wins, and shifts the other
relative expressions of the same text to the day it was written."""
from __future__ import annotations

from hadath.time import find_times


def values(text: str, ref: str) -> list[tuple[str, str]]:
    return [(t.surface, t.value) for t in find_times(text, ref)]


def test_today_with_an_earlier_weekday_is_that_weekday() -> None:
    # Written on Monday 20 July 2015, crawled on Tuesday the 21st.
    text = "قال الاتحاد الدولي لكرة القدم، اليوم (الاثنين)، انه تقرر عقد الاجتماع"
    assert values(text, "2015-07-21") == [("اليوم (الاثنين)", "2015-07-20")]


def test_yesterday_with_its_weekday_moves_the_rest_of_the_article() -> None:
    # "أمس الأربعاء" on a page dated Friday: the text is from Thursday, so "الخميس" (a
    # meeting announced for "Thursday") is that same Thursday, not the next one.
    text = (
        "وقال منصور بعد فوز الزمالك أمس الأربعاء: «سوف يتم عقد اجتماع طارئ الخميس "
        "لمجلس الإدارة»"
    )
    assert values(text, "2015-07-31") == [("أمس الأربعاء", "2015-07-29"), ("الخميس", "2015-07-30")]


def test_agreeing_weekday_changes_nothing() -> None:
    text = "أعلنت وزارة الدفاع الجزائرية في بلاغ لها اليوم السبت عن إيقاف 3 عناصر، وأمس"
    assert values(text, "2017-05-27") == [("اليوم السبت", "2017-05-27"), ("أمس", "2017-05-26")]


def test_a_far_contradiction_is_no_lag() -> None:
    # An Eid speech "اليوم السبت" quoted on Tuesday: the Saturday, but no shift of the page.
    text = "في كلمته التي ألقاها بمناسبة عيد الفطر المبارك، اليوم السبت، وأمس"
    assert values(text, "2015-07-21") == [
        ("عيد الفطر المبارك", "2015-07-17/2015-07-19"),
        ("اليوم السبت", "2015-07-18"),
        ("أمس", "2015-07-20"),
    ]


def test_bare_weekday_prefers_the_past_and_future_tense_the_future() -> None:
    assert values("وشكل متظاهرون سلسلة بشرية الاثنين حول منزله", "2015-07-21") == [
        ("الاثنين", "2015-07-20")
    ]
    assert values("ستعقد اللجنة اجتماعها الاثنين", "2015-07-21") == [("الاثنين", "2015-07-27")]
