"""A batch's folder and its manifest: takes the output folder of `hadath batch`, keeps the
plan (which partitions the inputs make) and one small record per finished partition.

    DIR/plan.json               the inputs (paths, sizes and times), options and partitions,
                                written once: a resumed run reads it and plans nothing
    DIR/manifest/<id>.json      one per finished partition: its counts and CPU time
    DIR/articles/<id>.parquet   DIR/events/<id>.parquet   DIR/errors/<id>.jsonl
    DIR/.tmp/                   files being written (never read as results)

Every file is written under a temporary name and renamed into place. A partition's record in
`manifest/` is written last, after its output files, so a partition listed there is complete;
one that is not is run again in full, and its files, named by the partition id, are replaced,
not added to: a run killed at any point resumes with nothing lost and nothing doubled.
"""
from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

from hadath.errors import HadathError

PLAN_FORMAT = 1


class BatchError(HadathError):
    """A batch folder that cannot be used as asked (other inputs, a damaged plan)."""


class BatchDir:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.plan_file = self.root / "plan.json"
        self.manifest = self.root / "manifest"
        self.articles = self.root / "articles"
        self.events = self.root / "events"
        self.errors = self.root / "errors"
        self.scratch = self.root / ".tmp"

    def output(self, table: str, partition_id: str) -> Path:
        suffix = ".jsonl" if table == "errors" else ".parquet"
        return self.root / table / f"{partition_id}{suffix}"

    # -- the plan ----------------------------------------------------------------------------
    def prepare(self) -> None:
        for folder in (self.manifest, self.articles, self.events, self.errors, self.scratch):
            folder.mkdir(parents=True, exist_ok=True)

    def held_plan(self, identity: dict[str, Any]) -> dict[str, Any] | None:
        """The plan already in the folder, None if there is none; an error if it is the plan
        of other inputs (or of these inputs changed since), or of other options."""
        if not self.plan_file.exists():
            return None
        held = self.plan()
        differ = [key for key in identity if held.get(key) != identity[key]]
        if differ:
            what = "the inputs changed since" if differ == ["fingerprint"] else \
                "of other inputs or options"
            raise BatchError(
                f"{self.root} holds a batch {what} ({', '.join(differ)} differ; "
                f"{len(held.get('partitions', []))} partitions of {', '.join(held['inputs'])}); "
                "give the same inputs and options to resume it, or another --out")
        return held

    def write_plan(self, plan: dict[str, Any]) -> None:
        write_json(self.plan_file, plan, self.scratch)

    def plan(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(self.plan_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BatchError("not a batch folder (it has no plan.json); "
                             "make one with hadath batch INPUT --out DIR",
                             source=str(self.root)) from None
        except ValueError as exc:
            raise BatchError(f"plan.json is damaged: {exc}", source=str(self.root)) from None
        if data.get("format") != PLAN_FORMAT:
            raise BatchError(f"plan.json is of format {data.get('format')}, this hadath reads "
                             f"format {PLAN_FORMAT}", source=str(self.root))
        return data

    # -- finished partitions -----------------------------------------------------------------
    def finished(self) -> dict[str, dict[str, Any]]:
        """The record of every finished partition, by id."""
        done: dict[str, dict[str, Any]] = {}
        if not self.manifest.is_dir():
            return done
        for entry in sorted(self.manifest.glob("*.json")):
            try:
                record = json.loads(entry.read_text(encoding="utf-8"))
            except ValueError:
                continue  # cannot happen with renamed files; such a partition is run again
            done[record["id"]] = record
        return done

    def is_finished(self, partition_id: str) -> bool:
        return (self.manifest / f"{partition_id}.json").exists()

    def mark_finished(self, record: dict[str, Any]) -> None:
        write_json(self.manifest / f"{record['id']}.json", record, self.scratch)


def write_json(path: Path, data: Any, scratch: Path) -> None:
    """`data` as JSON at `path`, whole or not at all."""
    scratch.mkdir(parents=True, exist_ok=True)
    temporary = temporary_name(scratch, path)
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    publish(temporary, path)


def temporary_name(scratch: Path, final: Path) -> Path:
    """A name in `scratch` no other writer uses: a partition run again while an earlier try
    of it still writes (a worker the scheduler gave up on) never mixes their bytes."""
    return scratch / f"{final.parent.name}-{final.name}.{os.getpid()}.{uuid.uuid4().hex}"


def publish(temporary: Path, final: Path) -> None:
    """Make a finished file visible under its name in one step (a rename on one file system),
    after its bytes are on disk, so a crash leaves the old file or the new one, never half."""
    with open(temporary, "rb") as stream:
        os.fsync(stream.fileno())
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(temporary, final)
