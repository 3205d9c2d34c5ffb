"""Document memory: what a first tagging pass said about the same word in nearby sentences.

A name is often written in full once (وزير الدفاع دونالد رامسفيلد) and then alone (رامسفيلد);
`memory_features(norm_sentences, first_pass, window)` gives every word the entity types the
first pass gave the same word within `window` sentences around it (its own sentence excluded).
"""
from __future__ import annotations


def _types_by_word(words: list[str], labels: list[str]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for word, label in zip(words, labels, strict=True):
        if label != "O":
            found.setdefault(word, set()).add(label[2:])
    return {word: frozenset(types) for word, types in found.items()}


def memory_features(norm_sentences: list[list[str]], first_pass: list[list[str]],
                    window: int) -> list[list[list[str]]]:
    """For each sentence and word, features `doc=TYPE` from the neighbouring sentences."""
    per_sentence = [_types_by_word(w, l) for w, l in zip(norm_sentences, first_pass, strict=True)]
    features: list[list[list[str]]] = []
    for k, words in enumerate(norm_sentences):
        neighbours = [per_sentence[j] for j in range(max(0, k - window),
                                                     min(len(per_sentence), k + window + 1))
                      if j != k and per_sentence[j]]
        rows: list[list[str]] = []
        for word in words:
            types: set[str] = set()
            for table in neighbours:
                types |= table.get(word, frozenset())
            rows.append([f"doc={t}" for t in sorted(types)])
        features.append(rows)
    return features
