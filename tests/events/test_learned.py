"""The learned event models: labels, calibration, training on coded sentences and detection.

A small corpus of real coded sentences (from `corpus/ant_events`) is trained into a model in a
temporary folder; the model must find the events it was trained on, with roles and modality,
and `hadath train events` must write every model file.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hadath.events.learned.model import Calibration, EventModel, _bio_spans
from hadath.events.learned.train import (
    SentenceScores,
    bio,
    cross_validate,
    fit_calibration,
    load_examples,
    operating_points,
    reliability,
    train_all,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "ant_events"


def test_bio_labels_read_back_as_the_same_spans() -> None:
    labels = bio(8, [((1, 3), "actor1"), ((5, 6), "place"), ((2, 4), "actor2")])
    assert labels == ["O", "B-actor1", "I-actor1", "O", "O", "B-place", "O", "O"]
    assert _bio_spans(labels) == [((1, 3), "actor1"), ((5, 6), "place")]


def test_calibration_is_monotone_and_matches_the_share_right() -> None:
    pairs = [(0.1, False)] * 8 + [(0.1, True)] * 2 + [(0.9, True)] * 9 + [(0.9, False)]
    calibration = fit_calibration(pairs)
    assert calibration["values"] == sorted(calibration["values"])
    calibrate = Calibration(calibration["edges"], calibration["values"])
    table, ece = reliability([(calibrate(score), ok) for score, ok in pairs])
    assert ece == pytest.approx(0.0, abs=1e-9)  # each bin's confidence is its share right
    assert [(n, round(acc, 2)) for _, n, _, acc in table] == [(10, 0.2), (10, 0.9)]


def _small_corpus(tmp_path: Path, n_articles: int = 40) -> Path:
    """The first coded articles of the corpus (sentences and their articles) in a folder."""
    rows = [json.loads(line) for line in (CORPUS / "sentences.jsonl").open(encoding="utf-8")]
    keep: list[str] = []
    for row in rows:
        if row["article"] not in keep and len(keep) < n_articles:
            keep.append(row["article"])
    folder = tmp_path / "corpus"
    folder.mkdir()
    with (folder / "sentences.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            if row["article"] in keep:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for line in (CORPUS / "articles.jsonl").open(encoding="utf-8"):
            if json.loads(line)["id"] in keep:
                out.write(line)
    return folder


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, EventModel]:
    folder = _small_corpus(tmp_path_factory.mktemp("small"))
    examples = load_examples(folder)
    out = tmp_path_factory.mktemp("model")
    train_all(examples, out)
    return examples, EventModel(out)


def test_a_model_finds_the_events_it_was_trained_on(trained: tuple[list, EventModel]) -> None:
    examples, model = trained
    coded = [ex for ex in examples if ex.events]
    assert coded, "the small corpus holds coded events"
    found = 0
    for ex in coded:
        spans = {(span, etype) for span, etype, _ in model.trigger_spans(ex.base)}
        found += any((e.trigger, e.type) in spans for e in ex.events)
    assert found / len(coded) > 0.8  # a CRF fits its own training sentences


def test_roles_come_back_for_a_trained_trigger(trained: tuple[list, EventModel]) -> None:
    examples, model = trained
    with_actor = [(ex, e) for ex in examples for e in ex.events if "actor1" in e.roles]
    right = 0
    for ex, event in with_actor:
        roles = model.role_spans(ex.tokens, ex.base, event.trigger, event.type)
        a, b = event.roles["actor1"]
        right += roles.get("actor1") == (ex.tokens[a].start, ex.tokens[b - 1].end)
    assert right / len(with_actor) > 0.8


def test_cross_validation_scores_held_out_articles(tmp_path: Path) -> None:
    examples = load_examples(_small_corpus(tmp_path, 30))
    result = cross_validate(examples, k=2)
    gold = sum(len(ex.events) for ex in examples)
    triggers = result["triggers"]
    assert sum(triggers.tp.values()) + sum(triggers.fn.values()) == gold
    assert all(0.0 <= score <= 1.0 for score, _ in result["pairs"])
    assert len(result["sentences"]) == len(examples)


def test_operating_points_count_rules_and_models_as_the_stage_does() -> None:
    violent = frozenset({"armed_clash", "explosion"})
    sentences = [
        SentenceScores("random", frozenset({"explosion"}), [("explosion", 0.05)], []),
        SentenceScores("random", frozenset({"armed_clash"}), [], [("armed_clash", 0.6)]),
        SentenceScores("random", frozenset(), [("explosion", 0.4)], [("armed_clash", 0.2)]),
        SentenceScores("random", frozenset({"protest"}), [], [("protest", 0.9)]),
    ]
    points = {name: (p, r, n) for name, p, r, n in operating_points(sentences, violent)}
    assert points["rules alone"] == (0.5, 0.5, 2)
    assert points["models alone, score >= 0.50"] == (1.0, 0.5, 2)
    assert points["rules + models >= 0.50"] == (2 / 3, 1.0, 2)
    assert points["rules + models >= 0.10"] == (2 / 3, 1.0, 2)
    assert points["rules scored >= 0.10 + models >= 0.50"] == (0.5, 0.5, 2)


def test_train_events_command_writes_the_models(tmp_path: Path) -> None:
    folder = _small_corpus(tmp_path, 20)
    out = tmp_path / "model"
    run = subprocess.run([sys.executable, "-m", "hadath", "train", "events", "--corpus",
                          str(folder), "--out", str(out), "--folds", "2"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "Event types per sentence" in run.stdout
    names = {p.name for p in out.iterdir()}
    assert {"triggers.crfsuite", "roles.crfsuite", "types.json", "modality.json",
            "calibration.json"} <= names
    calibration = json.loads((out / "calibration.json").read_text())
    assert calibration["values"] == sorted(calibration["values"])


def test_train_events_without_a_corpus_is_a_clear_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "hadath", "train", "events", "--corpus",
                          str(tmp_path), "--out", str(tmp_path / "m")],
                         capture_output=True, text=True, check=False)
    assert run.returncode != 0
    assert "no corpus" in run.stderr


def test_a_detection_whose_doer_the_role_model_misses_takes_it_from_the_clause() -> None:
    from hadath.events.detected import detected_candidates
    from hadath.events.extract import _document, _frame
    from hadath.events.learned.model import Detection
    from hadath.pipeline import process
    from hadath.record import ArticleMeta

    text = "قصفت الطائرات الروسية بلدة خان شيخون في ريف إدلب أمس."
    article = process(ArticleMeta(id="t", text=text, published="2017-04-05"), events=False)
    doc = _document(article)
    frame = _frame(doc, 0, article.sentences[0], [])
    verb = text.index("قصفت")
    detection = Detection(0, verb, verb + 4, "air_strike", 0.9, 0.9)  # no role spans
    cand = detected_candidates(doc, frame, [detection])[0]
    assert cand.actor1 is not None and cand.actor1.canonical == "Military Forces of Russia"
    assert cand.place is not None and cand.place.canonical == "Khan Shaykhun"


def test_the_models_add_no_second_event_for_an_act_the_rules_read() -> None:
    from hadath.events.detected import read_already
    from hadath.events.learned.model import Detection
    from hadath.events.records import Candidate

    def rule(etype: str, modality: str, trigger: tuple[int, int] | None) -> Candidate:
        cand = Candidate(etype, modality, "strong", 0, (0, 40), None, None, (), None, False,
                         None, None, 0, None)
        cand.trigger = trigger
        return cand

    def found(etype: str, start: int) -> Detection:
        return Detection(0, start, start + 5, etype, 0.9, 0.9)

    clash = rule("attack_on_civilians", "asserted", (3, 8))
    assert read_already(found("meeting", 4), [clash])  # the same trigger
    assert read_already(found("armed_clash", 20), [clash])  # violence in a clause read as violence
    assert not read_already(found("armed_clash", 45), [clash])  # another clause
    assert not read_already(found("accuse", 20), [clash])  # a statement about the act
    planned = rule("protest", "planned", None)
    assert read_already(found("request_appeal", 10), [planned])  # the call is the planned act
    assert not read_already(found("request_appeal", 10), [rule("protest", "asserted", None)])
