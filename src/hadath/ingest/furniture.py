"""Page furniture: takes one line of a news page, says whether it belongs to the site
(share bars, "اقرأ أيضا" links, "مقالات ذات صلة", cookie notices, copyright lines) rather
than to the article. The patterns are data: `data/ingest/furniture.tsv`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hadath.ingest.datafiles import read_rows
from hadath.text.normalize import normalize_key

# Punctuation and bullets trimmed from both ends of a line before matching, so that
# "اقرأ أيضاً:" and "» اقرأ أيضا" match the same pattern.
_EDGE_PUNCTUATION = " \t:：-|•·»«\"'.,،…>›<‹*#/\\()[]{}؛!؟?_=~▪●■►◄"
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class FurniturePatterns:
    whole_line: re.Pattern[str]
    prefixes: tuple[tuple[re.Pattern[str], int], ...]  # (pattern, max words in the line)
    max_words: int  # no furniture line is longer than this


@lru_cache(maxsize=1)
def furniture_patterns() -> FurniturePatterns:
    """Compile the furniture patterns once: whole-line ones into a single alternation."""
    whole: list[str] = []
    prefixes: list[tuple[re.Pattern[str], int]] = []
    longest = 3
    for kind, max_words, pattern, _note in read_rows("furniture.tsv"):
        pattern = normalize_key(pattern)
        if kind == "line":
            whole.append(f"(?:{pattern})")
        elif kind == "prefix":
            prefixes.append((re.compile(pattern, re.IGNORECASE), int(max_words)))
            longest = max(longest, int(max_words))
        else:
            raise ValueError(f"furniture.tsv: unknown kind {kind!r} (expected line or prefix)")
    return FurniturePatterns(
        whole_line=re.compile("|".join(whole), re.IGNORECASE),
        prefixes=tuple(prefixes),
        max_words=longest,
    )


def furniture_key(line: str) -> str:
    """The form of `line` that patterns are matched against."""
    return normalize_key(line).lower().strip(_EDGE_PUNCTUATION)


def is_furniture(line: str) -> bool:
    """True when `line` (one whole line of a page) is site furniture, not article text."""
    patterns = furniture_patterns()
    n_words = len(_WORD.findall(line))
    if n_words > patterns.max_words:
        return False
    key = furniture_key(line)
    if not key:
        return True  # only punctuation or bullets: a separator line
    if patterns.whole_line.fullmatch(key):
        return True
    return any(n_words <= limit and p.match(key) for p, limit in patterns.prefixes)
