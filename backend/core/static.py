"""The built web app (``frontend/dist``) over the wire, and compression of the API's answers.

- Files are sent as the build left them: ``x.js.br`` or ``x.js.gz`` (written by the Vite build
  next to ``x.js``) when the browser accepts that encoding, with ``Content-Encoding``, the type
  of ``x.js`` and ``Vary: Accept-Encoding``; ``x.js`` itself otherwise.
- ``/assets/*`` have a content hash in their names: ``Cache-Control: public, max-age=31536000,
  immutable``. A missing asset is a 404 (never ``index.html``: a browser would run it as code).
- ``index.html``, the SPA fallback (every other path that is not a file) and the other files in
  ``dist/`` are ``no-cache``: revalidated on every use (ETag / Last-Modified, 304), so a new
  build is seen at once.
- Paths with ``..``, hidden names (``.vite/``) or that lead out of ``dist/`` (symlinks) are
  refused with 404; ``/api/...`` paths that no router knows are 404 problem+json.
- :class:`CompressionMiddleware` gzips answers above :data:`COMPRESSION_MIN_BYTES` (JSON above
  all) and leaves alone what already has a ``Content-Encoding`` (the precompressed files).
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Iterable
from email.utils import parsedate_to_datetime
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.gzip import (
    DEFAULT_EXCLUDED_CONTENT_TYPES,
    GZipMiddleware,
    GZipResponder,
    IdentityResponder,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.core.errors import NotFound

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# Content codings we have files for, in our order of preference when the browser likes them
# equally: brotli is about 15 % smaller than gzip for the bundle.
VARIANTS = (("br", ".br"), ("gzip", ".gz"))

TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".wasm": "application/wasm",
    ".br": "application/x-brotli",
    ".gz": "application/gzip",
}

NOT_BUILT = (
    "<h1>Parkregie</h1><p>The web app is not built yet: run <code>make run</code> "
    "(or <code>make frontend</code>). The API is at <a href='/docs'>/docs</a>.</p>"
)


def content_type(path: Path) -> str:
    known = TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def accepted_encodings(header: str | None) -> dict[str, float]:
    """``Accept-Encoding`` as coding → q-value (lower case; ``*`` included when sent)."""
    accepted: dict[str, float] = {}
    for item in (header or "").split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        if not coding:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        coding = coding.lower()
        if coding == "x-gzip":
            coding = "gzip"
        accepted[coding] = max(q, accepted.get(coding, 0.0))
    return accepted


def choose_encoding(header: str | None, available: Iterable[str]) -> str | None:
    """The available coding the client accepts most (ties: the order of ``available``), or
    ``None`` for the file as it is. Without the header the file is sent as it is."""
    accepted = accepted_encodings(header)
    best: tuple[float, str] | None = None
    for coding in available:
        q = accepted.get(coding, accepted.get("*", 0.0))
        if q > 0 and (best is None or q > best[0]):
            best = (q, coding)
    return best[1] if best else None


def _not_modified(request: Request, headers: MutableHeaders) -> bool:
    """True when the client's copy (If-None-Match, else If-Modified-Since) is this file."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        etag = headers.get("etag", "").removeprefix("W/")
        return etag in (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))
    since, modified = request.headers.get("if-modified-since"), headers.get("last-modified")
    if since and modified:
        try:
            return parsedate_to_datetime(since) >= parsedate_to_datetime(modified)
        except (TypeError, ValueError):
            return False
    return False


class Dist:
    """The files of a built web app and how each is answered."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.index = self.root / "index.html"

    def find(self, path: str) -> Path | None:
        """The file at ``path`` (relative, from the URL) inside the root, or None. Raises
        NotFound for paths that try to leave the root or name hidden files."""
        if any(part.startswith(".") or "\\" in part for part in path.split("/")):
            raise NotFound("No resource at this address.")  # "..", ".", hidden names
        if not path or path.endswith("/"):
            return None
        try:
            candidate = (self.root / path).resolve()
            if self.root not in candidate.parents:
                raise NotFound("No resource at this address.")  # a symlink that leads out
            return candidate if candidate.is_file() else None
        except (OSError, ValueError):  # a name too long for the file system, say
            return None

    def answer(self, request: Request, file: Path, cache_control: str) -> Response:
        """``file`` or its precompressed variant, as the request's Accept-Encoding allows."""
        variants = {coding: Path(f"{file}{suffix}") for coding, suffix in VARIANTS}
        available = [coding for coding, variant in variants.items() if variant.is_file()]
        coding = choose_encoding(request.headers.get("accept-encoding"), available)
        send = variants[coding] if coding else file
        try:
            stat = os.stat(send)
        except OSError:  # replaced by a new build just now
            coding, send = None, file
            try:
                stat = os.stat(send)
            except OSError:
                raise NotFound("No such file in this build of the web app.") from None
        headers = {"Cache-Control": cache_control, "Vary": "Accept-Encoding"}
        if coding:
            headers["Content-Encoding"] = coding
        response = FileResponse(
            send, media_type=content_type(file), headers=headers, stat_result=stat
        )
        if _not_modified(request, response.headers):
            kept = ("cache-control", "etag", "last-modified", "vary", "content-encoding")
            return Response(
                status_code=304, headers={k: v for k, v in response.headers.items() if k in kept}
            )
        return response


def install_spa(app: FastAPI, dist: Path) -> None:
    """Serve the web app in ``dist`` at ``/``: call after every router is included (the
    catch-all route must come last)."""
    files = Dist(dist)

    def asset(request: Request, path: str) -> Response:
        file = files.find(f"assets/{path}")
        if file is None:
            raise NotFound("No such file in this build of the web app.")
        return files.answer(request, file, IMMUTABLE)

    def spa(request: Request, path: str) -> Response:
        if path == "api" or path.startswith("api/"):
            raise NotFound("No resource at this address.")
        file = files.find(path)
        if file is not None:
            return files.answer(request, file, REVALIDATE)
        # A survey link (/s/<token>): the respondents' own small page, not the app.
        survey = files.root / "survey.html"
        if path.startswith("s/") and survey.is_file():
            return files.answer(request, survey, REVALIDATE)
        if files.index.is_file():
            return files.answer(request, files.index, REVALIDATE)
        return HTMLResponse(NOT_BUILT, headers={"Cache-Control": "no-store"})

    # HEAD only for the assets: a catch-all HEAD route would answer HEAD for every GET-only
    # API route (/healthz, /api/...) with the web app.
    app.add_api_route(
        "/assets/{path:path}", asset, methods=["GET", "HEAD"], include_in_schema=False
    )
    app.add_api_route("/{path:path}", spa, methods=["GET"], include_in_schema=False)


# --- compression of what is not precompressed (the API's JSON) --------------------------------

COMPRESSION_MIN_BYTES = 1024
NOT_COMPRESSED_TYPES = (
    *DEFAULT_EXCLUDED_CONTENT_TYPES,
    "application/octet-stream",
    "application/pdf",
    "application/x-brotli",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",  # a zip already
)


class CompressionMiddleware(GZipMiddleware):
    """Starlette's gzip middleware, for answers of at least ``minimum_size`` bytes whose type
    is worth it. It passes on answers that already have a ``Content-Encoding`` (the
    precompressed files), 206 partial answers and :data:`NOT_COMPRESSED_TYPES` untouched.
    Here it also honours ``gzip;q=0`` and keeps ``Vary`` free of repeated names."""

    def __init__(
        self,
        app: ASGIApp,
        minimum_size: int = COMPRESSION_MIN_BYTES,
        compresslevel: int = 6,
    ) -> None:
        super().__init__(
            app,
            minimum_size=minimum_size,
            compresslevel=compresslevel,
            exclude_content_types=NOT_COMPRESSED_TYPES,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        accept = Headers(scope=scope).get("accept-encoding")
        responder: IdentityResponder
        if choose_encoding(accept, ["gzip"]):
            responder = GZipResponder(
                self.app,
                self.minimum_size,
                compresslevel=self.compresslevel,
                thread_minimum_size=self.thread_minimum_size,
                exclude_content_types=self.exclude_content_types,
            )
        else:
            responder = IdentityResponder(
                self.app, self.minimum_size, exclude_content_types=self.exclude_content_types
            )

        async def send_with_one_vary(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=message.setdefault("headers", []))
                vary = headers.getlist("vary")
                if vary:
                    names: dict[str, str] = {}
                    for value in vary:
                        for name in value.split(","):
                            if name.strip():
                                names.setdefault(name.strip().lower(), name.strip())
                    headers["vary"] = ", ".join(names.values())
            await send(message)

        await responder(scope, receive, send_with_one_vary)
