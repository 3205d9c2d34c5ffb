"""Inference with a trained linear-chain CRF: the weights of a python-crfsuite model file, the
best label path (Viterbi) and each word's label probabilities (forward-backward).

`CrfWeights.read(path, domain)` reads a crfsuite model file, `save`/`load` the compact numpy
archive the tagger ships; `best_paths(emissions, transitions)` and
`marginals(emissions, transitions)` take one word × label score matrix per sentence. This gives
crfsuite's labels, with each word's feature weights summed once per distinct word and the
sentences of a document stepped through together.
"""
from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# The crfsuite model layout (crf1dm.c): a 48-byte header, then a FEAT chunk of
# (type, source, destination, weight) records; labels and attributes are CQDB string tables.
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_CQDB = struct.Struct("<4sIIIII")
_STATE, _TRANSITION = 0, 1


def _cqdb_strings(buf: bytes, offset: int) -> list[str]:
    """The strings of a CQDB table in id order (its backward array points at each record)."""
    magic, _, _, _, count, backward = _CQDB.unpack_from(buf, offset)
    if magic != b"CQDB":
        raise ValueError("not a crfsuite model: no CQDB string table")
    records = np.frombuffer(buf, dtype="<u4", count=count, offset=offset + backward)
    strings: list[str] = []
    for record in records.tolist():
        start = offset + record
        size = int.from_bytes(buf[start + 4: start + 8], "little")
        strings.append(buf[start + 8: start + 7 + size].decode("utf-8"))  # size counts the NUL
    return strings


@dataclass(frozen=True)
class CrfWeights:
    """State weights (attribute row × label) and label-to-label transition weights."""

    labels: tuple[str, ...]
    rows: dict[str, int]  # attribute → row of `states`
    states: np.ndarray
    transitions: np.ndarray  # [previous label, label]

    @classmethod
    def read(cls, path: Path, domain: str | None = None) -> CrfWeights:
        """The weights of a crfsuite model file.

        With `domain`, the weights of the domain's copy of each attribute (`domain|attr`,
        feature augmentation) are added to the attribute's own and other domains' are dropped,
        so tagging needs each attribute once.
        """
        buf = path.read_bytes()
        magic, *_, n_labels, _, off_features, off_labels, off_attrs, _, _ = _HEADER.unpack(
            buf[: _HEADER.size])
        if magic != b"lCRF":
            raise ValueError(f"{path} is not a crfsuite model")
        _, _, count = _CHUNK.unpack_from(buf, off_features)
        features = np.frombuffer(buf, dtype=_FEATURE, count=count,
                                 offset=off_features + _CHUNK.size)
        labels = tuple(_cqdb_strings(buf, off_labels))[:n_labels]
        attrs = _cqdb_strings(buf, off_attrs)
        trans = features[features["type"] == _TRANSITION]
        transitions = np.zeros((len(labels), len(labels)))
        transitions[trans["src"], trans["dst"]] = trans["weight"]
        state = features[features["type"] == _STATE]
        rows, target = _fold_rows(attrs, domain)
        states = np.zeros((max(rows.values(), default=-1) + 1, len(labels)))
        keep = target[state["src"]] >= 0
        np.add.at(states, (target[state["src"][keep]], state["dst"][keep]), state["weight"][keep])
        return cls(labels, rows, states, transitions)

    def save(self, path: Path) -> None:
        """Write the weights as a compressed numpy archive (a tenth of the crfsuite file)."""
        attrs = sorted(self.rows, key=self.rows.__getitem__)
        with path.open("wb") as sink:
            np.savez_compressed(sink, labels=_packed(self.labels), attrs=_packed(attrs),
                                states=self.states, transitions=self.transitions)

    @classmethod
    def load(cls, path: Path) -> CrfWeights:
        """The weights written by `save`."""
        with np.load(path) as archive:
            attrs = _unpacked(archive["attrs"])
            return cls(tuple(_unpacked(archive["labels"])), {a: k for k, a in enumerate(attrs)},
                       archive["states"], archive["transitions"])

    def score(self, attributes: list[str]) -> np.ndarray:
        """The summed state weights of `attributes` per label (unknown ones weigh nothing)."""
        found = [r for r in map(self.rows.get, attributes) if r is not None]
        return self.states[found].sum(axis=0) if found else np.zeros(len(self.labels))


def _packed(strings: Iterable[str]) -> np.ndarray:
    # attributes are built from whitespace-split words: none holds a newline
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _unpacked(packed: np.ndarray) -> list[str]:
    text = packed.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def _fold_rows(attrs: list[str], domain: str | None) -> tuple[dict[str, int], np.ndarray]:
    """Row of every attribute after folding `domain|a` into `a`; -1 for dropped ones."""
    rows: dict[str, int] = {}
    target = np.full(len(attrs), -1, dtype=np.int64)
    prefix = f"{domain}|" if domain is not None else None
    for k, attr in enumerate(attrs):
        if prefix is not None and attr.startswith(prefix):
            attr = attr[len(prefix):]
        elif "|" in attr.split("=", 1)[0]:
            continue  # another training corpus's copy: never active when tagging
        target[k] = rows.setdefault(attr, len(rows))
    return rows, target


def _padded(emissions: list[np.ndarray], *, right: bool = False, fill: float = 0.0
            ) -> np.ndarray:
    """Sentences × words × labels, padded with `fill` after each sentence (before if `right`)."""
    longest = max(len(e) for e in emissions)
    batch = np.full((len(emissions), longest, emissions[0].shape[1]), fill)
    for k, e in enumerate(emissions):
        if right:
            batch[k, longest - len(e):] = e
        else:
            batch[k, : len(e)] = e
    return batch


def best_paths(emissions: list[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """Label ids of the highest-scoring path of each sentence (word × label scores, no empty
    sentence); ties go to the lower label id, as in crfsuite. All sentences step together."""
    if not emissions:
        return []
    batch = _padded(emissions)
    lengths = [len(e) for e in emissions]
    ending: dict[int, list[int]] = {}
    for k, n in enumerate(lengths):
        ending.setdefault(n - 1, []).append(k)
    back = np.zeros(batch.shape, dtype=np.intp)
    score = batch[:, 0]
    final = np.empty_like(score)
    for t in range(batch.shape[1]):
        if t:
            candidates = score[:, :, None] + transitions  # sentence × previous × label
            back[:, t] = candidates.argmax(axis=1)
            score = candidates.max(axis=1) + batch[:, t]
        if t in ending:  # steps past a sentence's end only fill unused padding
            final[ending[t]] = score[ending[t]]
    paths: list[list[int]] = []
    for k, n in enumerate(lengths):
        path = [int(final[k].argmax())]
        pointers = back[k].tolist()
        for t in range(n - 1, 0, -1):
            path.append(pointers[t][path[-1]])
        paths.append(path[::-1])
    return paths


def marginals(emissions: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """P(label | sentence) for every word and label of each sentence, by scaled
    forward-backward (all sentences step together)."""
    if not emissions:
        return []
    trans = np.exp(transitions)
    # subtracting each word's largest score rescales every path alike: it cancels out
    state = _padded([np.exp(e - e.max(axis=1, keepdims=True)) for e in emissions], fill=1.0)
    alpha = np.empty_like(state)
    alpha[:, 0] = state[:, 0] / state[:, 0].sum(axis=1, keepdims=True)
    for t in range(1, state.shape[1]):
        step = (alpha[:, t - 1] @ trans) * state[:, t]
        alpha[:, t] = step / step.sum(axis=1, keepdims=True)
    # backwards the sentences are aligned on their last word, whose beta is one
    state = _padded([np.exp(e - e.max(axis=1, keepdims=True)) for e in emissions], right=True,
                    fill=1.0)
    beta = np.ones_like(state)
    for t in range(state.shape[1] - 2, -1, -1):
        step = (state[:, t + 1] * beta[:, t + 1]) @ trans.T
        beta[:, t] = step / step.sum(axis=1, keepdims=True)
    found: list[np.ndarray] = []
    for k, e in enumerate(emissions):
        joint = alpha[k, : len(e)] * beta[k, state.shape[1] - len(e):]
        found.append(joint / joint.sum(axis=1, keepdims=True))
    return found
