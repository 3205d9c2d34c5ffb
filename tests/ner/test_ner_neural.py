"""The neural tagger: numpy runs exactly the network torch trained, and training on a small
subset learns the names it saw."""
from pathlib import Path

import numpy as np
import pytest

from hadath.ner.corpora import read_conll
from hadath.ner.model import load_model

torch = pytest.importorskip("torch")  # needed to train only (the build and test extras)

from hadath.ner.neural_train import (
    LABEL_NAMES,
    NeuralParams,
    Tagger,
    build_encoder,
    encode_corpora,
    export,
    make_batch,
    train_neural,
)

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
pytestmark = pytest.mark.skipif(not (DATA / "anercorp").is_dir(),
                                reason="../shared/data is absent")


def _sentences(count: int) -> list[list[tuple[str, str]]]:
    return read_conll(DATA / "anercorp" / "ANERCorp_CamelLab_train.txt")[:count]


def test_numpy_emissions_equal_torch_emissions() -> None:
    sentences = _sentences(120)
    corpora = {"anercorp_train": sentences[:80], "aqmar": sentences[80:]}
    encoder = build_encoder(corpora, ["الحكومة", "بغداد"], ("places",), "anercorp_train", 1)
    torch.manual_seed(3)
    model = Tagger(encoder, NeuralParams(hidden=16, char_filters=12), None).eval()
    with torch.no_grad():  # random weights everywhere but the padding rows, which stay zero
        for parameter in model.parameters():
            parameter.normal_(std=0.3)
        model.words.weight[0] = 0
        model.chars.weight[0] = 0
    items = encode_corpora(encoder, {"anercorp_train": sentences[:40]})
    batch = make_batch(encoder, items)
    with torch.no_grad():
        expected = model.emissions(batch.ids, batch.chars, batch.char_index, batch.features,
                                   batch.lengths).numpy()
    weights = export(model, encoder)
    found = weights.emissions([[w for w, _ in s] for s in sentences[:40]])
    assert len({len(s) for s in sentences[:40]}) > 5  # sentences of many lengths, padded
    for k, sentence in enumerate(sentences[:40]):
        scores = expected[k, : len(sentence)].copy()
        scores[0] += weights.start
        scores[-1] += weights.end
        np.testing.assert_allclose(found[k], scores, rtol=1e-4, atol=1e-4)


def test_training_on_a_small_subset_learns_names(tmp_path: Path) -> None:
    sentences = _sentences(300)
    texts = [" ".join(w for w, _ in s) for s in sentences]
    meta = train_neural({"anercorp_train": sentences}, texts, tmp_path,
                        NeuralParams(epochs=12, hidden=32, learning_rate=0.005), log=lambda _: None)
    assert meta["kind"] == "neural" and meta["tokens"] == sum(len(s) for s in sentences)
    model = load_model(tmp_path)
    assert model.scorer.labels == LABEL_NAMES
    predicted = model.tag_document([[w for w, _ in s] for s in sentences[:60]])
    names = [(p, g) for s, labels in zip(sentences, predicted) for (_, g), p in zip(s, labels)
             if g != "O"]
    assert sum(p == g for p, g in names) / len(names) > 0.6
    assert model.tag([]) == []
    assert model.tag_document([]) == [] and model.tag_document_entities([[], []]) == [[], []]
    assert model.tag_document([[], ["محمد"], []])[0] == []
