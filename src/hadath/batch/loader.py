"""Loading a batch into the store: takes a `hadath batch` output folder and a store, saves
every article of the finished partitions, in input order, through `Store.save` (which fuses
its events with the stored ones), and records the batch's skipped and failed inputs as
`hadath run` does. Loading twice changes nothing: a stored article with the same text is
left as it is.

Near duplicates across partitions are settled here: every article is checked, in input
order, against the store's articles and the ones loaded before it, as `hadath run` checks
them. A copy is stored with `duplicate_of` and its own extraction, as `hadath run` stores it, so
the store holds what `hadath run` on the same inputs would hold.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hadath.batch.manifest import BatchDir
from hadath.batch.parquet import read_articles
from hadath.batch.partitions import Partition
from hadath.batch.runner import BatchOptions
from hadath.record import Article


@dataclass
class LoadSummary:
    partitions: int
    loaded: int = 0
    unfinished: int = 0
    tally: Counter[str] = field(default_factory=Counter)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # outcome, input, reason
    counts: dict[str, int] = field(default_factory=dict)  # the store's, after loading


def load_batch(
    out: str | Path, db: str | None, *,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[str], None] | None = None,
) -> LoadSummary:
    """Save the finished partitions of the batch in `out` into the store `db`;
    `on_start(articles)` is called once they are counted, `on_article(outcome)` per article."""
    from hadath.ingest import Deduplicator
    from hadath.store.db import Store

    batch = BatchDir(out)
    plan = batch.plan()
    finished = batch.finished()
    options = BatchOptions(**plan.get("options", {}))
    partitions = [Partition.from_dict(p) for p in plan["partitions"]]
    ready = [p for p in partitions if p.id in finished]
    summary = LoadSummary(partitions=len(partitions), unfinished=len(partitions) - len(ready))
    if on_start:
        on_start(sum(_articles_in(finished[p.id]) for p in ready))
    store = Store(db)
    try:
        dedup = Deduplicator()
        for article_id, text, published in store.stored_texts():
            dedup.add(article_id, text, published)
        for part in ready:
            for article_id, record in read_articles(batch.output("articles", part.id)):
                outcome = _load_article(store, dedup, article_id, record, options, summary)
                summary.tally[outcome] += 1
                if on_article:
                    on_article(outcome)
            _load_problems(store, batch, part, summary)
            summary.loaded += 1
        summary.counts = store.counts()
    finally:
        store.close()
    return summary


def _load_article(store: Any, dedup: Any, article_id: str, record: str,
                  options: BatchOptions, summary: LoadSummary) -> str:
    try:
        article = Article.from_dict(json.loads(record))
    except (ValueError, TypeError, KeyError) as exc:  # a record this hadath cannot read
        return _failed(store, summary, article_id, f"unreadable record: {type(exc).__name__}: {exc}")
    meta = article.article
    if store.is_stored(meta.id, meta.text):
        return "unchanged"
    copy_in_partition = meta.duplicate_of is not None
    dedup.check(meta)  # sets meta.duplicate_of, from everything before it
    try:
        # A copy is extracted as `hadath run` extracts it (a near duplicate keeps its own
        # figures; the store keeps an identical text's reports as its original's). Batches
        # written before copies were extracted hold a copy without layers: extract it now.
        if copy_in_partition and not article.sentences:
            from hadath.pipeline import process

            article = process(meta, tagger=options.tagger, accurate=options.accurate)
        store.save(article, source=meta.url or meta.id)
    # One article the store refuses never stops a load; it is reported, as run reports it.
    except Exception as exc:  # noqa: BLE001
        return _failed(store, summary, meta.id, f"{type(exc).__name__}: {exc}")
    return "duplicate" if meta.duplicate_of else "new"


def _failed(store: Any, summary: LoadSummary, article_id: str, reason: str) -> str:
    summary.problems.append(("failed", article_id, reason))
    store.record_skip(article_id, reason)
    return "failed"


def _load_problems(store: Any, batch: BatchDir, part: Partition, summary: LoadSummary) -> None:
    """The batch's skipped inputs and failed articles, kept in the store as `run` keeps them."""
    path = batch.output("errors", part.id)
    if not path.exists():
        return
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            store.record_skip(row["source"], row["reason"])
            summary.tally[row["outcome"]] += 1
            summary.problems.append((row["outcome"], row["source"], row["reason"]))


def _articles_in(record: dict[str, Any]) -> int:
    tally = record.get("tally", {})
    return int(tally.get("new", 0)) + int(tally.get("duplicate", 0))
