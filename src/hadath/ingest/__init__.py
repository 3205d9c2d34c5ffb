"""Stage 1, ingest: takes files and folders of news (plain text, HTML, JSON Lines, JSON,
RSS/Atom, WARC, TREC <DOC> files, zips of JSON) and yields one `ArticleMeta` per Arabic
article — headline and body with page furniture removed, outlet, URL, ISO publication time,
stable id — or a `Skipped` with the reason. `Deduplicator` marks exact and near duplicates.

    >>> from hadath.ingest import read_inputs, Deduplicator
    >>> dedup = Deduplicator()
    >>> for item in read_inputs(["news/"]):
    ...     if isinstance(item, ArticleMeta):
    ...         dedup.check(item)   # sets item.duplicate_of
"""
from __future__ import annotations

from hadath.ingest.dedup import Deduplicator
from hadath.ingest.records import IngestDefaults, Skipped
from hadath.ingest.sources import count_records, read_inputs, read_one

__all__ = ["Deduplicator", "IngestDefaults", "Skipped", "count_records", "read_inputs", "read_one"]
