"""Request limits per user and per API client.

Every authenticated request counts against its principal's budget: ``PARKREGIE_RATE_LIMIT_USER``
requests per ``PARKREGIE_RATE_LIMIT_WINDOW_SECONDS`` for a user, the client's own ``rate_limit``
or ``PARKREGIE_RATE_LIMIT_CLIENT`` for an API client. The windows are fixed (aligned to the
epoch) and counted in the database (``rate_counters``, one row per principal), so the limit holds
across every app process.

- The principal lookup reads the principal's counter in the same query (an outer join): knowing
  the budget costs no extra round trip, and a principal over its limit is refused (429 with
  ``Retry-After``) without writing anything.
- A request is counted with one upsert before the endpoint runs (a statement that commits on its
  own, outside the request's transaction, so it never holds a lock while the endpoint works), and
  refused when it is over the limit: parallel requests are counted exactly.
- A conditional read (``GET``/``HEAD`` with ``If-None-Match``) is counted only after its answer
  turned out not to be a 304: polling for changes that did not happen stays free, and costs no
  write. Such requests are checked against the count read with the principal, so a burst of them
  can overshoot a limit by the requests in flight at once.
- Every answer to an authenticated request carries ``RateLimit-Limit``, ``RateLimit-Remaining``,
  ``RateLimit-Reset`` (seconds until the window ends) and ``RateLimit-Policy`` (``<limit>;w=<s>``).
"""

from __future__ import annotations

import math
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, case
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.auth.models import RateCounter
from backend.core.config import get_settings
from backend.core.db import autocommit_engine
from backend.core.errors import TooManyRequests

COUNTERS = RateCounter.__table__  # type: ignore[attr-defined]
STATE_KEY = "parkregie_rate_budget"
HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")


@dataclass
class Budget:
    subject: uuid.UUID
    kind: str  # "user" or "client"
    limit: int
    window: int  # seconds
    window_start: int  # epoch seconds
    used: int  # requests counted in this window
    counted: bool  # this request is among them

    def reset_seconds(self, now: float | None = None) -> int:
        now = time.time() if now is None else now
        return max(1, math.ceil(self.window_start + self.window - now))

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, self.limit - self.used)),
            "RateLimit-Reset": str(self.reset_seconds()),
            "RateLimit-Policy": f"{self.limit};w={self.window}",
        }


def limit_for(kind: str, own_limit: int | None) -> int:
    """The principal's limit per window; 0: not limited."""
    s = get_settings()
    if kind == "client":
        return own_limit if own_limit is not None else s.rate_limit_client
    return s.rate_limit_user


def current_window(window: int, now: float | None = None) -> int:
    now = time.time() if now is None else now
    return int(now // window) * window


def used_in_window(row_window_start: int | None, row_count: int | None, window_start: int) -> int:
    """What the counter row read with the principal says about the current window."""
    if row_window_start is None or row_count is None or row_window_start < window_start:
        return 0
    return int(row_count)


def _upsert(conn: Connection, subject: uuid.UUID, window_start: int) -> int:
    """Count one request for ``subject`` in the window starting at ``window_start``; the count
    in that window afterwards. A row of an older window starts again at 1."""
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    same = COUNTERS.c.window_start >= window_start
    stmt = (
        insert(COUNTERS)
        .values(subject_id=subject, window_start=window_start, count=1)
        .on_conflict_do_update(
            index_elements=[COUNTERS.c.subject_id],
            set_={
                "count": case((same, COUNTERS.c.count + 1), else_=1),
                "window_start": case((same, COUNTERS.c.window_start), else_=window_start),
            },
        )
        .returning(COUNTERS.c.count)
    )
    return int(conn.execute(stmt).scalar_one())


def _count(budget: Budget, conn: Connection | None) -> None:
    if conn is not None:
        budget.used = _upsert(conn, budget.subject, budget.window_start)
    else:
        with autocommit_engine().connect() as own:
            budget.used = _upsert(own, budget.subject, budget.window_start)
    budget.counted = True


def _refusal(budget: Budget, who: str | None = None) -> TooManyRequests:
    """429 with ``Retry-After``; ``who`` names the budget (an account's or client's by default).
    Only a principal's answers carry the ``RateLimit-*`` headers."""
    wait = budget.reset_seconds()
    who = who or ("This API client" if budget.kind == "client" else "This account")
    limits = budget.headers() if budget.kind != "anonymous" else {}
    return TooManyRequests(
        f"{who} made more than {budget.limit} requests in {budget.window} seconds. "
        f"Wait {wait} second(s) and try again.",
        headers={"Retry-After": str(wait), **limits},
    )


def admit(
    scope: Scope,
    subject: uuid.UUID,
    kind: str,
    limit: int,
    row_window_start: int | None,
    row_count: int | None,
    conn: Connection | None,
) -> None:
    """Count this request against the principal's budget, or refuse it (429). ``conn``: an
    autocommitting connection to count on (the request's own, for reads), or None to use one
    of its own (the request's transaction must not hold the counter's lock)."""
    if limit <= 0:
        return
    window = get_settings().rate_limit_window_seconds
    start = current_window(window)
    used = used_in_window(row_window_start, row_count, start)
    budget = Budget(subject, kind, limit, window, start, used, counted=False)
    if used >= limit:
        raise _refusal(budget)
    method = scope.get("method", "GET")
    conditional = method in ("GET", "HEAD") and any(
        name == b"if-none-match" for name, _ in scope.get("headers", ())
    )
    if not conditional:
        _count(budget, conn)
        if budget.used > limit:
            raise _refusal(budget)
    scope.setdefault("state", {})[STATE_KEY] = budget


class RateLimitHeaders:
    """Adds the ``RateLimit-*`` headers to the answer, and counts a conditional read that did
    not end in a 304 once its status is known."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                budget: Budget | None = state.get(STATE_KEY)
                if budget is not None:
                    if not budget.counted and message["status"] != 304:
                        await run_in_threadpool(_count, budget, None)
                    headers = MutableHeaders(scope=message)
                    for name, value in budget.headers().items():
                        if name not in headers:
                            headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


_ANONYMOUS = uuid.UUID("5b0c7b8e-3f7e-4d0e-9a59-6f1d2b0c9e11")


def admit_anonymous(key: str, limit: int, who: str) -> None:
    """Count a request made without an account (a survey link) against ``key`` (an address, a
    token's hash), in the same shared counters as the principals'; 429 over ``limit`` per window.
    ``who`` names the budget in the refusal ("This address")."""
    if limit <= 0:
        return
    window = get_settings().rate_limit_window_seconds
    start = current_window(window)
    budget = Budget(uuid.uuid5(_ANONYMOUS, key), "anonymous", limit, window, start, 0, False)
    _count(budget, None)
    if budget.used > limit:
        raise _refusal(budget, who)
