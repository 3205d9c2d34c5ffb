"""The learned event models at run time: trigger detection, roles, modality, calibrated confidence.

`EventModel.load()` opens the models `hadath train events` wrote to `data/events/model/`;
`detect(article, cues)` returns, sentence by sentence, each trigger the models find with its
type, its calibrated confidence, the spans that play actor1, actor2, place, time and source, and
the modality the classifier prefers. Nothing here decides how an event is recorded: the events
stage maps the spans onto mentions, times and claims.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pycrfsuite

from hadath.events.cues import ArticleCues
from hadath.events.learned.features import (
    ArticleLayers,
    Reading,
    role_features,
    sentence_features,
    token_range,
    word_tokens,
)
from hadath.record import Article, Sentence
from hadath.spans import ByStart
from hadath.text.tokens import Token

ROLES = ("actor1", "actor2", "place", "time", "source")
TRIGGER_FILE = "triggers.crfsuite"
ROLE_FILE = "roles.crfsuite"
TYPE_FILE = "types.json"
MODALITY_FILE = "modality.json"
TRIGGER = "EV"  # the detector's one label: every event type's triggers are learned together
CALIBRATION_FILE = "calibration.json"
# A token the tagger leaves outside every trigger is still proposed when the triggers' labels
# together hold this much of its marginal probability: recall first, the confidence says how sure.
PROPOSE_AT = 0.25


def model_dir() -> Path:
    return Path(str(resources.files("hadath") / "data" / "events" / "model"))


@dataclass
class Detection:
    sentence: int
    start: int  # the trigger's characters in the article text
    end: int
    type: str
    score: float  # the tagger's marginal probability of the trigger's label
    confidence: float  # the score calibrated on held-out folds
    roles: dict[str, tuple[int, int]] = field(default_factory=dict)
    modality: str = "asserted"
    modality_scores: dict[str, float] = field(default_factory=dict)


class LinearModel:
    """A softmax regression over string features (modality)."""

    def __init__(self, labels: list[str], features: dict[str, int], weights: np.ndarray,
                 bias: np.ndarray) -> None:
        self.labels, self.features, self.weights, self.bias = labels, features, weights, bias

    def scores(self, feats: list[str]) -> dict[str, float]:
        rows = [self.features[f] for f in feats if f in self.features]
        logits = self.bias + self.weights[rows].sum(axis=0)
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        return dict(zip(self.labels, probs.tolist(), strict=True))

    def to_json(self) -> dict:
        names = sorted(self.features, key=self.features.__getitem__)
        return {"labels": self.labels, "features": names,
                "weights": np.round(self.weights, 4).tolist(),
                "bias": np.round(self.bias, 4).tolist()}

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(data["labels"], {f: i for i, f in enumerate(data["features"])},
                   np.asarray(data["weights"], dtype=np.float32),
                   np.asarray(data["bias"], dtype=np.float32))


class Calibration:
    """Monotone map from a raw score to the share of detections that were right, per bin."""

    def __init__(self, edges: list[float], values: list[float]) -> None:
        self.edges, self.values = edges, values

    def __call__(self, score: float) -> float:
        if not self.values:
            return round(score, 3)
        i = int(np.searchsorted(self.edges, score, side="right")) - 1
        return round(self.values[min(max(i, 0), len(self.values) - 1)], 3)


def type_features(base: list[list[str]], trigger: tuple[int, int]) -> list[str]:
    """The trigger's words and layers, its neighbours, and the kinds of mention around it."""
    a, b = trigger
    feats = []
    for i in range(a, b):
        feats.extend("t|" + f for f in base[i])
    for i, token_feats in enumerate(base):
        if i < a or i >= b:
            where = "before" if i < a else "after"
            feats.extend(f"{where}|{f[1:]}" for f in token_feats if f.startswith(("Bm=", "Bcue=", "Brule=")))
    return sorted(set(feats))


def modality_features(base: list[list[str]], tokens: list[Token], trigger: tuple[int, int],
                      event_type: str, published_year: int | None) -> list[str]:
    """The trigger's own features, the sentence's cue and time features, and old years."""
    a, b = trigger
    feats = [f"type={event_type}"]
    for i in range(a, b):
        feats.extend("t|" + f for f in base[i] if not f.startswith(("+", "-")))
    for i, token_feats in enumerate(base):
        where = "before" if i < a else "after" if i >= b else "in"
        feats.extend(f"{where}|{f[1:]}" for f in token_feats
                     if f.startswith(("Bmod=", "Bsay:", "Btime", "Bfig=")))
        if where == "before" and i >= a - 3:
            feats.append("near|s=" + tokens[i].stem)
        if published_year and tokens[i].is_number and tokens[i].norm.isdigit():
            year = int(tokens[i].norm)
            if 1900 < year < published_year:
                feats.append("old_year" + ("_far" if year < published_year - 1 else ""))
            elif year >= published_year and year < 2100:
                feats.append("this_year")
    return sorted(set(feats))


class EventModel:
    def __init__(self, folder: Path) -> None:
        self.triggers = pycrfsuite.Tagger()
        self.triggers.open(str(folder / TRIGGER_FILE))
        self.roles = pycrfsuite.Tagger()
        self.roles.open(str(folder / ROLE_FILE))
        self.types = LinearModel.from_json(
            json.loads((folder / TYPE_FILE).read_text(encoding="utf-8")))
        self.modality = LinearModel.from_json(
            json.loads((folder / MODALITY_FILE).read_text(encoding="utf-8")))
        calibration = json.loads((folder / CALIBRATION_FILE).read_text(encoding="utf-8"))
        self.calibrate = Calibration(calibration["edges"], calibration["values"])
        rules = calibration.get("rules") or {"edges": [], "values": []}
        self.calibrate_reading = Calibration(rules["edges"], rules["values"])

    @classmethod
    def load(cls, folder: Path | None = None) -> EventModel:
        return _load(str(folder or model_dir()))

    def detect(self, article: Article, cues: ArticleCues,
               readings: list[Reading] | None = None, roles_from: float = 0.0
               ) -> list[Detection]:
        """The models' triggers; each rule reading passed in is scored too, as a Detection
        with `sentence` -1 - its index in `readings` (its calibrated confidence). Roles and
        modality are read only for triggers whose confidence reaches `roles_from`."""
        layers = ArticleLayers(article, cues, readings)
        year = _year(article.article.published)
        title_end = len(article.article.title or "") if article.text.startswith(
            article.article.title or "\0") else 0
        out: list[Detection] = []
        readings = readings or []
        by_start = ByStart(readings)
        for index, sentence in enumerate(article.sentences):
            mine = [(i, readings[i])
                    for i in by_start.indices_starting_in(sentence.start, sentence.end)]
            if not (mine or layers.any_cue(sentence.start, sentence.end)):
                continue  # no lexicon cue, figure or reporting verb: the models are not asked
            out.extend(self.detect_sentence(article.text, index, sentence, layers, year,
                                            sentence.start < title_end, mine, roles_from))
        return out

    def detect_sentence(self, text: str, index: int, sentence: Sentence, layers: ArticleLayers,
                        year: int | None, headline: bool,
                        readings: list[tuple[int, Reading]] = (), roles_from: float = 0.0
                        ) -> list[Detection]:
        tokens = word_tokens(text, sentence.start, sentence.end)
        if not tokens:
            return []
        base = sentence_features(tokens, layers, sentence.start, headline)
        found = []
        for (a, b), etype, score in self.trigger_spans(base):
            detection = Detection(index, tokens[a].start, tokens[b - 1].end, etype, score,
                                  self.calibrate(score))
            found.append(detection)
            if detection.confidence < roles_from:
                continue
            detection.roles = self.role_spans(tokens, base, (a, b), etype)
            scores = self.modality.scores(modality_features(base, tokens, (a, b), etype, year))
            detection.modality = max(scores, key=scores.__getitem__)
            detection.modality_scores = scores
        for i, reading in readings:
            span = token_range(tokens, reading.start, reading.end)
            if span is None:
                continue
            score = self.reading_score(base, span, reading.type, tagged=True)
            found.append(Detection(-1 - i, reading.start, reading.end, reading.type, score,
                                   self.calibrate_reading(score)))
        return found

    def reading_score(self, base: list[list[str]], span: tuple[int, int], etype: str,
                      tagged: bool = False) -> float:
        """P(trigger) × P(type) of a span the rules read as an event of `etype` (`tagged`: the
        trigger tagger holds this sentence already)."""
        if not tagged:
            self.triggers.set(base)
        marginal = max(self.triggers.marginal("B-" + TRIGGER, i) for i in range(*span))
        return marginal * self.types.scores(type_features(base, span)).get(etype, 0.0)

    def trigger_spans(self, base: list[list[str]]) -> list[tuple[tuple[int, int], str, float]]:
        """Viterbi's trigger spans, then tokens whose trigger marginal reaches PROPOSE_AT; each
        typed by the type classifier, scored P(trigger) × P(type)."""
        tagger = self.triggers
        spans = [span for span, _ in _bio_spans(tagger.tag(base))]
        taken = {i for a, b in spans for i in range(a, b)}
        begin, inside = "B-" + TRIGGER, "I-" + TRIGGER
        for i in range(len(base)):
            if i not in taken and tagger.marginal(begin, i) >= PROPOSE_AT:
                b = i + 1
                while b < len(base) and b not in taken and tagger.marginal(inside, b) >= 0.5:
                    b += 1
                spans.append((i, b))
                taken.update(range(i, b))
        out = []
        for a, b in sorted(spans):
            scores = self.types.scores(type_features(base, (a, b)))
            etype = max(scores, key=scores.__getitem__)
            out.append(((a, b), etype, tagger.marginal(begin, a) * scores[etype]))
        return out

    def role_spans(self, tokens: list[Token], base: list[list[str]], trigger: tuple[int, int],
                   etype: str) -> dict[str, tuple[int, int]]:
        labels = self.roles.tag(role_features(base, trigger, etype))
        roles: dict[str, tuple[int, int]] = {}
        for (a, b), role in _bio_spans(labels):
            if role not in roles:  # the first span of a role is the one nearest the start
                roles[role] = (tokens[a].start, tokens[b - 1].end)
        return roles


def learned_model() -> EventModel | None:
    """The packaged models (or those of the folder HADATH_EVENT_MODEL names), or None when
    they are not built or HADATH_RULE_EVENTS is set (the rule-based reading, for comparison)."""
    if os.environ.get("HADATH_RULE_EVENTS"):
        return None
    return _built(os.environ.get("HADATH_EVENT_MODEL") or str(model_dir()))


@lru_cache(maxsize=2)
def _built(folder: str) -> EventModel | None:
    """The models of `folder`, or None when they are not built (looked up once per folder)."""
    if not (Path(folder) / TRIGGER_FILE).exists():
        return None
    return _load(folder)


@lru_cache(maxsize=2)
def _load(folder: str) -> EventModel:
    return EventModel(Path(folder))


def _bio_spans(labels: list[str]) -> list[tuple[tuple[int, int], str]]:
    spans: list[tuple[tuple[int, int], str]] = []
    start, current = None, None
    for i, label in enumerate([*labels, "O"]):
        kind = label[2:] if label != "O" else None
        if label == "O" or label.startswith("B-") or kind != current:
            if current is not None and start is not None:
                spans.append(((start, i), current))
            start, current = (i, kind) if label != "O" else (None, None)
    return spans


def _year(published: str | None) -> int | None:
    try:
        return int((published or "")[:4])
    except ValueError:
        return None
