"""Fixtures of the dashboard's browser tests: stores, a real `hadath serve` on loopback, and
Debian's Chromium driven by Playwright, which records every request the page makes.

Screenshots go to $HADATH_SCREENSHOTS when it is set, else to a new temporary folder that is
kept after the run; each test that takes one prints where it is."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import handmade

playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
PIPELINE_INPUTS = [ROOT / "examples" / "aleppo_2024-11-30.txt",
                   ROOT / "eval" / "events" / "articles.jsonl"]

if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`hadath serve --db DB` on a free loopback port, for the length of a test session."""

    def __init__(self, db: Path, log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [shutil.which("hadath") or "hadath", "serve", "--db", str(db), "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, "HADATH_TOKEN": ""})
        for _ in range(300):  # up to a minute for the models and the store to load
            if self.process.poll() is not None:
                raise RuntimeError(f"hadath serve exited: {log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/stats", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"hadath serve did not answer on {self.url}")

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(f"{self.url}{path}", timeout=30) as response:
            return json.load(response)

    def all_events(self, query: str = "") -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        while True:
            page = self.get(f"/events?limit=500&offset={len(events)}{'&' + query if query else ''}")
            events += page["events"]
            if not page["events"] or len(events) >= page["total"]:
                return events

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def workdir() -> Iterator[Path]:
    # A folder of our own: other test runs on the machine share pytest's temporary root.
    folder = Path(tempfile.mkdtemp(prefix="hadath-dashboard-"))
    yield folder
    for name in ("pipeline", "handmade"):
        shutil.rmtree(folder / name, ignore_errors=True)


@pytest.fixture(scope="session")
def pipeline_server(workdir: Path) -> Iterator[Server]:
    """The bundled Aleppo article and 50 news articles, run through the real pipeline."""
    folder = workdir / "pipeline"
    folder.mkdir()
    db = folder / "hadath.db"
    subprocess.run([shutil.which("hadath") or "hadath", "run", *map(str, PIPELINE_INPUTS),
                    "--db", str(db)], check=True, capture_output=True)
    server = Server(db, folder / "serve.log")
    events = server.all_events()
    if not any(e.get("location") for e in events):
        server.stop()
        pytest.fail(f"hadath run stored {len(events)} events and none with a place: the pipeline is broken")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def handmade_server(workdir: Path) -> Iterator[Server]:
    folder = workdir / "handmade"
    folder.mkdir()
    db = folder / "hand.db"
    handmade.build_store(str(db))
    server = Server(db, folder / "serve.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A Playwright page that keeps every request and every script error it saw."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self.errors.append(message.text)
                if message.type == "error" else None)

    def open(self, url: str) -> Any:
        self.page.goto(url)
        self.wait_ready()
        return self.page

    def wait_ready(self) -> None:
        self.page.wait_for_selector("body[data-state=ready]", timeout=30000)
        self.page.wait_for_selector("#map[data-basemap=ready]", timeout=30000)


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="en-GB",
                                  timezone_id="UTC")
    yield Page(context.new_page())
    context.close()


@pytest.fixture(scope="session")
def screenshots(workdir: Path) -> Path:
    folder = Path(os.environ.get("HADATH_SCREENSHOTS") or workdir / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
