"""Builds small gzipped WARC files for the ingest tests, the way a crawler writes them."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PIXEL_PNG = Path(__file__).resolve().parent / "fixtures" / "pixel.png"


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
            payload=BytesIO(PIXEL_PNG.read_bytes()), http_headers=image_headers,
        )
        writer.write_record(image)
    return path
