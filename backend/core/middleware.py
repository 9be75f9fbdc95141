"""ASGI middleware: body size limit, Prometheus metrics, security headers."""

from __future__ import annotations

import json
import re
import time
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from prometheus_client import Counter, Histogram
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.core.errors import PROBLEM_JSON, TYPE_BASE, log
from backend.core.inputs import control_character, describe

REQUESTS = Counter("parkregie_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram(
    "parkregie_http_request_duration_seconds", "HTTP request duration", ["method", "route"]
)


async def _send_problem(
    scope: Scope,
    send: Send,
    status: int,
    detail: str,
    code: str,
    *,
    title: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    body_data: dict[str, Any] = {
        "type": TYPE_BASE + code,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": scope.get("path", ""),
    }
    if errors is not None:
        body_data["errors"] = errors
    body = json.dumps(body_data).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Refuse bodies over the limit with 413: by ``Content-Length`` before reading them, and
    for chunked bodies as soon as the limit is passed (the app is told the client left, and
    whatever it answers is replaced by the 413). Uploads (``/import``) get a larger limit."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_upload_bytes: int) -> None:
        self.app, self.max_bytes, self.max_upload_bytes = app, max_bytes, max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        limit = self.max_upload_bytes if path.endswith("/import") else self.max_bytes
        detail = f"The request body is larger than the limit of {limit // 1024} KiB."
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > limit
            except ValueError:
                too_big = False
            if too_big:
                await _send_problem(scope, send, 413, detail, "payload-too-large")
                return
        received = 0
        overflow = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, overflow
            if overflow:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    overflow = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if overflow:
                return  # the app's answer to a body it never got whole is not sent
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not overflow:
                raise
        if overflow and not started:
            await _send_problem(scope, send, 413, detail, "payload-too-large")


def _control_error(where: str, name: str, char: str) -> dict[str, Any]:
    return {"loc": [where, name], "msg": f"contains a control character ({describe(char)})"}


def _find_control(value: Any, loc: list[str | int]) -> tuple[list[str | int], str] | None:
    if isinstance(value, str):
        bad = control_character(value)
        return (loc, bad) if bad else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _find_control(key, loc) or _find_control(item, [*loc, key])
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_control(item, [*loc, index])
            if found:
                return found
    return None


# A JSON text can carry a control character only as an escape: \u0000-\u001f (but tab,
# newline and carriage return may stand in texts), \u007f, \b or \f.
_JSON_CONTROL = re.compile(rb"\\(?:u00[01][0-8bBcCeEfF]|u001[0-9a-fA-F]|u007[fF]|[bf])")


class InputCheckMiddleware:
    """The edge rules of core/inputs.py for every request: no control characters in the path,
    the query string, a form or a JSON body, and JSON bodies in UTF-8. Each is a 422 problem
    that names where, before any endpoint runs (so neither database ever sees a NUL)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        bad = control_character(path, multiline=False)
        if bad is not None:
            await self._refuse(scope, send, [_control_error("path", path[:100], bad)])
            return
        query = scope.get("query_string", b"").decode("latin-1")
        for name, value in parse_qsl(query, keep_blank_values=True):
            bad = control_character(name + value, multiline=False)
            if bad is not None:
                await self._refuse(scope, send, [_control_error("query", name[:100], bad)])
                return
        headers = dict(scope.get("headers") or [])
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if content_type not in (b"application/json", b"application/x-www-form-urlencoded") and not (
            content_type.endswith(b"+json")
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        errors = self._body_errors(body, content_type)
        if errors:
            await self._refuse(scope, send, errors)
            return
        await self.app(scope, _replay([{"type": "http.request", "body": body}], receive), send)

    @staticmethod
    def _body_errors(body: bytes, content_type: bytes) -> list[dict[str, Any]] | None:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return [{"loc": ["body"], "msg": f"the body is not UTF-8 text (byte {exc.start})"}]
        if content_type == b"application/x-www-form-urlencoded":
            for name, value in parse_qsl(text, keep_blank_values=True):
                bad = control_character(value) if name == "password" else None
                bad = bad or control_character(name + value, multiline=False)
                if bad is not None:
                    return [_control_error("body", name[:100], bad)]
            return None
        raw_bad = control_character(text, multiline=True)
        if raw_bad is None and not _JSON_CONTROL.search(body):
            return None
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None  # not JSON at all: the endpoint's own validation says so
        found = _find_control(data, ["body"])
        if found is None:
            return None
        loc, char = found
        return [{"loc": loc, "msg": f"contains a control character ({describe(char)})"}]

    @staticmethod
    async def _refuse(scope: Scope, send: Send, errors: list[dict[str, Any]]) -> None:
        await _send_problem(
            scope,
            send,
            422,
            "The request holds a control character (such as NUL) or text that is not UTF-8; "
            "see errors.",
            "validation-error",
            title="Invalid input",
            errors=errors,
        )


def _replay(messages: list[Message], then: Receive) -> Receive:
    """Hand out ``messages`` first, then whatever the server sends next (a disconnect)."""
    queue = list(messages)

    async def receive() -> Message:
        if queue:
            return queue.pop(0)
        return await then()

    return receive


class MetricsMiddleware:
    """Counts and times requests per route template (never per raw path: bounded labels)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._templates: dict[str, str] | None = None

    def _template(self, scope: Scope) -> str:
        route: Any = scope.get("route")
        if route is None:
            return "unmatched"
        operation_id = getattr(route, "operation_id", None)
        if self._templates is None and operation_id and "app" in scope:
            # Routers included in routers keep their own relative paths: take the full path
            # from the OpenAPI document, keyed by operation id.
            spec = scope["app"].openapi()
            self._templates = {
                op["operationId"]: path
                for path, methods in spec.get("paths", {}).items()
                for op in methods.values()
                if isinstance(op, dict) and "operationId" in op
            }
        full = (self._templates or {}).get(operation_id or "")
        return full or getattr(route, "path", None) or "unmatched"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500
        start = time.perf_counter()

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            template = self._template(scope)
            method = scope.get("method", "")
            REQUESTS.labels(method, template, str(status)).inc()
            LATENCY.labels(method, template).observe(time.perf_counter() - start)


class DatabaseFaultMiddleware:
    """A database that cannot be reached, or a connection that died, is a 503 problem with
    ``Retry-After`` (never a 500). A request whose first statement met a dead pooled
    connection did nothing yet: it is run once more, on a fresh connection, with the same
    body."""

    def __init__(self, app: ASGIApp, retry_after: int = 5) -> None:
        self.app, self.retry_after = app, retry_after

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received: list[Message] = []
        started = False

        async def recording_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                received.append(message)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, recording_receive, tracking_send)
            return
        except DBAPIError as exc:
            if started:
                raise
            if not getattr(exc, "parkregie_retryable", False):
                await self._unavailable(scope, send, exc)
                return
            log.warning("dead database connection on %s; retrying once", scope.get("path"))
        try:
            await self.app(scope, _replay(received, receive), tracking_send)
        except DBAPIError as exc:
            if started:
                raise
            await self._unavailable(scope, send, exc)

    async def _unavailable(self, scope: Scope, send: Send, exc: DBAPIError) -> None:
        if not (exc.connection_invalidated or isinstance(exc, OperationalError)):
            raise exc
        log.warning("database unavailable on %s: %s", scope.get("path"), exc.orig)
        await _send_problem(
            scope,
            send,
            503,
            "The database cannot be reached right now; try again in a few seconds.",
            "service-unavailable",
            headers=[(b"retry-after", str(self.retry_after).encode())],
        )


# --- the edge: security headers, caching of authenticated answers, the last-resort 500 ------

API_CSP = b"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# The printable park report (GET /api/v1/parks/{id}/report): a standalone page with inline CSS
# and inline SVG, and nothing else (no scripts, no requests).
REPORT_CSP = (
    b"default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
    b"base-uri 'none'; form-action 'none'"
)
APP_CSP = (
    b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data: blob: https://tile.openstreetmap.org; font-src 'self' data:; "
    b"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    b"frame-ancestors 'none'"
)
# The API documentation page is FastAPI's Swagger UI: its bundle and style come from
# jsDelivr and it starts with an inline script.
DOCS_CSP = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; "
    b"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


def _csp_for(path: str) -> bytes:
    if path.startswith("/api/") and path.endswith("/report"):
        return REPORT_CSP
    if path.startswith("/api/") or path in ("/healthz", "/readyz", "/metrics"):
        return API_CSP
    if path.startswith("/docs"):
        return DOCS_CSP
    return APP_CSP


class EdgeMiddleware:
    """Wraps every answer, errors included (413, 422 from the edge, 500):

    - security headers: a Content-Security-Policy per kind of page, ``frame-ancestors 'none'``,
      ``Referrer-Policy``, ``nosniff``, and HSTS when the request came over HTTPS;
    - authenticated API answers are ``Cache-Control: private, no-cache`` with
      ``Vary: Authorization`` unless the endpoint chose stricter (``no-store`` where personal
      data is shown, see core/etag.py);
    - any exception that got this far is logged and answered as a 500 problem, never a trace.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        request_headers = dict(scope.get("headers") or [])
        authenticated = b"authorization" in request_headers
        https = scope.get("scheme") == "https"
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"server", b"content-security-policy")
                ]
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                headers.append((b"content-security-policy", _csp_for(path)))
                if https:
                    headers.append(HSTS)
                if authenticated and path.startswith("/api/"):
                    if b"cache-control" not in names:
                        headers.append((b"cache-control", b"private, no-cache"))
                    vary = [v for k, v in headers if k.lower() == b"vary"]
                    if not any(b"authorization" in v.lower() for v in vary):
                        headers.append((b"vary", b"Authorization"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), path)
            if started:
                raise
            await _send_problem(
                scope,
                send_with_headers,
                500,
                "An unexpected error occurred; it has been logged.",
                "internal",
            )
