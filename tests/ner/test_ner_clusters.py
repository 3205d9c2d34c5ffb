"""Learning word clusters from news text: a small run writes a readable cluster file."""
import gzip
import itertools
from pathlib import Path

import pytest

from hadath.ner.cluster_build import build_clusters
from hadath.ner.clusters import GRANULARITIES, word_clusters
from hadath.ner.corpora import news_texts

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.mark.skipif(not (DATA / "antcorpus").is_dir(), reason="../shared/data is absent")
def test_clusters_from_a_few_articles(tmp_path: Path) -> None:
    texts = list(itertools.islice(news_texts(DATA, ("antcorpus",)), 150))
    out = tmp_path / "clusters.tsv.gz"
    size = build_clusters(texts, out, min_count=3, dims=20, iterations=3, source_note="test")
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        rows = handle.read().splitlines()
    assert rows[1] == "word\t" + "\t".join(f"c{k}" for k in GRANULARITIES)
    assert len(rows) == size + 2
    words = {row.split("\t")[0] for row in rows[2:]}
    assert {"في", "تونس"} <= words  # normalised forms of frequent words
    assert all(len(row.split("\t")) == 1 + len(GRANULARITIES) for row in rows[2:])


def test_packaged_clusters_know_country_names() -> None:
    table = word_clusters()
    assert table, "the packaged cluster file is missing"
    # two countries share a cluster at some granularity; a country and a verb of saying do not
    syria, iraq, said = table["سوريا"], table["العراق"], table["قال"]
    assert any(a == b for a, b in zip(syria, iraq, strict=True))
    assert not any(a == b for a, b in zip(syria, said, strict=True))
