"""Page furniture: takes one line of a news page, says whether it belongs to the site
(share bars, "اقرأ أيضا" links, "مقالات ذات صلة", cookie notices, copyright lines, date
lines under the headline) rather than to the article. The patterns are data:
`data/ingest/furniture.tsv`; some count only at the page's edges, above or below the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from hadath.ingest.datafiles import read_rows
from hadath.text.normalize import normalize, normalize_key

Where = Literal["anywhere", "tail", "edge"]
_PLACES: tuple[Where, ...] = ("anywhere", "tail", "edge")
# Punctuation and bullets trimmed from both ends of a line before matching, so that
# "اقرأ أيضاً:" and "» اقرأ أيضا" match the same pattern.
_EDGE_PUNCTUATION = " \t:：-|•·»«\"'.,،…>›<‹*#/\\()[]{}؛!؟?_=~▪●■►◄"
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class _Patterns:
    whole_line: re.Pattern[str] | None
    prefixes: tuple[tuple[re.Pattern[str], int], ...]  # (pattern, max words in the line)


@dataclass(frozen=True)
class FurniturePatterns:
    by_place: dict[str, _Patterns]  # "anywhere", "tail" and "edge"
    max_words: int  # no furniture line is longer than this
    # trailers: furniture appended to the end of the last paragraph ("رابط الخبر بصحيفة X: …")
    trailers: tuple[tuple[re.Pattern[str], int], ...] = ()


@lru_cache(maxsize=1)
def furniture_patterns() -> FurniturePatterns:
    """Compile the furniture patterns once: whole-line ones into a single alternation each."""
    whole: dict[str, list[str]] = {place: [] for place in _PLACES}
    prefixes: dict[str, list[tuple[re.Pattern[str], int]]] = {place: [] for place in _PLACES}
    longest = 3
    trailers: list[tuple[re.Pattern[str], int]] = []
    for kind, where, max_words, pattern, _note in read_rows("furniture.tsv"):
        if where not in whole:
            raise ValueError(f"furniture.tsv: unknown place {where!r} (one of {_PLACES})")
        pattern = normalize_key(pattern)
        if kind == "line":
            whole[where].append(f"(?:{pattern})")
        elif kind == "trailer":
            trailers.append((re.compile(pattern, re.IGNORECASE), int(max_words)))
        elif kind == "prefix":
            prefixes[where].append((re.compile(pattern, re.IGNORECASE), int(max_words)))
            longest = max(longest, int(max_words))
        else:
            raise ValueError(f"furniture.tsv: unknown kind {kind!r} (line, prefix or trailer)")
    return FurniturePatterns(
        by_place={
            where: _Patterns(
                re.compile("|".join(whole[where]), re.IGNORECASE) if whole[where] else None,
                tuple(prefixes[where]),
            )
            for where in whole
        },
        max_words=longest,
        trailers=tuple(trailers),
    )


def furniture_key(line: str) -> str:
    """The form of `line` that patterns are matched against."""
    return normalize_key(line).lower().strip(_EDGE_PUNCTUATION)


def furniture_place(line: str) -> Where | None:
    """"anywhere" when `line` is site furniture wherever it stands, "tail" when it is a
    heading that opens the page's footer ("مقالات ذات صلة"), "edge" when it is furniture
    only above or below the article (a date line), None when it is article text."""
    patterns = furniture_patterns()
    n_words = len(_WORD.findall(line))
    if n_words > patterns.max_words:
        return None
    key = furniture_key(line)
    if not key:
        return "anywhere"  # only punctuation or bullets: a separator line
    for where in _PLACES:
        group = patterns.by_place[where]
        if group.whole_line is not None and group.whole_line.fullmatch(key):
            return where
        if any(n_words <= limit and p.match(key) for p, limit in group.prefixes):
            return where
    return None


def is_furniture(line: str, at_edge: bool = True) -> bool:
    """True when `line` (one whole line of a page) is site furniture, not article text;
    `at_edge` says whether it stands above the article's first paragraph or below its last."""
    place = furniture_place(line)
    return place in ("anywhere", "tail") or (place == "edge" and at_edge)


def trailer_start(line: str) -> int | None:
    """Where furniture appended to the end of `line` begins (its index in `line`), if any:
    "… للعلاج. رابط الخبر بصحيفة الوئام: <headline>" → the index of "رابط"."""
    norm = normalize(line)
    for pattern, max_words in furniture_patterns().trailers:
        for match in pattern.finditer(norm.text):
            if len(_WORD.findall(norm.text[match.start():])) <= max_words:
                return norm.original_span(match.start(), match.end())[0]
    return None
