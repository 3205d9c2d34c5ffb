"""The trained tagger: loading it and tagging words.

Two kinds of model score each word's labels (a `Scorer`): the feature CRF (`CrfScorer`,
trained by python-crfsuite) and the BiLSTM-CRF (`hadath.ner.neural`). The package ships the
CRF and two networks: a fast one, and an accurate one that also reads a pretrained encoder
(`hadath.ner.context`); `load_model(accurate=...)` sums the CRF's scores with one of them
(`SummedScorer`) before the one CRF decoding here.
`tag_tokens(tokens)` returns IOB2 labels (B-PERS, I-LOC, …, O) for one sentence;
`NerModel.tag_document(sentences)` tags a whole article, so that a two-pass model can use
what its first pass found in neighbouring sentences; `tag_document_entities` also gives each
entity a confidence. The model lives in `data/ner/`.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from hadath.ner.caches import WORD_CACHE
from hadath.ner.context import ContextEncoder
from hadath.ner.crf import CrfWeights, best_paths, marginals
from hadath.ner.document import Consistency, Entity, memory_features, propagate
from hadath.ner.features import FeatureConfig, normalized_words, position_features, word_views
from hadath.ner.neural import NeuralWeights
from hadath.ner.scoring import entity_spans
from hadath.text.normalize import normalize_key

MODEL_FILE = "ner_weights.bin"  # the CRF: a numpy .npz archive; the package ships *.bin data
NETWORK_FILE = "ner_network.bin"  # the BiLSTM-CRF (`hadath.ner.neural`), also .npz
NETWORK_META_FILE = "ner_network.json"
# the accurate tier: a BiLSTM-CRF that also reads a pretrained encoder's vectors (`context`)
CONTEXT_FILE = "ner_context.bin"
CONTEXT_NETWORK_FILE = "ner_context_network.bin"
CONTEXT_NETWORK_META_FILE = "ner_context_network.json"
FIRST_PASS_FILE = "ner_first_pass_weights.bin"
META_FILE = "ner_model.json"
# normalised words that are mostly not names (`document.common_words`), one a line
COMMON_WORDS_FILE = "ner_common_words.txt"
_CACHED_WORDS = WORD_CACHE
_BATCH = 32  # sentences tagged together


def model_dir() -> Path:
    return Path(str(resources.files("hadath") / "data" / "ner"))


class Scorer(Protocol):
    """What decoding needs of a model: its labels, transitions and emission scores."""

    labels: tuple[str, ...]
    transitions: np.ndarray

    def emissions(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Word × label scores of each sentence (all non-empty) of one document."""
        ...


@dataclass
class CrfScorer:
    """The feature CRF: a word's scores are the summed weights of its features."""

    weights: CrfWeights
    config: FeatureConfig
    first_pass: NerModel | None = None
    _words: dict[str, tuple[str, np.ndarray]] = field(default_factory=dict, repr=False)

    @property
    def labels(self) -> tuple[str, ...]:
        return self.weights.labels

    @property
    def transitions(self) -> np.ndarray:
        return self.weights.transitions

    def _word(self, word: str) -> tuple[str, np.ndarray]:
        """The word's normalised form and its summed weights in its own position (row
        `window`) and as the neighbour at each offset sees it (row `window + offset`)."""
        found = self._words.get(word)
        if found is None:
            if len(self._words) >= _CACHED_WORDS:
                self._words.clear()
            # domain copies are folded into the weights, so the view carries none
            view = word_views([word], self.config, None)[0]
            window = self.config.window
            found = view.norm, np.stack([self.weights.score(list(view.seen_at[d] if d else view.own))
                                         for d in range(-window, window + 1)])
            self._words[word] = found
        return found

    def _sentence(self, words: list[str], memory: list[list[str]] | None) -> np.ndarray:
        norms, scores = zip(*map(self._word, words))
        per_word = np.stack(scores)
        window, n = self.config.window, len(words)
        emissions = per_word[:, window].copy()
        for d in range(1, min(window, n - 1) + 1):
            emissions[: n - d] += per_word[d:, window + d]  # the word d after sees it at +d
            emissions[d:] += per_word[: n - d, window - d]
        rows, at = [], []
        lookup = self.weights.rows.get
        for i, extra in enumerate(position_features(list(norms), self.config, memory)):
            for feature in extra:
                row = lookup(feature)
                if row is not None:
                    rows.append(row)
                    at.append(i)
        np.add.at(emissions, at, self.weights.states[rows])
        return emissions

    def emissions(self, sentences: list[list[str]]) -> list[np.ndarray]:
        memory: list[list[list[str]] | None] = [None] * len(sentences)
        if self.first_pass is not None and self.config.doc_window > 0:
            first = self.first_pass.tag_document(sentences)
            memory = list(memory_features([normalized_words(s, self.config) for s in sentences],
                                          first, self.config.doc_window))
        return [self._sentence(s, m) for s, m in zip(sentences, memory)]


@dataclass(frozen=True)
class SummedScorer:
    """Models combined as a product of experts: their emission and transition scores added
    up, label by label (on held-out ANERcorp train, 3–4 F1 points over the better of the two
    alone: `data/ner/README.md`)."""

    parts: tuple[Scorer, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return self.parts[0].labels

    def _columns(self, part: Scorer) -> list[int]:
        return [part.labels.index(label) for label in self.labels]

    @cached_property
    def transitions(self) -> np.ndarray:
        return sum((p.transitions[np.ix_(self._columns(p), self._columns(p))]
                    for p in self.parts[1:]), start=self.parts[0].transitions.copy())

    def emissions(self, sentences: list[list[str]]) -> list[np.ndarray]:
        total = self.parts[0].emissions(sentences)
        for part in self.parts[1:]:
            columns = self._columns(part)
            total = [t + e[:, columns] for t, e in zip(total, part.emissions(sentences))]
        return total


@dataclass
class NerModel:
    scorer: Scorer
    meta: dict[str, Any]
    # names the tagger is sure of are repeated where they recur untagged (`document.propagate`)
    consistency: Consistency | None = None
    # tokens with punctuation stuck to them are tagged with it apart (`split_punctuation`)
    punctuation_apart: bool = True
    # lone words that are mostly not names, never repeated as one (`document.common_words`)
    common_words: frozenset[str] = frozenset()

    def _paths(self, sentences: list[list[str]]) -> tuple[list[np.ndarray], list[list[int]]]:
        """Emissions and best label ids of the non-empty sentences, in order."""
        emissions = self.scorer.emissions([s for s in sentences if s])
        paths: list[list[int]] = [[] for _ in emissions]
        for batch in _batches(emissions):
            found = best_paths([emissions[k] for k in batch], self.scorer.transitions)
            for k, path in zip(batch, found):
                paths[k] = path
        return emissions, paths

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """Labels for every sentence of one document (an article, a CoNLL file). Tokens
        with punctuation stuck to them (دمشق، «حزب) are tagged as the word and its
        punctuation apart, as the training corpora write them (`split_punctuation`)."""
        split = split_punctuation(sentences) if self.punctuation_apart else None
        if split is None:
            return self._labels(sentences)
        pieces, owners = split
        return [_token_labels(labels, owner, len(sentence)) for sentence, labels, owner
                in zip(sentences, self._labels(pieces), owners, strict=True)]

    def _labels(self, sentences: list[list[str]]) -> list[list[str]]:
        if self.consistency is not None:
            return self._tag(sentences)[0]
        names = self.scorer.labels
        paths = iter(self._paths(sentences)[1])
        return [[names[k] for k in next(paths)] if s else [] for s in sentences]

    def tag_document_entities(self, sentences: list[list[str]]) -> list[list[Entity]]:
        """The entities of every sentence, each with the lowest probability the CRF gives
        any of its labels (so one doubtful word makes a doubtful name); first and end
        words count the tokens given, punctuation stuck to them or not."""
        split = split_punctuation(sentences) if self.punctuation_apart else None
        if split is None:
            return self._tag(sentences)[1]
        pieces, owners = split
        return [_token_entities(found, owner) for found, owner
                in zip(self._tag(pieces)[1], owners, strict=True)]

    def _tag(self, sentences: list[list[str]]) -> tuple[list[list[str]], list[list[Entity]]]:
        names = self.scorer.labels
        emissions, paths = self._paths(sentences)
        spans = [entity_spans([names[k] for k in path]) for path in paths]
        # the probabilities cost a forward-backward pass: only where an entity is
        wanted = [k for k, found in enumerate(spans) if found]
        probabilities: dict[int, np.ndarray] = {}
        for batch in _batches([emissions[k] for k in wanted]):
            computed = marginals([emissions[wanted[k]] for k in batch], self.scorer.transitions)
            probabilities.update((wanted[k], p) for k, p in zip(batch, computed))
        labels = [[names[i] for i in path] for path in paths]
        entities = [[(kind, first, last, float(min(probabilities[k][i, path[i]]
                                                   for i in range(first, last))))
                     for kind, first, last in found]
                    for k, (path, found) in enumerate(zip(paths, spans))]
        # back in the document's order, the empty sentences with nothing
        tagged = iter(zip(labels, entities))
        in_order: list[tuple[list[str], list[Entity]]] = [
            next(tagged) if sentence else ([], []) for sentence in sentences]
        labels = [sentence_labels for sentence_labels, _ in in_order]
        entities = [found for _, found in in_order]
        if self.consistency is None:
            return labels, entities
        return propagate([[normalize_key(w) or w for w in s] for s in sentences], labels,
                         entities, self.consistency, self.common_words)

    def tag(self, words: list[str]) -> list[str]:
        return self.tag_document([words])[0]


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "P"


def _token_pieces(token: str) -> list[str]:
    """The token with its leading and trailing punctuation apart («حزب → « حزب; دمشق، →
    دمشق ،); a token that is all punctuation, or has none at its ends, stays whole."""
    if len(token) < 2 or not (_is_punctuation(token[0]) or _is_punctuation(token[-1])):
        return [token]
    start, end = 0, len(token)
    while start < end and _is_punctuation(token[start]):
        start += 1
    if start == end:
        return [token]
    while _is_punctuation(token[end - 1]):
        end -= 1
    return [part for part in (token[:start], token[start:end], token[end:]) if part]


def split_punctuation(sentences: list[list[str]]
                      ) -> tuple[list[list[str]], list[list[int]]] | None:
    """The sentences with punctuation split off their tokens, and for every piece the index
    of the token it came from; None when no token has any (the usual case: CoNLL corpora
    and the pipeline's own tokens keep punctuation apart)."""
    split = [[_token_pieces(token) for token in sentence] for sentence in sentences]
    if all(len(parts) == 1 for sentence in split for parts in sentence):
        return None
    return ([[piece for parts in sentence for piece in parts] for sentence in split],
            [[i for i, parts in enumerate(sentence) for _ in parts] for sentence in split])


def _token_labels(labels: list[str], owner: list[int], tokens: int) -> list[str]:
    """Piece labels back on the tokens: a token takes the first label among its pieces
    that is not O (its word's, as punctuation is rarely tagged), else O; I- after another
    type or O becomes B-."""
    chosen: list[str | None] = [None] * tokens
    for label, i in zip(labels, owner, strict=True):
        if chosen[i] is None or (chosen[i] == "O" and label != "O"):
            chosen[i] = label
    out: list[str] = []
    for label in chosen:
        label = label or "O"
        if label.startswith("I-") and (not out or out[-1][2:] != label[2:]):
            label = "B-" + label[2:]
        out.append(label)
    return out


def _token_entities(found: list[Entity], owner: list[int]) -> list[Entity]:
    """Piece entities as token spans (one per span: a glued token keeps the first)."""
    out: dict[tuple[int, int], Entity] = {}
    for kind, first, last, p in found:
        span = (owner[first], owner[last - 1] + 1)
        out.setdefault(span, (kind, *span, p))
    return sorted(out.values(), key=lambda e: e[1])


def _batches(emissions: list[np.ndarray]) -> list[list[int]]:
    """Indices of the sentences grouped by length, so that few padded steps are taken."""
    order = sorted(range(len(emissions)), key=lambda k: len(emissions[k]))
    return [order[i: i + _BATCH] for i in range(0, len(order), _BATCH)]


def load_model(directory: Path | None = None, *, fresh: bool = False,
               accurate: bool = False) -> NerModel:
    """The tagger saved in `directory` (the packaged model when None); `fresh` reads the
    files again (after training has replaced them). `accurate` asks for the network that
    reads the pretrained encoder where the folder has one (better on unseen names, about
    25 times slower); otherwise the fast network is used."""
    if fresh:
        _load.cache_clear()
    return _load(str(directory or model_dir()), accurate)


def has_accurate_model(directory: Path | None = None) -> bool:
    path = directory or model_dir()
    return (path / CONTEXT_NETWORK_META_FILE).exists() and (path / CONTEXT_FILE).exists()


@lru_cache(maxsize=4)
def _load(directory: str, accurate: bool = False) -> NerModel:
    """The models found in `directory`, summed when there are both."""
    path = Path(directory)
    scorers: list[Scorer] = []
    meta: dict[str, Any] = {}
    if (path / META_FILE).exists():
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        scorers.append(_crf(path, meta))
    network: tuple[str, str, ContextEncoder | None] | None = None
    if accurate and has_accurate_model(path):
        network = (CONTEXT_NETWORK_META_FILE, CONTEXT_NETWORK_FILE,
                   ContextEncoder.load(path / CONTEXT_FILE))
    elif (path / NETWORK_META_FILE).exists():
        network = (NETWORK_META_FILE, NETWORK_FILE, None)
    if network is not None:
        meta_file, weights_file, context = network
        network_meta = json.loads((path / meta_file).read_text(encoding="utf-8"))
        scorers.append(NeuralWeights.load(path / weights_file, context))
        meta = dict(network_meta, crf=meta) if meta else network_meta
    if not scorers:
        raise FileNotFoundError(f"no tagger in {path} ({META_FILE} or {NETWORK_META_FILE})")
    consistency = meta.get("consistency")
    return NerModel(scorers[0] if len(scorers) == 1 else SummedScorer(tuple(scorers)), meta,
                    None if consistency is None else Consistency(**consistency),
                    common_words=_common_words(path / COMMON_WORDS_FILE))


def _common_words(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


def _crf(path: Path, meta: dict[str, Any]) -> CrfScorer:
    config = FeatureConfig.from_dict(meta["features"])
    first = meta.get("first_pass")
    first_pass = None
    if first is not None:
        first_config = FeatureConfig.from_dict(first["features"])
        first_pass = NerModel(CrfScorer(CrfWeights.load(path / FIRST_PASS_FILE), first_config),
                              first)
    return CrfScorer(CrfWeights.load(path / MODEL_FILE), config, first_pass)


def tag_tokens(tokens: list[str]) -> list[str]:
    """IOB2 labels over PERS ORG LOC MISC for one sentence of ANERcorp-style tokens."""
    return load_model().tag(tokens)


DOCUMENT_TOKENS = 10_000  # tokens tagged at once: about 60,000 characters of news


def tag_document_entities(sentences: list[list[str]], *, accurate: bool = False
                          ) -> list[list[Entity]]:
    """Entities with their confidence for every sentence of one document. A document longer
    than a long story is tagged a part at a time (names are read again within a part), so
    that memory stays bounded on a transcript or a dump."""
    model = load_model(accurate=accurate)
    found: list[list[Entity]] = []
    for part in _parts(sentences):
        found.extend(model.tag_document_entities(part))
    return found


def _parts(sentences: list[list[str]]) -> list[list[list[str]]]:
    """Consecutive runs of whole sentences of at most DOCUMENT_TOKENS tokens (a longer
    sentence alone)."""
    parts: list[list[list[str]]] = [[]]
    size = 0
    for sentence in sentences:
        if parts[-1] and size + len(sentence) > DOCUMENT_TOKENS:
            parts.append([])
            size = 0
        parts[-1].append(sentence)
        size += len(sentence)
    return parts
