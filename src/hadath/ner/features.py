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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        return cls(version=data["version"], window=data["window"],
                   affix_lengths=tuple(data["affix_lengths"]), clusters=data["clusters"],
                   gazetteers=tuple(data["gazetteers"]),
                   target_domain=data.get("target_domain"))


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


def sentence_features(words: list[str], config: FeatureConfig,
                      domain: str | None = None) -> list[list[str]]:
    """One list of feature strings for every word of one sentence.

    `domain` names the training corpus of the sentence (None when tagging: the target's).
    """
    rows = _plain_features(words, config)
    domain = domain or config.target_domain
    if domain is not None and config.target_domain is not None:
        rows = [row + [f"{domain}|{f}" for f in row] for row in rows]
    return rows


def _plain_features(words: list[str], config: FeatureConfig) -> list[list[str]]:
    infos = [_word_features(w, config.affix_lengths, config.clusters) for w in words]
    n = len(infos)
    gaz = gazetteer_tags([i.norm for i in infos], config.gazetteers) if config.gazetteers else None
    rows: list[list[str]] = []
    for i, info in enumerate(infos):
        row = ["bias", *info.own]
        if i == 0:
            row.append("BOS")
        if i == n - 1:
            row.append("EOS")
        for d in range(-config.window, config.window + 1):
            j = i + d
            if d == 0:
                continue
            if not 0 <= j < n:
                row.append(f"{d}:pad")
                continue
            seen = infos[j].near if abs(d) == 1 else infos[j].far
            row += [f"{d}:{f}" for f in seen]
            if gaz is not None and abs(d) == 1:
                row += [f"{d}:{g}" for g in gaz[j]]
        if i > 0:
            row.append(f"bi-1={infos[i - 1].norm}|{info.norm}")
        if i < n - 1:
            row.append(f"bi+1={info.norm}|{infos[i + 1].norm}")
        if gaz is not None:
            row += gaz[i]
        rows.append(row)
    return rows
