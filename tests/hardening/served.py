"""`hadath serve` as an operator starts it: a subprocess on a free loopback port over a store
made by `hadath run`, with HADATH_TOKEN set or not. Shared by the security tests and
bench/load_api.py."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """A running `hadath serve --db DB` on 127.0.0.1; `stop()` ends it."""

    def __init__(self, db: Path, token: str | None = None, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "HADATH_TOKEN"}
        if token:
            env["HADATH_TOKEN"] = token
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hadath", "serve", "--db", str(db), "--port", str(self.port),
             "--log-level", "warning", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        deadline = time.monotonic() + 120  # a hang guard for start-up, not a speed check
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"hadath serve exited: {self.process.communicate()[1]}")
            try:
                httpx.get(self.url + "/openapi.json", timeout=5)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("hadath serve did not start")

    def stop(self) -> str:
        """End the server; what it wrote on stderr (a traceback there is a server error)."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.communicate(timeout=30)[1]
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.communicate()[1]
