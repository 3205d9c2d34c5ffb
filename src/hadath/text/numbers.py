"""Figures in Arabic news: digits, Arabic-Indic digits and number words, with their qualifiers.

`find_numbers(text)` returns `NumberExpr`s whose span covers the qualifier, the figure and the
counted noun ("ما لا يقل عن 200 مسلح" → 200, min). Words compose as Arabic counts do:
"مائة وخمسة وخمسون" → 155, "ثلاثة آلاف" → 3000, "2.5 مليون" → 2500000. Vague quantities
follow ACLED ("عشرات" → 10, "مئات" → 100) and are flagged `vague`; "بين 20 و25" is a range.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from hadath.record import NumberExpr
from hadath.text.normalize import normalize_key
from hadath.text.tokens import Token, WordTokens

_MAX_CUE_WORDS = 4


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[int, str]]  # normalised word -> (value, role)
    ordinals: dict[str, int]
    vague: dict[tuple[str, ...], int]  # word sequence -> value
    qualifiers: dict[tuple[str, ...], str]  # word sequence -> min | approx | max
    function_words: frozenset[str]
    first_words: frozenset[str]  # first words of the vague and qualifier sequences
    vague_keys: dict[str, list[tuple[str, ...]]]  # the vague sequences by their first word
    qualifier_keys: dict[str, list[tuple[str, ...]]]  # the qualifier sequences by first word
    openers: frozenset[str]  # words a figure can start with: number words, ordinals, first words


def _rows(name: str) -> list[list[str]]:
    path = resources.files("hadath") / "data" / "text" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return [[normalize_key(row[0]), *row[1:]] for row in rows]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words = {row[0]: (int(row[1]), row[2]) for row in _rows("number_words.tsv")}
    ordinals = {row[0]: int(row[1]) for row in _rows("ordinals.tsv")}
    vague: dict[tuple[str, ...], int] = {}
    qualifiers: dict[tuple[str, ...], str] = {}
    for row in _rows("number_cues.tsv"):
        key = tuple(row[0].split())
        if row[1] == "vague":
            vague[key] = int(row[2])
        else:
            qualifiers[key] = row[1]
    function_words = frozenset(w for (w,) in _rows("function_words.txt"))
    first_words = frozenset(key[0] for key in [*vague, *qualifiers])
    openers = frozenset([*words, *ordinals, *first_words])
    return _Lexicon(words, ordinals, vague, qualifiers, function_words, first_words,
                    _by_first_word(vague), _by_first_word(qualifiers), openers)


def _by_first_word(table: dict[tuple[str, ...], Any]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for key in table:
        index.setdefault(key[0], []).append(key)
    return index


def _digit_value(raw: str) -> float | int:
    """1500, "1,500", "2.670.395" (thousands), "3.5", "1,5" and "1.234,5" (decimals)."""
    seps = [c for c in raw if c in ".,"]
    groups = re.split(r"[.,]", raw)
    if not seps:
        return int(raw)
    if len(set(seps)) == 2:  # "1,234.5" / "1.234,5": the last separator is the decimal one
        whole, decimal = "".join(groups[:-1]), groups[-1]
        return float(f"{whole}.{decimal}")
    if len(seps) > 1 or (seps[0] == "," and len(groups[1]) == 3):
        if all(len(g) == 3 for g in groups[1:]):
            return int("".join(groups))
        return int(groups[0])
    return float(f"{groups[0]}.{groups[1]}")


def _word(words: WordTokens, j: int, continuing: bool) -> tuple[int, str] | None:
    """(value, role) of a number word; a continuing word may carry the conjunction و."""
    lex_words = _lexicon().words
    norm = words.norms[j]
    bare = norm[1:] if continuing and norm.startswith("و") else None
    if norm not in lex_words and bare not in lex_words:
        return None  # the common case, decided without building the token
    token = words[j]
    if not token.is_word or token.is_number or "ال" in token.prefixes:
        return None
    if bare is not None and bare in lex_words:
        return lex_words[bare]  # "وخمسون": rare words keep their و in the tokenizer
    if token.prefixes:
        return None
    return lex_words.get(norm)


def _read_words(words: WordTokens, i: int) -> tuple[int, int] | None:
    """Parse number words from word i; return (value, index after the last word)."""
    lex_words = _lexicon().words
    norms = words.norms
    total, current, j = 0, 0, i
    while j < len(norms):
        entry = _word(words, j, continuing=j > i)
        if entry is None:
            break
        value, role = entry
        teen = (j + 1 < len(norms) and lex_words.get(norms[j + 1], (0, ""))[0] == 10
                and not words[j + 1].prefixes)
        if role == "teen_unit" and not teen:
            break
        if role in ("unit", "teen_unit") and teen:
            current += value + 10
            j += 2
            continue
        if role == "scale":
            if current == 0 and norms[j] != "الف" and norms[j] != "مليون":
                break  # "آلاف" on its own is vague, not 1000
            total += max(current, 1) * value
            current = 0
        elif role == "hundred" and value == 100 and 0 < current < 10:
            current *= 100
        else:
            current += value
        j += 1
    if j == i:
        return None
    return total + current, j


def _match_sequence(norms: list[str], i: int, keys: dict[str, list[tuple[str, ...]]]) -> int:
    """Length of the longest of `keys` (by first word) that the words starting at i spell, or 0."""
    if i >= len(norms):
        return 0
    best = 0
    for key in keys.get(norms[i], ()):
        n = len(key)
        if n > best and i + n <= len(norms) and tuple(norms[i : i + n]) == key:
            best = n
    return best


def _qualifier_before(norms: list[str], i: int) -> tuple[str | None, int]:
    quals = _lexicon().qualifiers
    for n in range(_MAX_CUE_WORDS, 0, -1):
        if i - n >= 0 and tuple(norms[i - n : i]) in quals:
            return quals[tuple(norms[i - n : i])], i - n
    return None, i


def find_numbers(text: str, tokens: list[Token] | None = None) -> list[NumberExpr]:
    """All figures of `text` in order, with offsets into `text` (`tokens`: its tokens, if known)."""
    words = WordTokens(text, tokens)
    norms = words.norms
    lex = _lexicon()
    found: list[NumberExpr] = []
    # Only a digit or a listed word can open a figure; every other word is passed over unread.
    starts = [i for i, norm in enumerate(norms) if norm in lex.openers or norm[:1].isdigit()]
    resume = 0
    for i in starts:
        if i < resume:
            continue
        figure = _figure_at(text, words, i)
        if figure is None:
            continue
        found.append(figure[0])
        resume = max(figure[1], i + 1)
    return found


def _figure_at(text: str, words: WordTokens, i: int) -> tuple[NumberExpr, int] | None:
    """The figure that starts at word i and the index after it, or None."""
    lex = _lexicon()
    norms = words.norms
    norm = norms[i]
    vague_len = _match_sequence(norms, i, lex.vague_keys)
    value: float | int
    ordinal = vague = False
    if norm[:1].isdigit():
        value, j = _digit_value(norm), i + 1
        if (j < len(norms) and lex.words.get(norms[j], (0, ""))[1] == "scale"
                and not words[j].prefixes):
            value, j = value * lex.words[norms[j]][0], j + 1
        value = int(value) if float(value).is_integer() else value
    elif vague_len:
        key = tuple(norms[i : i + vague_len])
        value, j, vague = lex.vague[key], i + vague_len, True
    elif (parsed := _read_words(words, i)) is not None:
        value, j = parsed
    elif norm in lex.ordinals:
        value, j, ordinal = lex.ordinals[norm], i + 1, True
    else:
        return None
    upper = None
    if not ordinal and not vague:
        upper, j = _range_end(text, words, i, j)
    figure = _figure(text, words, i, j, value, vague, ordinal)
    figure.max_value = upper
    if upper is not None and i > 0 and norms[i - 1] == "بين":
        figure.start = min(figure.start, words[i - 1].start)
        figure.surface = text[figure.start : figure.end]
    return figure, j


def _single_value(words: WordTokens, i: int) -> tuple[float | int, int] | None:
    if words.norms[i][:1].isdigit():
        return _digit_value(words.norms[i]), i + 1
    return _read_words(words, i)


def _range_end(text: str, words: WordTokens, i: int, j: int) -> tuple[float | int | None, int]:
    """The upper bound of "بين 20 و25", "من 20 إلى 25", "20 إلى 25"; (None, j) if none."""
    norms = words.norms
    if j >= len(norms):
        return None, j
    before = norms[i - 1] if i > 0 else ""
    joined = norms[j] in ("و", "الي", "حتي")
    if not joined and not (before == "بين" and norms[j].startswith("و")):
        return None, j  # no connector: decided without building the tokens
    if not _adjacent(text, words[j - 1], words[j]):
        return None, j
    connector = words[j]
    if joined and j + 1 < len(norms):
        if connector.norm == "و" and before != "بين":
            return None, j
        second = _single_value(words, j + 1)
    elif connector.prefixes == ("و",) and before == "بين":
        second = _read_words(words, j) if not connector.is_number else None
    else:
        return None, j
    if second is None:
        return None, j
    return second


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Only spaces between two tokens: no punctuation, no line break (a figure's noun or
    qualifier never lies across "2016. كما")."""
    return text[left.end : right.start].strip(" ") == ""


def _figure(
    text: str, words: WordTokens, i: int, j: int, value: float, vague: bool, ordinal: bool
) -> NumberExpr:
    lex = _lexicon()
    norms = words.norms
    qualifier, first = (None, i) if ordinal else _qualifier_before(norms, i)
    last = j
    noun = None
    if not ordinal and j < len(norms) and _adjacent(text, words[j - 1], words[j]):
        nxt = words[j]
        if nxt.stem not in lex.function_words and not nxt.is_number and nxt.norm not in lex.words:
            noun, last = nxt.norm, j + 1
    # "200 على الأقل", "قتيلا على الأقل": a qualifier may also follow the figure or its noun
    after = _match_sequence(norms, last, lex.qualifier_keys)
    if after and not _adjacent(text, words[last - 1], words[last]):
        after = 0
    if not ordinal and after and qualifier is None:
        qualifier = lex.qualifiers[tuple(norms[last : last + after])]
        last += after
    start, end = words[first].start, words[last - 1].end
    return NumberExpr(
        start=start, end=end, surface=text[start:end], value=value,
        min=qualifier == "min", approx=qualifier == "approx", vague=vague,
        ordinal=ordinal, noun=noun,
    )
