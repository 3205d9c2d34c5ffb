"""Figures in digits and words, with ACLED's qualifiers."""
import pytest

from hadath.text.numbers import find_numbers
from hadath.text.tokens import tokenize


def first(text: str) -> tuple[str, float, bool, bool, bool, float | None]:
    n = find_numbers(text)[0]
    return n.surface, n.value, n.min, n.approx, n.vague, n.max_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أفاد المرصد بمقتل 155 عنصرا من الهيئة", ("155 عنصرا", 155, False, False, False, None)),
        ("تحييد ما لا يقل عن 200 مسلح", ("ما لا يقل عن 200 مسلح", 200, True, False, False, None)),
        ("سيطرتها على ست قرى جديدة", ("ست قرى", 6, False, False, False, None)),
        ("قتل مائة وخمسة وخمسون شخصا", ("مائة وخمسة وخمسون شخصا", 155, False, False, False, None)),
        ("وصل ثلاثة آلاف لاجئ", ("ثلاثة آلاف لاجئ", 3000, False, False, False, None)),
        ("قتل عشرات المدنيين", ("عشرات المدنيين", 10, False, False, True, None)),
        ("نزوح مئات العائلات", ("مئات العائلات", 100, False, False, True, None)),
        ("سقط ١٢ قتيلا على الأقل", ("١٢ قتيلا على الأقل", 12, True, False, False, None)),
        ("نزوح نحو 2.5 مليون شخص", ("نحو 2.5 مليون شخص", 2500000, False, True, False, None)),
        ("سقط ما بين 20 و25 قتيلا", ("بين 20 و25 قتيلا", 20, False, False, False, 25)),
        ("قتل ثلاثة عشر جنديا", ("ثلاثة عشر جنديا", 13, False, False, False, None)),
        ("اعتقلت قرابة مئتي شخص", ("قرابة مئتي شخص", 200, False, True, False, None)),
        ("عشرات الآلاف من المتظاهرين", ("عشرات الآلاف", 10000, False, False, True, None)),
        ("قتل 1,500 شخص", ("1,500 شخص", 1500, False, False, False, None)),
    ],
)
def test_figures(text: str, expected: tuple) -> None:
    assert first(text) == expected


def test_ordinals_are_flagged_and_monday_is_no_number() -> None:
    found = find_numbers("للمرة الأولى منذ يوم الاثنين")
    assert [(n.surface, n.value, n.ordinal) for n in found] == [("الأولى", 1, True)]


def test_offsets_index_the_text() -> None:
    text = "كما أفاد المرصد بمقتل 155 عنصرا و79 عنصرا من القوات، ونزوح عشرات العائلات."
    found = find_numbers(text)
    assert [n.value for n in found] == [155, 79, 10]
    for n in found:
        assert text[n.start : n.end] == n.surface


def test_known_tokens_give_the_same_figures() -> None:
    text = "قُتل ما بين 20 و25 شخصا، وأُصيب ثلاثة عشر جنديا على الأقل في حلب"
    assert find_numbers(text, tokenize(text)) == find_numbers(text)
    assert [n.value for n in find_numbers(text)] == [20, 13]
