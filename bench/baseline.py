"""The raw baseline of the load benchmark: Starlette + psycopg, no ORM, no validation, no
authentication, the same SQL and the same JSON as the app. Served by uvicorn with as many
worker processes as the app under test, so the ratio app / baseline says what the app's own
layers (FastAPI, dependencies, SQLAlchemy, pydantic, middleware, the principal lookup) cost.

    GET   /parks?limit=&cursor=            the keyset page of ``GET /api/v1/parks``
    GET   /parks/{id}                      ``ParkPublic``'s fields; ETag, If-None-Match → 304
    GET   /parks/{id}/shared-interests-raw the two aggregation statements of
                                           ``backend.interests.service`` (compiled to SQL text
                                           by ``compile_shared_interest_sql``) and the
                                           projects covering themes, rows as JSON
    GET   /parks/{id}/projects?limit=&cursor=
                                           the keyset page of ``GET /api/v1/parks/{id}/projects``
    GET   /projects/{id}/business-case     the business case with its figures: the app's four
                                           statements (project, case, participants, their
                                           stakeholders) and the same arithmetic in plain
                                           Python (Decimal and integers, no app code)
    GET   /parks/{id}/status               the park status for integrations: one statement
                                           for the park and its newest change position
                                           (If-None-Match → 304 after it), then the app's
                                           statements of the status (the ranking one
                                           compiled from ``backend.interests.service``) and
                                           the top three themes scored in plain Python
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
from decimal import ROUND_HALF_UP, Context, Decimal
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
PROJECT_COLUMNS = (
    "id", "park_id", "title", "description", "theme_codes", "phase", "organisation_form",
    "owner_stakeholder_id", "phase_changed_at", "created_at", "updated_at", "version",
)  # fmt: skip
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
    from backend.interests.service import _build_ranking_query

    compiled = _build_ranking_query().compile(dialect=dialect())
    state = compiled.construct_expanded_state({"park_id": None})
    params = {k: v for k, v in state.parameters.items() if k != "park_id"}
    out["ranking"] = {"sql": state.statement, "params": params}
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


def _cursor_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return {"u": str(value)}
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    return value


def encode_cursor(sort_name: str, values: list[Any]) -> str:
    """``backend.core.pagination.encode_cursor``, without importing the app."""
    encoded = [_cursor_value(v) for v in values]
    raw = json.dumps({"s": sort_name, "v": encoded})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decoded(value: Any) -> Any:
    if isinstance(value, dict) and "u" in value:
        return uuid.UUID(value["u"])
    if isinstance(value, dict) and "t" in value:
        return datetime.fromisoformat(value["t"])
    return value


def decode_cursor(cursor: str) -> list[Any]:
    data = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
    return [_decoded(v) for v in data["v"]]


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


# ``projects.service.park_project_summaries``: what ``interests.service._covered_themes``
# asks the projects domain for (the themes its projects that are not stopped cover).
COVERING_SQL = (
    "SELECT id, title, theme_codes, phase, organisation_form FROM projects WHERE park_id = %s "
    "ORDER BY created_at, id"
)


async def shared_interests_raw(request: Request) -> Response:
    park_id = uuid.UUID(request.path_params["park_id"])
    counts, groups = SHARED["counts"], SHARED["groups"]
    async with POOL.connection() as conn:
        interviewed, stakeholders, by_interview, by_survey = await (
            await conn.execute(counts["sql"], {**counts["params"], "park_id": park_id})
        ).fetchone()  # type: ignore[misc]
        rows = await (
            await conn.execute(groups["sql"], {**groups["params"], "park_id": park_id})
        ).fetchall()
        projects = await (await conn.execute(COVERING_SQL, [park_id])).fetchall()
    covered: dict[str, list[dict[str, Any]]] = {}
    for pid, title, codes, phase, _form in projects:
        if phase == "stopped":
            continue
        for code in codes or ():
            covered.setdefault(code, []).append({"id": pid, "title": title, "phase": phase})
    return Response(
        dumps(
            {
                "park_id": park_id,
                "interviewed_stakeholders": interviewed,
                "stakeholder_count": stakeholders,
                "answered_by_interview": by_interview,
                "answered_by_survey": by_survey,
                "groups": [list(r) for r in rows],
                "covered": covered,
            }
        ),
        media_type=JSON,
    )


# --- projects ---------------------------------------------------------------------------------

PROJECTS_FIRST_SQL = (
    f"SELECT {', '.join(PROJECT_COLUMNS)} FROM projects WHERE park_id = %s "
    "ORDER BY created_at, id LIMIT %s"
)
PROJECTS_AFTER_SQL = (
    f"SELECT {', '.join(PROJECT_COLUMNS)} FROM projects WHERE park_id = %s "
    "AND (created_at, id) > (%s, %s) ORDER BY created_at, id LIMIT %s"
)


async def park_projects(request: Request) -> Response:
    park_id = uuid.UUID(request.path_params["park_id"])
    limit = int(request.query_params.get("limit", "50"))
    cursor = request.query_params.get("cursor")
    async with POOL.connection() as conn:
        if cursor:
            after_at, after_id = decode_cursor(cursor)
            args = [park_id, after_at, after_id, limit + 1]
            rows = await (await conn.execute(PROJECTS_AFTER_SQL, args)).fetchall()
        else:
            rows = await (await conn.execute(PROJECTS_FIRST_SQL, [park_id, limit + 1])).fetchall()
    items = [dict(zip(PROJECT_COLUMNS, r, strict=True)) for r in rows[:limit]]
    last = items[-1] if len(rows) > limit else None
    next_cursor = encode_cursor("created", [last["created_at"], last["id"]]) if last else None
    return Response(dumps({"items": items, "next_cursor": next_cursor}), media_type=JSON)


# The statements of GET /projects/{id}/business-case: ``get_project``, ``get_business_case``,
# ``participants_of`` and ``stakeholders.service.facts_of``.
BC_PROJECT_SQL = "SELECT id, park_id, version FROM projects WHERE id = %s"
CASE_COLUMNS = (
    "capex_eur", "opex_eur_per_year", "benefits_eur_per_year", "subsidy_eur", "lifetime_years",
    "discount_rate", "cost_split", "custom_shares", "updated_at", "version",
)  # fmt: skip
BC_CASE_SQL = f"SELECT {', '.join(CASE_COLUMNS)} FROM project_business_cases WHERE project_id = %s"
BC_PARTICIPANTS_SQL = (
    "SELECT id, project_id, park_id, stakeholder_id, commitment, contribution_eur, created_at, "
    "updated_at, version FROM project_participants WHERE project_id = %s "
    "ORDER BY created_at, id"
)
BC_FACTS_SQL = (
    "SELECT id, park_id, name, kind, employees, woz_value_eur FROM stakeholders WHERE id = ANY(%s)"
)
CENT = Decimal("0.01")
_CTX = Context(prec=50)


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP, context=_CTX)


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _npv(net: Decimal, yearly: Decimal, lifetime: int, rate: Decimal) -> Decimal:
    if rate == 0:
        return _cents(-net + yearly * lifetime)
    factor = _CTX.add(Decimal(1), rate)
    total, discount = Decimal(0), Decimal(1)
    for _ in range(lifetime):
        discount = _CTX.divide(discount, factor)
        total = _CTX.add(total, _CTX.multiply(yearly, discount))
    return _cents(_CTX.subtract(total, net))


def _allocate(total: int, weights: list[int]) -> list[int]:
    """Largest remainder in whole cents, ties to the first (weights as integers: employees, or
    WOZ values in cents; the same parts as the app's ``Fraction`` arithmetic)."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def business_case_figures(case: dict[str, Any], parties: list[dict[str, Any]]) -> dict[str, Any]:
    """``projects.business_case.calculate`` for a kept business case, as plain Python."""
    capex, subsidy = case["capex_eur"], case["subsidy_eur"]
    net, yearly = capex - subsidy, case["benefits_eur_per_year"] - case["opex_eur_per_year"]
    lifetime, rate, split = case["lifetime_years"], case["discount_rate"], case["cost_split"]
    custom = case["custom_shares"]
    warnings: list[str] = []
    problems: list[str] = []
    if net <= 0:
        payback: Decimal | None = Decimal("0.00")
    elif yearly <= 0:
        payback = None
    else:
        payback = _CTX.divide(net, yearly).quantize(CENT, rounding=ROUND_HALF_UP)
    if net < 0:
        problems.append("the subsidy is larger than the investment (capex)")
    if payback is None:
        warnings.append(
            "The yearly benefits do not exceed the running costs: the project never pays back."
        )
    elif lifetime < payback:
        warnings.append(
            f"The payback time ({payback} years) is longer than the lifetime ({lifetime} years)."
        )
    if split != "custom" and custom:
        problems.append("custom shares go with cost_split 'custom'")
    shares: dict[Any, tuple[str, Decimal | None, Decimal]] = {}
    fixed = [p for p in parties if p["contribution"] is not None]
    rest = [p for p in parties if p["contribution"] is None]
    for p in fixed:
        shares[p["id"]] = ("fixed", None, _cents(p["contribution"]))
    remainder = net - sum((p["contribution"] for p in fixed), Decimal(0))
    if not parties:
        warnings.append("The project has no participants yet to share the investment.")
    elif remainder < 0:
        warnings.append(f"The fixed contributions exceed the net investment by {-remainder:.2f}.")
        for p in rest:
            shares[p["id"]] = ("split", None, Decimal("0.00"))
        if split == "custom":
            problems.append("the fixed contributions already exceed the net investment")
    elif rest and split == "custom":
        given = {uuid.UUID(k): Decimal(v) for k, v in (custom or {}).items()}
        known = {p["id"] for p in rest}
        problems += [
            f"{pid} is not a participant without a fixed contribution"
            for pid in given
            if pid not in known
        ]
        missing = [p["name"] for p in rest if p["id"] not in given]
        if missing:
            problems.append(f"no share given for {', '.join(missing)}")
        total = sum((given.get(p["id"], Decimal(0)) for p in rest), Decimal(0))
        if total != remainder:
            problems.append(
                f"the custom shares add up to {total:.2f}, but {remainder:.2f} must be split "
                "(the net investment minus the fixed contributions)"
            )
        for p in rest:
            shares[p["id"]] = ("split", None, _cents(given.get(p["id"], Decimal(0))))
    elif rest:
        key = {"by_employees": "employees", "by_woz_value": "woz_value"}.get(split)
        weights: list[Decimal | None] = [
            (Decimal(p[key]) if p[key] else None) if key else Decimal(1) for p in rest
        ]
        lacking = [p["name"] for p, w in zip(rest, weights, strict=True) if w is None]
        if len(lacking) == len(rest):
            what = "a number of employees" if split == "by_employees" else "a WOZ value"
            warnings.append(
                f"None of the participants has {what}: the investment is split equally instead."
            )
            weights = [Decimal(1)] * len(rest)
        elif lacking:
            what = "number of employees" if split == "by_employees" else "WOZ value"
            warnings.append(f"No {what} known for {', '.join(lacking)}: they get no share.")
        parts = _allocate(int(remainder * 100), [int((w or 0) * 100) for w in weights])
        for p, w, part in zip(rest, weights, parts, strict=True):
            shares[p["id"]] = ("split", w if key else None, Decimal(part) / 100)
    elif remainder > 0:
        warnings.append(
            f"{remainder:.2f} is not covered: every participant has a fixed contribution."
        )
    out = []
    allocated = Decimal(0)
    for p in parties:
        basis, weight, amount = shares[p["id"]]
        allocated += amount
        out.append(
            {
                "participant_id": p["id"],
                "stakeholder_id": p["stakeholder_id"],
                "stakeholder_name": p["name"],
                "commitment": p["commitment"],
                "basis": basis,
                "weight": None if weight is None else str(weight),
                "share_eur": _money(amount),
            }
        )
    return {
        "net_investment_eur": _money(_cents(net)),
        "yearly_net_benefit_eur": _money(_cents(yearly)),
        "simple_payback_years": None if payback is None else float(payback),
        "npv_eur": _money(_npv(net, yearly, lifetime, rate)),
        "total_net_benefit_eur": _money(_cents(yearly * lifetime)),
        "shares": out,
        "unallocated_eur": _money(_cents(net - allocated)),
        "warnings": warnings + problems,
    }


async def business_case(request: Request) -> Response:
    try:
        project_id = uuid.UUID(request.path_params["project_id"])
    except ValueError:
        return Response(status_code=404)
    async with POOL.connection() as conn:
        if await (await conn.execute(BC_PROJECT_SQL, [project_id])).fetchone() is None:
            return Response(status_code=404)
        row = await (await conn.execute(BC_CASE_SQL, [project_id])).fetchone()
        if row is None:
            return Response(status_code=404)
        participants = await (await conn.execute(BC_PARTICIPANTS_SQL, [project_id])).fetchall()
        ids = list(dict.fromkeys(r[3] for r in participants))
        facts = {f[0]: f for f in await (await conn.execute(BC_FACTS_SQL, [ids])).fetchall()}
    case = dict(zip(CASE_COLUMNS, row, strict=True))
    parties = [
        {
            "id": r[0],
            "stakeholder_id": r[3],
            "name": facts[r[3]][2],
            "commitment": r[4],
            "contribution": r[5],
            "employees": facts[r[3]][4],
            "woz_value": facts[r[3]][5],
        }
        for r in participants
        if r[3] in facts
    ]
    custom = case["custom_shares"]
    body = {
        "project_id": project_id,
        "capex_eur": _money(case["capex_eur"]),
        "opex_eur_per_year": _money(case["opex_eur_per_year"]),
        "benefits_eur_per_year": _money(case["benefits_eur_per_year"]),
        "subsidy_eur": _money(case["subsidy_eur"]),
        "lifetime_years": case["lifetime_years"],
        "discount_rate": float(case["discount_rate"]),
        "cost_split": case["cost_split"],
        "custom_shares": None
        if custom is None
        else [{"participant_id": k, "share_eur": _money(Decimal(v))} for k, v in custom.items()],
        "figures": business_case_figures(case, parties),
        "updated_at": case["updated_at"],
        "version": case["version"],
    }
    headers = {"ETag": f'"{case["version"]}"', "Cache-Control": "no-cache"}
    return Response(dumps(body), 200, headers, JSON)


# --- the park status ------------------------------------------------------------------------
# The statements of GET /parks/{id}/status: the park with its newest change position
# (``integrations.service.status_park``; all a 304 needs), the moment of that change
# (``changes.occurred_at_of``), ``assessments.service.latest``, the ranking
# (``interests.service.top_shared_interests``, compiled), ``park_project_summaries``,
# ``park_organisation_summaries`` and ``stakeholders.service.counts_by_kind``.

STATUS_PARK_SQL = (
    "SELECT p.id, p.name, p.province, p.updated_at, "
    "(SELECT max(c.position) FROM change_log c WHERE c.park_id = p.id) FROM parks p "
    "WHERE p.id = %s"
)
STATUS_MOMENT_SQL = "SELECT position, occurred_at FROM change_log WHERE position = ANY(%s)"
STATUS_ASSESSMENT_SQL = (
    "SELECT id, park_id, rubric_version, answers, score, level, components, created_at, "
    "created_by, version FROM assessments WHERE park_id = %s "
    "ORDER BY created_at DESC, id DESC LIMIT 1"
)
STATUS_ORGANISATIONS_SQL = (
    "SELECT id, form, name, has_board, has_core_team FROM organisations WHERE park_id = %s "
    "ORDER BY created_at, id"
)
STATUS_KINDS_SQL = "SELECT kind, count(*) FROM stakeholders WHERE park_id = %s GROUP BY kind"
PHASES = ("idea", "exploration", "business_case", "realisation", "operation", "stopped")
LEVEL_NAMES = {  # ``assessments.rubric.LEVELS``: (nl, en)
    0: ("Ongeorganiseerd", "Unorganised"),
    1: ("Verkennend", "Exploring"),
    2: ("Samenwerkend", "Collaborating"),
    3: ("Georganiseerd", "Organised"),
    4: ("Duurzaam georganiseerd", "Lastingly organised"),
}
CORE_KINDS = ("entrepreneur", "property_owner", "municipality")
THEME_CODES: set[str] = set()  # read at start-up from the themes table
STATUS_CACHE = "private, max-age=60"
STATUS_VARY = "Authorization, Accept-Language"


def _language(header: str | None) -> str:
    """``backend.core.lang.preferred_language``."""
    if not header:
        return "nl"
    best, best_q = "nl", -1.0
    for position, part in enumerate(header.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower().split("-")[0]
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        q -= position * 1e-6
        if tag in ("nl", "en") and q > best_q:
            best, best_q = tag, q
    return best


def _score(n: int, urgency: int, money: int, time_only: int, kinds: dict[str, int],
           interviewed: int) -> tuple[float, float]:  # fmt: skip
    """``interests.scoring.score_theme``: (score, mean urgency), rounded as the app rounds."""
    support = n / interviewed if interviewed else 0.0
    mean_urgency = urgency / n if n else 0.0
    willingness = (money + 0.5 * time_only) / n if n else 0.0
    intensity = 0.5 * (mean_urgency - 1) / 4 + 0.5 * willingness
    core = sum(1 for k in CORE_KINDS if kinds.get(k, 0) > 0)
    breadth = 1 + 0.15 * max(core - 1, 0)
    score = 100 * support * (0.5 + 0.5 * intensity) * breadth / (1 + 0.15 * 2)
    return round(score, 1), round(mean_urgency, 2)


def top_three(rows: list[Any]) -> list[dict[str, Any]]:
    """``scoring.rank`` of the ranking rows (theme × kind), the first three, min 2."""
    acc: dict[str, list[Any]] = {}
    interviewed = 0
    for code, kind, count, urgency, money, time_only, asked in rows:
        interviewed = int(asked or 0)
        if code not in THEME_CODES:
            continue
        a = acc.setdefault(code, [0, 0, 0, 0, {}])
        a[0] += count
        a[1] += int(urgency or 0)
        a[2] += int(money or 0)
        a[3] += int(time_only or 0)
        a[4][kind] = a[4].get(kind, 0) + count
    ranked = []
    for code, (n, urgency, money, time_only, kinds) in acc.items():
        if n < 2:
            continue
        score, mean = _score(n, urgency, money, time_only, kinds, interviewed)
        ranked.append((-score, -n, -mean, code, score))
    ranked.sort()
    return [
        {"theme_code": code, "stakeholder_count": -neg_n, "score": score}
        for _, neg_n, _, code, score in ranked[:3]
    ]


async def park_status(request: Request) -> Response:
    try:
        park_id = uuid.UUID(request.path_params["park_id"])
    except ValueError:
        return Response(status_code=404)
    language = _language(request.headers.get("accept-language"))
    ranking = SHARED["ranking"]
    async with POOL.connection() as conn:
        head = await (await conn.execute(STATUS_PARK_SQL, [park_id])).fetchone()
        if head is None:
            return Response(status_code=404)
        _, name, province, updated_at, position = head
        etag = f'"s{position or 0}-{language}"'
        headers = {"ETag": etag, "Cache-Control": STATUS_CACHE, "Vary": STATUS_VARY}
        sent = request.headers.get("if-none-match", "")
        if etag in [t.strip() for t in sent.split(",")] or sent.strip() == "*":
            return Response(status_code=304, headers=headers)
        if position is not None:
            moment = await (await conn.execute(STATUS_MOMENT_SQL, [[position]])).fetchone()
            updated_at = moment[1]  # type: ignore[index]
        assessment = await (await conn.execute(STATUS_ASSESSMENT_SQL, [park_id])).fetchone()
        rows = await (
            await conn.execute(ranking["sql"], {**ranking["params"], "park_id": park_id})
        ).fetchall()
        projects = await (await conn.execute(COVERING_SQL, [park_id])).fetchall()
        organisations = await (await conn.execute(STATUS_ORGANISATIONS_SQL, [park_id])).fetchall()
        kinds = await (await conn.execute(STATUS_KINDS_SQL, [park_id])).fetchall()
    phases = dict.fromkeys(PHASES, 0)
    for p in projects:
        phases[p[3]] = phases.get(p[3], 0) + 1
    graad = None
    if assessment is not None:
        graad = {
            "score": float(assessment[4]),
            "level": assessment[5],
            "level_name": LEVEL_NAMES[assessment[5]][0 if language == "nl" else 1],
            "assessed_at": assessment[7],
        }
    body = {
        "park_id": park_id,
        "name": name,
        "province": province,
        "organisatiegraad": graad,
        "organisations": [{"form": o[1], "name": o[2]} for o in organisations],
        "shared_interests": top_three(rows),
        "projects": phases,
        "stakeholders": dict(sorted((k, n) for k, n in kinds)),
        "updated_at": updated_at,
        "status_version": position or 0,
    }
    return Response(dumps(body), 200, headers, JSON)


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
    async with POOL.connection() as conn:
        THEME_CODES.update(
            r[0] for r in await (await conn.execute("SELECT code FROM themes")).fetchall()
        )
    yield
    await POOL.close()


app = Starlette(
    routes=[
        Route("/healthz", healthz),
        Route("/parks", parks),
        Route("/parks/{park_id}", park),
        Route("/parks/{park_id}/status", park_status),
        Route("/parks/{park_id}/shared-interests-raw", shared_interests_raw),
        Route("/parks/{park_id}/projects", park_projects),
        Route("/projects/{project_id}/business-case", business_case),
        Route("/changes", changes),
        Route("/stakeholders/{stakeholder_id}", update_stakeholder, methods=["PATCH"]),
    ],
    lifespan=lifespan,
)
