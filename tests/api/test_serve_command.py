"""`hadath serve` as a user starts it: a real process on a free loopback port, read-only
unless HADATH_TOKEN is set in its environment, answering only loopback host names."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import TOKEN, db_url, fill


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served")
    fill(db_url("sqlite", folder))
    return folder / "events.db"


def _serve(store: Path, token: str | None, *options: str) -> Iterator[httpx.Client]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "HADATH_TOKEN"}
    if token:
        env["HADATH_TOKEN"] = token
    process = subprocess.Popen(
        [sys.executable, "-m", "hadath", "serve", "--db", str(store), "--port", str(port),
         "--log-level", "warning", *options], env=env, stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            for _ in range(300):  # bounded wait for start-up (60 s at most)
                try:
                    client.get("/stats")
                    break
                except httpx.TransportError:
                    assert process.poll() is None, process.stderr.read() if process.stderr else ""
                    time.sleep(0.2)
            yield client
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def read_only(store_file: Path) -> Iterator[httpx.Client]:
    yield from _serve(store_file, None)


@pytest.fixture(scope="module")
def with_token(store_file: Path) -> Iterator[httpx.Client]:
    yield from _serve(store_file, TOKEN)


@pytest.fixture(scope="module")
def two_workers(store_file: Path) -> Iterator[httpx.Client]:
    yield from _serve(store_file, None, "--workers", "2")


def test_serve_answers_the_api(read_only: httpx.Client) -> None:
    page = read_only.get("/events", params={"country": "SY", "limit": 1}).json()
    assert page["total"] == 2 and len(page["events"]) == 1
    assert read_only.get("/openapi.json").json()["info"]["title"] == "hadath"
    assert read_only.post("/articles", json={"text": "نص"}).status_code == 403


def test_serve_answers_only_loopback_names(read_only: httpx.Client) -> None:
    assert read_only.get("/stats", headers={"Host": "attacker.example"}).status_code == 400
    assert read_only.get("/stats", headers={"Host": "localhost:8000"}).status_code == 200


def test_the_token_comes_from_the_environment(with_token: httpx.Client) -> None:
    english = {"text": "The army withdrew from the city today, officials said."}
    assert with_token.post("/articles", json=english).status_code == 401
    refused = with_token.post("/articles", json=english, headers={"Authorization": "Bearer no"})
    assert refused.status_code == 403
    # past the guard: ingest reads the body and finds no Arabic article in it
    passed = with_token.post("/articles", json=english,
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert passed.status_code == 422 and "not Arabic" in passed.text


def test_serve_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "hadath", "serve", "--db",
                             str(tmp_path / "none.db")], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 1
    assert "hadath run" in result.stderr and not (tmp_path / "none.db").exists()


def test_several_workers_serve_the_same_api(two_workers: httpx.Client) -> None:
    for _ in range(4):  # connections land on either process
        with httpx.Client(base_url=str(two_workers.base_url), timeout=30) as client:
            assert client.get("/events", params={"country": "SY"}).json()["total"] == 2
    assert two_workers.get("/stats", headers={"Host": "attacker.example"}).status_code == 400
    assert two_workers.post("/articles", json={"text": "نص"}).status_code == 403


def test_several_workers_refuse_a_token(store_file: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "hadath", "serve", "--db", str(store_file),
                             "--workers", "2"], capture_output=True, text=True, timeout=120,
                            check=False, env={**os.environ, "HADATH_TOKEN": TOKEN})
    assert result.returncode == 1 and "one worker" in result.stderr
