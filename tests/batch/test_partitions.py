"""Partitions: every record in exactly one partition, read with the ids, line numbers and
reasons `read_inputs` gives for the whole input, and the same plan on every run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.batch.manifest import BatchDir, BatchError
from hadath.batch.partitions import plan_id, plan_partitions
from hadath.batch.reading import read_piece
from hadath.batch.runner import BatchOptions, batch_identity, make_plan
from hadath.ingest import Skipped, read_inputs


def _read(partitions: list) -> list[tuple[str, str]]:
    return [_key(item) for part in partitions for piece in part.pieces for item in read_piece(piece)]


def _key(item: object) -> tuple[str, str]:
    if isinstance(item, Skipped):
        return ("skipped", f"{item.source}: {item.reason}")
    return ("article", f"{item.id} {item.published} {item.text}")  # type: ignore[attr-defined]


def test_partitions_read_what_the_whole_inputs_hold(crawl: list[Path]) -> None:
    partitions = plan_partitions(crawl, 2)
    kinds = {piece.kind for part in partitions for piece in part.pieces}
    assert kinds == {"file", "jsonl", "warc"}
    whole = [_key(item) for item in read_inputs([p.resolve() for p in crawl])]
    assert _read(partitions) == whole
    assert len([k for k, _ in whole if k == "article"]) == 12 + 8 + 6 + 2  # and 2 copies


def test_jsonl_pieces_keep_the_files_line_numbers(crawl: list[Path]) -> None:
    jsonl = [piece for part in plan_partitions([crawl[1]], 3) for piece in part.pieces]
    assert [(p.first_line, p.kind) for p in jsonl] == [(1, "jsonl"), (4, "jsonl"), (7, "jsonl"),
                                                       (10, "jsonl")]
    skipped = [reason for kind, reason in _read(plan_partitions([crawl[1]], 3)) if kind == "skipped"]
    assert len(skipped) == 2
    assert "crawl.jsonl:4: malformed JSON on line 4: " in skipped[0]
    assert "crawl.jsonl:7: not Arabic" in skipped[1]


def test_a_warc_is_cut_at_record_starts(crawl: list[Path]) -> None:
    partitions = plan_partitions([crawl[2]], 4)
    assert [p.records for p in partitions] == [4, 2]
    first, second = (p.pieces[0] for p in partitions)
    assert (first.start, first.end) == (0, second.start)
    assert second.end == crawl[2].stat().st_size


def test_small_files_are_grouped_and_keep_their_folder_paths(crawl: list[Path]) -> None:
    partitions = plan_partitions([crawl[0]], 5)
    assert [len(p.pieces) for p in partitions] == [5, 5, 2]
    assert partitions[0].pieces[0].relpath == min(f.name for f in crawl[0].iterdir())


def test_the_plan_is_the_same_on_every_run_and_changes_with_the_inputs(crawl: list[Path]) -> None:
    assert plan_id(plan_partitions(crawl, 2)) == plan_id(plan_partitions(crawl, 2))
    assert plan_id(plan_partitions(crawl, 2)) != plan_id(plan_partitions(crawl, 3))
    assert plan_id(plan_partitions(crawl, 2)) != plan_id(plan_partitions(crawl[:2], 2))


def test_a_folder_of_another_batch_is_refused(crawl: list[Path], tmp_path: Path) -> None:
    batch = BatchDir(tmp_path / "out")
    batch.prepare()
    identity = batch_identity(crawl, 2, BatchOptions())
    assert batch.held_plan(identity) is None
    batch.write_plan(make_plan(identity, plan_partitions(crawl, 2)))
    held = batch.held_plan(identity)  # the same batch: resumed from its plan
    assert held is not None and held["plan"] == plan_id(plan_partitions(crawl, 2))
    with pytest.raises(BatchError, match="holds a batch of other inputs or options"):
        batch.held_plan(batch_identity(crawl, 2, BatchOptions(tagger=False)))
    with pytest.raises(BatchError, match="partition_size differ"):
        batch.held_plan(batch_identity(crawl, 3, BatchOptions()))


def test_an_input_changed_since_the_plan_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("قال المرصد السوري لحقوق الإنسان إن اشتباكات عنيفة اندلعت في ريف حلب\n",
                    encoding="utf-8")
    batch = BatchDir(tmp_path / "out")
    batch.prepare()
    identity = batch_identity([page], 2, BatchOptions())
    batch.write_plan(make_plan(identity, plan_partitions([page], 2)))
    page.write_text("قال المرصد السوري لحقوق الإنسان إن اشتباكات عنيفة اندلعت في ريف إدلب\n",
                    encoding="utf-8")
    with pytest.raises(BatchError, match="the inputs changed since"):
        batch.held_plan(batch_identity([page], 2, BatchOptions()))
    plan = json.loads((tmp_path / "out" / "plan.json").read_text(encoding="utf-8"))
    assert plan["fingerprint"] == identity["fingerprint"]  # the plan is left as it was


def test_an_empty_folder_is_reported_as_hadath_run_reports_it(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".hidden").write_text("not read", encoding="utf-8")
    partitions = plan_partitions([empty], 5)
    assert _read(partitions) == [("skipped", f"{empty.resolve()}: folder holds no files")]
    assert _read(partitions) == [_key(item) for item in read_inputs([empty.resolve()])]
