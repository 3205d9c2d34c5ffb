"""Shared paths and builders for the ingest tests: the committed fixtures, the project's
shared public data (tests that need it skip when it is absent), and a WARC writer."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("the shared public data folder (../shared next to the repository) is absent")
    return SHARED


def write_warc(path: Path, pages: list[tuple[str, str, str]]) -> Path:
    """A gzipped WARC with one HTTP response record per (url, date, html) page, plus a
    request record and an image response that readers must pass over."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, date, html in pages:
            request = writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(html.encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)
        image_headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")],
                                         protocol="HTTP/1.1")
        image = writer.create_warc_record(
            "https://example.org/logo.png", "response",
            payload=BytesIO((FIXTURES / "pixel.png").read_bytes()), http_headers=image_headers,
        )
        writer.write_record(image)
    return path
