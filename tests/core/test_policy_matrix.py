"""Who may read and write what: the whole matrix, through the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.auth.policy import Action, Principal, allowed
from tests.conftest import UserFactory

ROLES = {
    "anonymous": None,
    "viewer": ("viewer", []),
    "expert_ut": ("expert", ["UT"]),
    "expert_nb": ("expert", ["NB"]),
    "admin": ("admin", []),
}

READERS = {"viewer", "expert_ut", "expert_nb", "admin"}
UT_WRITERS = {"expert_ut", "admin"}
FILE = ("file", b"naam;soort\nNieuw BV;ondernemer\n")  # a multipart upload
CONTACT = {"date": "2026-11-02", "channel": "visit"}
ASSESSMENT = {
    "answers": {
        p: {"score": 2}
        for p in (
            "continuity",
            "personal_contact",
            "shared_ambition",
            "integrality",
            "respect_interests",
            "realisation",
            "transparent_process",
        )
    }
}
BUSINESS_CASE = {
    "capex_eur": "10000.00",
    "opex_eur_per_year": "100.00",
    "benefits_eur_per_year": "1500.00",
    "lifetime_years": 10,
}

# (method, path template, body) -> the roles that may; everyone else gets 401 (anonymous) or 403.
# {ut} is a park in Utrecht, {user} another user, {theme} a theme.
MATRIX = [
    ("GET", "/api/v1/parks", None, {"viewer", "expert_ut", "expert_nb", "admin"}),
    ("GET", "/api/v1/parks/{ut}", None, {"viewer", "expert_ut", "expert_nb", "admin"}),
    ("GET", "/api/v1/park-locations", None, {"viewer", "expert_ut", "expert_nb", "admin"}),
    ("GET", "/api/v1/address-search?q=Mijdrecht", None, {"expert_ut", "expert_nb", "admin"}),
    ("GET", "/api/v1/provinces", None, {"viewer", "expert_ut", "expert_nb", "admin"}),
    ("GET", "/api/v1/municipalities", None, {"viewer", "expert_ut", "expert_nb", "admin"}),
    ("POST", "/api/v1/parks", {"name": "Nieuw", "municipality": "Houten"}, {"expert_ut", "admin"}),
    ("PATCH", "/api/v1/parks/{ut}", {"description": "x"}, {"expert_ut", "admin"}),
    ("DELETE", "/api/v1/parks/{ut}", None, {"expert_ut", "admin"}),
    ("GET", "/api/v1/users/me", None, {"viewer", "expert_ut", "expert_nb", "admin"}),
    ("GET", "/api/v1/overview", None, READERS),
    ("GET", "/api/v1/overview?province=UT", None, READERS),
    ("GET", "/api/v1/overview/export?format=xlsx", None, READERS),
    ("GET", "/api/v1/my-work", None, READERS),
    ("GET", "/api/v1/overview/parks?active=true&sort=level", None, READERS),
    ("GET", "/api/v1/users", None, {"admin"}),
    ("GET", "/api/v1/users/{user}", None, {"admin"}),
    ("PATCH", "/api/v1/users/{user}", {"full_name": "Y"}, {"admin"}),
    (
        "POST",
        "/api/v1/users",
        {"email": "n@x.nl", "full_name": "N", "password": "long-password", "role": "viewer"},
        {"admin"},
    ),
    ("GET", "/api/v1/audit", None, {"admin"}),
    ("GET", "/api/v1/changes", None, {"admin"}),
    ("GET", "/api/v1/changes?cursor=now", None, {"admin"}),
    # Stakeholders ({st} in the Utrecht park) and their contact moments ({contact}).
    ("GET", "/api/v1/parks/{ut}/stakeholders", None, READERS),
    ("POST", "/api/v1/parks/{ut}/stakeholders", {"name": "N", "kind": "other"}, UT_WRITERS),
    ("GET", "/api/v1/stakeholders/{st}", None, READERS),
    ("PATCH", "/api/v1/stakeholders/{st}", {"notes": "x"}, UT_WRITERS),
    ("DELETE", "/api/v1/stakeholders/{st}", None, UT_WRITERS),
    ("GET", "/api/v1/parks/{ut}/stakeholders/export", None, READERS),
    ("GET", "/api/v1/parks/{ut}/stakeholders/export?format=xlsx", None, READERS),
    ("POST", "/api/v1/parks/{ut}/stakeholders/import", FILE, UT_WRITERS),
    ("POST", "/api/v1/parks/{ut}/stakeholders/import?dry_run=true", FILE, UT_WRITERS),
    ("GET", "/api/v1/stakeholders/{st}/contacts", None, READERS),
    ("POST", "/api/v1/stakeholders/{st}/contacts", CONTACT, UT_WRITERS),
    ("GET", "/api/v1/contacts", None, {"expert_ut", "expert_nb", "admin"}),
    ("GET", "/api/v1/contacts/{contact}", None, READERS),
    ("PATCH", "/api/v1/contacts/{contact}", {"follow_up_done": True}, UT_WRITERS),
    ("DELETE", "/api/v1/contacts/{contact}", None, UT_WRITERS),
    ("GET", "/api/v1/stakeholders/{st}/personal-data", None, UT_WRITERS),
    ("DELETE", "/api/v1/stakeholders/{st}/personal-data", None, UT_WRITERS),
    # Themes, interests ({interest}: the stakeholder's interest in security), shared interests.
    ("GET", "/api/v1/themes", None, READERS),
    ("GET", "/api/v1/stakeholders/{st}/interests", None, READERS),
    (
        "POST",
        "/api/v1/stakeholders/{st}/interests",
        {"theme_code": "water", "urgency": 3},
        UT_WRITERS,
    ),
    ("GET", "/api/v1/parks/{ut}/interests", None, READERS),
    ("GET", "/api/v1/interests/{interest}", None, READERS),
    ("PATCH", "/api/v1/interests/{interest}", {"urgency": 5}, UT_WRITERS),
    ("DELETE", "/api/v1/interests/{interest}", None, UT_WRITERS),
    ("GET", "/api/v1/parks/{ut}/shared-interests", None, READERS),
    ("GET", "/api/v1/parks/{ut}/interest-matrix", None, READERS),
    ("GET", "/api/v1/stakeholders/{st}/skipped-themes", None, READERS),
    ("PUT", "/api/v1/stakeholders/{st}/skipped-themes/{theme}", None, UT_WRITERS),
    ("DELETE", "/api/v1/stakeholders/{st}/skipped-themes/{theme}", None, UT_WRITERS),
    ("GET", "/api/v1/parks/{ut}/stakeholder-figures", None, READERS),
    # Projects ({project} in the Utrecht park, with {participant} and a business case).
    ("GET", "/api/v1/parks/{ut}/projects", None, READERS),
    ("POST", "/api/v1/parks/{ut}/projects", {"from_theme": "security"}, UT_WRITERS),
    ("GET", "/api/v1/projects/{project}", None, READERS),
    ("PATCH", "/api/v1/projects/{project}", {"description": "x"}, UT_WRITERS),
    ("DELETE", "/api/v1/projects/{project}", None, UT_WRITERS),
    ("POST", "/api/v1/projects/{project}/transition", {"to": "exploration"}, UT_WRITERS),
    ("GET", "/api/v1/projects/{project}/phase-history", None, READERS),
    ("GET", "/api/v1/projects/{project}/participants", None, READERS),
    ("POST", "/api/v1/projects/{project}/participants", {"stakeholder_id": "{st2}"}, UT_WRITERS),
    ("GET", "/api/v1/projects/{project}/participants/{participant}", None, READERS),
    (
        "PATCH",
        "/api/v1/projects/{project}/participants/{participant}",
        {"commitment": "committed"},
        UT_WRITERS,
    ),
    ("DELETE", "/api/v1/projects/{project}/participants/{participant}", None, UT_WRITERS),
    ("GET", "/api/v1/projects/{project}/business-case", None, READERS),
    ("PUT", "/api/v1/projects/{project}/business-case", BUSINESS_CASE, UT_WRITERS),
    ("POST", "/api/v1/projects/{project}/business-case/calculation", BUSINESS_CASE, READERS),
    # Organisations ({org} in the Utrecht park), the forms, the advice and the BIZ vote.
    ("GET", "/api/v1/organisation-forms", None, READERS),
    ("GET", "/api/v1/parks/{ut}/organisations", None, READERS),
    ("POST", "/api/v1/parks/{ut}/organisations", {"form": "werkgroep", "name": "W"}, UT_WRITERS),
    ("GET", "/api/v1/organisations/{org}", None, READERS),
    ("PATCH", "/api/v1/organisations/{org}", {"member_count": 3}, UT_WRITERS),
    ("DELETE", "/api/v1/organisations/{org}", None, UT_WRITERS),
    ("POST", "/api/v1/parks/{ut}/organisation-advice", {}, READERS),
    ("GET", "/api/v1/parks/{ut}/organisation-advice/answers", None, READERS),
    (
        "PUT",
        "/api/v1/parks/{ut}/organisation-advice/answers",
        {"municipality_cooperates": True},
        UT_WRITERS,
    ),
    (
        "POST",
        "/api/v1/parks/{ut}/biz-vote-simulations",
        {"levy_on": "users", "use_park_stakeholders": True},
        READERS,
    ),
    # The organisatiegraad and the park overview.
    ("GET", "/api/v1/assessment-rubric", None, READERS),
    ("GET", "/api/v1/parks/{ut}/assessments", None, READERS),
    ("POST", "/api/v1/parks/{ut}/assessments", ASSESSMENT, UT_WRITERS),
    ("GET", "/api/v1/parks/{ut}/assessments/latest", None, READERS),
    ("GET", "/api/v1/parks/{ut}/overview", None, READERS),
    ("GET", "/api/v1/parks/{ut}/report", None, READERS),
    # Integrations: API clients ({client}) and the park status.
    ("GET", "/api/v1/api-clients", None, {"admin"}),
    ("POST", "/api/v1/api-clients", {"name": "CRM", "scopes": ["parks:read"]}, {"admin"}),
    ("GET", "/api/v1/api-clients/{client}", None, {"admin"}),
    ("PATCH", "/api/v1/api-clients/{client}", {"name": "GIS"}, {"admin"}),
    ("DELETE", "/api/v1/api-clients/{client}", None, {"admin"}),
    ("POST", "/api/v1/api-clients/{client}/secret", None, {"admin"}),
    ("GET", "/api/v1/parks/{ut}/status", None, READERS),
    ("GET", "/api/v1/park-status", None, READERS),
    ("GET", "/api/v1/webhooks", None, {"admin"}),
    # Surveys ({survey}: an open survey of the Utrecht park with one invitation, {invitation},
    # answered: {response}). The respondent's routes (/api/v1/public/…) need no account:
    # tests/surveys covers them.
    ("GET", "/api/v1/parks/{ut}/surveys", None, READERS),
    ("POST", "/api/v1/parks/{ut}/surveys", {"title": "Enquête"}, UT_WRITERS),
    ("GET", "/api/v1/surveys/{survey}", None, READERS),
    ("GET", "/api/v1/surveys/{survey}/preview", None, READERS),
    ("PATCH", "/api/v1/surveys/{survey}", {"title": "Nieuw"}, UT_WRITERS),
    ("POST", "/api/v1/surveys/{survey}/transition", {"to": "closed"}, UT_WRITERS),
    ("POST", "/api/v1/surveys/{survey}/invitations", {"kinds": ["entrepreneur"]}, UT_WRITERS),
    ("GET", "/api/v1/surveys/{survey}/invitations", None, UT_WRITERS),
    ("GET", "/api/v1/surveys/{survey}/invitations?format=csv", None, UT_WRITERS),
    ("POST", "/api/v1/survey-invitations/{invitation}/revoke", None, UT_WRITERS),
    ("GET", "/api/v1/surveys/{survey}/responses", None, READERS),
    ("GET", "/api/v1/survey-responses/{response}", None, READERS),
    ("POST", "/api/v1/survey-responses/{response}/accept", {}, UT_WRITERS),
    ("POST", "/api/v1/survey-responses/{response}/reject", {"reason": "Dubbel"}, UT_WRITERS),
    ("DELETE", "/api/v1/survey-responses/{response}/personal-data", None, UT_WRITERS),
    ("POST", "/api/v1/webhooks", {"url": "http://127.0.0.1:9/x", "events": ["ping"]}, {"admin"}),
    ("GET", "/api/v1/webhooks/{webhook}", None, {"admin"}),
    ("DELETE", "/api/v1/webhooks/{webhook}", None, {"admin"}),
    ("GET", "/api/v1/webhooks/{webhook}/deliveries", None, {"admin"}),
    ("POST", "/api/v1/webhooks/{webhook}/test", None, {"admin"}),
]


@pytest.mark.parametrize("role", list(ROLES))
def test_access_matrix(client: TestClient, make_user: UserFactory, role: str):
    admin = make_user("admin")
    other = make_user("viewer")
    headers = {}
    if ROLES[role] is not None:
        r, provinces = ROLES[role]
        headers = make_user(r, provinces)["headers"]
    for method, template, body, allowed_roles in MATRIX:
        ut = client.post(
            "/api/v1/parks",
            json={"name": "Doornkade", "municipality": "Utrecht"},
            headers=admin["headers"],
        ).json()["id"]
        a = admin["headers"]

        def need(*keys: str) -> bool:
            return any("{" + k + "}" in template for k in keys)  # noqa: B023

        # Only what the route needs is made, so the matrix stays quick.
        st = contact = interest = st2 = project = participant = org = api_client = hook = ""
        if need("st", "contact", "interest", "project", "participant"):
            st = client.post(
                f"/api/v1/parks/{ut}/stakeholders",
                json={"name": "Bakkerij", "kind": "entrepreneur", "contact_name": "Anna"},
                headers=a,
            ).json()["id"]
        if need("contact"):
            contact = client.post(
                f"/api/v1/stakeholders/{st}/contacts", json=CONTACT, headers=a
            ).json()["id"]
        if need("interest", "project", "participant"):
            interest = client.post(
                f"/api/v1/stakeholders/{st}/interests",
                json={"theme_code": "security", "urgency": 4},
                headers=a,
            ).json()["id"]
        if need("project", "participant"):
            st2 = client.post(
                f"/api/v1/parks/{ut}/stakeholders",
                json={"name": "Drukkerij", "kind": "entrepreneur"},
                headers=a,
            ).json()["id"]
            project = client.post(
                f"/api/v1/parks/{ut}/projects", json={"from_theme": "security"}, headers=a
            ).json()["id"]
            participant = client.get(f"/api/v1/projects/{project}/participants", headers=a).json()[
                "items"
            ][0]["id"]
            client.put(
                f"/api/v1/projects/{project}/business-case", json=BUSINESS_CASE, headers=a
            ).raise_for_status()
        if need("org"):
            org = client.post(
                f"/api/v1/parks/{ut}/organisations",
                json={"form": "ondernemersvereniging", "name": "OV Doornkade"},
                headers=a,
            ).json()["id"]
        survey = invitation = response = ""
        if need("survey", "invitation", "response"):
            survey = client.post(
                f"/api/v1/parks/{ut}/surveys", json={"title": "Enquête"}, headers=a
            ).json()["id"]
            client.post(
                f"/api/v1/surveys/{survey}/transition", json={"to": "open"}, headers=a
            ).raise_for_status()
            sh = client.post(
                f"/api/v1/parks/{ut}/stakeholders",
                json={"name": "Smederij", "kind": "entrepreneur"},
                headers=a,
            ).json()["id"]
            made = client.post(
                f"/api/v1/surveys/{survey}/invitations", json={"stakeholder_ids": [sh]}, headers=a
            ).json()["items"][0]
            invitation = made["id"]
            token = made["url"].rsplit("/s/", 1)[1]
            client.put(
                f"/api/v1/public/surveys/{token}/response",
                json={"consent": True, "answers": [{"theme_code": "water", "urgency": 3}]},
            ).raise_for_status()
            response = client.get(f"/api/v1/surveys/{survey}/responses", headers=a).json()["items"][
                0
            ]["id"]
        if need("webhook"):
            hook = client.post(
                "/api/v1/webhooks",
                json={"url": "http://127.0.0.1:9/x", "events": ["ping"]},
                headers=a,
            ).json()["id"]
        if need("client"):
            api_client = client.post(
                "/api/v1/api-clients",
                json={"name": "Koppeling", "scopes": ["parks:read"]},
                headers=a,
            ).json()["id"]
        path = template.format(
            org=org,
            ut=ut,
            user=other["id"],
            st=st,
            contact=contact,
            interest=interest,
            project=project,
            participant=participant,
            client=api_client,
            webhook=hook,
            theme="greening",
            survey=survey,
            invitation=invitation,
            response=response,
        )
        if template.endswith("/assessments/latest"):
            client.post(
                f"/api/v1/parks/{ut}/assessments", json=ASSESSMENT, headers=admin["headers"]
            ).raise_for_status()
        if method == "DELETE" and template.endswith("/skipped-themes/{theme}"):
            client.put(path, headers=admin["headers"]).raise_for_status()
        if isinstance(body, dict) and body.get("stakeholder_id") == "{st2}":
            body = {**body, "stakeholder_id": st2}
        if isinstance(body, tuple):
            r = client.request(method, path, files={body[0]: body[1]}, headers=headers)
        else:
            r = client.request(method, path, json=body, headers=headers)
        if role in allowed_roles:
            assert r.status_code < 300, (role, method, path, r.text)
        elif role == "anonymous":
            assert r.status_code == 401, (role, method, path, r.status_code)
        else:
            assert r.status_code == 403, (role, method, path, r.status_code)
            assert r.headers["content-type"].startswith("application/problem+json")


def test_expert_may_not_move_a_park_out_of_their_provinces(
    client: TestClient, make_user: UserFactory
):
    expert = make_user("expert", ["UT"])
    park = client.post(
        "/api/v1/parks", json={"name": "Kade", "municipality": "Utrecht"}, headers=expert["headers"]
    ).json()
    r = client.patch(
        f"/api/v1/parks/{park['id']}", json={"municipality": "Breda"}, headers=expert["headers"]
    )
    assert r.status_code == 403
    assert (
        client.get(f"/api/v1/parks/{park['id']}", headers=expert["headers"]).json()["municipality"]
        == "Utrecht"
    )


def _p(kind: str, role: str | None = None, provinces=(), scopes=()) -> Principal:
    import uuid

    return Principal(
        id=uuid.uuid4(),
        kind=kind,
        label="t",
        role=role,
        provinces=frozenset(provinces),
        scopes=frozenset(scopes),
    )


def test_policy_rules_for_personal_data_and_api_clients():
    expert = _p("user", "expert", ["UT"])
    assert allowed(expert, Action.personal_data_read, "UT")
    assert not allowed(expert, Action.personal_data_read, "NB")
    assert not allowed(_p("user", "viewer"), Action.personal_data_read, "UT")
    assert allowed(_p("user", "admin"), Action.personal_data_read, "NB")

    reader = _p("client", scopes=["parks:read"], provinces=["UT"])
    assert allowed(reader, Action.park_read, "UT")
    assert not allowed(reader, Action.park_read, "NB")
    assert not allowed(reader, Action.park_write, "UT")
    assert not allowed(reader, Action.personal_data_read, "UT")
    writer = _p("client", scopes=["parks:write"])
    assert allowed(writer, Action.park_write, "LI")
    assert not allowed(writer, Action.user_manage)


def test_the_parks_a_principal_works_on():
    from backend.auth.policy import require_work_provinces, writable_provinces
    from backend.core.errors import Forbidden

    assert writable_provinces(_p("user", "admin")) is None
    assert writable_provinces(_p("user", "expert", ["UT", "NB"])) == {"UT", "NB"}
    assert writable_provinces(_p("user", "viewer")) == frozenset()
    assert writable_provinces(_p("client", scopes=["parks:write"])) is None
    assert writable_provinces(_p("client", scopes=["parks:write"], provinces=["LI"])) == {"LI"}
    assert writable_provinces(_p("client", scopes=["parks:read"])) == frozenset()
    with pytest.raises(Forbidden):
        require_work_provinces(_p("user", "viewer"))
    with pytest.raises(Forbidden):
        require_work_provinces(_p("user", "expert"))  # an expert without provinces


def test_every_api_route_is_in_the_matrix():
    import re

    from backend.main import create_app

    def shape(path: str) -> str:
        return re.sub(r"\{[^}]+\}", "{}", path.split("?")[0])

    covered = {(m, shape(p)) for m, p, _, _ in MATRIX}
    routes = {
        (method.upper(), shape(path))
        for path, ops in create_app().openapi()["paths"].items()
        for method in ops
        if path.startswith("/api/v1/")
        and path != "/api/v1/auth/token"
        and not path.startswith("/api/v1/public/")  # no account needed: tests/surveys
    }
    assert routes - covered == set(), "add these routes to MATRIX"


# API clients, on a route of every kind: (method, path, body) -> the clients that may.
CLIENTS = {
    "reader_ut": (["parks:read"], ["UT"]),
    "status_only": (["status:read"], []),
    "writer": (["parks:write"], []),
    "reader_all": (["parks:read", "status:read"], []),
}
CLIENT_MATRIX = [
    ("GET", "/api/v1/parks/{ut}", None, {"reader_ut", "writer", "reader_all"}),
    ("PATCH", "/api/v1/parks/{ut}", {"description": "x"}, {"writer"}),
    ("GET", "/api/v1/stakeholders/{st}", None, {"reader_ut", "writer", "reader_all"}),
    ("POST", "/api/v1/parks/{ut}/stakeholders", {"name": "N", "kind": "other"}, {"writer"}),
    ("GET", "/api/v1/stakeholders/{st}/personal-data", None, set()),
    ("GET", "/api/v1/parks/{ut}/status", None, {"status_only", "reader_all"}),
    ("GET", "/api/v1/park-status", None, {"status_only", "reader_all"}),
    ("GET", "/api/v1/changes", None, {"reader_all"}),
    ("GET", "/api/v1/users", None, set()),
    ("GET", "/api/v1/api-clients", None, set()),
    ("GET", "/api/v1/audit", None, set()),
    ("POST", "/api/v1/parks/{ut}/projects", {"from_theme": "security"}, {"writer"}),
    ("GET", "/api/v1/parks/{ut}/shared-interests", None, {"reader_ut", "writer", "reader_all"}),
    ("GET", "/api/v1/address-search?q=Houten", None, {"writer"}),
]


@pytest.mark.parametrize("name", list(CLIENTS))
def test_access_matrix_of_api_clients(client: TestClient, make_user: UserFactory, name: str):
    admin = make_user("admin")["headers"]
    scopes, provinces = CLIENTS[name]
    made = client.post(
        "/api/v1/api-clients",
        json={"name": name, "scopes": scopes, "provinces": provinces},
        headers=admin,
    ).json()
    token = client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": made["client_id"],
            "client_secret": made["client_secret"],
        },
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    for method, template, body, allowed_clients in CLIENT_MATRIX:
        ut = client.post(
            "/api/v1/parks", json={"name": "Doornkade", "municipality": "Utrecht"}, headers=admin
        ).json()["id"]
        st = client.post(
            f"/api/v1/parks/{ut}/stakeholders",
            json={"name": "Bakkerij", "kind": "entrepreneur", "contact_name": "Anna"},
            headers=admin,
        ).json()["id"]
        path = template.format(ut=ut, st=st)
        r = client.request(method, path, json=body, headers=headers)
        if name in allowed_clients:
            assert r.status_code < 300, (name, method, path, r.text)
            if "/stakeholders/" in path and method == "GET":
                assert r.json()["contact_name"] is None  # never personal data for a client
        else:
            assert r.status_code == 403, (name, method, path, r.status_code, r.text)
