"""The raw baseline of the load benchmark: Starlette + psycopg, no ORM, no validation, no
authentication, the same SQL and the same JSON as the app. Served by uvicorn with as many
worker processes as the app under test, so the ratio app / baseline says what the app's own
layers (FastAPI, dependencies, SQLAlchemy, pydantic, middleware, the principal lookup) cost.

    GET   /parks?limit=&cursor=            the keyset page of ``GET /api/v1/parks``
    GET   /parks/{id}                      ``ParkPublic``'s fields; ETag, If-None-Match → 304
    GET   /parks/{id}/shared-interests-raw the two aggregation statements of
                                           ``backend.interests.service`` (compiled to SQL text
                                           by ``compile_shared_interest_sql``), rows as JSON
    GET   /changes?cursor=&limit=          the change feed's SQL and JSON
    PATCH /stakeholders/{id}               If-Match; the UPDATE, its audit event and its
                                           change-log row in one transaction, as the app does

Each worker keeps a small pool of async psycopg connections (``BENCH_BASELINE_POOL``, default
8). Configuration: ``BENCH_BASELINE_DATABASE_URL`` and ``BENCH_BASELINE_SQL`` (a JSON file
written by ``compile_shared_interest_sql``).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

PARK_COLUMNS = (
    "id", "name", "municipality", "municipality_code", "province", "ibis_id", "ibis_type",
    "ibis_year", "area_ha", "area_net_ha", "area_available_ha", "company_count", "latitude",
    "longitude", "geometry", "description", "created_at", "updated_at", "version",
)  # fmt: skip
STAKEHOLDER_COLUMNS = (
    "id", "park_id", "name", "kind", "kvk_number", "contact_name", "email", "phone", "sector",
    "employees", "role", "influence", "involvement", "woz_value_eur", "trial_poll_vote", "notes",
    "personal_data_erased_at", "created_at", "updated_at", "version",
)  # fmt: skip
CHANGE_COLUMNS = ("position", "entity_type", "entity_id", "park_id", "action", "version")
JSON = "application/json"


# --- the SQL of the shared interests, from the app's own statements -------------------------


def compile_shared_interest_sql(path: Path) -> None:
    """Write the app's two shared-interest statements as PostgreSQL SQL text (psycopg's
    ``%(name)s`` parameters) with their constant parameters, for the baseline to run raw."""
    from sqlalchemy.dialects.postgresql.psycopg import dialect

    from backend.interests.service import _build_shared_interest_queries

    out = {}
    for name, stmt in zip(("counts", "groups"), _build_shared_interest_queries(), strict=True):
        compiled = stmt.compile(dialect=dialect())
        state = compiled.construct_expanded_state({"park_id": None})  # IN lists rendered
        params = {k: v for k, v in state.parameters.items() if k != "park_id"}
        out[name] = {"sql": state.statement, "params": params}
    path.write_text(json.dumps(out, indent=2))


# --- JSON as the app writes it ----------------------------------------------------------------


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def dumps(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=_default).encode()


def encode_cursor(sort_name: str, values: list[Any]) -> str:
    """``backend.core.pagination.encode_cursor``, without importing the app."""
    encoded = [{"u": str(v)} if isinstance(v, uuid.UUID) else v for v in values]
    raw = json.dumps({"s": sort_name, "v": encoded})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    data = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
    return [uuid.UUID(v["u"]) if isinstance(v, dict) else v for v in data["v"]]


# --- a tiny pool per worker -------------------------------------------------------------------


class Pool:
    def __init__(self) -> None:
        self.idle: asyncio.Queue[psycopg.AsyncConnection[Any]] = asyncio.Queue()
        self.all: list[psycopg.AsyncConnection[Any]] = []

    async def open(self, url: str, size: int) -> None:
        for _ in range(size):
            conn = await psycopg.AsyncConnection.connect(
                url, autocommit=True, options="-c timezone=UTC"
            )
            self.all.append(conn)
            self.idle.put_nowait(conn)

    async def close(self) -> None:
        for conn in self.all:
            await conn.close()

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        conn = await self.idle.get()
        try:
            yield conn
        finally:
            self.idle.put_nowait(conn)


POOL = Pool()
SHARED: dict[str, Any] = {}

PARK_SQL = f"SELECT {', '.join(PARK_COLUMNS)} FROM parks WHERE id = %s"
LIST_FIRST_SQL = (
    f"SELECT {', '.join(PARK_COLUMNS)}, sort_name FROM parks ORDER BY sort_name, id LIMIT %s"
)
LIST_AFTER_SQL = (
    f"SELECT {', '.join(PARK_COLUMNS)}, sort_name FROM parks WHERE (sort_name, id) > (%s, %s) "
    "ORDER BY sort_name, id LIMIT %s"
)


def _etag(version: int) -> str:
    return f'"{version}"'


async def park(request: Request) -> Response:
    try:
        park_id = uuid.UUID(request.path_params["park_id"])
    except ValueError:
        return Response(status_code=404)
    async with POOL.connection() as conn:
        row = await (await conn.execute(PARK_SQL, [park_id])).fetchone()
    if row is None:
        return Response(status_code=404)
    etag = _etag(row[-1])
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(dumps(dict(zip(PARK_COLUMNS, row, strict=True))), 200, {"ETag": etag}, JSON)


async def parks(request: Request) -> Response:
    limit = int(request.query_params.get("limit", "50"))
    cursor = request.query_params.get("cursor")
    async with POOL.connection() as conn:
        if cursor:
            name, after = decode_cursor(cursor)
            rows = await (await conn.execute(LIST_AFTER_SQL, [name, after, limit + 1])).fetchall()
        else:
            rows = await (await conn.execute(LIST_FIRST_SQL, [limit + 1])).fetchall()
    items = [dict(zip(PARK_COLUMNS, r, strict=False)) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_cursor("name", [last[-1], last[0]]) if last else None
    return Response(dumps({"items": items, "next_cursor": next_cursor}), media_type=JSON)


async def shared_interests_raw(request: Request) -> Response:
    park_id = uuid.UUID(request.path_params["park_id"])
    counts, groups = SHARED["counts"], SHARED["groups"]
    async with POOL.connection() as conn:
        interviewed, stakeholders = await (
            await conn.execute(counts["sql"], {**counts["params"], "park_id": park_id})
        ).fetchone()  # type: ignore[misc]
        rows = await (
            await conn.execute(groups["sql"], {**groups["params"], "park_id": park_id})
        ).fetchall()
    return Response(
        dumps(
            {
                "park_id": park_id,
                "interviewed_stakeholders": interviewed,
                "stakeholder_count": stakeholders,
                "groups": [list(r) for r in rows],
            }
        ),
        media_type=JSON,
    )


COUNTER_SQL = "SELECT last_position FROM change_counter WHERE id = 1"
FEED_SQL = (
    "SELECT position, entity_type, entity_id, park_id, action, version, occurred_at "
    "FROM change_log WHERE position > %s AND position <= %s ORDER BY position LIMIT %s"
)


async def changes(request: Request) -> Response:
    limit = int(request.query_params.get("limit", "50"))
    cursor = request.query_params.get("cursor")
    after = int(decode_cursor(cursor)[0]) if cursor else 0
    async with POOL.connection() as conn:
        (present,) = await (await conn.execute(COUNTER_SQL)).fetchone()  # type: ignore[misc]
        rows = await (await conn.execute(FEED_SQL, [after, present, limit + 1])).fetchall()
    items = [
        {
            "cursor": encode_cursor("changes", [r[0]]),
            "entity_type": r[1],
            "entity_id": r[2],
            "park_id": r[3],
            "action": r[4],
            "version": r[5],
            "occurred_at": r[6],
        }
        for r in rows[:limit]
    ]
    if len(rows) > limit:
        next_cursor = items[-1]["cursor"]
    else:
        next_cursor = encode_cursor("changes", [max(present, after)])
    return Response(dumps({"items": items, "next_cursor": next_cursor}), media_type=JSON)


READ_STAKEHOLDER_SQL = (
    "SELECT s.version, s.notes, p.province FROM stakeholders s JOIN parks p ON p.id = s.park_id "
    "WHERE s.id = %s"
)
UPDATE_SQL = (
    "UPDATE stakeholders SET notes = %s, updated_at = %s, version = version + 1 "
    f"WHERE id = %s AND version = %s RETURNING {', '.join(STAKEHOLDER_COLUMNS)}"
)
AUDIT_SQL = (
    "INSERT INTO audit_events (id, occurred_at, actor_kind, actor_id, actor_label, action, "
    "entity_type, entity_id, park_id, changes) VALUES (%s, %s, 'user', NULL, 'baseline', "
    "'update', 'stakeholder', %s, %s, %s)"
)
BUMP_SQL = (
    "UPDATE change_counter SET last_position = last_position + 1 WHERE id = 1 "
    "RETURNING last_position"
)
LOG_SQL = (
    "INSERT INTO change_log (position, occurred_at, entity_type, entity_id, park_id, action, "
    "version) VALUES (%s, %s, 'stakeholder', %s, %s, 'update', %s)"
)


async def update_stakeholder(request: Request) -> Response:
    sid = uuid.UUID(request.path_params["stakeholder_id"])
    body = json.loads(await request.body())
    notes = body.get("notes")
    if_match = request.headers.get("if-match", "").strip('"').split("-", 1)[0]
    now = datetime.now(UTC)
    async with POOL.connection() as conn, conn.transaction():
        found = await (await conn.execute(READ_STAKEHOLDER_SQL, [sid])).fetchone()
        if found is None:
            return Response(status_code=404)
        version, old_notes, _province = found
        if if_match and if_match != str(version):
            return Response(status_code=412)
        row = await (await conn.execute(UPDATE_SQL, [notes, now, sid, version])).fetchone()
        if row is None:
            return Response(status_code=412)
        st = dict(zip(STAKEHOLDER_COLUMNS, row, strict=True))
        audit = json.dumps({"notes": {"old": old_notes, "new": notes}})
        await conn.execute(AUDIT_SQL, [uuid.uuid4(), now, sid, st["park_id"], audit])
        (position,) = await (await conn.execute(BUMP_SQL)).fetchone()  # type: ignore[misc]
        await conn.execute(LOG_SQL, [position, now, sid, st["park_id"], st["version"]])
    st["personal_data_hidden"] = False
    return Response(dumps(st), 200, {"ETag": f'"{st["version"]}-personal"'}, JSON)


async def healthz(request: Request) -> Response:
    return Response(b'{"status":"ok"}', media_type=JSON)


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    sql = os.environ.get("BENCH_BASELINE_SQL")
    if sql:
        SHARED.update(json.loads(Path(sql).read_text()))
    await POOL.open(
        os.environ["BENCH_BASELINE_DATABASE_URL"], int(os.environ.get("BENCH_BASELINE_POOL", "8"))
    )
    yield
    await POOL.close()


app = Starlette(
    routes=[
        Route("/healthz", healthz),
        Route("/parks", parks),
        Route("/parks/{park_id}", park),
        Route("/parks/{park_id}/shared-interests-raw", shared_interests_raw),
        Route("/changes", changes),
        Route("/stakeholders/{stakeholder_id}", update_stakeholder, methods=["PATCH"]),
    ],
    lifespan=lifespan,
)
