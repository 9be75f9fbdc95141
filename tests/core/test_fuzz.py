"""Property-based fuzzing of the whole API against its own OpenAPI document (Schemathesis).

Every operation of the document the app serves becomes one test (``test_fuzz[GET /api/v1/...]``),
run in process against the ASGI app, as an admin, on the database of this run (SQLite, or
PostgreSQL with ``PARKREGIE_TEST_DATABASE_URL``). Before each operation the test puts a park in
Utrecht with a stakeholder, a contact moment and an interest in place through the API, and most
generated ids in paths and queries are swapped for those real ids, so that the fuzzer reaches the
code behind the 404s. The cases are generated positively (valid by the document) and negatively
(invalid by it), in Schemathesis's coverage and fuzzing phases, from a fixed seed, so a run is the
same every time and a failure can be replayed.

A failing check is either a defect of the app or a defect of the document: fix the one that is
wrong; never switch a check off to make this pass.

Run it alone with ``pytest tests/core/test_fuzz.py`` (or ``-m fuzz``; ``-m 'not fuzz'`` leaves it
out). ``PARKREGIE_FUZZ_EXAMPLES`` (default 25) raises the number of fuzzed examples per operation
and ``PARKREGIE_FUZZ_SEED`` picks another seed, for a deeper, slower run; ``make test`` uses the
defaults.
"""

from __future__ import annotations

import os
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from fastapi.testclient import TestClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

import backend
from backend.main import API_PREFIX, create_app
from tests.conftest import UserFactory

pytestmark = pytest.mark.fuzz

SEED = int(os.environ.get("PARKREGIE_FUZZ_SEED", "20261101"))
# Fuzzed examples per operation (the coverage phase adds its own boundary and invalid cases).
MAX_EXAMPLES = int(os.environ.get("PARKREGIE_FUZZ_EXAMPLES", "25"))

THEMES = [
    line.split(",", 1)[0]
    for line in (Path(backend.__file__).parent / "data" / "themes.csv").read_text().splitlines()[1:]
]

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
    ignored_auth,
]

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {
            "mode": "all",  # positive and negative cases
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            # No example database: a run does not depend on what an earlier run found.
            "database": "none",
            # The admin's bearer token is sent with every case (and ignored_auth takes it away);
            # generated Authorization headers would only hide it.
            "with-security-parameters": False,
        },
        "checks": {
            # Schemathesis's own list of refusals (5xx are not_a_server_error's business), and
            # two more that refuse a request whatever its body: a failed If-Match (412; the
            # precondition is evaluated before the content is processed, RFC 9110 13.2.1) and
            # a body over the limit (413).
            "negative_data_rejection": {
                "expected-statuses": [
                    *("400", "401", "403", "404", "405", "406", "409", "415", "422", "428"),
                    *("429", "5xx", "412", "413"),
                ]
            },
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
        },
    }
)

# Every operation of the document, none left out: those that are not JSON (the form login, the
# multipart import, the CSV/XLSX export, /metrics) declare their media types and are fuzzed too.
schema = schemathesis.openapi.from_asgi(f"{API_PREFIX}/openapi.json", create_app(), config=CONFIG)


@dataclass
class Seeded:
    headers: dict[str, str]
    ids: dict[str, str]


@pytest.fixture
def seeded(client: TestClient, admin: dict[str, Any], make_user: UserFactory) -> Seeded:
    """An admin; a second user for the admin to change (changing itself, say its role, would end
    the admin's own session halfway); a park in Utrecht with a stakeholder, a contact moment and
    an interest."""
    h = admin["headers"]

    def post(url: str, body: dict[str, Any]) -> str:
        r = client.post(f"{API_PREFIX}{url}", json=body, headers=h)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    park = post("/parks", {"name": "Lage Weide", "municipality": "Utrecht"})
    stakeholder = post(
        f"/parks/{park}/stakeholders",
        {"name": "Bakkerij Jansen", "kind": "entrepreneur", "email": "anna@example.nl"},
    )
    contact = post(
        f"/stakeholders/{stakeholder}/contacts",
        {"date": "2026-11-02", "channel": "visit", "follow_up_date": "2026-11-20"},
    )
    interest = post(
        f"/stakeholders/{stakeholder}/interests",
        {"theme_code": "security", "urgency": 4, "investment_willingness": "money"},
    )
    ids = {
        "user_id": str(make_user("expert", ["UT"])["id"]),
        "actor_id": str(admin["id"]),
        "park_id": park,
        "stakeholder_id": stakeholder,
        "contact_id": contact,
        "interest_id": interest,
        "entity_id": stakeholder,
    }
    return Seeded(headers=h, ids=ids)


def _is_uuid(value: object) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _swap(case: schemathesis.Case, value: object, share: int) -> bool:
    """Whether to swap a generated value for a real one: always in the coverage phase (it keeps
    one value and varies the rest of the request around it), otherwise ``share - 1`` out of
    ``share`` values, so that some stay as generated (an id that does not exist, a municipality
    that is not in the register). The choice depends on the generated value only, so it is as
    reproducible as the case."""
    fuzzing = case.meta is not None and case.meta.phase.name.value == "fuzzing"
    return not fuzzing or zlib.crc32(repr(value).encode()) % share != 0


def _use_known_ids(case: schemathesis.Case, container: Any, ids: dict[str, str]) -> None:
    """Ids of real rows in paths and queries. Only well-formed ids are swapped, so negative cases
    that break the id itself stay as generated."""
    if not container:
        return
    for name, value in container.items():
        if name in ids and _is_uuid(value) and _swap(case, value, 4):
            container[name] = ids[name]


def _use_real_values(case: schemathesis.Case, body: Any) -> None:
    """A municipality from the register and a known theme: the app checks them against its
    reference data, so a generated one is (rightly) always 422 and the write never happens."""
    if not isinstance(body, dict):
        return
    municipality = body.get("municipality")
    if isinstance(municipality, str) and _swap(case, municipality, 4):
        body["municipality"] = "Utrecht"
        if isinstance(body.get("province"), str):
            body["province"] = "UT"
    theme = body.get("theme_code")
    if isinstance(theme, str) and _swap(case, theme, 4):
        body["theme_code"] = THEMES[zlib.crc32(theme.encode()) % len(THEMES)]


def _match_any_version(case: schemathesis.Case) -> None:
    """A generated If-Match never matches, so every write would stop at 412 before its body is
    looked at: make half of the well-formed ones ``*`` (all of them in the coverage phase)."""
    value = case.headers.get("If-Match") if case.headers else None
    if isinstance(value, str) and len(value) <= 200 and _swap(case, value, 2):
        case.headers["If-Match"] = "*"


@schema.parametrize()
# `seeded` is per operation, not per case, on purpose (rows that cases change stay changed);
# too_slow depends on the machine's load, not on the cases.
@hypothesis.settings(
    suppress_health_check=[
        hypothesis.HealthCheck.function_scoped_fixture,
        hypothesis.HealthCheck.too_slow,
    ]
)
def test_fuzz(case: schemathesis.Case, seeded: Seeded) -> None:
    _use_known_ids(case, case.path_parameters, seeded.ids)
    _use_known_ids(case, case.query, seeded.ids)
    _use_real_values(case, case.query)
    _use_real_values(case, case.body)
    _match_any_version(case)
    # Edits made before `call()` would be taken as the generated case. Reading `meta` now
    # revalidates the edited parts: a negative case whose only invalid part was replaced by a
    # real value is then a positive one, and negative_data_rejection does not expect a refusal.
    assert case.meta is not None
    case.call_and_validate(headers=seeded.headers, checks=CHECKS)
