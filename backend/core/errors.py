"""One error hierarchy, answered as RFC 9457 problem+json.

Services raise these; a single set of handlers turns them (and FastAPI's own errors) into
``application/problem+json``. No handler ever returns a stack trace."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

log = logging.getLogger("parkregie")

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://parkregie.nl/problems/"


class DomainError(Exception):
    status: int = 400
    code: str = "bad-request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra or {}  # RFC 9457 extension members, documented on Problem


class BadRequest(DomainError):
    status, code, title = 400, "bad-request", "Bad request"


class Unauthorized(DomainError):
    status, code, title = 401, "unauthorized", "Not authenticated"

    def __init__(self, detail: str = "Log in to use this resource.") -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class TokenRevoked(Unauthorized):
    """The token was good, but the account changed since (password, role, provinces, active)."""

    code = "token-revoked"


class Forbidden(DomainError):
    status, code, title = 403, "forbidden", "Not allowed"


class NotFound(DomainError):
    status, code, title = 404, "not-found", "Not found"


class Conflict(DomainError):
    status, code, title = 409, "conflict", "Conflict"


class PreconditionFailed(DomainError):
    status, code, title = 412, "precondition-failed", "Precondition failed"


class PayloadTooLarge(DomainError):
    status, code, title = 413, "payload-too-large", "Payload too large"


class Unprocessable(DomainError):
    status, code, title = 422, "validation-error", "Invalid input"


class TooManyRequests(DomainError):
    status, code, title = 429, "too-many-requests", "Too many requests"


class ServiceUnavailable(DomainError):
    """A service Parkregie relies on (the address search) does not answer."""

    status, code, title = 503, "service-unavailable", "Service unavailable"


class ProblemError(BaseModel):
    loc: list[str | int]
    msg: str
    # File imports say where in the file: the row as the spreadsheet numbers it (header = 1),
    # the column's header and the cell's value as written.
    row: int | None = None
    column: str | None = None
    value: str | None = None


class ProblemRule(BaseModel):
    code: str
    text: str


class Problem(BaseModel):
    """The body of every error answer (RFC 9457)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[ProblemError] | None = None
    warnings: list[str] | None = Field(
        default=None, description="Notes that did not stop the request (e.g. unknown columns)"
    )
    existing_id: str | None = Field(
        default=None, description="409: the id of the existing resource this one conflicts with"
    )
    rules: list[ProblemRule] | None = Field(
        default=None, description="409 of a refused step (e.g. a project phase): the rules it broke"
    )


def problem_response(
    request: Request,
    status: int,
    detail: str,
    *,
    code: str | None = None,
    title: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body: dict[str, Any] = {
        "type": TYPE_BASE + (code or phrase.lower().replace(" ", "-")),
        "title": title or phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors is not None:
        body["errors"] = errors
    body.update(extra or {})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _loc(loc: tuple[Any, ...] | list[Any]) -> list[str | int]:
    return [p if isinstance(p, int) else str(p) for p in loc]


_STATUS_DETAIL = {
    404: "No resource at this address.",
    405: "This method is not allowed on this resource.",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return problem_response(
            request,
            exc.status,
            exc.detail,
            code=exc.code,
            title=exc.title,
            errors=exc.errors,
            headers=exc.headers,
            extra=exc.extra,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for err in exc.errors():
            msg = str(err.get("msg", "invalid"))
            if err.get("type") == "json_invalid":
                msg = "The body is not valid JSON: " + str(err.get("ctx", {}).get("error", msg))
            errors.append({"loc": _loc(err.get("loc", ())), "msg": msg})
        return problem_response(
            request,
            422,
            "The request has invalid fields; see errors.",
            code="validation-error",
            title="Invalid input",
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else None
        if not detail or detail == HTTPStatus(exc.status_code).phrase:
            detail = _STATUS_DETAIL.get(exc.status_code, HTTPStatus(exc.status_code).phrase)
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request.app, request.scope))
        return problem_response(request, exc.status_code, detail, headers=headers)

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
        return problem_response(
            request,
            412,
            "The resource was changed by someone else at the same moment; reload and retry.",
            code=PreconditionFailed.code,
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        log.warning("integrity error on %s %s: %s", request.method, request.url.path, exc.orig)
        return problem_response(
            request,
            409,
            "The change conflicts with data that was written at the same moment; retry.",
            code=Conflict.code,
        )

    # Anything else is answered by core.middleware.EdgeMiddleware as a 500 problem (there,
    # and not here, so that it gets the security headers like every other answer).


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(app: Any, scope: Any) -> list[str]:
    """The methods some route really serves at this path (asked of the router itself, so
    included routers count; the web app's catch-all does not count under /api/)."""
    path = scope.get("path", "")
    methods: set[str] = set()
    for method in _METHODS:
        probe = {**scope, "method": method}
        for route in app.router.routes:
            if getattr(route, "path", None) == "/{path:path}" and path.startswith("/api/"):
                continue
            match, _ = route.matches(probe)
            if match == Match.FULL:
                methods.add(method)
                break
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI documentation of the problem answers a route can give."""
    return {
        s: {"model": Problem, "description": HTTPStatus(s).phrase, "content": {PROBLEM_JSON: {}}}
        for s in statuses
    }
