"""The trained CRF tagger: loading it with its feature configuration and tagging words.

`tag_tokens(tokens)` returns IOB2 labels (B-PERS, I-LOC, …, O) for one sentence;
`NerModel.tag_document(sentences)` tags a whole article, so that a two-pass model can use
what its first pass found in neighbouring sentences. The model lives in `data/ner/`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite  # type: ignore[import-untyped]

from hadath.ner.document import memory_features
from hadath.ner.features import FeatureConfig, normalized_words, sentence_features

MODEL_FILE = "ner.crfsuite"
FIRST_PASS_FILE = "ner_first_pass.crfsuite"
META_FILE = "ner_model.json"

Tagged = tuple[list[str], list[float]]  # labels and each label's marginal probability


def model_dir() -> Path:
    return Path(str(resources.files("hadath") / "data" / "ner"))


@dataclass
class NerModel:
    tagger: pycrfsuite.Tagger
    config: FeatureConfig
    meta: dict[str, Any]
    first_pass: NerModel | None = None

    def _features(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        if self.first_pass is None or self.config.doc_window <= 0:
            return [sentence_features(s, self.config) for s in sentences]
        first = self.first_pass.tag_document(sentences)
        memory = memory_features([normalized_words(s, self.config) for s in sentences], first,
                                 self.config.doc_window)
        return [sentence_features(s, self.config, memory=m) for s, m in zip(sentences, memory)]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """Labels for every sentence of one document (an article, a CoNLL file)."""
        return [list(self.tagger.tag(f)) if f else [] for f in self._features(sentences)]

    def tag_document_with_marginals(self, sentences: list[list[str]]) -> list[Tagged]:
        tagged: list[Tagged] = []
        for features in self._features(sentences):
            labels = list(self.tagger.tag(features)) if features else []
            tagged.append((labels, [self.tagger.marginal(lab, i) for i, lab in enumerate(labels)]))
        return tagged

    def tag(self, words: list[str]) -> list[str]:
        return self.tag_document([words])[0]


def load_model(directory: Path | None = None) -> NerModel:
    """The tagger saved in `directory` (the packaged model when None)."""
    return _load(str(directory or model_dir()))


def _open(path: Path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@lru_cache(maxsize=4)
def _load(directory: str) -> NerModel:
    path = Path(directory)
    meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    first = meta.get("first_pass")
    first_pass = None if first is None else NerModel(
        _open(path / FIRST_PASS_FILE), FeatureConfig.from_dict(first["features"]), first)
    return NerModel(_open(path / MODEL_FILE), FeatureConfig.from_dict(meta["features"]), meta,
                    first_pass)


def tag_tokens(tokens: list[str]) -> list[str]:
    """IOB2 labels over PERS ORG LOC MISC for one sentence of ANERcorp-style tokens."""
    return load_model().tag(tokens)


def tag_document_with_marginals(sentences: list[list[str]]) -> list[Tagged]:
    """Labels and marginals for every sentence of one document."""
    return load_model().tag_document_with_marginals(sentences)
