"""The gold readers: IOB2 repair, NewsFANE classes mapped, sentences split, test kept apart."""
from pathlib import Path

import pytest

from hadath.ner.corpora import (
    newsfane_label_map,
    read_aqmar,
    read_conll,
    read_newsfane,
    repair_iob2,
    training_corpora,
    without_overlap,
)

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
needs_data = pytest.mark.skipif(not (DATA / "newsfane").is_dir(),
                                reason="the public data folder ../shared/data is absent")


def test_repair_iob2_opens_orphan_inside_labels() -> None:
    assert repair_iob2(["I-LOC", "I-LOC", "O", "I-PERS", "I-ORG"]) == [
        "B-LOC", "I-LOC", "O", "B-PERS", "B-ORG"]


def test_newsfane_classes_cover_the_four_labels() -> None:
    mapping = newsfane_label_map()
    assert mapping["Politician"] == "PERS"
    assert mapping["Population-Center"] == "LOC"
    assert mapping["Non-Governmental"] == "ORG"
    assert mapping["Group"] == "O"  # العرب، الفلسطينيين are untagged in ANERcorp
    assert set(mapping.values()) <= {"PERS", "ORG", "LOC", "MISC", "O"}


def test_newsfane_crlf_marks_and_sentence_breaks(tmp_path: Path) -> None:
    raw = ("\u200eقال\tO\r\n\u200eبوش\tB-Politician\r\n\u200eفي\tO\r\n"
           "\u200eبغداد\tB-Population-Center\r\n.\tO\r\n\u200eالعرب\tB-Group\r\n")
    path = tmp_path / "fane.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert read_newsfane(path) == [
        [("قال", "O"), ("بوش", "B-PERS"), ("في", "O"), ("بغداد", "B-LOC"), (".", "O")],
        [("العرب", "O")]]


def test_conll_label_map_renames_aqmar_labels(tmp_path: Path) -> None:
    path = tmp_path / "aqmar.txt"
    path.write_text("زار O\nابن B-PER\nبطوطة I-PER\nالقاهرة B-LOC\n\nالحروب B-MIS\n",
                    encoding="utf-8")
    assert read_aqmar(path) == [[("زار", "O"), ("ابن", "B-PERS"), ("بطوطة", "I-PERS"),
                                 ("القاهرة", "B-LOC")], [("الحروب", "B-MISC")]]


@needs_data
def test_real_newsfane_has_sentences_and_no_marks() -> None:
    sentences = read_newsfane(DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt")
    assert len(sentences) > 3000
    words = [w for s in sentences[:200] for w, _ in s]
    assert not any("\u200e" in w or "\r" in w for w in words)


@needs_data
def test_anercorp_test_is_the_camel_split() -> None:
    test = read_conll(DATA / "anercorp" / "ANERCorp_CamelLab_test.txt")
    assert sum(len(s) for s in test) == 25_008


@needs_data
def test_training_newsfane_never_repeats_anercorp_test_text() -> None:
    test = read_conll(DATA / "anercorp" / "ANERCorp_CamelLab_test.txt")
    newsfane = training_corpora(DATA)["newsfane"]
    assert len(newsfane) > 3000
    assert without_overlap(newsfane, test) == newsfane
