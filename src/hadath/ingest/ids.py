"""Stable article ids: takes what is known about an article, returns the same id on every run.

- the input's own id when it has one (a JSONL `id`, a TREC/ANT `DOCNO`), kept as given;
- else, when the article came with its own URL (a page's canonical link, a WARC target URI,
  a feed entry's link, a JSONL `url`): "u-" + the first 16 hex digits of the SHA-1 of the URL,
  lightly canonicalised (scheme and host lower-cased, "www." dropped, fragment and utm_*
  tracking parameters removed, no trailing slash), so the same page fetched twice is one
  article;
- else: a slug of the file's path relative to the input root (plus the record's place in a
  container file), "-", and the first 10 hex digits of the SHA-1 of that path and the
  article text. An edited file therefore becomes a new article; an unchanged one never does.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_SLUG_UNSAFE = re.compile(r"[^\w.-]+")
SLUG_MAX = 60


def canonical_url(url: str) -> str:
    """`url` with the differences that never change the page removed."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower()
    host = host.removeprefix("www.")
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
         if not k.lower().startswith("utm_")]
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "http", host, path, query, ""))


def id_from_url(url: str) -> str:
    digest = hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()
    return f"u-{digest[:16]}"


def id_from_path(relpath: str, text: str, record: str | None = None) -> str:
    place = relpath if record is None else f"{relpath}#{record}"
    stem = re.sub(r"\.(txt|text|html?|xhtml|jsonl?|ndjson|xml|rss|atom|warc(\.gz)?|zip|md)$",
                  "", relpath, flags=re.IGNORECASE)
    if record is not None:
        stem = f"{stem}-{record}"
    slug = _SLUG_UNSAFE.sub("-", stem.replace("/", "_")).strip("-")[-SLUG_MAX:] or "article"
    digest = hashlib.sha1(f"{place}\x00{text}".encode()).hexdigest()
    return f"{slug}-{digest[:10]}"


def looks_like_url(value: str | None) -> bool:
    return bool(value) and bool(re.match(r"https?://[^\s/]+\.[^\s/]+", value or ""))
