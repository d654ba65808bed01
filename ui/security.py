"""The web app's guards against other sites and oversized requests, as one ASGI middleware.

- Writes come only from our own pages or the origins named in REPORTQA_ALLOWED_ORIGINS: a browser
  sends `Origin` (and `Sec-Fetch-Site`) with every cross-site POST, including the "simple" form
  posts that skip CORS preflight, so a page elsewhere cannot upload, delete or drive the chat's
  upload event through a visitor's browser. Clients that are not browsers send no `Origin`; when
  a key is set they need it anyway.
- Gradio's file drop (`/gradio_api/upload`) needs the key when one is set: the page's key box
  stores it in a same-site cookie, other clients send `X-API-Key`.
- Every page but /embed (which names its own frame-ancestors) may be framed only by us; a page with a
  policy of its own that says nothing of framing gets `frame-ancestors 'self'` added to it.
- Request bodies other than uploads (questions, history, the chat's queue calls) are capped at
  `MAX_BODY_BYTES`, from Content-Length and again while they stream; uploads have their own limit.
"""

from __future__ import annotations

import secrets
from urllib.parse import unquote, urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 256 * 1024
KEY_COOKIE = "reportqa_key"
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# POSTs anyone may make from anywhere: asking is public, like the widget that asks from other sites.
_OPEN_POSTS = {"/api/ask"}
_UPLOAD_PATHS = {"/api/reports", "/gradio_api/upload"}
FRAME_HEADERS = [(b"content-security-policy", b"frame-ancestors 'self'"), (b"x-frame-options", b"SAMEORIGIN"),
                 (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]


class WebGuard:
    """Origin check for writes, key check for Gradio's upload, frame headers and body limits."""

    def __init__(self, app: ASGIApp, origins: list[str], api_key: str):
        self.app = app
        self.origins = {o for o in origins if o != "*"}
        self.api_key = api_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope["path"], scope["method"]
        headers = Headers(scope=scope)
        refusal = self._refusal(path, method, headers)
        if refusal:
            status, detail = refusal
            await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)
            return
        send = self._with_frame_headers(path, send)
        if path in _UPLOAD_PATHS:  # uploads have their own limits (the upload size setting)
            await self.app(scope, receive, send)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            await _too_large(MAX_BODY_BYTES)(scope, receive, send)
            return
        await _bounded(self.app, scope, receive, send, MAX_BODY_BYTES)

    def _refusal(self, path: str, method: str, headers: Headers) -> tuple[int, str] | None:
        if method in _UNSAFE and path not in _OPEN_POSTS and not self._same_site(headers):
            return 403, "Writes are accepted only from this site's own pages (or REPORTQA_ALLOWED_ORIGINS)."
        if path == "/gradio_api/upload" and self.api_key and not self._has_key(headers):
            return 401, "Uploading needs the API key: enter it in the page's key box, or send X-API-Key."
        return None

    def _same_site(self, headers: Headers) -> bool:
        origin = headers.get("origin")
        if origin is None:
            return headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")
        if origin.rstrip("/") in self.origins:
            return True
        return urlsplit(origin).netloc.lower() == headers.get("host", "").lower()

    def _has_key(self, headers: Headers) -> bool:
        given = headers.get("x-api-key") or _cookie(headers.get("cookie", ""), KEY_COOKIE) or ""
        return secrets.compare_digest(given.encode(), self.api_key.encode())

    def _with_frame_headers(self, path: str, send: Send) -> Send:
        if path in ("/embed", "/embed.js", "/widget.js"):
            return send

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v if k.lower() != b"content-security-policy" or b"frame-ancestors" in v
                            else v + b"; frame-ancestors 'self'") for k, v in message.get("headers", [])]
                present = {k.lower() for k, _ in headers}
                message["headers"] = [*headers, *(h for h in FRAME_HEADERS if h[0] not in present)]
            await send(message)

        return wrapped


async def _bounded(app: ASGIApp, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    """Run the app on a body stopped once it passes `limit` (for senders that omit or lie about
    Content-Length): the app sees the client go away, its reply is dropped, and a 413 goes out."""
    seen, over, started = 0, False, False

    async def bounded_receive() -> Message:
        nonlocal seen, over
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                over = True
                return {"type": "http.disconnect"}
        return message

    async def guarded_send(message: Message) -> None:
        nonlocal started
        if over:
            return
        started = started or message["type"] == "http.response.start"
        await send(message)

    try:
        await app(scope, bounded_receive, guarded_send)
    except Exception:
        if not over:
            raise
    if over and not started:
        await _too_large(limit)(scope, receive, send)


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": f"Request body too large: at most {limit // 1024} KB is accepted here."},
                        status_code=413)


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return unquote(value)
    return None
