"""Tokens of Arabic text with clitics split, every piece keeping offsets into the text.

`tokenize(text)` returns words, numbers and punctuation as `Token`s. An Arabic word is split
into proclitics (و ف ب ك ل ال س), a stem and an enclitic pronoun (ه ها هم هما هن كم كما نا):
"وبالجيش" → و + ب + ال + جيش, "قواته" → قوات + ه. A letter is taken for a clitic only when
what remains is a known word in news text (corpus frequency) and the whole word is not on the
exception list, so "بيروت" and "لبنان" stay whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from hadath.text.normalize import NormText, normalize
from hadath.text.vocab import word_count

_WORD_PATTERN = r"\d+(?:[.,]\d+)*|[\u0621-\u064aA-Za-z_]+"
_TOKEN = re.compile(_WORD_PATTERN + r"|[^\s\w]", re.UNICODE)
# The same tokens without punctuation: a punctuation token is one character no word starts
# with, so dropping it from the pattern leaves every other token where it was.
_WORD_SPLIT = re.compile(f"({_WORD_PATTERN})", re.UNICODE)
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ك", "ل")
# Enclitic pronouns, longest first. ي is left out: it is far more often the nisba adjective
# ending (الشرقي "eastern") than "my" in news text.
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")
_MIN_STEM = 2
_STEM_RATIO = 0.2  # a stem must be at least this frequent relative to the whole word
_MIN_STEM_COUNT = 3


@dataclass(slots=True)
class Token:
    start: int  # offsets in the original text
    end: int
    text: str  # as written
    norm: str  # normalised whole word
    prefixes: tuple[str, ...] = ()  # normalised proclitics, in order: ("و", "ب", "ال")
    stem: str = ""  # normalised stem
    suffix: str | None = None  # normalised enclitic pronoun
    stem_start: int = 0  # original offsets of the stem
    stem_end: int = 0
    is_word: bool = True

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit()


@lru_cache(maxsize=1)
def _exceptions() -> frozenset[str]:
    path = resources.files("hadath") / "data" / "text" / "clitic_exceptions.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def _known_stem(stem: str, word: str) -> bool:
    count = word_count(stem)
    return count >= _MIN_STEM_COUNT and count >= _STEM_RATIO * word_count(word)


def _split_article(rest: str) -> tuple[str | None, str]:
    """ال + stem, when rest starts with the article and is not a listed whole word."""
    if rest.startswith("ال") and len(rest) - 2 >= _MIN_STEM and rest not in _exceptions():
        return "ال", rest[2:]
    return None, rest


@lru_cache(maxsize=16384)  # the words that recur; a crawl's new words would grow it without end
def split_clitics(word: str) -> tuple[tuple[str, ...], str, str | None, int, int]:
    """Split a normalised word: (prefixes, stem, suffix, chars before stem, chars after stem).

    Suffix detection needs the original letter (ة is normalised to ه but is no pronoun), so the
    caller passes words whose final ه came from ة with a trailing marker removed: see tokenize.
    """
    if word in _exceptions() or len(word) <= _MIN_STEM:
        return (), word, None, 0, 0
    prefixes: list[str] = []
    rest = word
    if rest[0] in _CONJUNCTIONS and len(rest) - 1 >= _MIN_STEM and _proclitic_ok(rest[1:], word):
        prefixes.append(rest[0])
        rest = rest[1:]
    if rest[:2] == "لل" and len(rest) > 3 and rest not in _exceptions():
        # ل + ال written لل: للجيش = ل + (ا)ل + جيش
        prefixes += ["ل", "ال"]
        rest = rest[2:]
    else:
        if rest[0] in _PREPOSITIONS and len(rest) - 1 >= _MIN_STEM and _proclitic_ok(rest[1:], word):
            prefixes.append(rest[0])
            rest = rest[1:]
        article, rest = _split_article(rest)
        if article:
            prefixes.append(article)
    consumed = len(word) - len(rest)
    suffix = None
    if not prefixes or prefixes[-1] != "ال":  # a definite noun takes no pronoun suffix
        for enclitic in _ENCLITICS:
            stem = rest[: -len(enclitic)]
            if rest.endswith(enclitic) and len(stem) >= _MIN_STEM and _known_stem(stem, rest):
                suffix = enclitic
                rest = stem
                break
    tail = len(suffix) if suffix else 0
    return tuple(prefixes), rest, suffix, consumed, tail


def _proclitic_ok(rest: str, word: str) -> bool:
    if rest in _exceptions():
        return True
    if _known_stem(rest, word):
        return True
    article, bare = _split_article(rest)
    return article is not None and word_count(bare) >= _MIN_STEM_COUNT


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` (a fresh list; its tokens are shared with other callers: read only)."""
    return list(_tokenize(text))


@lru_cache(maxsize=8)
def _tokenize(text: str) -> tuple[Token, ...]:
    norm = normalize(text)
    return tuple(_token(text, norm, match.start(), match.end(), match.group())
                 for match in _TOKEN.finditer(norm.text))


class WordTokens:
    """The word tokens of a text (numbers and words, no punctuation), built only when read.

    `norms[i]` is the normalised form of word i; `self[i]` builds its full `Token` on first use.
    Stages that look at a few words out of many (figures, their qualifiers) skip the clitic
    splitting and offset mapping of all the others; `self[i]` equals the i-th word token of
    `tokenize(text)`.
    """

    def __init__(self, text: str, tokens: list[Token] | None = None) -> None:
        """The words of `text`, or of `tokens` when its tokens are already known."""
        self._text = text
        self._norm = normalize(text)
        if tokens is None:
            # split keeps the words at odd indices; summed part lengths give every word's span
            parts = _WORD_SPLIT.split(self._norm.text)
            self.norms: list[str] = parts[1::2]
            self._bounds = list(accumulate(map(len, parts)))
            self._built: dict[int, Token] = {}
        else:
            words = [t for t in tokens if t.is_word]
            self._bounds = []
            self.norms = [t.norm for t in words]
            self._built = dict(enumerate(words))

    def __len__(self) -> int:
        return len(self.norms)

    def __getitem__(self, i: int) -> Token:
        if i < 0:
            i += len(self.norms)
        token = self._built.get(i)
        if token is None:
            start, end = self._bounds[2 * i], self._bounds[2 * i + 1]
            token = self._built[i] = _token(self._text, self._norm, start, end, self.norms[i])
        return token


def _token(text: str, norm: NormText, n_start: int, n_end: int, word: str) -> Token:
    """The token of the normalised span [n_start, n_end) whose normalised form is `word`."""
    identity = norm.to_orig is None  # nothing deleted: normalised offsets are original ones
    start, end = (n_start, n_end) if identity else norm.original_span(n_start, n_end)
    surface = text[start:end]
    if not (word[0].isalpha() and "\u0621" <= word[0] <= "\u064a"):
        is_word = word[0].isalnum() or word[0] == "_"
        return Token(start, end, surface, word, (), word, None, start, end, is_word)
    prefixes, stem, suffix, head, tail = split_clitics(word)
    if suffix == "ه" and text[norm.orig_index(n_end - 1)] == "ة":
        stem, suffix, tail = stem + "ه", None, 0
    if identity:
        stem_start, stem_end = n_start + head, n_end - tail
    else:
        stem_start, stem_end = norm.original_span(n_start + head, n_end - tail)
    return Token(start, end, surface, word, prefixes, stem, suffix, stem_start, stem_end)
