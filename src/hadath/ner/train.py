"""Training the CRF tagger on the public gold corpora.

`train_crf(corpora, out_dir, config, ...)` writes `ner_weights.bin` and `ner_model.json` (the
feature configuration, corpora, sizes and licences). With `config.doc_window > 0` it trains
two passes: the first pass's labels on the training text come from k-fold jackknifing, so the
second pass learns how far to trust a first pass that has not seen the sentence.
`train_default(data_dir, out_dir)` trains the shipped model; never on the ANERcorp test split.
"""
from __future__ import annotations

import json
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import pycrfsuite  # type: ignore[import-untyped]

from hadath.ner.corpora import TaggedSentence, hold_out_tenth, training_corpora
from hadath.ner.crf import CrfWeights
from hadath.ner.document import (
    COMMON_MAX_NAME_RATE,
    COMMON_MIN_COUNT,
    Consistency,
    common_words,
    memory_features,
)
from hadath.ner.features import FeatureConfig, normalized_words, sentence_features
from hadath.ner.gazetteers import available_gazetteers
from hadath.ner.model import COMMON_WORDS_FILE, FIRST_PASS_FILE, META_FILE, MODEL_FILE
from hadath.text.normalize import normalize_key

LICENCES = {
    "anercorp_train": "ANERcorp (Benajiba, Rosso & Benedí 2007), CAMeL Lab split; free for research",
    "newsfane": "NewsFANE Gold (Alotaibi & Lee, COLING 2014); CC BY-SA 3.0",
    "aqmar": "AQMAR Arabic Wikipedia NER (Mohit et al. 2012); CC BY-SA 3.0",
}
Corpora = dict[str, list[TaggedSentence]]
Memory = dict[str, list[list[list[str]]]]  # corpus → sentence → word → features


@dataclass(frozen=True)
class CrfParams:
    # L1 keeps the model small and drops useless features; 0.05 pruned names away (held-out
    # ANERcorp train F1 70.5 at 0.05, 72.4 at 0.01)
    c1: float = 0.01
    c2: float = 0.01
    max_iterations: int = 150
    min_freq: int = 1
    folds: int = 2  # jackknife folds for a two-pass model
    first_pass_iterations: int = 60  # the first pass only needs to find the obvious names


def _fit(corpora: Corpora, path: Path, config: FeatureConfig, params: CrfParams,
         memory: Memory | None = None, verbose: bool = False) -> None:
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for name, corpus in corpora.items():
        for k, sentence in enumerate(corpus):
            words = [w for w, _ in sentence]
            extra = memory[name][k] if memory is not None else None
            trainer.append(sentence_features(words, config, name, extra),
                           [label for _, label in sentence])
    trainer.set_params({"c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
                        "feature.minfreq": params.min_freq,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def _fit_weights(corpora: Corpora, out: Path, config: FeatureConfig, params: CrfParams,
                 memory: Memory | None = None, verbose: bool = False) -> None:
    """Train with crfsuite, then keep only the weights tagging reads (`CrfWeights.save`)."""
    with tempfile.TemporaryDirectory() as scratch:
        model = Path(scratch) / "model.crfsuite"
        _fit(corpora, model, config, params, memory, verbose)
        CrfWeights.read(model, config.target_domain).save(out)


def _fold(corpus: list[TaggedSentence], fold: int, folds: int) -> tuple[int, int]:
    # contiguous folds keep an article's sentences together, as they are at tagging time
    return len(corpus) * fold // folds, len(corpus) * (fold + 1) // folds


def _jackknife_memory(corpora: Corpora, config: FeatureConfig, params: CrfParams,
                      scratch: Path) -> Memory:
    """Document memory of every training sentence from first passes that never saw it."""
    first: dict[str, list[list[str]]] = {name: [[] for _ in c] for name, c in corpora.items()}
    for fold in range(params.folds):
        spans = {name: _fold(c, fold, params.folds) for name, c in corpora.items()}
        rest = {name: c[: spans[name][0]] + c[spans[name][1]:] for name, c in corpora.items()}
        _fit(rest, scratch / "first_pass.crfsuite", config, params)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(scratch / "first_pass.crfsuite"))
        for name, corpus in corpora.items():
            for k in range(*spans[name]):
                first[name][k] = list(tagger.tag(sentence_features(
                    [w for w, _ in corpus[k]], config, name)))
        tagger.close()
    return {name: memory_features([normalized_words([w for w, _ in s], config) for s in c],
                                  first[name], config.doc_window)
            for name, c in corpora.items()}


def train_crf(corpora: Corpora, out_dir: Path, config: FeatureConfig,
              params: CrfParams = CrfParams(), extra_meta: dict[str, Any] | None = None,
              verbose: bool = False) -> dict[str, Any]:
    """Train on the sentences of `corpora` (by name) and save the model with its metadata."""
    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    meta: dict[str, Any] = {"model": "python-crfsuite linear-chain CRF (L-BFGS), its weights "
                                     "folded onto the target corpus in a numpy archive",
                            "features": config.to_dict(), "params": asdict(params)}
    memory = None
    if config.doc_window > 0:
        first_config = replace(config, doc_window=0)
        first_params = replace(params, max_iterations=params.first_pass_iterations)
        with tempfile.TemporaryDirectory() as scratch:
            memory = _jackknife_memory(corpora, first_config, first_params, Path(scratch))
        _fit_weights(corpora, out_dir / FIRST_PASS_FILE, first_config, first_params,
                     verbose=verbose)
        meta["first_pass"] = {"file": FIRST_PASS_FILE, "features": first_config.to_dict()}
    else:
        (out_dir / FIRST_PASS_FILE).unlink(missing_ok=True)
    _fit_weights(corpora, out_dir / MODEL_FILE, config, params, memory, verbose)
    meta.update({
        "sentences": sum(len(c) for c in corpora.values()),
        "tokens": sum(len(s) for c in corpora.values() for s in c),
        "train_seconds": round(time.monotonic() - started, 1),
        **(extra_meta or {}),
    })
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    return meta


def train_default(data_dir: Path, out_dir: Path, corpora: tuple[str, ...] = tuple(LICENCES),
                  params: CrfParams = CrfParams(), doc_window: int = 0,
                  verbose: bool = False) -> dict[str, Any]:
    """Train the shipped model from the public gold in `data_dir`.

    Measured on the last sixth of ANERcorp train held out (overall F1): ANERcorp alone 71.1,
    with gazetteer features 71.8; the three corpora pooled 66.5 (their conventions clash);
    pooled with corpus feature augmentation and gazetteers 73.7 (the default); plus document
    memory (doc_window=10) 73.1 at twice the tagging time, so that is off. (Those figures used
    clusters with SaudiNewsNet, since dropped.) On the last tenth held out, with the ANT
    clusters: c1 0.05 gives 70.5, c1 0.01 72.4 (the default), c1 0.003 72.0 at 25 MB; cue-word
    features (titles, organisation heads, given names) 71.3-72.5; clusters that add the gold
    corpora's text 72.5; repeating confident names (`document.propagate`) 74.0.
    """
    available = training_corpora(data_dir)
    config = FeatureConfig(gazetteers=available_gazetteers(), target_domain="anercorp_train",
                           doc_window=doc_window)
    extra = {"consistency": asdict(Consistency()),
             "corpora": {name: {"sentences": len(available[name]),
                                "tokens": sum(len(s) for s in available[name]),
                                "licence": LICENCES[name]} for name in corpora}}
    return train_crf({name: available[name] for name in corpora}, out_dir, config, params,
                     extra, verbose)


def save_common_words(data_dir: Path, out_dir: Path, held_out: bool = False) -> int:
    """Write the words that are mostly not names (`document.common_words`, from the gold
    corpora; with `held_out`, without the last tenth of ANERcorp train and NewsFANE's copies
    of it) to `out_dir`; returns how many."""
    available = training_corpora(data_dir)
    if held_out:
        available = hold_out_tenth(available)[0]
    sentences = [s for corpus in available.values() for s in corpus]
    words = common_words(sentences, (normalize_key(w) or w for s in sentences for w, _ in s))
    header = (f"# Normalised words seen at least {COMMON_MIN_COUNT} times in the gold corpora "
              f"and inside a name\n# less than {COMMON_MAX_NAME_RATE:.0%} of the time "
              "(document.common_words): name repetition never\n# repeats one alone. Word "
              "counts of ANERcorp train (research use; Benajiba, Rosso &\n# Benedi 2007), "
              "NewsFANE Gold and AQMAR (CC BY-SA 3.0). Rebuilt by `hadath train ner`.\n")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / COMMON_WORDS_FILE).write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    return len(words)
