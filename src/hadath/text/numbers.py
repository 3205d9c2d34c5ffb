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
from hadath.text.tokens import Token, tokenize

_MAX_CUE_WORDS = 4


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[int, str]]  # normalised word -> (value, role)
    ordinals: dict[str, int]
    vague: dict[tuple[str, ...], int]  # word sequence -> value
    qualifiers: dict[tuple[str, ...], str]  # word sequence -> min | approx | max
    function_words: frozenset[str]
    first_words: frozenset[str]  # first words of the vague and qualifier sequences


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
    return _Lexicon(words, ordinals, vague, qualifiers, function_words, first_words)


def _digit_value(token: Token) -> float | int:
    """1500, "1,500", "2.670.395" (thousands), "3.5", "1,5" and "1.234,5" (decimals)."""
    raw = token.norm
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


def _word(token: Token, continuing: bool) -> tuple[int, str] | None:
    """(value, role) of a number word; a continuing word may carry the conjunction و."""
    if not token.is_word or token.is_number or "ال" in token.prefixes:
        return None
    words = _lexicon().words
    if continuing and token.norm.startswith("و") and token.norm[1:] in words:
        return words[token.norm[1:]]  # "وخمسون": rare words keep their و in the tokenizer
    if token.prefixes:
        return None
    return words.get(token.norm)


def _read_words(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Parse number words from tokens[i]; return (value, index after the last word)."""
    lex_words = _lexicon().words
    total, current, j = 0, 0, i
    while j < len(tokens):
        entry = _word(tokens[j], continuing=j > i)
        if entry is None:
            break
        value, role = entry
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        teen = nxt is not None and not nxt.prefixes and lex_words.get(nxt.norm, (0, ""))[0] == 10
        if role == "teen_unit" and not teen:
            break
        if role in ("unit", "teen_unit") and teen:
            current += value + 10
            j += 2
            continue
        if role == "scale":
            if current == 0 and tokens[j].norm != "الف" and tokens[j].norm != "مليون":
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


def _match_sequence(tokens: list[Token], i: int, table: dict[tuple[str, ...], Any]) -> int:
    """Length of the longest key of table that the token norms starting at i spell, or 0."""
    if i >= len(tokens) or tokens[i].norm not in _lexicon().first_words:
        return 0
    best = 0
    for key in table:
        n = len(key)
        if n > best and i + n <= len(tokens) and tuple(t.norm for t in tokens[i : i + n]) == key:
            best = n
    return best


def _qualifier_before(tokens: list[Token], i: int) -> tuple[str | None, int]:
    quals = _lexicon().qualifiers
    for n in range(_MAX_CUE_WORDS, 0, -1):
        if i - n >= 0 and tuple(t.norm for t in tokens[i - n : i]) in quals:
            return quals[tuple(t.norm for t in tokens[i - n : i])], i - n
    return None, i


def find_numbers(text: str, tokens: list[Token] | None = None) -> list[NumberExpr]:
    """All figures of `text` in order, with offsets into `text` (`tokens`: its tokens, if known)."""
    tokens = [t for t in (tokens if tokens is not None else tokenize(text)) if t.is_word]
    lex = _lexicon()
    found: list[NumberExpr] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        vague_len = _match_sequence(tokens, i, lex.vague)
        value: float | int
        ordinal = vague = False
        if token.is_number:
            value, j = _digit_value(token), i + 1
            nxt = tokens[j] if j < len(tokens) else None
            if nxt is not None and not nxt.prefixes and lex.words.get(nxt.norm, (0, ""))[1] == "scale":
                value, j = value * lex.words[nxt.norm][0], j + 1
            value = int(value) if float(value).is_integer() else value
        elif vague_len:
            key = tuple(t.norm for t in tokens[i : i + vague_len])
            value, j, vague = lex.vague[key], i + vague_len, True
        elif (parsed := _read_words(tokens, i)) is not None:
            value, j = parsed
        elif token.norm in lex.ordinals:
            value, j, ordinal = lex.ordinals[token.norm], i + 1, True
        else:
            i += 1
            continue
        upper = None
        if not ordinal and not vague:
            upper, j = _range_end(text, tokens, i, j)
        figure = _figure(text, tokens, i, j, value, vague, ordinal)
        figure.max_value = upper
        if upper is not None and i > 0 and tokens[i - 1].norm == "بين":
            figure.start = min(figure.start, tokens[i - 1].start)
            figure.surface = text[figure.start : figure.end]
        found.append(figure)
        i = max(j, i + 1)
    return found


def _single_value(tokens: list[Token], i: int) -> tuple[float | int, int] | None:
    token = tokens[i]
    if token.is_number:
        return _digit_value(token), i + 1
    return _read_words(tokens, i)


def _range_end(text: str, tokens: list[Token], i: int, j: int) -> tuple[float | int | None, int]:
    """The upper bound of "بين 20 و25", "من 20 إلى 25", "20 إلى 25"; (None, j) if none."""
    if j >= len(tokens) or not _adjacent(text, tokens[j - 1], tokens[j]):
        return None, j
    before = tokens[i - 1].norm if i > 0 else ""
    connector = tokens[j]
    if connector.norm in ("و", "الي", "حتي") and j + 1 < len(tokens):
        if connector.norm == "و" and before != "بين":
            return None, j
        second = _single_value(tokens, j + 1)
    elif connector.prefixes == ("و",) and before == "بين":
        second = _read_words(tokens, j) if not connector.is_number else None
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
    text: str, tokens: list[Token], i: int, j: int, value: float, vague: bool, ordinal: bool
) -> NumberExpr:
    lex = _lexicon()
    qualifier, first = (None, i) if ordinal else _qualifier_before(tokens, i)
    last = j
    noun = None
    if not ordinal and j < len(tokens) and _adjacent(text, tokens[j - 1], tokens[j]):
        nxt = tokens[j]
        if nxt.stem not in lex.function_words and not nxt.is_number and nxt.norm not in lex.words:
            noun, last = nxt.norm, j + 1
    # "200 على الأقل", "قتيلا على الأقل": a qualifier may also follow the figure or its noun
    after = _match_sequence(tokens, last, lex.qualifiers)
    if after and not _adjacent(text, tokens[last - 1], tokens[last]):
        after = 0
    if not ordinal and after and qualifier is None:
        qualifier = lex.qualifiers[tuple(t.norm for t in tokens[last : last + after])]
        last += after
    start, end = tokens[first].start, tokens[last - 1].end
    return NumberExpr(
        start=start, end=end, surface=text[start:end], value=value,
        min=qualifier == "min", approx=qualifier == "approx", vague=vague,
        ordinal=ordinal, noun=noun,
    )

