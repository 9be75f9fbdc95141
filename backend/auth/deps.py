"""The principal behind a request. Protected routers depend on ``require_principal``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from backend.auth import service
from backend.auth.policy import Action, Principal, require
from backend.core.config import get_settings
from backend.core.db import SessionDep
from backend.core.errors import Unauthorized

bearer = HTTPBearer(auto_error=False, description="`POST /api/v1/auth/token` gives the token.")


def require_principal(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The request's principal, counted against its rate limit (429 when over it)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized()
    return service.principal_from_token(session, credentials.credentials, request.scope)


CurrentPrincipal = Annotated[Principal, Depends(require_principal)]


def allow(action: Action) -> Callable[[Principal], Awaitable[Principal]]:
    """A route dependency: the principal, if the policy allows ``action`` (no park involved);
    else 403. Like every dependency that does no I/O it is async, so it costs no thread hop."""

    async def dependency(principal: CurrentPrincipal) -> Principal:
        require(principal, action)
        return principal

    dependency.__name__ = f"allow_{action.name}"
    return dependency


def client_address(request: Request) -> str:
    """The client's address. Behind proxies (``PARKREGIE_TRUST_FORWARDED_FOR``), the address
    that the outermost of our ``PARKREGIE_FORWARDED_PROXIES`` proxies saw: counted from the
    right of ``X-Forwarded-For``, since everything to its left is written by the client."""
    s = get_settings()
    if s.trust_forwarded_for:
        hops = [
            h.strip()
            for line in request.headers.getlist("x-forwarded-for")
            for h in line.split(",")
            if h.strip()
        ]
        if len(hops) >= s.forwarded_proxies:
            return hops[-s.forwarded_proxies][:100]
    return request.client.host if request.client else "unknown"
