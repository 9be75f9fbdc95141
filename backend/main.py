"""The application: routers, middleware, error handlers and the web app."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from backend.audit.router import router as audit_router
from backend.auth.deps import require_principal
from backend.auth.router import token_router, users_router
from backend.core.config import get_settings
from backend.core.errors import NotFound, install_error_handlers
from backend.core.health import router as health_router
from backend.core.middleware import (
    BodyLimitMiddleware,
    MetricsMiddleware,
    SecurityHeadersMiddleware,
)
from backend.parks.router import reference_router
from backend.parks.router import router as parks_router

API_PREFIX = "/api/v1"

DESCRIPTION = """
Parkregie's REST API: business parks, the people on them, their shared interests, projects,
organisation forms and the degree of organisation (*organisatiegraad*).

Authenticate with `POST /api/v1/auth/token` and send `Authorization: Bearer <token>`.
Errors are `application/problem+json` (RFC 9457). Lists are cursor-paged
(`limit`, `cursor` → `next_cursor`). Mutable resources carry `version` and an `ETag`;
send `If-Match` on writes (412 when stale) and `If-None-Match` on reads (304).
"""


def _spa(app: FastAPI, dist: Path) -> None:
    index = dist / "index.html"
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str) -> Response:
        if path.startswith("api/") or path == "api":
            raise NotFound("No resource at this address.")
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and dist.resolve() in candidate.parents:
            return FileResponse(candidate)
        if index.is_file():
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return HTMLResponse(
            "<h1>Parkregie</h1><p>The web app is not built yet: run <code>make run</code> "
            "(or <code>make frontend</code>). The API is at <a href='/docs'>/docs</a>.</p>"
        )


def create_app() -> FastAPI:
    settings = get_settings()
    logging.basicConfig(level=logging.INFO)
    app = FastAPI(
        title="Parkregie API",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    install_error_handlers(app)

    public = APIRouter(prefix=API_PREFIX)
    public.include_router(token_router)
    # Every router below needs a logged-in principal: a new route is protected by default.
    protected = APIRouter(prefix=API_PREFIX, dependencies=[Depends(require_principal)])
    for router in (users_router, parks_router, reference_router, audit_router):
        protected.include_router(router)
    app.include_router(health_router)
    app.include_router(public)
    app.include_router(protected)
    _spa(app, settings.frontend_dist)

    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.max_upload_bytes,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag", "Location"],
        )
    app.add_middleware(MetricsMiddleware)
    return app
