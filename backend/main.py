"""The application: routers, middleware, error handlers and the web app."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi

import backend.wiring  # noqa: F401  (every domain's change handlers)
from backend.assessments.router import router as assessments_router
from backend.auth.deps import require_principal
from backend.auth.ratelimit import HEADERS as RATE_LIMIT_HEADERS
from backend.auth.ratelimit import RateLimitHeaders
from backend.auth.router import clients_router, me_router, token_router, users_router
from backend.changes.router import changes_router
from backend.changes.router import router as audit_router
from backend.core.config import get_settings
from backend.core.errors import PROBLEM_JSON, Problem, install_error_handlers
from backend.core.health import router as health_router
from backend.core.middleware import (
    BodyLimitMiddleware,
    DatabaseFaultMiddleware,
    EdgeMiddleware,
    InputCheckMiddleware,
    MetricsMiddleware,
)
from backend.core.static import CompressionMiddleware, install_spa
from backend.integrations.router import router as integrations_router
from backend.integrations.router import webhooks_router
from backend.interests.router import router as interests_router
from backend.interests.router import themes_router
from backend.organisations.router import router as organisations_router
from backend.overview.router import router as overview_router
from backend.parks.router import reference_router
from backend.parks.router import router as parks_router
from backend.projects.router import router as projects_router
from backend.stakeholders.router import contacts_router, privacy_router
from backend.stakeholders.router import router as stakeholders_router
from backend.surveys.router import public_router as surveys_public_router
from backend.surveys.router import router as surveys_router

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
    # Precompressed variants, cache lifetimes, the SPA fallback: see core/static.py.
    install_spa(app, dist)


# Problem answers that do not depend on the route: what the middleware and FastAPI's own body
# parsing answer before any endpoint runs (core/middleware.py, core/errors.py).
_EDGE_PROBLEMS = {
    "every": {
        "422": "Invalid input (problem+json with errors): also a control character in the path "
        "or the query, or a body that is not UTF-8",
    },
    "protected": {
        "401": "Not logged in, or the access token is invalid or expired",
        "429": "Over the rate limit of this user or API client: `Retry-After` says when to try "
        "again (the `RateLimit-*` headers come with it)",
    },
    "with_body": {
        "400": "Bad request: the body cannot be parsed (JSON nested too deeply, a multipart "
        "body without its boundary)",
        "413": "The request body is larger than the limit",
    },
}


_RATE_LIMIT_HEADER_DOCS = {
    "Retry-After": {
        "description": "Seconds to wait before trying again",
        "schema": {"type": "integer"},
    },
    "RateLimit-Limit": {
        "description": "Requests this user or API client may make per window",
        "schema": {"type": "integer"},
    },
    "RateLimit-Remaining": {
        "description": "Requests left in the current window",
        "schema": {"type": "integer"},
    },
    "RateLimit-Reset": {
        "description": "Seconds until the current window ends",
        "schema": {"type": "integer"},
    },
    "RateLimit-Policy": {
        "description": "The limit and the window's length in seconds, e.g. `1200;w=60`",
        "schema": {"type": "string"},
    },
}
_RATE_LIMIT_HEADER_REFS = {
    name: {"$ref": f"#/components/headers/{name}"}
    for name in _RATE_LIMIT_HEADER_DOCS
    if name != "Retry-After"
}


def _problem_openapi(app: FastAPI) -> None:
    """Document FastAPI's own 422 answers as the problem+json they really are, and the problem
    answers every operation can give (``_EDGE_PROBLEMS``) where a route does not name them."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        problem_ref = {"$ref": "#/components/schemas/Problem"}
        for methods in schema.get("paths", {}).values():
            for op in methods.values():
                responses = op.setdefault("responses", {})
                groups = ["every"]
                if op.get("security"):
                    groups.append("protected")
                if "requestBody" in op:
                    groups.append("with_body")
                for group in groups:
                    for status, description in _EDGE_PROBLEMS[group].items():
                        responses.setdefault(
                            status,
                            {
                                "description": description,
                                "content": {PROBLEM_JSON: {"schema": problem_ref}},
                            },
                        )
                if op.get("security"):
                    for answer in responses.values():
                        answer.setdefault("headers", {}).update(_RATE_LIMIT_HEADER_REFS)
                for status, answer in responses.items():
                    if status in ("429", "503"):
                        answer.setdefault("headers", {})["Retry-After"] = {
                            "$ref": "#/components/headers/Retry-After"
                        }
                resp = responses.get("422")
                if resp is not None:
                    resp["content"] = {PROBLEM_JSON: {"schema": problem_ref}}
                    resp["description"] = _EDGE_PROBLEMS["every"]["422"]
        schema.setdefault("components", {})["headers"] = _RATE_LIMIT_HEADER_DOCS
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.pop("HTTPValidationError", None)
        components.pop("ValidationError", None)
        components["Problem"] = Problem.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        defs = components["Problem"].pop("$defs", {})
        components.update(defs)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    """The webhook worker runs beside the app unless it is turned off (then `parkregie
    worker` runs it on its own)."""
    stop = None
    if get_settings().webhook_worker:
        from backend.integrations import worker

        stop = worker.start_in_background()
    yield
    if stop is not None:
        stop.set()


def create_app() -> FastAPI:
    settings = get_settings()
    logging.basicConfig(level=logging.INFO)
    app = FastAPI(
        lifespan=lifespan,
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
    public.include_router(surveys_public_router)
    # Every router below needs a logged-in principal: a new route is protected by default.
    protected = APIRouter(prefix=API_PREFIX, dependencies=[Depends(require_principal)])
    for router in (
        me_router,
        users_router,
        clients_router,
        parks_router,
        reference_router,
        audit_router,
        changes_router,
        stakeholders_router,
        contacts_router,
        privacy_router,
        themes_router,
        interests_router,
        projects_router,
        organisations_router,
        assessments_router,
        surveys_router,
        overview_router,
        integrations_router,
        webhooks_router,
    ):
        protected.include_router(router)
    app.include_router(health_router)
    app.include_router(public)
    app.include_router(protected)
    _spa(app, settings.frontend_dist)
    _problem_openapi(app)

    # Added innermost first: the last one added is the outermost.
    app.add_middleware(RateLimitHeaders)
    app.add_middleware(CompressionMiddleware)  # gzip above 1 KiB; precompressed files as they are
    app.add_middleware(DatabaseFaultMiddleware)
    app.add_middleware(InputCheckMiddleware)
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
            expose_headers=["ETag", "Location", "Retry-After", *RATE_LIMIT_HEADERS],
        )
    app.add_middleware(EdgeMiddleware)
    app.add_middleware(MetricsMiddleware)
    return app
