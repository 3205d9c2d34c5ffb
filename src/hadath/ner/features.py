"""Features of each word for the CRF: the word, its normalised form, clitics and stem,
affixes, shape, clusters and gazetteer memberships, and the same of its neighbours.

`FeatureConfig` is saved with the model so tagging uses exactly the training features;
`sentence_features(words, config)` returns one list of feature strings per word.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from hadath.ner.caches import WORD_CACHE
from hadath.ner.clusters import word_clusters
from hadath.ner.gazetteers import gazetteer_tags
from hadath.ner.stems import split_clitics
from hadath.text.normalize import normalize_key

_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class FeatureConfig:
    """Which features the model was trained with (stored in the model's metadata)."""

    version: int = 1
    window: int = 2
    affix_lengths: tuple[int, ...] = (1, 2, 3)
    clusters: bool = True
    gazetteers: tuple[str, ...] = field(default_factory=tuple)
    # Domain adaptation by feature augmentation (Daumé III 2007): in training every feature
    # also gets a copy specific to its corpus, so corpora with other conventions (AQMAR's
    # broad MISC, NewsFANE's missing MISC) keep their quirks in their own copies; tagging
    # adds the copies of `target_domain`.
    target_domain: str | None = None
    # > 0: a second pass that sees the first pass's types for the same word in the sentences
    # this many before and after (`hadath.ner.document`).
    doc_window: int = 0

    def __post_init__(self) -> None:
        # tuples, not lists (from JSON): the config keys the word-feature cache
        object.__setattr__(self, "affix_lengths", tuple(self.affix_lengths))
        object.__setattr__(self, "gazetteers", tuple(self.gazetteers))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        return cls(version=data["version"], window=data["window"],
                   affix_lengths=tuple(data["affix_lengths"]), clusters=data["clusters"],
                   gazetteers=tuple(data["gazetteers"]),
                   target_domain=data.get("target_domain"),
                   doc_window=data.get("doc_window", 0))


def word_shape(word: str) -> str:
    """digit, alnum, arabic, Latin (capitalised), latin or punct."""
    if _DIGIT.search(word):
        return "digit" if word.replace(".", "").replace(",", "").isdigit() else "alnum"
    if _ARABIC.search(word):
        return "arabic"
    if _LATIN.search(word):
        return "Latin" if word[:1].isupper() else "latin"
    return "punct"


@dataclass(frozen=True, slots=True)
class _WordFeatures:
    norm: str
    own: tuple[str, ...]  # features of the word in its own position
    near: tuple[str, ...]  # what a neighbour at distance 1 sees of it (prefixed later)
    far: tuple[str, ...]  # what a neighbour at distance 2 sees of it


@lru_cache(maxsize=WORD_CACHE)
def _word_features(word: str, affix_lengths: tuple[int, ...], use_clusters: bool) -> _WordFeatures:
    norm = normalize_key(word) or word
    prefix, stem = split_clitics(norm)
    shape = word_shape(norm)
    own = [f"w={word}", f"n={norm}", f"stem={stem}", f"pre={prefix}", f"shape={shape}",
           f"len={min(len(norm), 8)}"]
    own += [f"s{k}={norm[-k:]}" for k in affix_lengths if len(norm) > k]
    own += [f"p{k}={norm[:k]}" for k in affix_lengths if len(norm) > k]
    own += [f"ss{k}={stem[:k]}" for k in affix_lengths if len(stem) > k]
    near = [f"n={norm}", f"stem={stem}", f"pre={prefix}", f"shape={shape}"]
    far = [f"n={norm}"]
    if use_clusters:
        table = word_clusters()
        for tag, key in (("c", norm), ("sc", stem)):
            ids = table.get(key)
            if ids is None and tag == "sc":  # a stem stripped of ال is listed with it
                ids = table.get("ال" + key)
            if ids:
                own += [f"{tag}{i}={c}" for i, c in enumerate(ids)]
                near += [f"{tag}{i}={c}" for i, c in enumerate(ids)]
                far.append(f"{tag}1={ids[1]}")
            else:
                own.append(f"{tag}=none")
    return _WordFeatures(norm, tuple(own), tuple(near), tuple(far))


@dataclass(frozen=True, slots=True)
class WordView:
    """A word's features in its own position and, prefixed by the offset, as a neighbour
    sees it; with the domain copies already made (cached: words repeat)."""

    norm: str
    own: tuple[str, ...]
    seen_at: dict[int, tuple[str, ...]]


@lru_cache(maxsize=WORD_CACHE)
def _word_view(word: str, config: FeatureConfig, domain: str | None) -> WordView:
    base = _word_features(word, config.affix_lengths, config.clusters)
    own = ("bias", *base.own)
    seen_at = {d: tuple(f"{d}:{f}" for f in (base.near if abs(d) == 1 else base.far))
               for d in range(-config.window, config.window + 1) if d}
    if domain is not None:
        own += tuple(f"{domain}|{f}" for f in own)
        seen_at = {d: v + tuple(f"{domain}|{f}" for f in v) for d, v in seen_at.items()}
    return WordView(base.norm, own, seen_at)


def normalized_words(words: list[str], config: FeatureConfig) -> list[str]:
    """The normalised form of every word, as the features see it."""
    return [_word_features(w, config.affix_lengths, config.clusters).norm for w in words]


def sentence_features(words: list[str], config: FeatureConfig, domain: str | None = None,
                      memory: list[list[str]] | None = None) -> list[list[str]]:
    """One list of feature strings for every word of one sentence.

    `domain` names the training corpus of the sentence (None when tagging: the target's);
    `memory` holds each word's document-memory features from a first pass.
    """
    domain = (domain or config.target_domain) if config.target_domain is not None else None
    views = word_views(words, config, domain)
    n = len(views)
    rows: list[list[str]] = []
    for i, extra in enumerate(position_features([v.norm for v in views], config, memory)):
        row = [*views[i].own, *extra]
        if domain is not None:
            row += [f"{domain}|{f}" for f in extra]
        for d in range(-config.window, config.window + 1):
            if d and 0 <= i + d < n:
                row += views[i + d].seen_at[d]
        rows.append(row)
    return rows


def word_views(words: list[str], config: FeatureConfig, domain: str | None) -> list[WordView]:
    """Each word's features in its own position and as its neighbours see it (cached)."""
    return [_word_view(w, config, domain) for w in words]


def position_features(norms: list[str], config: FeatureConfig,
                      memory: list[list[str]] | None = None) -> list[list[str]]:
    """For each word (normalised), the features that depend on its place in the sentence
    (padding, bigrams, gazetteer names covering it) and its document memory; no domain
    copies."""
    n, window = len(norms), config.window
    # built a whole sentence at a time: this runs for every word the pipeline tags
    rows = [[f"{d}:pad" for d in range(-window, window + 1) if d and not 0 <= i + d < n]
            if i < window or i >= n - window else [] for i in range(n)]
    for i, pair in enumerate(f"{a}|{b}" for a, b in pairwise(norms)):
        rows[i].append(f"bi+1={pair}")
        rows[i + 1].append(f"bi-1={pair}")
    if n:
        rows[0].append("BOS")
        rows[-1].append("EOS")
    if config.gazetteers:
        for i, tags in enumerate(gazetteer_tags(norms, config.gazetteers)):
            if tags:
                rows[i] += tags
                if i > 0:
                    rows[i - 1] += [f"1:{g}" for g in tags]
                if i + 1 < n:
                    rows[i + 1] += [f"-1:{g}" for g in tags]
    if memory is not None:
        for i in range(n):
            rows[i] += memory[i]
            if i > 0:
                rows[i] += [f"-1:{f}" for f in memory[i - 1]]
            if i + 1 < n:
                rows[i] += [f"1:{f}" for f in memory[i + 1]]
    return rows
