"""Train the learned event models from the hand-coded sentence corpus, and measure them.

`load_examples(corpus)` runs the stages before events on every corpus article and turns each
coded sentence into token features, trigger labels (BIO with the event type) and its events'
role spans. `train_all(examples, out)` writes the trigger and role CRFs (python-crfsuite), the
modality classifier and the confidence calibration (from held-out folds); `cross_validate`
prints per-type, per-role and modality scores, sentence recall of violent and protest events,
a reliability table and a learning curve. `hadath train events` calls these.
"""
from __future__ import annotations

import json
import random
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pycrfsuite

from hadath.events.cues import find_cues
from hadath.events.learned.features import (
    ArticleLayers,
    role_features,
    sentence_features,
    token_range,
    word_tokens,
)
from hadath.events.learned.model import (
    CALIBRATION_FILE,
    MODALITY_FILE,
    ROLE_FILE,
    ROLES,
    TRIGGER,
    TRIGGER_FILE,
    TYPE_FILE,
    EventModel,
    LinearModel,
    modality_features,
    type_features,
)
from hadath.record import ArticleMeta
from hadath.text.tokens import Token

VIOLENT = frozenset({"armed_clash", "territory_taken", "territory_regained", "air_strike",
                     "shelling", "explosion", "attack_on_civilians", "abduction"})
PROTEST = frozenset({"protest", "riot"})
MODALITIES = ("asserted", "claimed", "denied", "planned", "conditional", "historical")
# L1 keeps the CRFs small (most features get no weight); L2 smooths what is left.
TRIGGER_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200,
                  "feature.possible_transitions": True}
ROLE_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200}
MODALITY_L2 = 1.0
TYPE_L2 = 0.5
FOLDS = 5
USE_RULE_READINGS = True
CALIBRATION_BINS = 10


@dataclass
class CodedEvent:
    type: str
    modality: str
    trigger: tuple[int, int]  # token range
    roles: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Example:
    id: str
    article: str
    tokens: list[Token]
    base: list[list[str]]
    events: list[CodedEvent]
    year: int | None
    draw: str = "random"  # how the corpus drew the sentence: at random, or for a lexicon cue
    readings: list[tuple[tuple[int, int], str]] = field(default_factory=list)  # the rules' triggers

    def trigger_labels(self) -> list[str]:
        return bio(len(self.tokens), [(e.trigger, TRIGGER) for e in self.events])

    def role_labels(self, event: CodedEvent) -> list[str]:
        return bio(len(self.tokens), [(span, role) for role, span in event.roles.items()])


def bio(n: int, spans: list[tuple[tuple[int, int], str]]) -> list[str]:
    """BIO labels of n tokens; an earlier span keeps the tokens a later one overlaps."""
    labels = ["O"] * n
    for (a, b), name in spans:
        if any(labels[i] != "O" for i in range(a, b)):
            continue
        labels[a] = "B-" + name
        for i in range(a + 1, b):
            labels[i] = "I-" + name
    return labels


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load_examples(corpus: Path) -> list[Example]:
    """Every coded sentence of `corpus/sentences.jsonl` as features and labels."""
    from hadath.events.extract import rule_readings
    from hadath.pipeline import process  # the stages before events, as the pipeline runs them

    articles = {a["id"]: a for a in _read_jsonl(corpus / "articles.jsonl")}
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in _read_jsonl(corpus / "sentences.jsonl"):
        by_article[row["article"]].append(row)
    examples = []
    for art_id, rows in by_article.items():
        art = articles[art_id]
        meta = ArticleMeta(id=art_id, text=art["text"], url=art.get("url"),
                           outlet=art.get("outlet"), title=art.get("title"),
                           published=(art.get("published") or "")[:10] or None)
        article = process(meta, events=False)
        readings = rule_readings(article) if USE_RULE_READINGS else None
        layers = ArticleLayers(article, find_cues(art["text"]), readings)
        year = int(meta.published[:4]) if meta.published else None
        for row in rows:
            example = _example(row, art["text"], layers, year, len(art.get("title", "")))
            example.draw = art.get("draw", "random")
            for r in readings or ():
                span = token_range(example.tokens, r.start, r.end)
                if span and row["start"] <= r.start < row["end"]:
                    example.readings.append((span, r.type))
            examples.append(example)
    return examples


def _example(row: dict, text: str, layers: ArticleLayers, year: int | None,
             title_end: int) -> Example:
    tokens = word_tokens(text, row["start"], row["end"])
    base = sentence_features(tokens, layers, row["start"], row["start"] < title_end)
    events = []
    for event in row["events"]:
        trigger = token_range(tokens, event["trigger"]["start"], event["trigger"]["end"])
        if trigger is None:
            continue
        roles = {}
        for role in ROLES:
            if role in event:
                span = token_range(tokens, event[role]["start"], event[role]["end"])
                if span:
                    roles[role] = span
        events.append(CodedEvent(event["type"], event["modality"], trigger, roles))
    return Example(row["id"], row["article"], tokens, base, events, year)


def train_triggers(examples: list[Example], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for ex in examples:
        if ex.tokens:
            trainer.append(ex.base, ex.trigger_labels())
    trainer.set_params(TRIGGER_PARAMS)
    trainer.train(str(path))


def train_roles(examples: list[Example], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for ex in examples:
        for event in ex.events:
            trainer.append(role_features(ex.base, event.trigger, event.type),
                           ex.role_labels(event))
    trainer.set_params(ROLE_PARAMS)
    trainer.train(str(path))


def train_types(examples: list[Example]) -> LinearModel:
    rows = [type_features(ex.base, e.trigger) for ex in examples for e in ex.events]
    labels = [e.type for ex in examples for e in ex.events]
    return train_linear(rows, labels, sorted(set(labels)), TYPE_L2)


def train_modality(examples: list[Example]) -> LinearModel:
    rows = [modality_features(ex.base, ex.tokens, e.trigger, e.type, ex.year)
            for ex in examples for e in ex.events]
    labels = [e.modality for ex in examples for e in ex.events]
    return train_linear(rows, labels, list(MODALITIES), MODALITY_L2)


def train_linear(rows: list[list[str]], labels: list[str], classes: list[str],
                 l2: float) -> LinearModel:
    """Softmax regression with L2 over features seen at least twice, fitted by L-BFGS (scipy,
    a build dependency)."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts = Counter(f for r in rows for f in r)
    names = sorted(f for f, n in counts.items() if n >= 2)
    index = {f: i for i, f in enumerate(names)}
    data, cols, ptr = [], [], [0]
    for r in rows:
        ids = [index[f] for f in r if f in index]
        cols.extend(ids)
        data.extend([1.0] * len(ids))
        ptr.append(len(cols))
    x = csr_matrix((data, cols, ptr), shape=(len(rows), len(names)))
    k, d = len(classes), len(names)
    y = np.zeros((len(rows), k))
    y[np.arange(len(rows)), [classes.index(label) for label in labels]] = 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d * k].reshape(d, k), theta[d * k:]
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.sum(y * np.log(p + 1e-12)) + l2 * np.sum(w * w)
        g = p - y
        grad_w = x.T @ g + 2 * l2 * w
        return value, np.concatenate([np.asarray(grad_w).ravel(), g.sum(axis=0)])

    theta = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B",
                     options={"maxiter": 300}).x
    return LinearModel(classes, index, theta[:d * k].reshape(d, k).astype(np.float32),
                       theta[d * k:].astype(np.float32))


def fit_calibration(pairs: list[tuple[float, bool]]) -> dict:
    """Isotonic (pool-adjacent-violators) fit of correctness on score, kept as bins."""
    if not pairs:
        return {"edges": [], "values": []}
    by_score: dict[float, list[float]] = {}
    for score, ok in pairs:  # equal scores are one observation: they cannot be told apart
        tally = by_score.setdefault(round(score, 4), [0.0, 0.0])
        tally[0] += ok
        tally[1] += 1
    blocks: list[list[float]] = []  # [sum correct, count, lowest score]
    for score, (right, count) in sorted(by_score.items()):
        blocks.append([right, count, score])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            s, n, _ = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += n
    edges = [0.0] + [b[2] for b in blocks[1:]]
    values = [b[0] / b[1] for b in blocks]
    return {"edges": [round(e, 4) for e in edges], "values": [round(v, 4) for v in values]}


def calibration_of(result: dict) -> dict:
    """The confidence maps a cross-validation fits: for the models' own detections and for
    the rules' readings they score."""
    return {**fit_calibration(result["pairs"]), "rules": fit_calibration(result["rule_pairs"])}


def train_all(examples: list[Example], out: Path, calibration: dict | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    train_triggers(examples, out / TRIGGER_FILE)
    train_roles(examples, out / ROLE_FILE)
    (out / TYPE_FILE).write_text(json.dumps(train_types(examples).to_json()), encoding="utf-8")
    (out / MODALITY_FILE).write_text(json.dumps(train_modality(examples).to_json()),
                                     encoding="utf-8")
    (out / CALIBRATION_FILE).write_text(
        json.dumps(calibration or {"edges": [], "values": []}), encoding="utf-8")


def folds_of(examples: list[Example], k: int, seed: int = 13) -> list[list[Example]]:
    """k folds of whole articles (a sentence never sits in the fold its neighbours train)."""
    ids = sorted({ex.article for ex in examples})
    random.Random(seed).shuffle(ids)
    fold_of = {a: i % k for i, a in enumerate(ids)}
    folds: list[list[Example]] = [[] for _ in range(k)]
    for ex in examples:
        folds[fold_of[ex.article]].append(ex)
    return folds


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, key: str, gold: bool, pred: bool) -> None:
        if gold and pred:
            self.tp[key] += 1
        elif pred:
            self.fp[key] += 1
        elif gold:
            self.fn[key] += 1

    def prf(self, key: str | None = None) -> tuple[float, float, float]:
        tp = sum(self.tp.values()) if key is None else self.tp[key]
        fp = sum(self.fp.values()) if key is None else self.fp[key]
        fn = sum(self.fn.values()) if key is None else self.fn[key]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(model: EventModel, examples: list[Example]) -> dict:
    """Scores of a trained model on held-out examples, and its (score, right) pairs."""
    types, triggers, roles, groups = Tally(), Tally(), Tally(), Tally()
    modality_ok = modality_n = 0
    pairs: list[tuple[float, bool]] = []
    rule_pairs: list[tuple[float, bool]] = []  # the rules' readings scored by the models
    sentences: list[SentenceScores] = []
    for ex in examples:
        rule_scores = []
        for span, etype in ex.readings:
            right = any(e.type == etype and _overlap(e.trigger, span) for e in ex.events)
            score = model.reading_score(ex.base, span, etype)
            rule_pairs.append((score, right))
            rule_scores.append((etype, score))
        found = _detect(model, ex)
        gold_types = {e.type for e in ex.events}
        pred_types = {t for _, t, _, _ in found}
        sentences.append(SentenceScores(ex.draw, frozenset(gold_types), rule_scores,
                                        [(t, score) for _, t, score, _ in found]))
        for t in gold_types | pred_types:
            types.add(t, t in gold_types, t in pred_types)
        for name, group in (("violent", VIOLENT), ("protest", PROTEST)):
            groups.add(name, bool(gold_types & group), bool(pred_types & group))
            if ex.draw == "random":
                groups.add(name + " (random draw)", bool(gold_types & group),
                           bool(pred_types & group))
        matched: set[int] = set()
        for span, etype, score, modality in found:
            hit = next((i for i, e in enumerate(ex.events) if i not in matched
                        and e.type == etype and _overlap(e.trigger, span)), None)
            pairs.append((score, hit is not None))
            triggers.add(etype, hit is not None, True)
            if hit is not None:
                matched.add(hit)
                modality_n += 1
                modality_ok += modality == ex.events[hit].modality
        for i, e in enumerate(ex.events):
            if i not in matched:
                triggers.add(e.type, True, False)
        for e in ex.events:  # roles given the gold trigger
            pred = dict(_first_spans(model.roles.tag(role_features(ex.base, e.trigger, e.type))))
            for role in ROLES:
                gold, got = e.roles.get(role), pred.get(role)
                if gold is not None and got == gold:
                    roles.tp[role] += 1
                    continue
                if got is not None:
                    roles.fp[role] += 1
                if gold is not None:
                    roles.fn[role] += 1
    return {"types": types, "triggers": triggers, "roles": roles, "groups": groups,
            "modality": (modality_ok, modality_n), "pairs": pairs, "rule_pairs": rule_pairs,
            "sentences": sentences}


@dataclass
class SentenceScores:
    """One held-out sentence: its gold types, the rules' readings and the models' detections,
    each (type, score), so that operating points of the whole stage can be read afterwards."""
    draw: str
    gold: frozenset[str]
    rules: list[tuple[str, float]]
    model: list[tuple[str, float]]

    def predicted(self, group: frozenset[str], add_at: float | None, keep_at: float = 0.0
                  ) -> bool:
        """Does the stage report an event of `group` here: a rule reading the models score at
        least `keep_at` (none when `keep_at` > 1), or a detection of at least `add_at` (none when
        `add_at` is None)."""
        if any(t in group and score >= keep_at for t, score in self.rules):
            return True
        return add_at is not None and any(t in group and score >= add_at
                                          for t, score in self.model)


def operating_points(sentences: list[SentenceScores], group: frozenset[str]
                     ) -> list[tuple[str, float, float, int]]:
    """(setting, precision, recall, gold) of the sentences holding an event of `group`, for the
    rules alone, the models alone and their union at several thresholds."""
    gold = [bool(s.gold & group) for s in sentences]
    settings = [("rules alone", None, 0.0)]
    settings += [(f"models alone, score >= {t:.2f}", t, 2.0) for t in (0.1, 0.25, 0.5, 0.7)]
    settings += [(f"rules + models >= {t:.2f}", t, 0.0) for t in (0.1, 0.25, 0.5)]
    settings += [(f"rules scored >= {k:.2f} + models >= 0.50", 0.5, k) for k in (0.1, 0.2)]
    out = []
    for name, add_at, keep_at in settings:
        pred = [s.predicted(group, add_at, keep_at) for s in sentences]
        tp = sum(g and p for g, p in zip(gold, pred, strict=True))
        fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
        fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
        out.append((name, tp / (tp + fp) if tp + fp else 0.0,
                    tp / (tp + fn) if tp + fn else 0.0, tp + fn))
    return out


def _detect(model: EventModel, ex: Example) -> list[tuple[tuple[int, int], str, float, str]]:
    if not ex.tokens:
        return []
    out = []
    for span, etype, score in model.trigger_spans(ex.base):
        scores = model.modality.scores(modality_features(ex.base, ex.tokens, span, etype, ex.year))
        out.append((span, etype, score, max(scores, key=scores.__getitem__)))
    return out


def _first_spans(labels: list[str]) -> list[tuple[str, tuple[int, int]]]:
    from hadath.events.learned.model import _bio_spans

    seen: dict[str, tuple[int, int]] = {}
    for span, role in _bio_spans(labels):
        seen.setdefault(role, span)
    return list(seen.items())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def cross_validate(examples: list[Example], k: int = FOLDS, fraction: float = 1.0,
                   seed: int = 13) -> dict:
    """k-fold scores over articles; `fraction` of each training part is used (learning curve)."""
    folds = folds_of(examples, k, seed)
    merged: dict = {}
    fold_pairs: list[list[tuple[float, bool]]] = []
    fold_rule_pairs: list[list[tuple[float, bool]]] = []
    for i in range(k):
        train = [ex for j, f in enumerate(folds) if j != i for ex in f]
        if fraction < 1.0:
            keep = sorted({ex.article for ex in train})
            random.Random(seed + i).shuffle(keep)
            chosen = set(keep[:max(1, int(len(keep) * fraction))])
            train = [ex for ex in train if ex.article in chosen]
        with tempfile.TemporaryDirectory() as tmp:
            train_all(train, Path(tmp))
            result = evaluate(EventModel(Path(tmp)), folds[i])
        fold_pairs.append(result["pairs"])
        fold_rule_pairs.append(result["rule_pairs"])
        merged = result if not merged else _merge(merged, result)
    merged["fold_pairs"] = fold_pairs
    merged["fold_rule_pairs"] = fold_rule_pairs
    return merged


def _merge(a: dict, b: dict) -> dict:
    out = {}
    for key in ("types", "triggers", "roles", "groups"):
        t = Tally()
        for part in (a[key], b[key]):
            t.tp.update(part.tp)
            t.fp.update(part.fp)
            t.fn.update(part.fn)
        out[key] = t
    out["modality"] = (a["modality"][0] + b["modality"][0], a["modality"][1] + b["modality"][1])
    out["pairs"] = a["pairs"] + b["pairs"]
    out["rule_pairs"] = a["rule_pairs"] + b["rule_pairs"]
    out["sentences"] = a["sentences"] + b["sentences"]
    return out


def held_out_confidence(fold_pairs: list[list[tuple[float, bool]]]) -> list[tuple[float, bool]]:
    """Each fold's detections calibrated by a map fitted on the other folds only, so that the
    reliability table measures calibration on data the map never saw."""
    from hadath.events.learned.model import Calibration

    out = []
    for i, pairs in enumerate(fold_pairs):
        rest = [p for j, other in enumerate(fold_pairs) if j != i for p in other]
        fitted = fit_calibration(rest)
        calibrate = Calibration(fitted["edges"], fitted["values"])
        out.extend((calibrate(score), ok) for score, ok in pairs)
    return out


def reliability(confident: list[tuple[float, bool]], bins: int = CALIBRATION_BINS
                ) -> tuple[list[tuple[str, int, float, float]], float]:
    """Rows (bin, n, mean confidence, share right) of calibrated detections, and the expected
    calibration error."""
    table, ece, n_all = [], 0.0, len(confident)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in confident
                  if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(ok for _, ok in inside) / len(inside)
        table.append((f"{lo:.1f}–{hi:.1f}", len(inside), conf, acc))
        ece += len(inside) / n_all * abs(conf - acc)
    return table, ece
