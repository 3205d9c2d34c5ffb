"""Features of each word for the CRF: the word, its normalised form, clitics and stem,
affixes, shape, clusters and gazetteer memberships, and the same of its neighbours.

`FeatureConfig` is saved with the model so tagging uses exactly the training features;
`sentence_features(words, config)` returns one list of feature strings per word.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

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


def _shape(word: str) -> str:
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


@lru_cache(maxsize=300_000)
def _word_features(word: str, affix_lengths: tuple[int, ...], use_clusters: bool) -> _WordFeatures:
    norm = normalize_key(word) or word
    prefix, stem = split_clitics(norm)
    shape = _shape(norm)
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
class _WordView:
    """A word's features in its own position and, prefixed by the offset, as a neighbour
    sees it; with the domain copies already made (cached: words repeat)."""

    norm: str
    own: tuple[str, ...]
    seen_at: dict[int, tuple[str, ...]]


@lru_cache(maxsize=300_000)
def _word_view(word: str, config: FeatureConfig, domain: str | None) -> _WordView:
    base = _word_features(word, config.affix_lengths, config.clusters)
    own = ("bias", *base.own)
    seen_at = {d: tuple(f"{d}:{f}" for f in (base.near if abs(d) == 1 else base.far))
               for d in range(-config.window, config.window + 1) if d}
    if domain is not None:
        own += tuple(f"{domain}|{f}" for f in own)
        seen_at = {d: v + tuple(f"{domain}|{f}" for f in v) for d, v in seen_at.items()}
    return _WordView(base.norm, own, seen_at)


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
    views = [_word_view(w, config, domain) for w in words]
    n = len(views)
    gaz = gazetteer_tags([v.norm for v in views], config.gazetteers) if config.gazetteers else None
    rows: list[list[str]] = []
    for i, view in enumerate(views):
        row = list(view.own)
        extra = _position_features(i, n, config.window, views, gaz)
        if memory is not None:
            extra += memory[i]
            if i > 0:
                extra += [f"-1:{f}" for f in memory[i - 1]]
            if i + 1 < n:
                extra += [f"1:{f}" for f in memory[i + 1]]
        row += extra
        if domain is not None:
            row += [f"{domain}|{f}" for f in extra]
        for d in range(-config.window, config.window + 1):
            if d and 0 <= i + d < n:
                row += views[i + d].seen_at[d]
        rows.append(row)
    return rows


def _position_features(i: int, n: int, window: int, views: list[_WordView],
                       gaz: list[list[str]] | None) -> list[str]:
    """Features that depend on the word's place in the sentence, not on the word alone."""
    extra = [f"{d}:pad" for d in range(-window, window + 1) if d and not 0 <= i + d < n]
    if i == 0:
        extra.append("BOS")
    else:
        extra.append(f"bi-1={views[i - 1].norm}|{views[i].norm}")
    if i == n - 1:
        extra.append("EOS")
    else:
        extra.append(f"bi+1={views[i].norm}|{views[i + 1].norm}")
    if gaz is not None:
        extra += gaz[i]
        for d in (-1, 1):
            if 0 <= i + d < n:
                extra += [f"{d}:{g}" for g in gaz[i + d]]
    return extra
