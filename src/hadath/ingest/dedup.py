"""Duplicate articles: takes articles one by one (and, to resume, the (id, text) pairs already
stored), returns for each the id of an earlier article it duplicates, or None.

Exact duplicates share the hash of their normalised words (so diacritics, hamza spelling,
punctuation and spacing do not matter); near duplicates — the same report with a few words
changed, a different headline, a line added — are found with MinHash over word 3-grams and
LSH (datasketch), confirmed by the estimated Jaccard similarity, and — when both dates are
known — published within a few days of each other: outlets reuse templates for recurring
notices (traffic plans for each derby, water cuts), and those are different events.
Memory: about 1 KB an article.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date

from datasketch import MinHash, MinHashLSH

from hadath.record import ArticleMeta
from hadath.text.normalize import normalize

NEAR_DUPLICATE_JACCARD = 0.7  # share of word 3-grams two reports of one text have in common
NUM_PERM = 128
SHINGLE_WORDS = 3
NEAR_DUPLICATE_DAYS = 3  # a near copy published further apart is a new, templated report
_WORD = re.compile(r"\w+")


class Deduplicator:
    """Remembers the articles it has seen and says which earlier one a new article repeats."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._order: dict[str, int] = {}  # id → arrival rank: "earlier" means a smaller rank
        self._exact: dict[str, str] = {}  # hash of normalised words → first id with them
        self._signatures: dict[str, MinHash] = {}
        self._dates: dict[str, date] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        template = MinHash(num_perm=num_perm)  # built once: making permutations is the slow part
        self._permutations, self._scheme = template.permutations, template.scheme

    def __len__(self) -> int:
        return len(self._order)

    def add(self, article_id: str, text: str, published: str | None = None) -> None:
        """Remember an article already stored (so re-runs and resumed batches see it)."""
        self._find_and_remember(article_id, text, published)

    def check(self, meta: ArticleMeta) -> str | None:
        """The id of the earliest-seen article `meta` duplicates, or None; sets
        `meta.duplicate_of` and remembers `meta`. An id seen before is compared only with
        articles that came before it, so re-running a batch gives the same answers."""
        meta.duplicate_of = self._find_and_remember(meta.id, meta.text, meta.published)
        return meta.duplicate_of

    def _find_and_remember(self, article_id: str, text: str, published: str | None) -> str | None:
        words = _WORD.findall(normalize(text).text.lower())
        key = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
        rank = self._order.get(article_id)
        known = rank is not None
        day = _day(published)

        def earlier(other: str) -> bool:
            return other != article_id and (rank is None or self._order[other] < rank)

        def near_in_time(other: str) -> bool:
            other_day = self._dates.get(other)
            return day is None or other_day is None or abs((day - other_day).days) <= \
                NEAR_DUPLICATE_DAYS

        first = self._exact.get(key)
        if first is not None and earlier(first):
            match: str | None = first
            signature = None
        else:
            signature = self._signature(words)
            match = (self._nearest(signature, lambda o: earlier(o) and near_in_time(o))
                     if signature is not None else None)
        if not known:
            self._order[article_id] = len(self._order)
            if day is not None:
                self._dates[article_id] = day
            self._exact.setdefault(key, article_id)
            if signature is not None and match is None:
                # A duplicate's signature adds nothing: its original answers for it.
                self._signatures[article_id] = signature
                self._lsh.insert(article_id, signature)
        return match

    def _signature(self, words: list[str]) -> MinHash | None:
        if not words:
            return None
        n = min(SHINGLE_WORDS, len(words))
        shingles = {" ".join(words[i:i + n]).encode("utf-8") for i in range(len(words) - n + 1)}
        signature = MinHash(num_perm=self.num_perm, permutations=self._permutations,
                            scheme=self._scheme)
        signature.update_batch(list(shingles))
        return signature

    def _nearest(self, signature: MinHash, earlier: Callable[[str], bool]) -> str | None:
        best: tuple[float, int, str] | None = None
        for candidate in self._lsh.query(signature):
            if not earlier(candidate):
                continue
            similarity = signature.jaccard(self._signatures[candidate])
            if similarity < self.threshold:
                continue
            ranked = (-similarity, self._order[candidate], candidate)
            if best is None or ranked < best:
                best = ranked
        return best[2] if best else None


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
