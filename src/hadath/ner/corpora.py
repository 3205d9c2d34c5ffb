"""Readers for the public NER gold corpora and the unlabelled news used to learn clusters.

Each gold reader returns sentences as lists of `(token, label)` pairs with IOB2 labels over
PERS ORG LOC MISC (the ANERcorp set); `news_texts` yields raw article texts.
"""
from __future__ import annotations

import csv
import json
import re
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from hadath.text.normalize import normalize_key

TaggedSentence = list[tuple[str, str]]

LABELS = ("PERS", "ORG", "LOC", "MISC")
_AQMAR_LABELS = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC", "MIS": "MISC"}
# NewsFANE has no sentence breaks: its sentences end at these marks (or at an empty row).
_SENTENCE_END = frozenset({".", "!", "?", "؟"})
_INVISIBLE = re.compile("[\u200e\u200f\ufeff]")


def default_data_dir() -> Path:
    """The shared public data beside the repository checkout (`<repo>/../shared/data`)."""
    return Path(__file__).resolve().parents[3] / ".." / "shared" / "data"


def repair_iob2(labels: list[str]) -> list[str]:
    """Make a label sequence valid IOB2: an I- that does not continue its type becomes B-."""
    fixed: list[str] = []
    previous = "O"
    for label in labels:
        if label.startswith("I-") and previous[2:] != label[2:]:
            label = "B-" + label[2:]
        fixed.append(label)
        previous = label
    return fixed


def _finish(tokens: list[str], labels: list[str]) -> TaggedSentence:
    return list(zip(tokens, repair_iob2(labels), strict=True))


def read_conll(path: Path, label_map: dict[str, str] | None = None) -> list[TaggedSentence]:
    """Read `token label` lines with a blank line between sentences (ANERcorp, AQMAR)."""
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = _INVISIBLE.sub("", line).split()
        if not parts:
            if tokens:
                sentences.append(_finish(tokens, labels))
            tokens, labels = [], []
            continue
        token, label = parts[0], parts[-1] if len(parts) > 1 else "O"
        if label != "O" and label_map is not None:
            kind = label_map.get(label[2:], "O")
            label = "O" if kind == "O" else label[:2] + kind
        tokens.append(token)
        labels.append(label)
    if tokens:
        sentences.append(_finish(tokens, labels))
    return sentences


def read_aqmar(path: Path) -> list[TaggedSentence]:
    """Read an AQMAR split, renaming PER to PERS and MIS to MISC."""
    return read_conll(path, _AQMAR_LABELS)


@lru_cache(maxsize=1)
def newsfane_label_map() -> dict[str, str]:
    """NewsFANE fine class → ANERcorp label (or O), from `data/ner/newsfane_classes.tsv`."""
    table = resources.files("hadath") / "data" / "ner" / "newsfane_classes.tsv"
    rows = [r for r in table.read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
    return {row["fine_class"]: row["label"] for row in csv.DictReader(rows, delimiter="\t")}


def read_newsfane(path: Path) -> list[TaggedSentence]:
    """Read NewsFANE (CRLF, U+200E marks, no sentence breaks), splitting after . ! ؟."""
    label_map = newsfane_label_map()
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        token, _, label = _INVISIBLE.sub("", line).strip("\r").partition("\t")
        token, label = token.strip(), label.strip() or "O"
        if token:
            if label != "O":
                kind = label_map.get(label[2:], "O")
                label = "O" if kind == "O" else label[:2] + kind
            tokens.append(token)
            labels.append(label)
        if tokens and (not token or token in _SENTENCE_END):
            sentences.append(_finish(tokens, labels))
            tokens, labels = [], []
    if tokens:
        sentences.append(_finish(tokens, labels))
    return sentences


_OVERLAP_WORDS = 5


def _ngrams(sentence: TaggedSentence) -> set[tuple[str, ...]]:
    words = [normalize_key(w) for w, _ in sentence]
    if len(words) < _OVERLAP_WORDS:
        return {tuple(words)}
    return {tuple(words[i: i + _OVERLAP_WORDS]) for i in range(len(words) - _OVERLAP_WORDS + 1)}


def without_overlap(sentences: list[TaggedSentence],
                    held_out: list[TaggedSentence]) -> list[TaggedSentence]:
    """`sentences` minus every one sharing a run of five words with a held-out sentence.

    NewsFANE re-annotates much of ANERcorp's text (about a third of its test sentences), so
    training on it unfiltered would train on the test split.
    """
    seen = {gram for sentence in held_out for gram in _ngrams(sentence)}
    return [s for s in sentences if seen.isdisjoint(_ngrams(s))]


def training_corpora(data_dir: Path) -> dict[str, list[TaggedSentence]]:
    """All training gold by name: ANERcorp train, NewsFANE, AQMAR — never ANERcorp test.

    The test split is read only to drop the NewsFANE sentences that repeat its text.
    """
    aqmar = data_dir / "aqmar"
    newsfane = read_newsfane(data_dir / "newsfane" / "NewsFANE_Gold_2014_170K.txt")
    return {
        "anercorp_train": read_conll(data_dir / "anercorp" / "ANERCorp_CamelLab_train.txt"),
        "newsfane": without_overlap(newsfane, anercorp_test(data_dir)),
        "aqmar": [s for name in ("train", "dev", "test") for s in read_aqmar(aqmar / f"{name}.txt")],
    }


def hold_out_tenth(corpora: dict[str, list[TaggedSentence]]
                   ) -> tuple[dict[str, list[TaggedSentence]], list[TaggedSentence]]:
    """The corpora without the last tenth of ANERcorp train, and that tenth: the clean
    held-out set model choices are made on (NewsFANE's copies of its text go too, as NewsFANE
    re-annotates ANERcorp's)."""
    target = corpora["anercorp_train"]
    cut = len(target) * 9 // 10
    dev = target[cut:]
    return dict(corpora, anercorp_train=target[:cut],
                newsfane=without_overlap(corpora["newsfane"], dev)), dev


def anercorp_test(data_dir: Path) -> list[TaggedSentence]:
    """The ANERcorp (CAMeL split) test sentences: for evaluation only."""
    return read_conll(data_dir / "anercorp" / "ANERCorp_CamelLab_test.txt")


_ANT_TEXT = re.compile(r"<(?:TITLE|ABSTRACT|TEXT)>(.*?)</(?:TITLE|ABSTRACT|TEXT)>", re.DOTALL)


def news_texts(data_dir: Path, sources: tuple[str, ...] = ("antcorpus",)) -> Iterator[str]:
    """Raw article texts of the unlabelled news corpora named in `sources`."""
    if "antcorpus" in sources:
        for path in sorted((data_dir / "antcorpus").glob("*/*.txt")):
            yield "\n".join(_ANT_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
    if "saudinewsnet" in sources:
        for path in sorted((data_dir / "saudinewsnet" / "dataset").glob("*.zip")):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    for item in json.loads(archive.read(name)):
                        yield f"{item.get('title') or ''}\n{item.get('content') or ''}"
