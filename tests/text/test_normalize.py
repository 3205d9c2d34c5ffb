"""Normalisation keeps a map back to the original text for every span."""
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text.normalize import normalize, normalize_key, usual_spelling

ARABIC = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ")
        + ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640", "\u200f", "\u200b",
           "٣", "۴", "“", "”", "«", "»", "—", "\ufefb", "\ufe8d", "\n", ".", "،"]
    ),
    max_size=80,
)


@given(ARABIC)
@settings(max_examples=300, deadline=None)
def test_every_normalised_span_maps_back_to_the_original(text: str) -> None:
    norm = normalize(text)
    for start in range(len(norm.text)):
        for end in range(start + 1, min(len(norm.text), start + 6) + 1):
            o_start, o_end = norm.original_span(start, end)
            assert 0 <= o_start < o_end <= len(text)
            # normalising the original span gives back the normalised span (a ligature such as
            # ﻻ is one original character, so a span of half of it maps back to all of it)
            assert norm.text[start:end] in normalize(text[o_start:o_end]).text
            if "\ufefb" not in text:
                assert normalize(text[o_start:o_end]).text == norm.text[start:end]


def test_letter_forms_digits_and_marks() -> None:
    assert normalize("أُسْرةٌ إلى مستشفى").text == "اسره الي مستشفي"
    assert normalize("٢٠٢٤ و۱۲").text == "2024 و12"
    assert normalize("«الجيش»—“قال”").text == '"الجيش"-"قال"'
    assert normalize("مؤتمر رئيس").text == "موتمر رييس"
    assert normalize("حلـــب\u200f").text == "حلب"


def test_span_takes_in_the_diacritics_of_its_last_letter() -> None:
    text = "دخلوا حَلَبَ أمس"
    norm = normalize(text)
    start = norm.text.index("حلب")
    o_start, o_end = norm.original_span(start, start + 3)
    assert text[o_start:o_end] == "حَلَبَ"


def test_presentation_forms_expand_but_point_to_their_source() -> None:
    text = "\ufefbجئ"  # the lam-alef ligature
    norm = normalize(text)
    assert norm.text == "لاجي"
    assert norm.original_span(0, 2) == (0, 1)


def test_normalize_key_collapses_spaces() -> None:
    assert normalize_key("  هيئة   تحرير الشام ") == "هييه تحرير الشام"


@given(ARABIC)
@settings(max_examples=300, deadline=None)
def test_normalize_key_is_the_normalised_text_with_spaces_collapsed(text: str) -> None:
    assert normalize_key(text) == " ".join(normalize(text).text.split())


def test_normalize_key_of_news_phrases() -> None:
    assert normalize_key("وأعلنت وزارةُ الدفاع الروسيّة") == "واعلنت وزاره الدفاع الروسيه"
    assert normalize_key("\ufefb يزال ٣ مسلحين") == "لا يزال 3 مسلحين"


def test_usual_spelling_drops_marks_and_folds_foreign_letters_only() -> None:
    assert usual_spelling("مُحَمَّد") == "محمد"
    assert usual_spelling("محـــمد") == "محمد"
    assert usual_spelling("\u200fلیبیا") == "ليبيا"  # a bidi mark, the Persian yeh
    assert usual_spelling("کابل") == "كابل"
    assert usual_spelling("٢٠١٥") == "2015"
    assert usual_spelling("\ufefbجئ") == "لاجئ"  # the ligature expanded, the hamza kept
    # the spellings Arabic itself varies on stay as written
    assert usual_spelling("أحمد") == "أحمد" and usual_spelling("مستشفى") == "مستشفى"
    assert usual_spelling("الدولة") == "الدولة"
    assert usual_spelling("\u064e") == "\u064e"  # nothing but a mark: kept, not emptied
