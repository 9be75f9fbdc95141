"""ASGI middleware: body size limit, Prometheus metrics, security headers."""

from __future__ import annotations

import json
import time
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.core.errors import PROBLEM_JSON, TYPE_BASE

REQUESTS = Counter("parkregie_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram(
    "parkregie_http_request_duration_seconds", "HTTP request duration", ["method", "route"]
)


class _BodyTooLargeError(Exception):
    pass


async def _send_problem(scope: Scope, send: Send, status: int, detail: str, code: str) -> None:
    body = json.dumps(
        {
            "type": TYPE_BASE + code,
            "title": "Payload too large",
            "status": status,
            "detail": detail,
            "instance": scope.get("path", ""),
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Refuse bodies over the limit with 413 before reading them (uploads get a larger one)."""

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
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLargeError:
            if not started:
                await _send_problem(scope, send, 413, detail, "payload-too-large")


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


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, add_headers)
