"""Training the CRF tagger on the public gold corpora.

`train_crf(sentences, out_dir, config, ...)` writes `ner.crfsuite` and `ner_model.json` (the
feature configuration, corpora, sizes and licences) into `out_dir`; `train_default(data_dir,
out_dir)` trains on ANERcorp train, NewsFANE and AQMAR — never on the ANERcorp test split.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from hadath.ner.corpora import TaggedSentence, training_corpora
from hadath.ner.features import FeatureConfig, sentence_features
from hadath.ner.gazetteers import available_gazetteers
from hadath.ner.model import META_FILE, MODEL_FILE

LICENCES = {
    "anercorp_train": "ANERcorp (Benajiba, Rosso & Benedí 2007), CAMeL Lab split; free for research",
    "newsfane": "NewsFANE Gold (Alotaibi & Lee, COLING 2014); CC BY-SA 3.0",
    "aqmar": "AQMAR Arabic Wikipedia NER (Mohit et al. 2012); CC BY-SA 3.0",
}


@dataclass(frozen=True)
class CrfParams:
    c1: float = 0.05  # L1 keeps the model small and drops useless features
    c2: float = 0.01
    max_iterations: int = 150
    min_freq: int = 1


def train_crf(corpora: dict[str, list[TaggedSentence]], out_dir: Path, config: FeatureConfig,
              params: CrfParams = CrfParams(), extra_meta: dict[str, Any] | None = None,
              verbose: bool = False) -> dict[str, Any]:
    """Train on the sentences of `corpora` (by name) and save the model with its metadata."""
    started = time.monotonic()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    sentences = [s for corpus in corpora.values() for s in corpus]
    for name, corpus in corpora.items():
        for sentence in corpus:
            words = [w for w, _ in sentence]
            trainer.append(sentence_features(words, config, name),
                           [label for _, label in sentence])
    trainer.set_params({"c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
                        "feature.minfreq": params.min_freq,
                        "feature.possible_transitions": True})
    out_dir.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out_dir / MODEL_FILE))
    meta = {
        "model": "python-crfsuite linear-chain CRF (L-BFGS)",
        "features": config.to_dict(),
        "params": {"c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
                   "min_freq": params.min_freq},
        "sentences": len(sentences),
        "tokens": sum(len(s) for s in sentences),
        "train_seconds": round(time.monotonic() - started, 1),
        **(extra_meta or {}),
    }
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    return meta


def train_default(data_dir: Path, out_dir: Path, corpora: tuple[str, ...] = tuple(LICENCES),
                  params: CrfParams = CrfParams(), domain_adapt: bool = False,
                  verbose: bool = False) -> dict[str, Any]:
    """Train the shipped model from the public gold in `data_dir`.

    Domain adaptation is off by default: on a held-out sixth of ANERcorp train it scored
    77.1 F1 against 77.4 for plain pooling, at twice the features.
    """
    available = training_corpora(data_dir)
    config = FeatureConfig(gazetteers=available_gazetteers(),
                           target_domain="anercorp_train" if domain_adapt else None)
    extra = {"corpora": {name: {"sentences": len(available[name]),
                                "tokens": sum(len(s) for s in available[name]),
                                "licence": LICENCES[name]} for name in corpora}}
    return train_crf({name: available[name] for name in corpora}, out_dir, config, params,
                     extra, verbose)
