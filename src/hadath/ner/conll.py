"""Reading a CoNLL `token label` file as written, for the `hadath ner tag` command.

`read_conll_file(path)` returns sentences of `(token, gold)` pairs, tokens exactly as in the
file (a line with one column has gold "O"); blank lines separate sentences. The file may be
UTF-8 (with or without BOM), UTF-16 or a legacy Arabic code page (windows-1256, ISO-8859-6),
as `hadath.ingest.decode` detects. A `-DOCSTART-` line (the CoNLL-2003 convention) starts a
new document: it is kept as a sentence of its own (`is_document_start`), and
`documents(sentences)` gives the runs of sentences between such lines, which are tagged as
separate documents (names repeated within a document are not carried across).
"""
from __future__ import annotations

from pathlib import Path

from hadath.ingest.decode import decode_bytes

DOCUMENT_START = "-DOCSTART-"

Sentence = list[tuple[str, str]]


def read_conll_file(path: Path) -> list[Sentence]:
    """The file's sentences; raises OSError or `InputProblem` (empty, binary, undecodable)."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in decode_bytes(path.read_bytes()).splitlines():
        parts = line.split()
        row = (parts[0], parts[-1] if len(parts) > 1 else "O") if parts else None
        if row is not None and row[0] != DOCUMENT_START:
            current.append(row)
            continue
        # a blank line ends the sentence, and so does a document start, a sentence of its own
        if current:
            sentences.append(current)
        current = []
        if row is not None:
            sentences.append([row])
    if current:
        sentences.append(current)
    return sentences


def is_document_start(sentence: Sentence) -> bool:
    return len(sentence) == 1 and sentence[0][0] == DOCUMENT_START


def documents(sentences: list[Sentence]) -> list[range]:
    """The ranges of sentence indices between `-DOCSTART-` lines (the lines themselves in
    none of them); one range for a file without such lines."""
    ranges: list[range] = []
    start = 0
    for k, sentence in enumerate(sentences):
        if is_document_start(sentence):
            if k > start:
                ranges.append(range(start, k))
            start = k + 1
    if len(sentences) > start:
        ranges.append(range(start, len(sentences)))
    return ranges
