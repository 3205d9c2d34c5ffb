"""Clitic splitting for the tagger's features: `split_clitics(word) -> (prefix, stem)`.

The proclitics (و ف ب ل ك ال and their stacks) come from `data/ner/clitics.tsv`. The article
is always stripped; a bare و ف ب ل ك only when news frequencies say it is a clitic, so that
بغداد and لبنان keep their first letter while وحلب and بدمشق lose it.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from hadath.ner.caches import WORD_CACHE
from hadath.text.vocab import word_count

_MIN_STEM = 2
_MIN_STEM_AFTER_LETTER = 3  # و+يد is not a reading of وليد (Walid)
# Conjunctions start far more unknown words than root letters do; prepositions do not.
_UNKNOWN_WORD_CLITICS = frozenset({"و", "ف"})


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    table = resources.files("hadath") / "data" / "ner" / "clitics.tsv"
    rows = [r.split("\t")[0] for r in table.read_text(encoding="utf-8").splitlines()
            if r and not r.startswith("#")]
    return tuple(sorted((p for p in rows[1:]), key=len, reverse=True))


def _is_clitic(prefix: str, word: str, stem: str) -> bool:
    if "ال" in prefix or prefix == "لل":
        return True
    if len(stem) < _MIN_STEM_AFTER_LETTER:
        return False
    whole = word_count(word)
    rest = max(word_count(stem), word_count("ال" + stem))
    if whole == 0 and rest == 0:
        return prefix in _UNKNOWN_WORD_CLITICS
    return rest > whole


@lru_cache(maxsize=WORD_CACHE)
def split_clitics(norm_word: str) -> tuple[str, str]:
    """(proclitics, stem) of a normalised word; ("", word) when nothing is stripped."""
    for prefix in _prefixes():
        stem = norm_word[len(prefix):]
        if (norm_word.startswith(prefix) and len(stem) >= _MIN_STEM
                and _is_clitic(prefix, norm_word, stem)):
            return prefix, stem
    return "", norm_word
