"""A report: one article's event record with the metadata of the article that published it.

A wire copy or near-duplicate article (`duplicate_of`) has no events of its own; each event of
its original gives it a *copy* report (`copy_of` the original's event id) that adds its outlet
to the original's fused event.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

REPORT_FIELDS = ("outlet", "url", "title", "published")


@dataclass(frozen=True)
class Report:
    event_id: str
    article_id: str
    record: dict[str, Any]
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    copy_of: str | None = None

    @property
    def order(self) -> tuple[str, str, str]:
        """Reports in the order they were published (then by article and event id): the
        first report of a fused event is the one that founded it."""
        return (self.published or "", self.article_id, self.event_id)
