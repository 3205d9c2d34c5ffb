"""`hadath serve`: the HTTP API (and the dashboard, when it is built) over a store, with
uvicorn. Writes are enabled by the HADATH_TOKEN environment variable, never by an option (an
option would show in the process list)."""
from __future__ import annotations

import ipaddress
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

_LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1", "[::1]"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: Annotated[str, typer.Option("--db", help="Store: a SQLite file path or a SQLAlchemy URL.")] = "hadath.db",
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", metavar="ORIGIN",
        help="A browser origin allowed to call the API (https://desk.example.org); repeat for "
             "several. None by default.")] = None,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", metavar="NAME",
        help="A Host header to answer (repeat for several). On a loopback address only "
             "loopback names are answered unless this says otherwise.")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, max=64,
        help="Server processes (reads scale with the cores); above 1 the server must be "
             "read-only, as writes are made one at a time by one process.")] = 1,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn's: warning, info, debug.")] = "info",
) -> None:
    """Serve the HTTP API over the store: JSON at /events, /events/{id}, /articles/{id},
    /actors, /places, /stats; OpenAPI at /openapi.json, docs at /docs. Read-only unless
    HADATH_TOKEN is set; then POST /articles with 'Authorization: Bearer $HADATH_TOKEN'."""
    import uvicorn

    from hadath.api.app import SETTINGS_ENV, create_app
    from hadath.cli_output import fail

    if "://" not in db and not Path(db).exists():
        fail(f"{db}: no store here; run `hadath run PATH --db {db}` first")
    token = os.environ.get("HADATH_TOKEN") or None
    if token and workers > 1:
        fail("--workers above 1 serves reads only: writes are made one at a time by one "
             "process; unset HADATH_TOKEN or serve with one worker")
    hosts = list(allowed_host or []) or (_LOOPBACK_NAMES if _is_loopback(host) else None)
    mode = "writes need the bearer token" if token else "read-only (set HADATH_TOKEN for writes)"
    options: dict[str, Any] = {"host": host, "port": port, "log_level": log_level,
                               "server_header": False, "proxy_headers": False}
    if workers > 1:
        from hadath.store.db import Store

        Store(db).close()  # an older store is upgraded once, here, not by each worker at once
        # each worker process builds its own app (and store connection) from these
        os.environ[SETTINGS_ENV] = json.dumps({"db": db, "cors_origins": cors_origin or [],
                                               "allowed_hosts": hosts})
        sys.stderr.write(f"hadath: serving {db} at http://{host}:{port}/ with {workers} "
                         f"processes — {mode}\n")
        uvicorn.run("hadath.api.app:app_from_environment", factory=True, workers=workers,
                    **options)
        return
    app = create_app(db, token, cors_origins=cors_origin or (), allowed_hosts=hosts)
    sys.stderr.write(f"hadath: serving {db} at http://{host}:{port}/ — {mode}\n")
    uvicorn.run(app, **options)


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command()(serve)
