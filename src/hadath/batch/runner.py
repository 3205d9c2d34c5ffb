"""The batch runner: takes inputs and an output folder, runs every unfinished partition on a
Dask cluster (a LocalCluster of this machine by default, or a running scheduler by address),
and returns what was done. Each partition is one task: a worker reads its pieces, extracts
each article with `hadath.pipeline.process`, and writes the partition's files itself, so no
article text travels through the scheduler; the output folder must be on a file system every
worker sees.

Near duplicates are found within a partition here (a copy is stored with `duplicate_of` and
not extracted again), and across partitions by `hadath load`, which checks every article in
input order exactly as `hadath run` does.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import socket
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hadath.batch.manifest import PLAN_FORMAT, BatchDir, BatchError, publish, temporary_name
from hadath.batch.partitions import (
    DEFAULT_PARTITION_SIZE,
    Partition,
    inputs_fingerprint,
    plan_id,
    plan_partitions,
    warc_ranges,
)

ERRORS_SHOWN = 10
# Dask's clocks, slowed for tasks of seconds to minutes: an idle local cluster then costs about
# 1% of a core instead of 5% (measured), all of it time taken from the articles. No dashboard
# is served, so nothing reads the workers' sampling profiler: it is off.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",  # only warns of a blocked event loop
    "distributed.admin.system-monitor.interval": "5s",  # the dashboard's CPU and memory plots
    "distributed.worker.memory.monitor-interval": "1s",  # the memory limit, checked each second
}


@dataclass(frozen=True)
class BatchOptions:
    """What every article of a batch is read and extracted with (`hadath run`'s options)."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    tagger: bool = True
    accurate: bool = False


@dataclass
class BatchSummary:
    out: str
    partitions: int
    finished_before: int
    finished_now: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (partition label, reason)
    workers: int = 0
    tally: Counter[str] = field(default_factory=Counter)
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)  # the first few, to show


def run_partition(partition: dict[str, Any], out: str, options: dict[str, Any]
                  ) -> dict[str, Any]:
    """Extract one partition and write its files (on a worker); returns its manifest record."""
    from hadath.batch.parquet import ARTICLES, EVENTS, TableWriter, article_table, event_table
    from hadath.batch.reading import read_piece
    from hadath.ingest import Deduplicator, IngestDefaults, Skipped
    from hadath.pipeline import process

    part = Partition.from_dict(partition)
    batch = BatchDir(out)
    if batch.is_finished(part.id):  # an earlier try finished it after all
        return json.loads((batch.manifest / f"{part.id}.json").read_text(encoding="utf-8"))
    cpu, wall = time.process_time(), time.perf_counter()
    opts = BatchOptions(**options)
    defaults = IngestDefaults(published=opts.published, outlet=opts.outlet, url=opts.url)
    dedup = Deduplicator()
    articles = TableWriter(batch.output("articles", part.id), ARTICLES, batch.scratch)
    events = TableWriter(batch.output("events", part.id), EVENTS, batch.scratch)
    errors: list[dict[str, Any]] = []
    tally: Counter[str] = Counter()
    try:
        for piece in part.pieces:
            for item in read_piece(piece, defaults):
                if isinstance(item, Skipped):
                    errors.append(_error(part.id, item.source, None, "skipped", item.reason))
                    tally["skipped"] += 1
                    continue
                item.duplicate_of = dedup.check(item)
                try:
                    article = process(item, tagger=opts.tagger, accurate=opts.accurate)
                    row = article_table(article, part.id, articles.rows_added)
                    event_rows = event_table(article, part.id)
                # One bad article never stops a partition; it is reported with its reason.
                except Exception as exc:  # noqa: BLE001
                    errors.append(_error(part.id, item.id, item.id, "failed",
                                         f"{type(exc).__name__}: {exc}"))
                    tally["failed"] += 1
                    continue
                articles.add(row)
                events.add(event_rows)
                tally["duplicate" if item.duplicate_of else "new"] += 1
                tally["events"] += event_rows.num_rows
        _write_errors(batch, part.id, errors)
        events.commit()
        articles.commit()  # the articles file last: a reader that finds it finds the rest
    except BaseException:
        articles.discard()
        events.discard()
        raise
    record = {
        "id": part.id, "label": part.label, "tally": dict(tally),
        "cpu_seconds": round(time.process_time() - cpu, 3),
        "wall_seconds": round(time.perf_counter() - wall, 3),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    batch.mark_finished(record)
    return record


def _error(partition: str, source: str, article_id: str | None, outcome: str,
           reason: str) -> dict[str, Any]:
    return {"partition": partition, "source": source, "article_id": article_id,
            "outcome": outcome, "reason": " ".join(reason.split())}


def _write_errors(batch: BatchDir, partition_id: str, errors: list[dict[str, Any]]) -> None:
    final = batch.output("errors", partition_id)
    if not errors:
        final.unlink(missing_ok=True)  # left by an earlier try of another version
        return
    temporary = temporary_name(batch.scratch, final)
    with temporary.open("w", encoding="utf-8") as stream:
        for row in errors:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    publish(temporary, final)


def batch_identity(inputs: Sequence[str | Path], partition_size: int, options: BatchOptions
                   ) -> dict[str, Any]:
    """What makes a batch the same batch: its inputs as they are now, and its options."""
    return {"inputs": [str(Path(p).resolve()) for p in inputs],
            "fingerprint": inputs_fingerprint(inputs), "partition_size": partition_size,
            "options": asdict(options)}


def make_plan(identity: dict[str, Any], partitions: list[Partition]) -> dict[str, Any]:
    return {"format": PLAN_FORMAT, **identity, "plan": plan_id(partitions),
            "records": _total(partitions), "partitions": [p.to_dict() for p in partitions]}


def run_batch(
    inputs: Sequence[str | Path], out: str | Path, *, scheduler: str | None = None,
    workers: int | None = None, partition_size: int = DEFAULT_PARTITION_SIZE,
    options: BatchOptions | None = None,
    on_start: Callable[[BatchSummary, int], None] | None = None,
    on_partition: Callable[[dict[str, Any]], None] | None = None,
) -> BatchSummary:
    """Run every partition of `inputs` not yet finished in `out`; `on_start(summary, records
    to do)` is called once the cluster is up and the plan made, `on_partition(record)` as each
    partition finishes. A folder that holds this batch's plan is resumed without planning."""
    options = options or BatchOptions()
    started = time.perf_counter()
    identity = batch_identity(inputs, partition_size, options)
    batch = BatchDir(out)
    with _lock(batch):
        held = batch.held_plan(identity)
        shutil.rmtree(batch.scratch, ignore_errors=True)  # what a killed run left half-written
        batch.prepare()
        partitions = [Partition.from_dict(p) for p in held["partitions"]] if held else None
        summary = BatchSummary(out=str(batch.root), partitions=len(partitions or []),
                               finished_before=0)
        done = batch.finished()
        if partitions is None or any(p.id not in done for p in partitions):
            with connect(scheduler, workers, batch) as client:
                if partitions is None:
                    partitions = plan_partitions(inputs, partition_size,
                                                 scan_warcs=_scan_on(client))
                    batch.write_plan(make_plan(identity, partitions))
                todo = [p for p in partitions if p.id not in done]
                summary.partitions = len(partitions)
                summary.finished_before = len(partitions) - len(todo)
                summary.workers = len(client.scheduler_info(n_workers=-1)["workers"])
                if on_start:
                    on_start(summary, _total(todo))
                _run_partitions(client, todo, batch, options, summary, on_partition)
        else:
            summary.finished_before = len(partitions)
        shutil.rmtree(batch.scratch, ignore_errors=True)
    assert partitions is not None
    for record in batch.finished().values():
        summary.tally.update(record.get("tally", {}))
    summary.errors = list(_first_errors(batch, partitions, ERRORS_SHOWN))
    summary.wall_seconds = time.perf_counter() - started
    return summary


def _scan_on(client: Any) -> Callable[[list[str], int], list[list[tuple[int, int, int]]]]:
    """WARCs are counted and cut by the workers, one task a file, as they would be read."""
    def scan(warcs: list[str], size: int) -> list[list[tuple[int, int, int]]]:
        if not warcs:
            return []
        futures = client.map(warc_ranges, warcs, [size] * len(warcs), pure=False,
                             key=[f"hadath-scan-{uuid.uuid4().hex}" for _ in warcs])
        return [[tuple(r) for r in ranges] for ranges in client.gather(futures)]
    return scan


def _run_partitions(client: Any, todo: list[Partition], batch: BatchDir, options: BatchOptions,
                    summary: BatchSummary, on_partition: Callable[[dict[str, Any]], None] | None
                    ) -> None:
    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    futures = {
        client.submit(run_partition, part.to_dict(), str(batch.root.resolve()), asdict(options),
                      key=f"hadath-partition-{part.id}-{run}", priority=-index, pure=False): part
        for index, part in enumerate(todo)
    }
    for future in as_completed(futures):
        part = futures[future]
        try:
            record = future.result()
        except Exception as exc:  # noqa: BLE001 — a lost partition is reported and rerun later
            summary.failed.append((part.label, f"{type(exc).__name__}: {exc}"))
            continue
        summary.finished_now += 1
        summary.cpu_seconds += record.get("cpu_seconds", 0.0)
        if on_partition:
            on_partition(record)


@contextmanager
def connect(scheduler: str | None, workers: int | None, batch: BatchDir) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a new LocalCluster of `workers`
    processes (one a core by default) with one thread each: the pipeline is pure Python, so
    threads would only share one interpreter lock."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="60s") as client:
            if workers:
                client.wait_for_workers(workers, timeout=600)
            _check_workers_see(client, batch)
            yield client
        return
    import dask

    count = workers or os.cpu_count() or 1
    # The scheduler serves its health page on a free loopback port, not on 8787.
    with dask.config.set(LOCAL_CLUSTER_CONFIG), \
            LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                         dashboard_address=None, silence_logs=logging.ERROR,
                         scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                         local_directory=str(batch.scratch / "dask")) as cluster, \
            Client(cluster) as client:
        yield client


def _check_workers_see(client: Any, batch: BatchDir) -> None:
    """Workers write the partitions' files themselves: each must see the output folder."""
    answers = client.run(os.access, str(batch.root.resolve()), os.W_OK)
    blind = sorted(worker for worker, ok in answers.items() if not ok)
    if not answers:
        raise BatchError("the scheduler has no workers; start some with dask worker ADDRESS")
    if blind:
        raise BatchError(f"{len(blind)} of {len(answers)} workers cannot write to "
                         f"{batch.root.resolve()} (first: {blind[0]}); --out must be a folder "
                         "on a file system every worker mounts at the same path")


@contextmanager
def _lock(batch: BatchDir) -> Iterator[None]:
    """One `hadath batch` at a time on a folder."""
    batch.root.mkdir(parents=True, exist_ok=True)
    with (batch.root / ".lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BatchError("another hadath batch is writing to this folder",
                             source=str(batch.root)) from None
        yield


def _total(partitions: list[Partition]) -> int:
    """Records planned, counted where they can be and estimated elsewhere."""
    return sum(p.estimate for p in partitions)


def _first_errors(batch: BatchDir, partitions: list[Partition], limit: int
                  ) -> Iterator[dict[str, Any]]:
    """The first problems of the finished partitions, in input order."""
    shown = 0
    for part in partitions:
        path = batch.output("errors", part.id)
        if not batch.is_finished(part.id) or not path.exists():
            continue
        with path.open(encoding="utf-8") as stream:
            for line in stream:
                if shown >= limit:
                    return
                shown += 1
                yield json.loads(line)
