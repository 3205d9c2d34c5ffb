"""The neural tagger at tagging time: a character CNN and word vectors under a BiLSTM, with
a CRF on top, run in numpy from the weights `hadath train ner` saved (no torch needed).

`Encoder` turns the words of a sentence into the model's inputs (word and stem ids, character
ids, small categorical features: shape, clitics, gazetteer memberships, corpus);
`NeuralWeights.emissions(sentences)` gives each sentence's word × label scores, which the
CRF decoding of `hadath.ner.crf` turns into labels and probabilities. The accurate model also
reads each word's contextual vector from a pretrained encoder (`ContextHead`,
`hadath.ner.context`): slower, better on names no training corpus has.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController

from hadath.ner.caches import WORD_CACHE
from hadath.ner.context import ContextEncoder
from hadath.ner.features import word_shape
from hadath.ner.gazetteers import gazetteer_tags
from hadath.ner.stems import split_clitics
from hadath.text.normalize import normalize_key

PAD, UNKNOWN = 0, 1
MAX_CHARS = 24  # a longer word keeps its first 12 and last 12 characters
_DIGITS = re.compile(r"\d")
SHAPES = ("pad", "arabic", "digit", "alnum", "Latin", "latin", "punct")
GAZETTEER_TAGS = {"B": 1, "I": 2}


@lru_cache(maxsize=WORD_CACHE)
def word_key(word: str) -> tuple[str, str, str, int]:
    """The word's normalised form (digits as 0), its proclitics, its stem and its shape id."""
    norm = normalize_key(word) or word
    shape = SHAPES.index(word_shape(norm))
    norm = _DIGITS.sub("0", norm)
    prefix, stem = split_clitics(norm)
    return norm, prefix, stem, shape


def _clipped(norm: str) -> str:
    return norm if len(norm) <= MAX_CHARS else norm[: MAX_CHARS // 2] + norm[-MAX_CHARS // 2:]


@dataclass(frozen=True)
class Encoder:
    """The vocabularies of the model's inputs; ids 0 and 1 are padding and unknown."""

    words: dict[str, int]
    chars: dict[str, int]
    prefixes: dict[str, int]
    domains: tuple[str, ...]
    gazetteers: tuple[str, ...]
    target_domain: str

    def to_dict(self) -> dict[str, Any]:
        return {"words": sorted(self.words, key=self.words.__getitem__),
                "chars": sorted(self.chars, key=self.chars.__getitem__),
                "prefixes": sorted(self.prefixes, key=self.prefixes.__getitem__),
                "domains": list(self.domains), "gazetteers": list(self.gazetteers),
                "target_domain": self.target_domain}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Encoder:
        return cls({w: i for i, w in enumerate(data["words"])},
                   {c: i for i, c in enumerate(data["chars"])},
                   {p: i for i, p in enumerate(data["prefixes"])},
                   tuple(data["domains"]), tuple(data["gazetteers"]), data["target_domain"])

    def word_id(self, norm: str) -> int:
        return self.words.get(norm, UNKNOWN)

    def stem_id(self, stem: str) -> int:
        found = self.words.get(stem)
        return self.words.get("ال" + stem, UNKNOWN) if found is None else found

    def char_ids(self, norm: str) -> list[int]:
        return [self.chars.get(c, UNKNOWN) for c in _clipped(norm)]

    def encode(self, words: list[str], domain: str | None = None
               ) -> tuple[np.ndarray, list[str], np.ndarray]:
        """Word ids and stem ids (n × 2), the normalised words (for the character CNN) and
        the categorical features (n × 3 + gazetteers: shape, prefix, corpus, memberships)."""
        keys = [word_key(w) for w in words]
        norms = [k[0] for k in keys]
        ids = np.array([[self.word_id(norm), self.stem_id(stem)] for norm, _, stem, _ in keys],
                       dtype=np.int64).reshape(len(words), 2)
        corpus = self.domains.index(domain or self.target_domain)
        features = np.zeros((len(words), 3 + len(self.gazetteers)), dtype=np.int64)
        for i, (_, prefix, _, shape) in enumerate(keys):
            features[i, :3] = shape, self.prefixes.get(prefix, UNKNOWN), corpus
        if self.gazetteers:
            for i, tags in enumerate(gazetteer_tags(norms, self.gazetteers)):
                for tag in tags:
                    name, _, where = tag[3:].partition("=")
                    features[i, 3 + self.gazetteers.index(name)] = GAZETTEER_TAGS[where]
        return ids, norms, features


def feature_sizes(encoder: Encoder) -> list[int]:
    """How many values each categorical feature column takes."""
    return [len(SHAPES), len(encoder.prefixes), len(encoder.domains),
            *[len(GAZETTEER_TAGS) + 1] * len(encoder.gazetteers)]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


@dataclass(frozen=True)
class LstmDirection:
    """One direction of the LSTM: input weights (inputs × 4h), both biases summed (4h) and
    recurrent weights (h × 4h), gates in PyTorch's order i, f, g, o."""

    inputs: np.ndarray
    bias: np.ndarray
    recurrent: np.ndarray

    def run(self, projected: np.ndarray) -> np.ndarray:
        """Hidden states for sentences × steps × 4h projected inputs (left to right)."""
        batch, steps, _ = projected.shape
        size = self.recurrent.shape[0]
        hidden = np.zeros((batch, size), dtype=np.float32)
        cell = np.zeros((batch, size), dtype=np.float32)
        out = np.empty((batch, steps, size), dtype=np.float32)
        for t in range(steps):
            gates = projected[:, t] + hidden @ self.recurrent
            opened = _sigmoid(gates[:, : 2 * size])  # the input and forget gates
            cell = opened[:, size:] * cell + opened[:, :size] * np.tanh(gates[:, 2 * size: 3 * size])
            hidden = _sigmoid(gates[:, 3 * size:]) * np.tanh(cell)
            out[:, t] = hidden
        return out


@dataclass(frozen=True)
class ContextHead:
    """The pretrained encoder's vectors as the network reads them: the chosen layers mixed
    with learned weights, then a projection with a ReLU."""

    encoder: ContextEncoder
    layers: tuple[int, ...]
    mix: np.ndarray  # one weight per layer, summing to 1
    projection: np.ndarray  # encoder width × dims
    bias: np.ndarray
    pack: int = 0  # pieces of neighbouring sentences read together (`word_vectors`)

    def vectors(self, sentences: list[list[str]]) -> list[np.ndarray]:
        return [np.maximum(np.einsum("wlh,l->wh", raw, self.mix) @ self.projection
                           + self.bias, 0.0)
                for raw in self.encoder.word_vectors(sentences, self.layers, pack=self.pack)]


@dataclass(frozen=True, eq=False)  # hashed by identity, for the cache of `spelled`
class NeuralWeights:
    """The trained network's arrays, as numpy runs them; `emissions` scores sentences."""

    encoder: Encoder
    labels: tuple[str, ...]
    words: np.ndarray  # vocabulary × dims
    chars: np.ndarray  # characters × dims
    conv: np.ndarray  # (3 × char dims) × filters: the window's characters side by side
    conv_bias: np.ndarray
    features: tuple[np.ndarray, ...]
    forward: LstmDirection
    backward: LstmDirection
    out: np.ndarray  # 2h × labels
    out_bias: np.ndarray
    transitions: np.ndarray  # [previous label, label]
    start: np.ndarray
    end: np.ndarray
    context: ContextHead | None = None

    @lru_cache(maxsize=WORD_CACHE)  # noqa: B019 - one model is loaded once per process
    def spelled(self, norm: str) -> np.ndarray:
        """The character CNN's vector of a normalised word (max over its positions)."""
        ids = self.encoder.char_ids(norm) or [PAD]
        dims = self.chars.shape[1]
        padded = np.zeros((len(ids) + 2, dims), dtype=np.float32)
        padded[1:-1] = self.chars[ids]
        windows = np.concatenate([padded[:-2], padded[1:-1], padded[2:]], axis=1)
        return (windows @ self.conv + self.conv_bias).max(axis=0)

    def _inputs(self, words: list[str], context: np.ndarray | None) -> np.ndarray:
        ids, norms, features = self.encoder.encode(words)
        parts = [self.words[ids[:, 0]], self.words[ids[:, 1]],
                 np.stack([self.spelled(n) for n in norms])]
        parts += [table[features[:, k]] for k, table in enumerate(self.features)]
        if context is not None:
            parts.append(context)
        return np.concatenate(parts, axis=1)

    def emissions(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Word × label scores of each (non-empty) sentence, with the CRF's start and end
        scores added to its first and last word, run a batch of similar lengths at a time."""
        # the matrices are small: a second BLAS thread costs more than it gives (34,000
        # tokens/s on one thread, 22,000 on two), and batch workers already fill the cores
        with _blas().limit(limits=1, user_api="blas"):
            # a few thousand words at a time: the inputs and hidden states take about 7 KB
            # a word (10 with the encoder), too much for a whole corpus at once
            return [emission for at in range(0, len(sentences), _CHUNK)
                    for emission in self._emissions(sentences[at: at + _CHUNK])]

    def _emissions(self, sentences: list[list[str]]) -> list[np.ndarray]:
        if not sentences:
            return []
        context = (self.context.vectors(sentences) if self.context is not None
                   else [None] * len(sentences))
        inputs = np.concatenate([self._inputs(s, c) for s, c in zip(sentences, context)])
        starts = np.cumsum([0, *map(len, sentences)])
        ahead_all = inputs @ self.forward.inputs + self.forward.bias
        behind_all = inputs @ self.backward.inputs + self.backward.bias
        hidden = np.empty((len(inputs), 2 * self.forward.recurrent.shape[0]), dtype=np.float32)
        size = ahead_all.shape[1]
        order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
        for at in range(0, len(order), _BATCH):
            batch = order[at: at + _BATCH]
            steps = len(sentences[batch[-1]])
            ahead = np.zeros((len(batch), steps, size), dtype=np.float32)
            behind = np.zeros((len(batch), steps, size), dtype=np.float32)
            for row, k in enumerate(batch):
                a, b = starts[k], starts[k + 1]
                ahead[row, : b - a] = ahead_all[a:b]
                behind[row, : b - a] = behind_all[a:b][::-1]  # read right to left
            right, left = self.forward.run(ahead), self.backward.run(behind)
            half = right.shape[2]
            for row, k in enumerate(batch):
                a, b = starts[k], starts[k + 1]
                hidden[a:b, :half] = right[row, : b - a]
                hidden[a:b, half:] = left[row, : b - a][::-1]
        emissions = (hidden @ self.out + self.out_bias).astype(np.float64)
        scores = []
        for k in range(len(sentences)):
            emission = emissions[starts[k]: starts[k + 1]]
            emission[0] += self.start
            emission[-1] += self.end
            scores.append(emission)
        return scores

    def save(self, path: Path) -> None:
        # the word vectors are most of the file: one byte a number, one scale a row
        scale = np.abs(self.words).max(axis=1, keepdims=True) / 127
        scale[scale == 0] = 1
        arrays = {"words_int8": np.round(self.words / scale).astype(np.int8),
                  "words_scale": scale.astype(np.float32), "chars": self.chars,
                  "conv": self.conv, "conv_bias": self.conv_bias, "out": self.out,
                  "out_bias": self.out_bias, "transitions": self.transitions,
                  "start": self.start, "end": self.end}
        for name, direction in (("forward", self.forward), ("backward", self.backward)):
            arrays |= {f"{name}_inputs": direction.inputs, f"{name}_bias": direction.bias,
                       f"{name}_recurrent": direction.recurrent}
        arrays |= {f"feature_{k}": table for k, table in enumerate(self.features)}
        encoder = dict(self.encoder.to_dict(), labels=list(self.labels))
        if self.context is not None:
            arrays |= {"context_mix": self.context.mix,
                       "context_projection": self.context.projection,
                       "context_bias": self.context.bias}
            encoder["context_layers"] = list(self.context.layers)
            encoder["context_pack"] = self.context.pack
        arrays["encoder"] = np.frombuffer(json.dumps(encoder, ensure_ascii=False)
                                          .encode("utf-8"), dtype=np.uint8)
        with path.open("wb") as sink:
            np.savez_compressed(sink, **arrays)

    @classmethod
    def load(cls, path: Path, context: ContextEncoder | None = None) -> NeuralWeights:
        """The network saved at `path`; one that reads contextual vectors needs their
        `context` encoder (`ContextEncoder.load`)."""
        with np.load(path) as archive:
            a = {name: archive[name] for name in archive.files}
        encoder = json.loads(a.pop("encoder").tobytes().decode("utf-8"))
        labels = tuple(encoder.pop("labels"))
        layers = tuple(encoder.pop("context_layers", ()))
        pack = encoder.pop("context_pack", 0)
        head = None
        if layers:
            if context is None:
                raise ValueError(f"{path} reads contextual vectors: load its encoder too")
            head = ContextHead(context, layers, a["context_mix"], a["context_projection"],
                               a["context_bias"], pack)
        count = sum(1 for name in a if name.startswith("feature_"))

        def direction(name: str) -> LstmDirection:
            return LstmDirection(a[f"{name}_inputs"], a[f"{name}_bias"], a[f"{name}_recurrent"])

        words = (a["words_int8"] * a["words_scale"]).astype(np.float32)
        return cls(Encoder.from_dict(encoder), labels, words,
                   a["chars"], a["conv"], a["conv_bias"],
                   tuple(a[f"feature_{k}"] for k in range(count)), direction("forward"),
                   direction("backward"), a["out"], a["out_bias"], a["transitions"],
                   a["start"], a["end"], head)


_BATCH = 32  # sentences run through the LSTM together
_CHUNK = 512  # sentences whose inputs are held at once


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()
