"""What the network may send and what it must never get: SQL through every filter is only
text; control characters, malformed and huge requests are 4xx, never 500; CORS is closed
unless opened for named origins; the dashboard's folder cannot be left; the docs load nothing
from elsewhere; answers are JSON that a browser will not sniff into a page."""
from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.api import create_app

from .conftest import LiveServer, db_url, fill

INJECTIONS = [
    "' OR '1'='1",
    "x' OR 1=1 --",
    '"; DROP TABLE fused_events; --',
    "') UNION SELECT id, record FROM articles --",
    "%' OR '%'='",
    "\\' OR 1=1 #",
    "1; SELECT pg_sleep(0)",
    "حلب' OR 'أ'='أ",
]
TEXT_FILTERS = ("actor", "place", "source", "outlet", "q")
CHECKED_FILTERS = ("type", "modality", "date_from", "date_to", "country", "bbox", "sort",
                   "limit", "offset", "min_fatalities", "min_confidence")


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_in_any_filter_is_only_text(api: httpx.Client, payload: str) -> None:
    for name in TEXT_FILTERS:
        for path in ("/events", "/stats", "/actors", "/places"):
            response = api.get(path, params={name: payload})
            assert response.status_code == 200, (path, name)
            assert response.json()["total"] == 0, (path, name)  # no event holds that text
    for name in CHECKED_FILTERS:
        assert api.get("/events", params={name: payload}).status_code == 422, name
    for path in ("/events/", "/articles/"):
        assert api.get(path + payload.replace("#", "%23")).status_code == 404
    assert api.get("/events").json()["total"] == 4  # every table still there, nothing changed


@pytest.mark.parametrize("name", TEXT_FILTERS + ("date_from", "country", "bbox"))
def test_control_characters_are_422(api: httpx.Client, name: str) -> None:
    # PostgreSQL refuses a NUL in text: it must be refused before the query
    for value in ("a\x00b", "\x00", "a\x1bb"):
        response = api.get("/events", params={name: value})
        assert response.status_code == 422, (name, value)
    assert api.get("/articles/%00").status_code == 422
    assert api.get("/events/a%00b").status_code == 422


def test_odd_encodings_are_never_500(api: httpx.Client) -> None:
    for query in ("q=%ff%fe", "q=%zz", "q=%", "type=%00", "limit=1e400", "offset=0x10",
                  "min_confidence=nan", "min_confidence=inf", "bbox=1e999,0,0,0",
                  "type=" + "&type=".join(["protest"] * 500)):
        response = api.get(f"/events?{query}")
        assert 200 <= response.status_code < 500, query


def test_huge_requests_are_4xx(api: httpx.Client) -> None:
    assert api.get("/events", params={"q": "ح" * 5000}).status_code == 422
    port = int(api.base_url.port or 80)
    line = b"GET /events?q=" + b"a" * 65536 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    assert 400 <= _raw_status(port, line) < 500
    # a head of megabytes: a 4xx, or the server hangs up on it (then nothing answers)
    head = b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * 2**21 + b"\r\n\r\n"
    status = _raw_status(port, head, hang_up=True)
    assert status is None or 400 <= status < 500


def _raw_status(port: int, request: bytes, hang_up: bool = False) -> int | None:
    """The status of a request sent byte for byte (no client tidies its path or size); None
    when `hang_up` allows the server to close the connection without an answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        try:
            conn.sendall(request)
        except ConnectionResetError:
            pass
        answer = b""
        try:
            while b"\r\n" not in answer:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except ConnectionResetError:
            pass
    found = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    if found is None and hang_up and not answer:
        return None
    assert found, answer[:200]
    return int(found.group(1))


def test_answers_are_json_that_is_never_read_as_a_page(api: httpx.Client) -> None:
    for path in ("/events", "/events/nothing", "/events?type=x", "/articles/homs-markup",
                 "/stats"):
        response = api.get(path)
        assert response.headers["content-type"] == "application/json", path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "default-src 'none'" in response.headers["content-security-policy"]


def test_cors_is_closed_by_default(api: httpx.Client) -> None:
    origin = {"Origin": "https://attacker.example"}
    response = api.get("/events", headers=origin)
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = api.options("/articles", headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization"})
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code >= 400


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, Path]]:
    """A server with a dashboard folder beside a secret file, open to one origin, answering
    only loopback host names."""
    root = tmp_path_factory.mktemp("served")
    (root / "secret.txt").write_text("not for the web", encoding="utf-8")
    folder = root / "static"
    (folder / "js").mkdir(parents=True)
    (folder / "index.html").write_text("<!DOCTYPE html><title>dashboard</title>", encoding="utf-8")
    (folder / "js" / "app.js").write_text("console.log('events');", encoding="utf-8")
    url = db_url("sqlite", root)
    fill(url)
    server = LiveServer(create_app(url, cors_origins=["https://desk.example.org"],
                                   allowed_hosts=["127.0.0.1", "localhost"], dashboard=folder))
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client, root
    server.stop()


def test_the_dashboard_is_served_at_the_root_and_the_api_keeps_its_paths(
        site: tuple[httpx.Client, Path]) -> None:
    client, _root = site
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<title>dashboard</title>" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/js/app.js").text == "console.log('events');"
    assert client.get("/events").json()["total"] == 4
    assert client.get("/nothing.html").status_code == 404


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/js/../../secret.txt",
    "/js/%2e%2e/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..\\secret.txt",
    "/....//secret.txt", "//secret.txt", "/%252e%252e/secret.txt",
])
def test_no_path_leaves_the_dashboard_folder(site: tuple[httpx.Client, Path], path: str) -> None:
    client, root = site
    assert (root / "secret.txt").exists()
    port = int(client.base_url.port or 80)
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    status = _raw_status(port, request)
    assert status in (400, 404), (path, status)


def test_cors_opens_only_to_the_named_origin(site: tuple[httpx.Client, Path]) -> None:
    client, _root = site
    allowed = client.get("/events", headers={"Origin": "https://desk.example.org"})
    assert allowed.headers["access-control-allow-origin"] == "https://desk.example.org"
    other = client.get("/events", headers={"Origin": "https://attacker.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = client.options("/articles", headers={
        "Origin": "https://desk.example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://desk.example.org"
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()


def test_only_the_allowed_host_names_are_answered(site: tuple[httpx.Client, Path]) -> None:
    client, _root = site
    # a page on another site that rebinds its name to 127.0.0.1 still sends its own name
    assert client.get("/events", headers={"Host": "attacker.example"}).status_code == 400
    assert client.get("/events", headers={"Host": "localhost"}).status_code == 200


def test_the_docs_load_only_this_servers_files(api: httpx.Client) -> None:
    page = api.get("/docs")
    assert page.status_code == 200 and "swagger-ui" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    referenced = re.findall(r'(?:src|href|data-openapi)="([^"]+)"', page.text)
    assert referenced and all(ref.startswith("/") and not ref.startswith("//")
                              for ref in referenced)
    for ref in referenced:
        assert api.get(ref).status_code == 200, ref
    assert "<script>" not in page.text  # no inline script: the page's policy forbids it
    script = api.get("/docs/init.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "SwaggerUIBundle" in script.text and "http" not in script.text
    assert "Apache License" in api.get("/docs/LICENSE").text


def test_the_openapi_document_lists_every_endpoint(api: httpx.Client) -> None:
    document = api.get("/openapi.json").json()
    assert set(document["paths"]) == {"/events", "/events/{event_id}", "/articles",
                                      "/articles/{article_id}", "/actors", "/places", "/stats"}
    events = {p["name"] for p in document["paths"]["/events"]["get"]["parameters"]}
    assert events >= {"type", "modality", "date_from", "date_to", "actor", "place", "country",
                      "bbox", "source", "outlet", "min_fatalities", "q", "limit", "offset",
                      "sort"}
    post = document["paths"]["/articles"]["post"]
    assert post["security"] == [{"HTTPBearer": []}]


def test_without_a_dashboard_the_root_is_an_index_of_the_api(tmp_path: Path) -> None:
    server = LiveServer(create_app(db_url("sqlite", tmp_path), dashboard=None))
    try:
        index = httpx.get(server.url + "/", timeout=60).json()
    finally:
        server.stop()
    assert index["docs"] == "/docs" and "/events" in index["endpoints"]


def test_what_orjson_refuses_is_still_rendered() -> None:
    from hadath.api.responses import FastJSONResponse

    body = FastJSONResponse({"text": "حلب \ud800", "big": 2**70}).body
    assert body.startswith(b'{"text":"\xd8\xad\xd9\x84\xd8\xa8 ') and b"1180591620717411303424" in body


PARAMETERS = ("type", "modality", "date_from", "date_to", "actor", "place", "country", "bbox",
              "source", "outlet", "min_fatalities", "min_confidence", "q", "limit", "offset",
              "sort", "name")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.dictionaries(st.sampled_from(PARAMETERS),
                             st.text(st.characters(codec="utf-8"), max_size=40), max_size=6),
       path=st.sampled_from(["/events", "/stats", "/actors", "/places"]))
def test_no_query_is_a_server_error(api: httpx.Client, query: dict[str, str], path: str) -> None:
    response = api.get(path, params=query)
    assert response.status_code in (200, 422), (path, query, response.text[:200])
    assert response.headers["content-type"] == "application/json"
