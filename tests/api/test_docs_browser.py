"""/docs in a real browser (Debian's Chromium through Playwright): Swagger UI renders every
operation from this server's files alone, under the page's content security policy, and
asks nothing of any other host."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from hadath.api import create_app

from .conftest import LiveServer, db_url, fill

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    url = db_url("sqlite", tmp_path_factory.mktemp("docs"))
    fill(url)
    live = LiveServer(create_app(url))
    yield live
    live.stop()


def test_swagger_ui_renders_every_operation_offline(server: LiveServer) -> None:
    requested: list[str] = []
    problems: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.on("console", lambda message: _note(message, problems))
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(server.url + "/docs")
            page.wait_for_selector(".opblock", timeout=60_000)
            operations = page.locator(".opblock-summary-path").all_inner_texts()
        finally:
            browser.close()
    assert {"/events", "/events/{event_id}", "/articles", "/articles/{article_id}", "/actors",
            "/places", "/stats"} <= {op.replace("\u200b", "").strip() for op in operations}
    assert problems == []
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}


def _note(message: Any, problems: list[str]) -> None:
    if message.type == "error":
        problems.append(message.text)
