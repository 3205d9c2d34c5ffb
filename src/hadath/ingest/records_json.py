"""JSON article records: takes one decoded JSON object (a JSONL line, an element of a JSON
array such as SaudiNewsNet's daily files), returns a RawRecord, reading the common field names
news datasets use (text/content/body, html, title/headline, published/date, url/link, ...).
"""
from __future__ import annotations

from typing import Any

from hadath.ingest.records import InputProblem, RawRecord

_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "doc_id", "docno", "article_id"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "outlet": ("outlet", "site_name", "sitename", "publisher", "source", "site", "website"),
    "title": ("title", "headline"),
    "published": ("published", "published_at", "date_published", "datePublished", "pubDate",
                  "date", "publish_date", "time", "timestamp", "date_extracted"),
    "text": ("text", "content", "body", "maintext", "article", "story"),
    "html": ("html", "raw_html", "content_html", "page"),
}


def record_from_json(item: Any, source: str, relpath: str, place: str) -> RawRecord:
    """One article from a JSON object, or InputProblem saying what is wrong with it."""
    if not isinstance(item, dict):
        raise InputProblem(f"not a JSON object but {type(item).__name__}")
    found = {name: _field(item, keys) for name, keys in _FIELDS.items()}
    if not found["text"] and not found["html"]:
        names = ", ".join(_FIELDS["text"][:3] + _FIELDS["html"][:1])
        raise InputProblem(f"no article text (expected a field such as {names})")
    return RawRecord(
        source=source, relpath=relpath, record=place,
        text=None if found["html"] and not found["text"] else found["text"],
        html=found["html"] if not found["text"] else None,
        id=found["id"], url=found["url"], outlet=found["outlet"], title=found["title"],
        published=found["published"],
    )


def _field(item: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = item.get(key)
        if isinstance(value, dict):  # {"publisher": {"name": "..."}}
            value = value.get("name")
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (int, float)):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value
    return None
