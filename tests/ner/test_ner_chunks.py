"""A long file is scored a chunk of sentences at a time (its inputs for all words at once took
2 GB for 200,000 tokens): the scores are those of the whole run at once."""
from pathlib import Path

import numpy as np
import pytest

from hadath.ner import neural
from hadath.ner.corpora import read_conll
from hadath.ner.model import load_model

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.mark.skipif(not (DATA / "anercorp").is_dir(), reason="../shared/data is absent")
def test_chunked_scores_equal_the_whole_run(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [[w for w, _ in s] for s in
                 read_conll(DATA / "anercorp" / "ANERCorp_CamelLab_train.txt")[:60]]
    network = load_model().scorer.parts[1]
    assert isinstance(network, neural.NeuralWeights)
    whole = network.emissions(sentences)
    monkeypatch.setattr(neural, "_CHUNK", 7)
    sizes: list[int] = []
    run = neural.NeuralWeights._emissions

    def recorded(self: neural.NeuralWeights, chunk: list[list[str]]) -> list[np.ndarray]:
        sizes.append(len(chunk))
        return run(self, chunk)

    monkeypatch.setattr(neural.NeuralWeights, "_emissions", recorded)
    chunked = network.emissions(sentences)
    assert max(sizes) == 7 and sum(sizes) == 60
    assert len(chunked) == len(whole) == 60
    for a, b in zip(chunked, whole, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5)
