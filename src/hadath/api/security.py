"""What stands between the network and the store: the bearer token of writes, a cap on the
size of a request body, and the headers that keep a browser from reading answers as a page.

A server started without a token is read-only: every write answers 403. With a token, a write
without an `Authorization: Bearer` header answers 401 and one with another token 403; tokens
are compared in constant time (as digests, so that not even their length shows).
"""
from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 4 * 1024 * 1024  # a news page with its markup; an article is far smaller


def _digest(token: bytes) -> bytes:
    return hashlib.sha256(token).digest()


READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class WriteGuard:
    """Checks the bearer token of every request that is not a read (GET, HEAD, OPTIONS),
    before routing and before any of its body is read: whatever the route or the body, a
    write without the right token is a 401 or 403, never a 422."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        # the header's bytes are compared with the token's UTF-8 bytes
        self._digest = _digest(token.encode("utf-8", "surrogateescape")) if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in READ_METHODS:
            refusal = self.refusal(dict(scope.get("headers") or []).get(b"authorization", b""))
            if refusal is not None:
                status, detail = refusal
                extra = [(b"www-authenticate", b"Bearer")] if status == 401 else []
                await _answer(send, status, detail, extra)
                return
        await self.app(scope, receive, send)

    def refusal(self, header: bytes) -> tuple[int, str] | None:
        """(status, reason) when a write with this Authorization header is refused."""
        if self._digest is None:
            return 403, "this server is read-only: start it with HADATH_TOKEN set to accept writes"
        scheme, _, given = header.strip().partition(b" ")
        if scheme.lower() != b"bearer" or not given.strip():
            return 401, "a write needs the header 'Authorization: Bearer <token>'"
        if not hmac.compare_digest(_digest(given.strip()), self._digest):
            return 403, "wrong token"
        return None


class BodyLimit:
    """Answers 413 to a request whose body is over `max_bytes`, declared or streamed, before
    the application reads any of it."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_large = int(declared) > self.max_bytes
            except ValueError:
                await _answer(send, 400, "Content-Length is not a number")
                return
            if too_large:
                await _answer(send, 413, self._message())
                return
        # Read the body (at most max_bytes of it), then hand it to the app as one message.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _answer(send, 413, self._message())
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _message(self) -> str:
        return f"request body over {self.max_bytes // (1024 * 1024)} MB"


async def _answer(send: Send, status: int, detail: str,
                  headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode("ascii")),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


# JSON is data: a browser must never sniff it into a page, frame it or run anything in it.
API_HEADERS = {
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
}
# The docs page and the dashboard load only what this server serves; Swagger UI sets styles
# from its script.
PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class SecurityHeaders:
    """Adds `API_HEADERS` to every answer; HTML answers (the docs, the dashboard) get
    `PAGE_CSP` as their content security policy instead."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                content_type = dict(headers).get(b"content-type", b"")
                for name, value in API_HEADERS.items():
                    if name == "content-security-policy" and not content_type.startswith(
                            (b"application/json", b"text/plain")):
                        value = PAGE_CSP
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
