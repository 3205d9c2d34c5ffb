"""Training on a tiny subset works end to end and the model keeps its feature set."""
import json
from pathlib import Path

import pytest

from hadath.ner.corpora import read_conll
from hadath.ner.features import FeatureConfig
from hadath.ner.model import load_model
from hadath.ner.train import CrfParams, train_crf

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.mark.skipif(not (DATA / "anercorp").is_dir(), reason="../shared/data is absent")
def test_training_on_a_small_subset_learns_names(tmp_path: Path) -> None:
    sentences = read_conll(DATA / "anercorp" / "ANERCorp_CamelLab_train.txt")[:400]
    config = FeatureConfig(target_domain="anercorp_train")
    meta = train_crf({"anercorp_train": sentences}, tmp_path, config,
                     CrfParams(max_iterations=30))
    assert meta["tokens"] == sum(len(s) for s in sentences)
    saved = json.loads((tmp_path / "ner_model.json").read_text(encoding="utf-8"))
    assert FeatureConfig.from_dict(saved["features"]) == config
    model = load_model(tmp_path)
    # the training sentences themselves must come back mostly right
    right = total = 0
    for sentence in sentences[:50]:
        predicted = model.tag([w for w, _ in sentence])
        right += sum(p == g for p, (_, g) in zip(predicted, sentence))
        total += len(sentence)
    assert right / total > 0.9
    assert model.tag([]) == []
