"""The HTTP API: `create_app(db_url, token)` returns the FastAPI application over one store.

    GET  /events             fused events: filters, paging, order, the total
    GET  /events/{id}        one fused event with all its reports, figures and evidence
    GET  /articles/{id}      an article's text and every extracted layer
    POST /articles           ingest, extract and fuse one article (bearer token)
    GET  /actors, /places    who and where, with event counts (the same filters)
    GET  /stats              counts per day, type, country and modality (the same filters)
    GET  /openapi.json       the OpenAPI document; /docs shows it (Swagger UI, local files)
    GET  /                   the dashboard, when `src/hadath/dashboard/static/index.html`
                             exists: that folder is mounted at `/` with Starlette's
                             StaticFiles (`html=True`: `/` serves index.html; no path can
                             leave the folder), after every route above, which keep their
                             paths; without it, `/` answers a JSON index of the endpoints.

Read-only unless `token` is given; CORS is closed unless `cors_origins` names the origins a
browser may call from. Every answer is JSON (article text is data, never markup) with
headers that forbid sniffing and framing.
"""
from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from hadath.api import articles, events, summaries
from hadath.api.docs import add_docs
from hadath.api.responses import FastJSONResponse
from hadath.api.security import MAX_BODY_BYTES, BodyLimit, SecurityHeaders, WriteGuard
from hadath.errors import HadathError
from hadath.store.db import Store

DB_THREADS = 12
DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard" / "static"
_DESCRIPTION = """Arabic news as structured, source-attributed event data.

Events are fused: one event per real-world event, with every report of every article and
outlet, every figure with its source (never added, never averaged) and the evidence spans
(`article.text[start:end]`). Writes need `Authorization: Bearer <token>`."""


def create_app(db_url: str, token: str | None = None, *, cors_origins: Sequence[str] = (),
               allowed_hosts: Sequence[str] | None = None,
               dashboard: Path | None = DASHBOARD,
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The API over the store at `db_url` (a SQLite path or a SQLAlchemy URL).

    `token` enables writes (POST /articles) for requests that bear it; `cors_origins` are
    the browser origins allowed to call (none by default); `allowed_hosts` the Host headers
    answered (any by default; `hadath serve` on a loopback address allows only loopback
    names, against DNS rebinding); `dashboard` a folder with an index.html to serve at `/`.
    """
    store = Store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Routes run in worker threads, each holding a database connection while it works:
        # no more threads than the engine's pool has connections (SQLAlchemy's default pool
        # holds 5 + 10), or a burst of requests would time out waiting for one; the rest wait
        # their turn.
        to_thread.current_default_thread_limiter().total_tokens = DB_THREADS
        yield
        store.close()

    app = FastAPI(title="hadath", version=_version(), description=_DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan,
                  default_response_class=FastJSONResponse)
    app.state.store = store
    app.state.writer = articles.ArticleWriter(store)
    for router in (events.router, articles.router, summaries.router):
        app.include_router(router)
    add_docs(app)
    app.add_exception_handler(HadathError, _unprocessable)
    _serve_dashboard(app, dashboard)

    # Outermost last: headers on every answer; CORS answers even refusals; the token is
    # checked before a body is read; the body's size before the app sees it.
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(WriteGuard, token=token or None)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(SecurityHeaders)
    return app


SETTINGS_ENV = "HADATH_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one of several worker processes of `hadath serve --workers N`: its settings
    come as JSON in HADATH_SERVE_SETTINGS (the store, CORS origins, host names), the token
    from HADATH_TOKEN, as the command was given them."""
    settings = json.loads(os.environ[SETTINGS_ENV])
    return create_app(settings["db"], os.environ.get("HADATH_TOKEN") or None,
                      cors_origins=settings.get("cors_origins") or (),
                      allowed_hosts=settings.get("allowed_hosts"))


def _serve_dashboard(app: FastAPI, folder: Path | None) -> None:
    if folder is not None and (folder / "index.html").is_file():
        app.mount("/", StaticFiles(directory=str(folder), html=True), name="dashboard")
        return

    @app.get("/", include_in_schema=False)
    def index() -> dict[str, object]:
        return {"name": "hadath", "openapi": "/openapi.json", "docs": "/docs",
                "endpoints": sorted(app.openapi()["paths"])}


async def _unprocessable(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=422)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("hadath")
    except PackageNotFoundError:
        return "0"
