"""Reading a CoNLL `token label` file as written, for the `hadath ner tag` command.

`read_conll_file(path)` returns sentences of `(token, gold)` pairs, tokens exactly as in the
file (a line with one column has gold "O"); blank lines separate sentences.
"""
from __future__ import annotations

from pathlib import Path


def read_conll_file(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if current:
        sentences.append(current)
    return sentences
