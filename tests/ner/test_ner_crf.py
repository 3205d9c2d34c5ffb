"""Our CRF inference gives crfsuite's own labels and probabilities for the same model file,
including a model trained with one feature copy per corpus (the copies are folded)."""
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]
import pytest

from hadath.ner.corpora import read_aqmar, read_conll
from hadath.ner.crf import CrfWeights
from hadath.ner.features import FeatureConfig, sentence_features
from hadath.ner.model import CrfScorer, NerModel
from hadath.ner.scoring import entity_spans
from hadath.ner.train import CrfParams, _fit

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (DATA / "anercorp").is_dir():
        pytest.skip("../shared/data is absent")
    out = tmp_path_factory.mktemp("crf") / "model.crfsuite"
    corpora = {"anercorp_train": read_conll(DATA / "anercorp" / "ANERCorp_CamelLab_train.txt")[:300],
               "aqmar": read_aqmar(DATA / "aqmar" / "train.txt")[:150]}
    _fit(corpora, out, _CONFIG, CrfParams(max_iterations=25))
    return out


_CONFIG = FeatureConfig(target_domain="anercorp_train")


def _ours(crfsuite_file: Path) -> NerModel:
    # crfsuite tags the tokens as given: so must we, punctuation stuck to them or not
    return NerModel(CrfScorer(CrfWeights.read(crfsuite_file, "anercorp_train"), _CONFIG), {},
                    punctuation_apart=False)


def _crfsuite(crfsuite_file: Path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_file))
    return tagger


def _held_out() -> list[list[str]]:
    sentences = read_conll(DATA / "anercorp" / "ANERCorp_CamelLab_train.txt")[300:420]
    return [[w for w, _ in s] for s in sentences]


def test_labels_equal_crfsuite_labels(trained: Path) -> None:
    model, tagger = _ours(trained), _crfsuite(trained)
    sentences = _held_out()
    expected = [tagger.tag(sentence_features(s, _CONFIG)) for s in sentences]
    assert model.tag_document(sentences) == expected
    assert any(label != "O" for labels in expected for label in labels)


def test_entity_confidence_is_crfsuite_lowest_marginal(trained: Path) -> None:
    model, tagger = _ours(trained), _crfsuite(trained)
    sentences = _held_out()
    checked = 0
    for sentence, entities in zip(sentences, model.tag_document_entities(sentences)):
        labels = tagger.tag(sentence_features(sentence, _CONFIG))
        assert [e[:3] for e in entities] == entity_spans(labels)
        for _, first, last, probability in entities:
            expected = min(tagger.marginal(labels[i], i) for i in range(first, last))
            assert probability == pytest.approx(expected, abs=1e-9)
            checked += 1
    assert checked > 10


def test_empty_sentences_keep_their_place(trained: Path) -> None:
    model = _ours(trained)
    sentences = _held_out()[:3]
    tagged = model.tag_document([[], sentences[0], [], sentences[1]])
    assert tagged[0] == [] and tagged[2] == []
    assert tagged[1] == model.tag(sentences[0])
    assert model.tag_document_entities([[]]) == [[]]


def test_saved_weights_load_back_unchanged(trained: Path, tmp_path: Path) -> None:
    weights = CrfWeights.read(trained, "anercorp_train")
    weights.save(tmp_path / "weights.npz")
    loaded = CrfWeights.load(tmp_path / "weights.npz")
    assert loaded.labels == weights.labels
    assert loaded.rows == weights.rows
    assert (loaded.states == weights.states).all()
    assert (loaded.transitions == weights.transitions).all()
    # the other corpus's copies are gone, the target's folded into the shared attributes
    assert not any(a.startswith(("aqmar|", "anercorp_train|")) for a in loaded.rows)
