"""Split raw Arabic text into words and punctuation the way ANERcorp is tokenised.

`split_words(text)` returns `(start, end)` spans into `text`: letters, digits and the marks
written on them stay together with their clitics (وبحلب is one word); every punctuation
character is a word of its own; a number keeps its decimal and thousands separators.
"""
from __future__ import annotations

import re

# A number with its separators (3.5, 1,200, ٣٫٥) first, so "." inside it is not split off;
# then a run of word characters with harakat, tatweel and joiners; then any other mark alone.
_WORD = re.compile(
    r"\d+(?:[.,٫٬]\d+)*"
    r"|[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u200c\u200d]+"
    r"|[^\s\u200e\u200f\u061c\ufeff]"
)


def split_words(text: str) -> list[tuple[int, int]]:
    """Character spans of the words and punctuation marks of `text`, in order."""
    return [m.span() for m in _WORD.finditer(text)]


def word_strings(text: str) -> list[str]:
    """The words and punctuation marks of `text` as strings (for corpora without offsets)."""
    return _WORD.findall(text)
