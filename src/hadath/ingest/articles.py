"""From a raw record to an article: takes a RawRecord (plain text or HTML plus metadata) and
the CLI's defaults, returns an `ArticleMeta` — headline, cleaned text, outlet, canonical URL,
ISO publication time, stable id — or a Skipped saying why there is no article in it.
"""
from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from hadath.ingest.dates import date_in_file_name, normalize_published
from hadath.ingest.html import extract_page
from hadath.ingest.ids import id_from_path, id_from_url, looks_like_url
from hadath.ingest.language import detect_language
from hadath.ingest.layout import assemble_article
from hadath.ingest.records import IngestDefaults, RawRecord, Skipped
from hadath.record import ArticleMeta

MAX_ARTICLE_CHARS = 20 * 1024 * 1024  # 20 MB of text is a dump, not an article


def build_article(raw: RawRecord, defaults: IngestDefaults | None = None) -> ArticleMeta | Skipped:
    """The article in `raw`, with metadata from the input first, then from `defaults`."""
    defaults = defaults or IngestDefaults()
    title, url, outlet, published = raw.title, raw.url, raw.outlet, raw.published
    title, outlet = _one_line(title), _one_line(outlet)
    page_text = raw.text or ""
    if raw.html is not None:
        if len(raw.html) > 4 * MAX_ARTICLE_CHARS:
            return Skipped(raw.source, "too large: HTML page over 80 MB")
        page = extract_page(raw.html, url=raw.url)
        page_text = page.text
        # A record's own fields (a curated JSONL line) outrank what the page says of itself;
        # a page's canonical link outranks the URL a crawler happened to fetch.
        title = title or _one_line(page.title)
        outlet = outlet or _one_line(page.site_name)
        published = published or page.published
        url = page.url if raw.fetched and page.url else (url or page.url)
    if len(page_text) > MAX_ARTICLE_CHARS:
        return Skipped(raw.source, f"too large: {len(page_text) // 2**20} MB of text "
                                   f"(limit {MAX_ARTICLE_CHARS // 2**20} MB per article)")
    article = assemble_article(page_text, title)
    if article is None or not article.text.strip():
        return Skipped(raw.source, "empty" if not page_text.strip() else "only page furniture")
    language = detect_language(article.text)
    if language != "ar":
        return Skipped(raw.source, f"not Arabic (detected language: {language})")
    own_url = url if looks_like_url(url) else None
    day, day_from = _published(published, defaults.published, raw)
    return ArticleMeta(
        id=_article_id(raw, own_url, article.text),
        text=article.text,
        url=own_url or defaults.url,
        outlet=outlet or article.site_name or defaults.outlet or _host(own_url),
        title=article.title,
        published=day,
        language=language,
        published_from=day_from,
    )


def _one_line(value: str | None) -> str | None:
    """A title or outlet name as one line: a feed's or a page's own may hold line breaks,
    tabs and control characters, which would break the rows of a CSV export."""
    if value is None:
        return None
    cleaned = " ".join("".join(" " if unicodedata.category(c) == "Cc" else c
                               for c in value).split())
    return cleaned or None


def _article_id(raw: RawRecord, url: str | None, text: str) -> str:
    if raw.id and raw.id.strip():
        return raw.id.strip()
    if url:
        return id_from_url(url)
    return id_from_path(raw.relpath, text, raw.record)


def _published(own: str | None, option: str | None, raw: RawRecord) -> tuple[str | None, str | None]:
    """The publication time and where it came from (ArticleMeta.published_from). The crawl
    date of a WARC record is only a bound on publication, hence last; a file's name speaks
    only for a file that holds one article."""
    name_date = date_in_file_name(PurePosixPath(raw.relpath).name) if raw.record is None else None
    for value, origin in ((own, "input"), (option, "option"), (name_date, "file name"),
                          (raw.fetched, "crawl date")):
        normalized = normalize_published(value)
        if normalized:
            return normalized, origin
    return None, None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host or None
