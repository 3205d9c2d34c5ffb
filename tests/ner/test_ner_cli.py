"""`hadath ner tag FILE.conll` prints token, gold and predicted label, sentence by sentence."""
from pathlib import Path

from typer.testing import CliRunner

from hadath.cli import app


def test_tag_prints_token_gold_predicted(tmp_path: Path) -> None:
    path = tmp_path / "two.conll"
    path.write_text("زار O\nأوباما B-PERS\nبرلين B-LOC\n. O\n\nقال O\nالجيش O\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ner", "tag", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.split("\n")
    assert [line.split("\t")[:2] for line in lines[:4]] == [
        ["زار", "O"], ["أوباما", "B-PERS"], ["برلين", "B-LOC"], [".", "O"]]
    assert lines[4] == ""
    assert [len(line.split("\t")) for line in lines[:4] + lines[5:7]] == [3] * 6
    assert lines[2].split("\t")[2] == "B-LOC"
    assert result.stdout.endswith("\n\n") or result.stdout.endswith("\n")


def test_tag_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ner", "tag", str(tmp_path / "absent.conll")])
    assert result.exit_code != 0
    assert "absent.conll" in result.stderr
    assert "Traceback" not in result.stderr


def test_tag_fast_and_accurate_print_the_same_layout(tmp_path: Path) -> None:
    path = tmp_path / "one.conll"
    path.write_text("وصل O\nالرئيس O\nالفرنسي O\nإيمانويل B-PERS\nماكرون I-PERS\nإلى O\n"
                    "بيروت B-LOC\n. O\n", encoding="utf-8")
    outputs = {}
    for flags in ([], ["--fast"]):
        result = CliRunner().invoke(app, ["ner", "tag", str(path), *flags])
        assert result.exit_code == 0, result.output
        outputs[bool(flags)] = [line.split("\t") for line in result.stdout.split("\n")[:8]]
    for rows in outputs.values():
        assert [r[:2] for r in rows] == [r[:2] for r in outputs[True]]
        assert [r[2] for r in rows][3:7] == ["B-PERS", "I-PERS", "O", "B-LOC"]


def test_tag_reads_windows_1256_and_document_starts(tmp_path: Path) -> None:
    path = tmp_path / "legacy.conll"
    text = "-DOCSTART- O\n\nزار O\nأوباما B-PERS\nبرلين B-LOC\n. O\n-DOCSTART- O\nقال O\n"
    path.write_bytes(text.encode("cp1256"))
    result = CliRunner().invoke(app, ["ner", "tag", str(path), "--fast"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.split("\n")]
    assert rows[0] == ["-DOCSTART-", "O", "O"] and rows[1] == [""]
    assert [r[:2] for r in rows[2:6]] == [["زار", "O"], ["أوباما", "B-PERS"], ["برلين", "B-LOC"],
                                          [".", "O"]]
    assert rows[3][2] == "B-PERS"
    # a document start with no blank line before it still ends the sentence
    assert rows[6] == [""] and rows[7] == ["-DOCSTART-", "O", "O"] and rows[8] == [""]
    assert rows[9][:2] == ["قال", "O"]


def test_tag_empty_or_binary_file_is_one_line_error(tmp_path: Path) -> None:
    for name, data in [("empty.conll", b""), ("image.conll", b"\x89PNG\r\n\x1a\n\x00\x00")]:
        path = tmp_path / name
        path.write_bytes(data)
        result = CliRunner().invoke(app, ["ner", "tag", str(path)])
        assert result.exit_code != 0
        assert name in result.stderr and "Traceback" not in result.stderr
