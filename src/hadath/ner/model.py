"""The trained CRF tagger: loading it with its feature configuration and tagging words.

`tag_tokens(tokens)` returns IOB2 labels (B-PERS, I-LOC, …, O); `tag_with_marginals(tokens)`
also returns each label's marginal probability. The model lives in `data/ner/`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite

from hadath.ner.features import FeatureConfig, sentence_features

MODEL_FILE = "ner.crfsuite"
META_FILE = "ner_model.json"


def model_dir() -> Path:
    return Path(str(resources.files("hadath") / "data" / "ner"))


@dataclass
class NerModel:
    tagger: pycrfsuite.Tagger
    config: FeatureConfig
    meta: dict[str, Any]

    def tag(self, words: list[str]) -> list[str]:
        if not words:
            return []
        return list(self.tagger.tag(sentence_features(words, self.config)))

    def tag_with_marginals(self, words: list[str]) -> tuple[list[str], list[float]]:
        if not words:
            return [], []
        labels = list(self.tagger.tag(sentence_features(words, self.config)))
        return labels, [self.tagger.marginal(label, i) for i, label in enumerate(labels)]


def load_model(directory: Path | None = None) -> NerModel:
    """The tagger saved in `directory` (the packaged model when None)."""
    return _load(str(directory or model_dir()))


@lru_cache(maxsize=4)
def _load(directory: str) -> NerModel:
    path = Path(directory)
    meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path / MODEL_FILE))
    return NerModel(tagger, FeatureConfig.from_dict(meta["features"]), meta)


def tag_tokens(tokens: list[str]) -> list[str]:
    """IOB2 labels over PERS ORG LOC MISC for one sentence of ANERcorp-style tokens."""
    return load_model().tag(tokens)


def tag_with_marginals(tokens: list[str]) -> tuple[list[str], list[float]]:
    """Labels for one sentence and the marginal probability of each chosen label."""
    return load_model().tag_with_marginals(tokens)
