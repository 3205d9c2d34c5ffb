"""Arabic normalisation that never loses the way back to the original characters.

`normalize(text)` returns a `NormText`: the normalised string plus, for every normalised
character, the index of the original character it came from. Substitutions are one to one
(أ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي, ٣ → 3, “ → "), deletions drop diacritics, tatweel,
zero-width and bidi marks; presentation forms (ﻻ) may expand to several characters that all
point at their one source character. `NormText.original_span(s, e)` maps a normalised span
back to `text`, taking in the diacritics that follow its last letter.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters dropped outright: harakat and Quranic marks, superscript alef, tatweel,
# zero-width and bidi controls, the Arabic letter mark, BOM, soft hyphen.
_DELETED = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u00ad", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

# One-to-one substitutions.
_SUBSTITUTED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "٪": "%", "٫": ".", "٬": ",",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"', "″": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\t": " ",
}
for _i in range(10):
    _SUBSTITUTED[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _SUBSTITUTED[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits

_DELETE_MARK = "\x00"
_TABLE = str.maketrans({**_SUBSTITUTED, **{c: _DELETE_MARK for c in _DELETED}})
_LETTER_MARKS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"])
# Presentation forms (FB50–FDFF, FE70–FEFF) decompose under NFKC into ordinary letters.
_KEPT_RUN = re.compile("[^\x00]+")
_PRESENTATION_RANGES = "\ufb50-\ufdff\ufe70-\ufefe"
_PRESENTATION = re.compile(f"[{_PRESENTATION_RANGES}]")
# Each character `_TABLE` changes, to its one replacement character (the deletion mark for a
# dropped one); no replacement is itself changed, so replacing them one after another is
# `translate` in one pass.
_ONE_TO_ONE = {chr(c): r for c, r in _TABLE.items()}
# The characters to change or expand: Arabic prose has few distinct ones, and replacing those
# few is much faster than `str.translate`, which looks every character up.
_CHANGED = re.compile("[" + "".join(re.escape(c) for c in _ONE_TO_ONE) + _PRESENTATION_RANGES + "]")


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised string with its map back to the original string."""

    original: str
    text: str
    # to_orig[i] is the index in `original` of the character normalised character i came from.
    # None means the identity map (nothing was deleted or expanded).
    to_orig: tuple[int, ...] | None

    def orig_index(self, i: int) -> int:
        return i if self.to_orig is None else self.to_orig[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span [start, end) to a span of the original text."""
        if start >= end:
            pos = len(self.original) if start >= len(self.text) else self.orig_index(start)
            return pos, pos
        o_start = self.orig_index(start)
        o_end = self.orig_index(end - 1) + 1
        # Take in the marks written on the last letter (حلبَ, حلـ) but not what follows.
        limit = self.orig_index(end) if end < len(self.text) else len(self.original)
        while o_end < limit and self.original[o_end] in _LETTER_MARKS:
            o_end += 1
        return o_start, o_end


def normalize_char(ch: str) -> str:
    """The normalised form of one character ('' when it is dropped)."""
    return _normalize_cached(ch)


@lru_cache(maxsize=4096)
def _normalize_cached(ch: str) -> str:
    if _PRESENTATION.match(ch):
        ch = unicodedata.normalize("NFKC", ch)
    return "".join(c for c in ch.translate(_TABLE) if c != _DELETE_MARK)


@lru_cache(maxsize=16)
def normalize(text: str) -> NormText:
    """Normalise Arabic `text`, keeping a map from every output character to its source.

    Cached: the stages of one article all normalise the same text, and pay for it once.
    """
    return _normalize(text)


def _mapped(text: str) -> str | None:
    """`text.translate(_TABLE)`, or None when `text` has presentation forms (they expand)."""
    found = set(_CHANGED.findall(text))
    for ch in found:
        replacement = _ONE_TO_ONE.get(ch)
        if replacement is None:
            return None
        text = text.replace(ch, replacement)
    return text


def _normalize(text: str) -> NormText:
    mapped = _mapped(text)
    if mapped is None:
        return _normalize_slow(text)
    if _DELETE_MARK not in mapped:
        return NormText(text, mapped, None)
    keep: list[int] = []
    for run in _KEPT_RUN.finditer(mapped):  # extend by ranges: fast on long texts
        keep.extend(range(run.start(), run.end()))
    return NormText(text, mapped.replace(_DELETE_MARK, ""), tuple(keep))


def _normalize_slow(text: str) -> NormText:
    chars: list[str] = []
    to_orig: list[int] = []
    for i, ch in enumerate(text):
        out = _normalize_cached(ch)
        chars.append(out)
        to_orig.extend([i] * len(out))
    return NormText(text, "".join(chars), tuple(to_orig))


# The letters `usual_spelling` folds: other scripts' forms of Arabic letters (Persian,
# Urdu) and non-Western digits; the letters Arabic spelling itself varies on (hamza, ة, ى)
# are kept.
_FOREIGN_FORMS = {"ک": "ك", "ڪ": "ك", "ی": "ي", "ې": "ي", "ە": "ه"}
_USUAL_TABLE = str.maketrans({
    **_FOREIGN_FORMS, **{c: r for c, r in _SUBSTITUTED.items() if r.isdigit()},
    **{c: None for c in _DELETED}})


def usual_spelling(word: str) -> str:
    """`word` as most Arabic print spells it, for models that read text as written (a
    pretrained encoder): diacritics, tatweel and invisible marks dropped, Persian and Urdu
    letter forms and Arabic-Indic digits folded, presentation forms expanded. Unlike
    `normalize`, hamza, ة and ى stay as they are. A word that is nothing but marks is kept."""
    if _PRESENTATION.search(word):
        word = unicodedata.normalize("NFKC", word)
    return word.translate(_USUAL_TABLE) or word


def normalize_key(text: str) -> str:
    """The normalised form of a lexicon entry or query, for matching (no offsets kept)."""
    if len(text) <= _SHORT_KEY:
        return _short_key(text)
    return _key(text)


# Later stages look words up by the dozen per article ("في", "الشرطة"), mostly words seen in
# earlier articles: those are cached; longer strings (article windows) are not.
_SHORT_KEY = 12


@lru_cache(maxsize=1 << 14)
def _short_key(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    mapped = _mapped(text)
    norm = _normalize_slow(text).text if mapped is None else mapped.replace(_DELETE_MARK, "")
    return " ".join(norm.split())
