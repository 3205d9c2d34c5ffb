"""Word frequencies of Arabic news, used to decide whether a leading letter is a clitic.

`word_count(w)` gives how often the normalised word w occurs in the ANT news corpus
(Apache-2.0, compiled into `data/text/vocab.tsv.gz`); `build_vocab(corpus_dir, out)` rebuilds
that file (`hadath build vocab`).
"""
from __future__ import annotations

import gzip
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from hadath.text.normalize import normalize

_WORD = re.compile(r"[\u0621-\u064a]+")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>|<TITLE>(.*?)</TITLE>", re.DOTALL)
MIN_COUNT = 3
HEADER = (
    "# Normalised word <TAB> count in the ANT Corpus v1.1 (Jawhara FM, 2014-2017; Apache-2.0,\n"
    "# https://github.com/antcorpus/antcorpus.data). Rebuilt by `hadath build vocab`.\n"
)


def _vocab_path() -> Path:
    return Path(str(resources.files("hadath") / "data" / "text" / "vocab.tsv.gz"))


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    with gzip.open(_vocab_path(), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            word, _, count = line.rstrip("\n").partition("\t")
            counts[word] = int(count)
    return counts


def word_count(word: str) -> int:
    """Corpus frequency of a normalised word (0 when unseen)."""
    return _counts().get(word, 0)


def build_vocab(corpus_dir: Path, out: Path | None = None) -> int:
    """Count normalised Arabic words in the ANT corpus files under corpus_dir; return vocab size."""
    counter: Counter[str] = Counter()
    for path in sorted(corpus_dir.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for match in _TEXT.finditer(raw):
            counter.update(_WORD.findall(normalize(match.group(1) or match.group(2)).text))
    out = out or _vocab_path()
    kept = [(w, c) for w, c in counter.most_common() if c >= MIN_COUNT]
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(HEADER)
        handle.writelines(f"{w}\t{c}\n" for w, c in kept)
    _counts.cache_clear()
    return len(kept)
