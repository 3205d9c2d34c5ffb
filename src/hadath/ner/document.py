"""Document-level consistency: a name is often written in full once (وزير الدفاع دونالد
رامسفيلد) and then alone (رامسفيلد), or once in a telling context and then in a bare one.

`memory_features(norm_sentences, first_pass, window)` gives every word the entity types a first
tagging pass gave the same word within `window` sentences around it (for a two-pass model);
`propagate(norm_sentences, labels, entities, consistency)` labels untagged repetitions of the
names the tagger was confident about nearby (one sense per discourse), but never repeats a
lone word that is mostly not a name (`common_words`: على written علي after a sure علي, الجمعة
after مهدي جمعة, لصالح after صالح).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from hadath.ner.stems import split_clitics

Entity = tuple[str, int, int, float]  # label, first word, end word, lowest label probability
_MAX_WORDS = 4  # longer names are rarely repeated word for word
_MIN_CHARS = 2  # a one-letter "name" is a tagging accident, not worth repeating
_MIN_SURNAME = 2  # letters: بن, ابو and the like are parts of names, not surnames
# a word is "common" (`common_words`) when seen this often and so rarely in a name
COMMON_MIN_COUNT = 10
COMMON_MAX_NAME_RATE = 0.2


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


@dataclass(frozen=True)
class Consistency:
    """Which names are repeated: those tagged with at least `min_probability`, within
    `window` sentences before or after (chosen on held-out ANERcorp train)."""

    window: int = 20
    min_probability: float = 0.7
    # the last word of a sure person's name, alone, is that person (محمد عطا … عطا)
    surnames: bool = True


def _key(norms: list[str]) -> tuple[str, ...]:
    # the first word without its clitics: رامسفيلد also matches ورامسفيلد
    clitics, stem = split_clitics(norms[0])
    if len(norms) == 1:
        # a lone word keeps its article: الروسي (of عبد الكريم الروسي) is not روسي
        return stem, "ال" if clitics.endswith(("ال", "لل")) else ""
    return (stem, *norms[1:])


def common_words(sentences: Iterable[list[tuple[str, str]]], keys: Iterable[str],
                 min_count: int = COMMON_MIN_COUNT, max_name_rate: float = COMMON_MAX_NAME_RATE
                 ) -> list[str]:
    """The normalised words of labelled sentences (`keys`: their normalised forms, in the
    same order) seen at least `min_count` times and inside a name less than
    `max_name_rate` of the time: words that repeat no name when they stand alone."""
    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    normalised = iter(keys)
    for sentence in sentences:
        for _, label in sentence:
            key = next(normalised)
            seen[key] += 1
            named[key] += label != "O"
    return sorted(w for w, n in seen.items() if n >= min_count and named[w] < max_name_rate * n)


def propagate(norm_sentences: list[list[str]], labels: list[list[str]],
              entities: list[list[Entity]], consistency: Consistency,
              common: frozenset[str] = frozenset()
              ) -> tuple[list[list[str]], list[list[Entity]]]:
    """Labels and entities with the untagged repetitions of confident nearby names added
    (each with the confidence of the name it repeats); a lone word in `common` (normalised,
    as written) repeats none."""
    # name → (sentence, type, confidence) of every confident mention of it
    seen: dict[tuple[str, ...], list[tuple[int, str, float]]] = {}
    for k, (norms, found) in enumerate(zip(norm_sentences, entities, strict=True)):
        for kind, a, b, p in found:
            if p >= consistency.min_probability and len("".join(norms[a:b])) >= _MIN_CHARS:
                seen.setdefault(_key(norms[a:b]), []).append((k, kind, p))
                if (consistency.surnames and kind == "PERS" and b - a >= 2
                        and len(norms[b - 1]) > _MIN_SURNAME):
                    seen.setdefault(_key(norms[b - 1: b]), []).append((k, kind, p))
    if not seen:
        return labels, entities
    firsts = {key[0] for key in seen}
    new_labels: list[list[str]] = []
    new_entities: list[list[Entity]] = []
    for k, norms in enumerate(norm_sentences):
        sentence_labels, added = _repeat(norms, labels[k], k, seen, firsts, consistency.window,
                                         common)
        new_labels.append(sentence_labels)
        new_entities.append(sorted([*entities[k], *added], key=lambda e: e[1]) if added
                            else entities[k])
    return new_labels, new_entities


def _nearest_sure(mentions: list[tuple[int, str, float]], k: int, window: int
                  ) -> tuple[str, float] | None:
    """The type and confidence of the surest mention within `window` sentences of `k`."""
    near = [(p, kind) for j, kind, p in mentions if abs(j - k) <= window]
    if not near:
        return None
    p, kind = max(near)
    return kind, p


def _repeat(norms: list[str], labels: list[str], k: int,
            seen: dict[tuple[str, ...], list[tuple[int, str, float]]], firsts: set[str],
            window: int, common: frozenset[str]) -> tuple[list[str], list[Entity]]:
    """Label every run of untagged words of sentence `k` that repeats a name, longest first
    (a single word only when it is not in `common`)."""
    labels = list(labels)
    added: list[Entity] = []
    i = 0
    while i < len(norms):
        found = None
        if labels[i] == "O" and split_clitics(norms[i])[1] in firsts:
            for size in range(min(_MAX_WORDS, len(norms) - i), 1 if norms[i] in common else 0,
                              -1):
                mentions = seen.get(_key(norms[i: i + size]))
                if mentions and all(label == "O" for label in labels[i: i + size]):
                    sure = _nearest_sure(mentions, k, window)
                    if sure is not None:
                        found = size, sure
                        break
        if found is None:
            i += 1
            continue
        size, (kind, p) = found
        labels[i: i + size] = [f"B-{kind}"] + [f"I-{kind}"] * (size - 1)
        added.append((kind, i, i + size, p))
        i += size
    return labels, added
