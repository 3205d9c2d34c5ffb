"""`GET /articles/{id}`: an article's text and every layer extracted from it; `POST /articles`
(with the server's bearer token): ingest one article, extract it and save it, which fuses its
events into the stored ones.

A posted article goes the way `hadath run` takes a file: `hadath.ingest` cleans it (page
furniture, language, metadata), the `Deduplicator` marks a wire copy, `hadath.pipeline`
extracts it and `Store.save` writes and fuses it. Writes are done one at a time.
"""
from __future__ import annotations

import logging
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.security import HTTPBearer

from hadath.api.events import store_of
from hadath.api.models import Article, ArticleIn, ArticleSaved
from hadath.api.params import clean_text, invalid
from hadath.api.responses import FastJSONResponse
from hadath.errors import InputError
from hadath.ingest import Deduplicator
from hadath.ingest.articles import MAX_ARTICLE_CHARS, build_article
from hadath.ingest.dates import normalize_published
from hadath.ingest.records import RawRecord, Skipped, one_line
from hadath.pipeline import process
from hadath.store import summaries
from hadath.store.db import Store

router = APIRouter(tags=["articles"])

IdParam = Annotated[str, Path(max_length=200, description="An article's id.")]
_log = logging.getLogger(__name__)
_SOURCE = "POST /articles"


@router.get("/articles/{article_id}", response_model=Article, responses={404: {
    "description": "No such article"}})
def get_article(store: Annotated[Store, Depends(store_of)],
                article_id: IdParam) -> FastJSONResponse:
    """The article's cleaned text (every offset indexes it) and its layers: sentences,
    mentions, times, numbers, claims and events."""
    article = store.article(clean_text("article_id", article_id, "path") or "")
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return FastJSONResponse(article.to_dict())


class ArticleWriter:
    """Ingests, extracts and saves posted articles one at a time; its deduplicator learns
    the stored articles at the first post."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._dedup: Deduplicator | None = None

    def save(self, posted: ArticleIn) -> tuple[int, dict[str, Any]]:
        field = "text" if posted.text is not None else "html"
        raw = _raw_record(posted)
        try:
            meta = build_article(raw)
        except InputError as exc:
            meta = Skipped(raw.source, one_line(exc))
        if isinstance(meta, Skipped):
            raise invalid("body", field, f"no article in it: {meta.reason}", None)
        with self._lock:
            if self.store.is_stored(meta.id, meta.text):
                status = "unchanged"
            else:
                known = self.store.article(meta.id) is not None
                meta.duplicate_of = self._deduplicator().check(meta)
                try:
                    article = process(meta)
                except Exception as exc:  # noqa: BLE001 — as `hadath run` does: reported, kept
                    reason = one_line(f"{type(exc).__name__}: {exc}")
                    _log.exception("extraction of posted article %s failed", meta.id)
                    self.store.record_skip(meta.id, reason)
                    raise invalid("body", field, f"extraction failed: {reason}", None) from None
                self.store.save(article, source=meta.url or meta.id)
                status = "duplicate" if meta.duplicate_of else "updated" if known else "new"
            stored = self.store.article(meta.id)
            fused_ids = summaries.fused_ids_of_article(self.store.engine, meta.id)
        assert stored is not None  # saved above, or found stored
        answer = {"id": meta.id, "status": status, "duplicate_of": stored.article.duplicate_of,
                  "events": stored.events, "fused_events": fused_ids}
        return (201 if status in ("new", "duplicate") else 200), answer

    def _deduplicator(self) -> Deduplicator:
        if self._dedup is None:
            self._dedup = Deduplicator()
            for article_id, text, published in self.store.stored_texts():
                self._dedup.add(article_id, text, published)
        return self._dedup


def _raw_record(posted: ArticleIn) -> RawRecord:
    """The posted article as ingest's raw record, every field checked first (a 422 names the
    field): text or HTML present and not over ingest's limit, no control characters, a
    readable publication date."""
    if posted.text is None and posted.html is None:
        raise invalid("body", "text", "give the article's 'text' or its 'html'", None)
    if posted.text is not None and posted.html is not None:
        raise invalid("body", "html", "give 'text' or 'html', not both", None)
    fields = {name: clean_text(name, getattr(posted, name), "body")
              for name in ("id", "url", "outlet", "title", "published")}
    body_name = "text" if posted.text is not None else "html"
    body = (posted.text if posted.text is not None else posted.html) or ""
    if len(body) > MAX_ARTICLE_CHARS:
        raise invalid("body", body_name, f"over {MAX_ARTICLE_CHARS:,} characters", None)
    # NUL is the one control character no store accepts; a page's other controls are
    # ingest's to clean
    if "\x00" in body:
        raise invalid("body", body_name, "NUL characters are not allowed", None)
    for name, value in (*fields.items(), (body_name, body)):
        if value is not None and not _encodable(value):
            raise invalid("body", name, "not valid Unicode (a lone surrogate)", None)
    if fields["published"] and normalize_published(fields["published"]) is None:
        raise invalid("body", "published", "not a date; use ISO 8601 (2024-11-30 or "
                                           "2024-11-30T09:30:00+03:00)", fields["published"])
    return RawRecord(source=_SOURCE, relpath="posted", record=fields["id"] or "body",
                     text=posted.text, html=posted.html, **fields)


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def writer_of(request: Request) -> ArticleWriter:
    writer: ArticleWriter = request.app.state.writer
    return writer


# The token is checked by `WriteGuard` before routing; this only documents it in OpenAPI.
_bearer = HTTPBearer(auto_error=False, description="The server's HADATH_TOKEN.")


@router.post("/articles", response_model=ArticleSaved, status_code=201,
             dependencies=[Depends(_bearer)], responses={
    200: {"description": "Already stored with this text (unchanged) or stored again with a "
                         "new text (updated)", "model": ArticleSaved},
    401: {"description": "No bearer token"}, 403: {"description": "Wrong token, or a "
                                                                   "read-only server"},
    413: {"description": "Body over the size limit"},
    422: {"description": "Not an article (empty, not Arabic, bad field)"},
})
def post_article(posted: ArticleIn,
                 writer: Annotated[ArticleWriter, Depends(writer_of)]) -> FastJSONResponse:
    """Ingest, extract and save one article; its events fuse into the stored ones. Needs
    `Authorization: Bearer <token>` (the server's HADATH_TOKEN)."""
    status, answer = writer.save(posted)
    return FastJSONResponse(answer, status_code=status)
