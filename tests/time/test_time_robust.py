"""No input breaks find_times, and every span it returns points back at the original text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.time import find_times

# Words and marks from the time grammar and its neighbours, to build hard cases quickly.
PIECES = [
    "اليوم", "أمس", "أول", "من", "غداً", "السبت", "الاثنين", "(", ")", "/", "-", "،", ".",
    "الماضي", "المقبل", "الجاري", "مطلع", "أواخر", "نهاية", "الأسبوع", "الشهر", "العام",
    "قبل", "منذ", "خلال", "في غضون", "الـ", "ساعة", "أيام", "يومين", "ثلاثة", "العاشر",
    "مارس", "آذار", "تشرين الثاني", "جانفي", "رمضان", "شوال", "عيد الفطر", "هـ", "م",
    "0", "1", "12", "29", "30", "31", "99", "1436", "1500", "2016", "٣٠", "١٤٣٦", "فجر",
    "ليلة", "عام", "سنة", "الربع", "الأول", "نفس", "التاريخ", "الشهرين", "الأولين", "َ", "ـ",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=12),
    st.sampled_from([" ", "", "  "]),
    st.sampled_from(["2015-07-21", "2024-02-29", "2017-01-01", None]),
)
def test_any_sequence_resolves_or_is_skipped(words: list[str], glue: str, ref: str | None) -> None:
    text = glue.join(words)
    for t in find_times(text, ref):
        assert text[t.start : t.end] == t.surface
        assert t.precision in (1, 2, 3)
        assert t.value[:4].isdigit()
