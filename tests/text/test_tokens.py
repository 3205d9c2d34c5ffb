"""Clitic splitting keeps offsets and leaves names whole."""
import pytest

from hadath.text.tokens import WordTokens, tokenize


def pieces(word: str) -> tuple[tuple[str, ...], str, str | None]:
    (token,) = tokenize(word)
    return token.prefixes, token.stem, token.suffix


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبالجيش", (("و", "ب", "ال"), "جيش", None)),
        ("للجيش", (("ل", "ال"), "جيش", None)),
        ("بحلب", (("ب",), "حلب", None)),
        ("والرقة", (("و", "ال"), "رقه", None)),
        ("قواته", ((), "قوات", "ه")),
        ("انسحابه", ((), "انسحاب", "ه")),
        ("بيروت", ((), "بيروت", None)),
        ("لبنان", ((), "لبنان", None)),
        ("وزارة", ((), "وزاره", None)),
        ("المدينة", (("ال",), "مدينه", None)),
        ("مدينة", ((), "مدينه", None)),
        ("التي", ((), "التي", None)),
    ],
)
def test_clitics(word: str, expected: tuple[tuple[str, ...], str, str | None]) -> None:
    assert pieces(word) == expected


def test_every_piece_keeps_its_offsets() -> None:
    text = "وأكدت تركيا عبر وزير خارجيتها عدم تورطها، بحسب “الأناضول”."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.start <= token.stem_start <= token.stem_end <= token.end
    stems = {t.text: text[t.stem_start : t.stem_end] for t in tokenize(text)}
    assert stems["تورطها"] == "تورط"


def test_numbers_and_punctuation_are_tokens() -> None:
    tokens = tokenize("قتل ١٥٥ عنصرا، و3.5 بالمئة.")
    assert [t.norm for t in tokens] == ["قتل", "155", "عنصرا", "،", "و", "3.5", "بالميه", "."]
    assert [t.is_word for t in tokens] == [True, True, True, False, True, True, True, False]


@pytest.mark.parametrize(
    "text",
    [
        "وأكدت تركيا عبر وزير خارجيتها عدم تورطها، بحسب “الأناضول”.",
        "قُتل ١٥ عنصراً من قوات النظام، وأُصيب 3.5 بالمئة من السكان (أ.ف.ب).",
        "ﻻ يزال ما لا يقل عن 200 مسلح في مدينةِ حلب",
    ],
)
def test_word_tokens_are_the_word_tokens_of_tokenize(text: str) -> None:
    words = WordTokens(text)
    expected = [t for t in tokenize(text) if t.is_word]
    assert words.norms == [t.norm for t in expected]
    assert [words[i] for i in range(len(words))] == expected
    assert words[-1] == expected[-1]
