"""Duplicate articles: takes articles one by one (and, to resume, the (id, text) pairs already
stored), returns for each the id of an earlier article it duplicates, or None.

Exact duplicates share the hash of their normalised words (so diacritics, hamza spelling,
punctuation and spacing do not matter); near duplicates — the same report with a few words
changed, a different headline, a line added — are found with MinHash over word 3-grams and
LSH (datasketch), confirmed by the estimated Jaccard similarity, and — when both dates are
known — published within a few days of each other: outlets reuse templates for recurring
notices (traffic plans for each derby, water cuts), and those are different events.

State is bounded, whatever the input's size: a near copy is found when its original is among
the last `window` original articles seen (5,000 by default, about 30 MB at 6 KB an article;
copies of one report come out within hours, and are only matched within a few days anyway),
an exact copy when its original is among the last `exact_window` articles (50,000, about
15 MB). Older articles are forgotten first. datasketch (slow to import) is loaded only when a
second article arrives.
"""
from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from hadath.record import ArticleMeta
from hadath.text.normalize import normalize

if TYPE_CHECKING:
    from datasketch import MinHash

NEAR_DUPLICATE_JACCARD = 0.7  # share of word 3-grams two reports of one text have in common
NUM_PERM = 128
SHINGLE_WORDS = 3
NEAR_DUPLICATE_DAYS = 3  # a near copy published further apart is a new, templated report
WINDOW = 5_000  # original articles kept for near-duplicate comparison
EXACT_WINDOW = 50_000  # articles whose word hash is kept
_WORD = re.compile(r"\w+")


class Deduplicator:
    """Remembers the articles it has seen (the last `window` and `exact_window` of them, see
    the module) and says which earlier one a new article repeats."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD, num_perm: int = NUM_PERM,
                 *, window: int = WINDOW, exact_window: int = EXACT_WINDOW) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.window = window
        self.exact_window = max(exact_window, window)
        self._arrivals = 0
        self._order: dict[str, int] = {}  # id → arrival rank: "earlier" means a smaller rank
        self._exact: dict[bytes, str] = {}  # hash of normalised words → first id with them
        self._keys: dict[str, bytes] = {}
        self._signatures: dict[str, MinHash] = {}
        self._dates: dict[str, date] = {}
        self._seen: deque[str] = deque()  # ids in arrival order, oldest first
        self._kept: deque[str] = deque()  # ids with a signature, oldest first
        self._lsh: Any = None  # made with the first signature
        self._pending: tuple[str, list[str]] | None = None  # the first article's words

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
        key = hashlib.sha1(" ".join(words).encode("utf-8")).digest()
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
        signature = None
        if first is not None and earlier(first):
            match: str | None = first
        elif not self._order and words:
            # The first article has nothing to be compared with: its signature (and
            # datasketch) wait for a second one.
            match = None
            if not known:
                self._pending = (article_id, words)
        else:
            self._sign_pending()
            signature = self._signature(words)
            match = (self._nearest(signature, lambda o: earlier(o) and near_in_time(o))
                     if signature is not None else None)
        if not known:
            self._remember(article_id, key, day)
            if signature is not None and match is None:
                # A duplicate's signature adds nothing: its original answers for it.
                self._keep(article_id, signature)
        return match

    def _remember(self, article_id: str, key: bytes, day: date | None) -> None:
        self._order[article_id] = self._arrivals
        self._arrivals += 1
        self._seen.append(article_id)
        self._keys[article_id] = key
        if day is not None:
            self._dates[article_id] = day
        self._exact.setdefault(key, article_id)
        while len(self._seen) > self.exact_window:
            self._forget(self._seen.popleft())

    def _keep(self, article_id: str, signature: MinHash) -> None:
        self._signatures[article_id] = signature
        self._lsh.insert(article_id, signature)
        self._kept.append(article_id)
        while len(self._kept) > self.window:
            self._unsign(self._kept.popleft())

    def _forget(self, article_id: str) -> None:
        key = self._keys.pop(article_id)
        if self._exact.get(key) == article_id:
            del self._exact[key]
        del self._order[article_id]
        self._dates.pop(article_id, None)
        if self._pending and self._pending[0] == article_id:
            self._pending = None
        self._unsign(article_id)

    def _unsign(self, article_id: str) -> None:
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def _sign_pending(self) -> None:
        if self._pending is None:
            return
        article_id, words = self._pending
        self._pending = None
        signature = self._signature(words)
        if signature is not None:
            self._keep(article_id, signature)

    def _signature(self, words: list[str]) -> MinHash | None:
        if not words:
            return None
        from datasketch import MinHash, MinHashLSH  # slow to import: only with a second article

        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
            # built once: making permutations is the slow part
            template = MinHash(num_perm=self.num_perm)
            self._permutations, self._scheme = template.permutations, template.scheme
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
