"""Is this text Arabic? Takes a text and returns its language code ("ar", "en", "fa", ...).

Arabic is recognised by the share of Arabic-script letters among all letters; Persian and
Urdu, which share the script, by their own letters and function words; other languages by
script, and Latin-script ones by function words from `data/ingest/language_words.tsv`.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from hadath.ingest.datafiles import read_rows
from hadath.text.normalize import normalize_key

# From this share of Arabic-script letters up a text is Arabic news; Arabic articles quote
# Latin names, acronyms and satellite frequencies, but most of their letters are Arabic.
ARABIC_LETTER_SHARE = 0.5
# Between this and the share above, a text is Arabic unless its other letters read as running
# text in a language of their own (an English article quoting Arabic does; scraped script
# code, satellite frequencies or lists of film titles around an Arabic article do not).
ARABIC_MIXED_SHARE = 0.1
# Share of a text's words (in the script looked at) that must be function words of one
# language for the text to be called that language.
FUNCTION_WORD_SHARE = 0.1
# Letters Persian and Urdu use and Arabic does not (پ چ ژ گ ک ی ٹ ڈ ڑ ں ے ہ ۃ).
_NON_ARABIC_LETTERS = frozenset("پچژگکیٹڈڑںےہۃ")
_WORD = re.compile(r"[^\W\d_]+")
_LETTERS = re.compile(r"[^\W\d_]")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"
                             "\ufb50-\ufdfb\ufe70-\ufefc]")
_SAMPLE = 6_000  # characters looked at: enough to decide, cheap on long articles

# Unicode script of a letter, by the first word of its character name.
_SCRIPT_LANGUAGE = {
    "CYRILLIC": "ru", "HEBREW": "he", "GREEK": "el", "CJK": "zh", "HIRAGANA": "ja",
    "KATAKANA": "ja", "HANGUL": "ko", "DEVANAGARI": "hi", "THAI": "th", "ARMENIAN": "hy",
    "GEORGIAN": "ka", "ETHIOPIC": "am", "BENGALI": "bn", "TAMIL": "ta",
}


def is_arabic_letter(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc"


def detect_language(text: str) -> str:
    """The ISO 639-1 code of `text`'s language: "ar", or a best guess at what else it is."""
    sample = text[:_SAMPLE]
    letters = _LETTERS.findall(sample)
    if not letters:
        return "und"
    arabic = _ARABIC_LETTERS.findall(sample)
    share = len(arabic) / len(letters)
    if share >= ARABIC_LETTER_SHARE:
        return _arabic_script_language(sample, len(arabic))
    other = _other_language(sample, letters)
    if other == "und" and share >= ARABIC_MIXED_SHARE:
        return _arabic_script_language(sample, len(arabic))
    return other


def _arabic_script_language(sample: str, n_arabic: int) -> str:
    foreign = sum(sample.count(c) for c in _NON_ARABIC_LETTERS)
    if foreign < 0.02 * n_arabic:
        return "ar"
    # Arabic typed on a Persian keyboard has ی and ک throughout, and Arabic articles quote
    # Persian verse: the function words decide between Arabic, Persian and Urdu.
    return _by_function_words(sample, "arabic") or "ar"


def _other_language(sample: str, letters: list[str]) -> str:
    scripts = Counter(_script(c) for c in letters[:5000])
    script = scripts.most_common(1)[0][0]
    if script == "LATIN":
        return _by_function_words(sample, "latin") or "und"
    return _SCRIPT_LANGUAGE.get(script, "und")


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def _by_function_words(sample: str, script: str) -> str | None:
    """The language whose function words make up a running text's share of the words, if any.

    Running text in any language is largely function words; code, lists of names or
    frequencies are not, so they name no language."""
    # a word of tatweel or marks alone normalises to nothing: it is no word of any language
    words = Counter(key for w in _WORD.findall(sample) if (key := normalize_key(w).lower()))
    scores = {
        language: sum(words[w] for w in vocabulary)
        for language, (word_script, vocabulary) in _function_words().items()
        if word_script == script
    }
    if not scores:
        return None
    language, score = max(scores.items(), key=lambda item: item[1])
    in_script = sum(n for w, n in words.items() if _in_script(w, script))
    return language if score > 0 and score >= FUNCTION_WORD_SHARE * in_script else None


def _in_script(word: str, script: str) -> bool:
    return is_arabic_letter(word[0]) if script == "arabic" else _script(word[0]) == "LATIN"


@lru_cache(maxsize=1)
def _function_words() -> dict[str, tuple[str, frozenset[str]]]:
    return {
        language: (script, frozenset(normalize_key(w).lower() for w in words.split()))
        for language, script, words in read_rows("language_words.tsv")
    }
