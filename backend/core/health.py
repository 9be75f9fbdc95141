"""Liveness, readiness and metrics."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from backend.core.config import get_settings
from backend.core.db import get_engine
from backend.core.errors import error_responses, problem_response

router = APIRouter(tags=["health"])


class HealthStatus(BaseModel):
    status: str


@router.get("/healthz", operation_id="healthz", response_model=HealthStatus, summary="Liveness")
def healthz() -> HealthStatus:
    return HealthStatus(status="ok")


@router.get(
    "/readyz",
    operation_id="readyz",
    response_model=HealthStatus,
    responses=error_responses(503),
    summary="Readiness: the database answers",
)
def readyz(request: Request) -> HealthStatus | JSONResponse:
    try:
        with get_engine().connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return problem_response(
            request, 503, "The database cannot be reached.", headers={"Retry-After": "5"}
        )
    return HealthStatus(status="ok")


_LOOPBACK = ("127.", "::1")


def _may_read_metrics(request: Request) -> bool:
    """With ``PARKREGIE_METRICS_TOKEN`` set: whoever sends it as a bearer token. Without: only
    a direct request from this machine (loopback, not forwarded by a proxy)."""
    token = get_settings().metrics_token
    if token:
        given = request.headers.get("authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    host = request.client.host if request.client else ""
    forwarded = "x-forwarded-for" in request.headers or "forwarded" in request.headers
    return host.startswith(_LOOPBACK) and not forwarded


@router.get(
    "/metrics",
    operation_id="metrics",
    response_class=Response,
    responses={
        200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Prometheus text"},
        **error_responses(404),
    },
    summary="Prometheus metrics (with PARKREGIE_METRICS_TOKEN, or from this machine only)",
)
def metrics(request: Request) -> Response:
    if not _may_read_metrics(request):
        # 404, not 403: from outside there is nothing here.
        return problem_response(request, 404, "No resource at this address.")
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
