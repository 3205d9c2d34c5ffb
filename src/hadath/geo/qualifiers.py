"""Words around a toponym that say what it denotes: ريف، محافظة، حي، أطراف مدينة، الغربي، الليبية.

`qualifiers_before(norm, start)` returns the chain of qualifier roles written before a name and
where the chain starts; `direction_after(norm, end)` the end of trailing direction adjectives
(ريف حلب الغربي); `adjective_country(norm, end)` the country of a nationality adjective that
follows (طرابلس الليبية → LY); `has_place_preposition` and `is_metonym_cue` read one word.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hadath.geo.gazetteer import load_gazetteer, read_tsv, word_list
from hadath.geo.matcher import PROCLITICS, is_word_char
from hadath.text.normalize import normalize_key

MAX_CHAIN = 3
_CLITIC_SIZES = sorted({len(c) for c in PROCLITICS}, reverse=True)  # longest first
# Words that put a place as the location of something (في حلب، من إدلب، إلى الرقة).
PLACE_PREPOSITIONS = frozenset(
    normalize_key(w) for w in ("في", "من", "إلى", "الى", "نحو", "قرب", "باتجاه", "حتى", "عن",
                               "داخل", "بين", "عبر", "مدينة", "بلدة", "قرية", "حي", "مع", "على",
                               "ضد", "لدى", "تجاه", "فوق", "خارج")
)


@dataclass(frozen=True, slots=True)
class Qualifier:
    role: str  # countryside | admin1 | admin2 | settlement | neighbourhood | near | landmark
    word: str  # the qualifier as written in normalised form ("ريف", "اطراف")
    start: int  # normalised offset where the qualifier (without its clitics) starts


@lru_cache(maxsize=1)
def _qualifier_phrases() -> dict[tuple[str, ...], str]:
    return {tuple(normalize_key(r["word"]).split()): r["role"] for r in read_tsv("qualifiers.tsv")}


def all_qualifier_words() -> list[str]:
    """Every one-word qualifier, normalised."""
    return [words[0] for words in _qualifier_phrases() if len(words) == 1]


def qualifier_role(word: str) -> str | None:
    """The role of a one-word qualifier ("قرية" → settlement), None if it is not one."""
    return _qualifier_phrases().get((word,))


def _words_before(norm: str, pos: int, count: int) -> list[tuple[str, int]]:
    """Up to `count` words ending before `pos`, nearest last, with their start offsets."""
    words: list[tuple[str, int]] = []
    i = pos
    while len(words) < count:
        while i > 0 and norm[i - 1] == " ":
            i -= 1
        end = i
        while i > 0 and (norm[i - 1].isalnum() or norm[i - 1] == "_"):  # is_word_char, inlined
            i -= 1
        if i == end:
            break
        words.append((norm[i:end], i))
    return list(reversed(words))


def _word_after(norm: str, pos: int) -> tuple[str, int, int]:
    i = pos
    while i < len(norm) and norm[i] in ' "\'()':  # مدينة "أليكونت" الإسبانية
        i += 1
    j = i
    while j < len(norm) and is_word_char(norm[j]):
        j += 1
    return norm[i:j], i, j


def qualifiers_before(norm: str, start: int, prefix: str) -> list[Qualifier]:
    """The qualifiers chained before a name, outermost first ("اطراف مدينة حلب" → near, settlement)."""
    if prefix:  # a clitic on the name itself (بحلب) leaves no room for a qualifier
        return []
    phrases = _qualifier_phrases()
    chain: list[Qualifier] = []
    pos = start
    while len(chain) < MAX_CHAIN:
        found = None
        words = _words_before(norm, pos, 3)
        for size in (3, 2, 1):
            if len(words) >= size:
                found = _qualifier_in(words[-size:], phrases)
                if found:
                    break
        if not found:
            break
        chain.insert(0, found)
        if norm[found.start - 1:found.start] not in ("", " "):
            break  # the qualifier carries a clitic (بريف): nothing further can chain
        pos = found.start
    return chain


def _qualifier_in(group: list[tuple[str, int]], phrases: dict[tuple[str, ...], str]) -> Qualifier | None:
    """The qualifier that the words of `group` spell, its first word perhaps led by clitics
    (بريف), the longest clitic reading first."""
    first, first_start = group[0]
    rest = tuple(w for w, _ in group[1:])
    for size in _CLITIC_SIZES:
        clitic = first[:size]
        if len(clitic) < size or clitic not in PROCLITICS:
            continue
        head = (first[size:], *rest)
        role = phrases.get(head)
        if role and role != "direction_adj":
            return Qualifier(role, " ".join(head), first_start + size)
    return None


@lru_cache(maxsize=1)
def _direction_adjectives() -> frozenset[str]:
    return frozenset(normalize_key(r["word"]) for r in read_tsv("qualifiers.tsv")
                     if r["role"] == "direction_adj")


def direction_after(norm: str, end: int) -> int:
    """The end of direction adjectives after a name (ريف إدلب الجنوبي الشرقي), else `end`."""
    adjectives = _direction_adjectives()
    word, _, word_end = _word_after(norm, end)
    if word not in adjectives:
        return end
    second, _, second_end = _word_after(norm, word_end)
    if f"{word} {second}" in adjectives:
        return second_end
    return word_end


def adjective_country(norm: str, end: int) -> str | None:
    """The country of a nationality adjective right after a name (صور اللبنانية → LB)."""
    word, _, _ = _word_after(norm, end)
    return load_gazetteer().adjectives.get(word)


def next_word(norm: str, end: int) -> str:
    return _word_after(norm, end)[0]


def previous_word(norm: str, start: int) -> str:
    return previous_word_span(norm, start)[0]


def previous_word_span(norm: str, start: int) -> tuple[str, int]:
    """The word right before `start` and its start offset ("", start when there is none)."""
    words = _words_before(norm, start, 1)
    return words[0] if words else ("", start)


def has_place_preposition(norm: str, start: int, prefix: str) -> bool:
    """A locative clitic (بحلب، لحلب) or a preposition word before the name (في حلب)."""
    if prefix.endswith(("ب", "ل")):
        return True
    return previous_word(norm, start) in PLACE_PREPOSITIONS


def is_metonym_cue(word: str) -> bool:
    """A verb of saying or acting: its subject or object capital is the government."""
    for clitic in ("", "و", "ف"):
        if word.startswith(clitic) and word[len(clitic):] in word_list("metonym_cues.tsv"):
            return True
    return False
