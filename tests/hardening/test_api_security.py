"""Security of `hadath serve` from the outside, as an attacker on the network would try it:
SQL injection through every filter the OpenAPI document lists (and through the CLI's), markup
in article text, titles and outlets coming back as inert JSON, path traversal in served files,
oversized requests, the token on every write, CORS closed by default. The server is the real
command in a subprocess over a store made by `hadath run`; no answer may be a 500, and its
stderr must end without a traceback."""
from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hardening_cli import ARTICLES, EXAMPLE, REPO, hadath
from served import Served

TOKEN = "hardening-token-0f3a9c"
SQL = ["' OR '1'='1", "1; DROP TABLE events; --", "\" OR 1=1 --",
       "%' UNION SELECT id, text FROM articles --", "') OR ('a'='a", "1 OR 1=1", "حلب' OR 1=1 --", "*", "%", "_",
       "\\", "NEAR(a b)", "\"unterminated", "col:value", "-1", "1e309", "NaN"]
MARKUP = '<script>alert("hadath")</script><img src=x onerror=alert(1)>'
# "The spokesman said <markup> the forces withdrew from Homs."
XSS_TEXT = f"قال المتحدث {MARKUP} إن القوات انسحبت من حمص اليوم."


def _schema_tables(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT type, name FROM sqlite_master"))


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                for t in ("articles", "events", "fused_events")}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("served")
    crawl = root / "crawl.jsonl"
    crawl.write_text("\n".join(ARTICLES.read_text(encoding="utf-8").splitlines()[:8]) + "\n",
                     encoding="utf-8")
    result = hadath("run", str(EXAMPLE), str(crawl), "--db", str(root / "store.db"),
                    "--no-tagger", "--published", "2024-11-30")
    assert result.returncode == 0, result.stderr[-2000:]
    return root / "store.db"


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[Served]:
    served = Served(store, TOKEN)
    yield served
    stderr = served.stop()
    assert "Traceback" not in stderr and " 500" not in stderr, stderr[-3000:]


@pytest.fixture(scope="module")
def openapi(server: Served) -> dict:
    return httpx.get(server.url + "/openapi.json", timeout=30).json()


def _get_routes(openapi: dict) -> list[tuple[str, list[str]]]:
    """Every GET path of the API and the names of its query parameters."""
    routes = []
    for path, methods in openapi["paths"].items():
        if "get" in methods:
            names = [p["name"] for p in methods["get"].get("parameters", []) if p["in"] == "query"]
            routes.append((path, names))
    return routes


def test_sql_in_every_filter_of_every_endpoint_is_only_a_value(server: Served, store: Path,
                                                               openapi: dict) -> None:
    schema, counts = _schema_tables(store), _counts(store)
    routes = _get_routes(openapi)
    assert len(routes) >= 6 and sum(len(n) for _, n in routes) >= 30  # the filters are there
    unexpected = []
    with httpx.Client(base_url=server.url, timeout=60) as client:
        for path, names in routes:
            for payload in SQL:
                url = path.replace("{event_id}", payload).replace("{article_id}", payload)
                for name in names or [None]:
                    params = {name: payload} if name else {}
                    answer = client.get(url, params=params)
                    if answer.status_code not in (200, 404, 422):
                        unexpected.append((path, name, payload, answer.status_code))
                    elif answer.status_code == 200 and name in ("actor", "place", "source",
                                                                 "outlet"):
                        # a quote or a wildcard matches no name: no filter was widened
                        body = answer.json()
                        if payload[:1] in "'\"%_*\\" and body.get("total", 0):
                            unexpected.append((path, name, payload, body.get("total")))
    assert not unexpected
    assert _schema_tables(store) == schema and _counts(store) == counts


@pytest.mark.parametrize("option", ["--actor", "--place", "--outlet", "--source", "--text",
                                    "--country", "--from"])
def test_sql_in_every_text_filter_of_the_cli_is_only_a_value(store: Path, option: str) -> None:
    schema, counts = _schema_tables(store), _counts(store)
    for payload in ("' OR '1'='1", "1; DROP TABLE events; --"):
        result = hadath("events", "--db", str(store), option, payload, "--format", "json")
        assert result.returncode in (0, 2), result.stderr[-2000:]
        assert "Traceback" not in result.stderr
        if result.returncode == 0:
            assert json.loads(result.stdout or "[]") == []
        else:
            assert len(result.stderr.strip().splitlines()) == 1  # a one-line error
    assert _schema_tables(store) == schema and _counts(store) == counts


def test_markup_in_text_title_and_outlet_comes_back_as_inert_json(server: Served) -> None:
    posted = {"id": "markup-1", "text": XSS_TEXT, "title": MARKUP + " عنوان",
              "outlet": MARKUP, "published": "2024-11-30"}
    with httpx.Client(base_url=server.url, timeout=120) as client:
        saved = client.post("/articles", json=posted, headers={"Authorization": f"Bearer {TOKEN}"})
        assert saved.status_code == 201, saved.text
        for url in ("/articles/markup-1", "/events?q=حمص", "/actors", "/places", "/stats"):
            answer = client.get(url)
            assert answer.status_code == 200, (url, answer.text)
            assert answer.headers["content-type"].startswith("application/json")
            assert answer.headers["x-content-type-options"] == "nosniff"
            assert "default-src 'none'" in answer.headers["content-security-policy"]
        article = client.get("/articles/markup-1").json()
    # stored and served exactly as written: data, neither stripped nor turned into markup
    assert MARKUP in article["article"]["text"]
    assert article["article"]["title"].startswith(MARKUP)
    assert article["article"]["outlet"] == MARKUP


def test_the_dashboard_puts_no_stored_text_into_the_page_as_markup() -> None:
    # The reader shows article text, titles and actor names: only as text nodes (dom.js).
    scripts = sorted((REPO / "src" / "hadath" / "dashboard" / "static" / "js").glob("*.js"))
    assert scripts
    sinks = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
             "new Function", "createContextualFragment", "DOMParser")
    found = [(p.name, s) for p in scripts for s in sinks if s in p.read_text(encoding="utf-8")]
    assert not found


def _raw(port: int, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send a request exactly as written (no client normalises its dots, escapes or headers);
    the status and the whole answer."""
    data = b""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        try:
            conn.sendall(head.encode("latin-1") + body)
            while chunk := conn.recv(65536):
                data += chunk
        except ConnectionResetError:
            pass  # the server answered before it read all of an oversized request, and closed
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


def _raw_get(port: int, target: str) -> tuple[int, bytes]:
    return _raw(port, f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")


@pytest.mark.parametrize("target", [
    "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc/passwd",
    "/js/../../../../../etc/passwd", "/js/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fapi/app.py",
    "/%252e%252e/%252e%252e/etc/passwd", "/....//....//etc/passwd", "/js/..%5c..%5capi%5capp.py",
    "//etc/passwd", "/index.html%00.js", "/static/../../pyproject.toml",
])
def test_no_served_path_leaves_the_dashboard_folder(server: Served, target: str) -> None:
    status, data = _raw_get(server.port, target)
    assert status in (400, 404, 405, 422) or (status == 200 and b"root:" not in data
                                               and b"create_app" not in data), (status, data[:300])
    assert b"root:x:" not in data and b"def create_app" not in data and b"[project]" not in data


def test_oversized_and_malformed_requests_are_4xx(server: Served) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=server.url, timeout=120) as client:
        answers = {
            "body over the limit": client.post("/articles", headers=auth,
                                               content=b"{" + b" " * (5 * 2**20) + b"}"),
            "body over the limit, no token": client.post("/articles",
                                                         content=b"x" * (5 * 2**20)),
            "huge limit": client.get("/events", params={"limit": str(10**12)}),
            "huge offset": client.get("/events", params={"offset": str(10**30)}),
            "not JSON": client.post("/articles", headers=auth, content=b"{not json"),
            "deep JSON": client.post("/articles", headers=auth,
                                     content=b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
            "form body": client.post("/articles", headers=auth, data={"text": "خبر"}),
            "wrong field": client.post("/articles", headers=auth, json={"txt": "خبر"}),
            "not Arabic": client.post("/articles", headers=auth, json={"text": "just English"}),
            "bad bbox": client.get("/events", params={"bbox": "1,2,3"}),
            "bad date": client.get("/events", params={"date_from": "2024-13-45"}),
            "NUL in filter": client.get("/events", params={"actor": "a\x00b"}),
            "bad UTF-8 in path": client.get("/articles/%ff%fe"),
        }
    codes = {name: answer.status_code for name, answer in answers.items()}
    # 200 KB of query string, past what any client library sends, so written by hand
    codes["long query string"] = _raw_get(server.port, "/events?actor=" + "%D8%A7" * 35_000)[0]
    codes["Content-Length not a number"] = _raw(server.port, (
        f"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
        "Content-Length: lots\r\nConnection: close\r\n\r\n"), b"{}")[0]
    wrong = {name: code for name, code in codes.items() if not 400 <= code < 500}
    assert not wrong, codes
    # A 200 KB header: uvicorn answers it, refuses it or closes the connection (0) depending
    # on how much of it has arrived when it parses; never a 5xx.
    padded, _ = _raw(server.port, "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                     + "a" * 200_000 + "\r\nConnection: close\r\n\r\n")
    assert padded < 500
    assert codes["body over the limit"] == 413
    assert codes["body over the limit, no token"] == 401  # the token is checked first


def test_every_write_needs_the_token(server: Served, store: Path, openapi: dict) -> None:
    counts = _counts(store)
    paths = list(openapi["paths"]) + ["/", "/events/x", "/articles/x", "/docs", "/openapi.json"]
    body = {"text": "قتل ثلاثة مدنيين في قصف على حلب اليوم."}
    refused = []
    with httpx.Client(base_url=server.url, timeout=60) as client:
        for path in paths:
            for method in ("POST", "PUT", "PATCH", "DELETE"):
                for headers, expected in (({}, 401), ({"Authorization": "Bearer wrong"}, 403),
                                          ({"Authorization": "Bearer"}, 401),
                                          ({"Authorization": f"Basic {TOKEN}"}, 401),
                                          ({"Authorization": f"Bearer {TOKEN}x"}, 403),
                                          ({"Authorization": f"bearer {TOKEN[:-1]}"}, 403)):
                    answer = client.request(method, path, json=body, headers=headers)
                    if answer.status_code != expected:
                        refused.append((method, path, headers, answer.status_code))
    assert not refused
    assert _counts(store) == counts


def test_a_server_without_a_token_refuses_every_write(store: Path) -> None:
    served = Served(store, None)
    try:
        answer = httpx.post(served.url + "/articles", json={"text": "خبر"},
                            headers={"Authorization": "Bearer anything"}, timeout=60)
    finally:
        served.stop()
    assert answer.status_code == 403


def test_cors_is_closed_by_default(server: Served) -> None:
    evil = "https://evil.example"
    with httpx.Client(base_url=server.url, timeout=30) as client:
        preflight = client.options("/articles", headers={
            "Origin": evil, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type"})
        simple = client.get("/events", headers={"Origin": evil})
    for answer in (preflight, simple):
        assert "access-control-allow-origin" not in answer.headers
        assert "access-control-allow-credentials" not in answer.headers
    assert preflight.status_code != 200 or "access-control-allow-methods" not in preflight.headers
