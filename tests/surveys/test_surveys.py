"""Surveys through the API: an expert makes one, invites the park, stakeholders answer through
their links without an account, and accepted answers count in the shared interests."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import problem
from tests.interests.test_interests import _interest, _park, _stakeholder

ANSWER = {
    "theme_code": "energy_hub",
    "current_situation": "Wij wachten op een grotere aansluiting.",
    "challenge": "Netcongestie",
    "urgency": 5,
    "investment_willingness": "time_and_money",
    "budget_eur": "2500.00",
    "obstacles": ["grid_congestion"],
}


def _token(url: str) -> str:
    return url.rsplit("/s/", 1)[1]


def _open(client: TestClient, h: dict[str, str], park: str, **extra: Any) -> dict[str, Any]:
    made = client.post(
        f"/api/v1/parks/{park}/surveys",
        json={"title": "Enquête Lage Weide", "intro": "Vijf minuten.", **extra},
        headers=h,
    )
    assert made.status_code == 201, made.text
    assert made.json()["status"] == "draft" and made.json()["accepts_answers"] is False
    opened = client.post(
        f"/api/v1/surveys/{made.json()['id']}/transition",
        json={"to": "open"},
        headers={**h, "If-Match": made.headers["ETag"]},
    )
    assert opened.status_code == 200, opened.text
    return opened.json()


def test_invite_answer_by_link_review_and_the_ranking_counts_it(
    client: TestClient, expert_ut, viewer, admin
):
    h = expert_ut["headers"]
    park = _park(client, h)
    bakery = _stakeholder(client, h, park, "Bakkerij Zon", "entrepreneur")
    owner = _stakeholder(client, h, park, "Vastgoed Kade", "property_owner")
    town = _stakeholder(client, h, park, "Gemeente Utrecht", "municipality")
    client.patch(
        f"/api/v1/stakeholders/{bakery}",
        json={"email": "info@bakkerij.nl"},
        headers={**h, "If-Match": '"1"'},
    ).raise_for_status()

    draft = client.post(
        f"/api/v1/parks/{park}/surveys",
        json={"title": "Concept", "theme_codes": ["water"]},
        headers=h,
    ).json()
    preview = client.get(f"/api/v1/surveys/{draft['id']}/preview", headers=viewer["headers"])
    assert preview.status_code == 200, preview.text
    assert preview.json()["personal"] is True and preview.json()["answers"] == []
    assert [t["code"] for t in preview.json()["themes"]] == ["water"]

    survey = _open(client, h, park, theme_codes=["energy_hub", "security", "energy_hub"])
    assert survey["theme_codes"] == ["security", "energy_hub"]  # the themes' order, once each
    sid = survey["id"]

    made = client.post(
        f"/api/v1/surveys/{sid}/invitations",
        json={"kinds": ["entrepreneur", "property_owner"], "stakeholder_ids": [owner]},
        headers=h,
    )
    assert made.status_code == 201, made.text
    assert made.json()["created"] == 2 and made.json()["already_invited"] == 0
    again = client.post(
        f"/api/v1/surveys/{sid}/invitations", json={"kinds": ["entrepreneur"]}, headers=h
    )
    assert again.json()["created"] == 0 and again.json()["already_invited"] == 1
    links = {i["stakeholder_name"]: i for i in made.json()["items"]}
    assert links["Bakkerij Zon"]["email"] == "info@bakkerij.nl"
    bakery_token = _token(links["Bakkerij Zon"]["url"])
    assert len(bakery_token) >= 40

    # The export for a mail merge writes the same links again; a viewer sees no e-mail at all.
    listed = client.get(f"/api/v1/surveys/{sid}/invitations", headers=h).json()
    assert {i["url"] for i in listed} == {i["url"] for i in made.json()["items"]}
    csv = client.get(f"/api/v1/surveys/{sid}/invitations", params={"format": "csv"}, headers=h)
    assert (
        csv.status_code == 200
        and "uitnodigingen-enquete-lage-weide" in csv.headers["content-disposition"]
    )
    assert "info@bakkerij.nl" in csv.text and bakery_token in csv.text
    assert (
        client.get(f"/api/v1/surveys/{sid}/invitations", headers=viewer["headers"]).status_code
        == 403
    )
    xlsx = client.get(f"/api/v1/surveys/{sid}/invitations", params={"format": "xlsx"}, headers=h)
    assert xlsx.content[:2] == b"PK"

    # The respondent, without an account: the survey, no one else's answers or names.
    public = client.get(f"/api/v1/public/surveys/{bakery_token}")
    assert public.status_code == 200, public.text
    seen = public.json()
    assert seen["park_name"] == "Lage Weide" and seen["personal"] is True
    assert seen["stakeholder_name"] == "Bakkerij Zon" and seen["answers"] == []
    assert [t["code"] for t in seen["themes"]] == ["security", "energy_hub"]
    assert "Vastgoed" not in public.text and "info@bakkerij" not in public.text
    assert public.headers["Cache-Control"] == "private, no-store"

    put = f"/api/v1/public/surveys/{bakery_token}/response"
    refused = problem(client.put(put, json={"consent": False, "answers": [ANSWER]}), 422)
    assert refused["detail"].startswith("Ga akkoord met de privacyverklaring")  # Dutch first
    in_english = client.put(
        put, json={"consent": False, "answers": [ANSWER]}, headers={"Accept-Language": "en"}
    )
    assert problem(in_english, 422)["detail"].startswith("Agree to the privacy statement")
    wrong = problem(
        client.put(put, json={"consent": True, "answers": [{**ANSWER, "theme_code": "water"}]}), 422
    )
    assert "not in this survey" in str(wrong["errors"])
    problem(client.put(put, json={"consent": True, "answers": [{**ANSWER, "urgency": 9}]}), 422)
    # Saved halfway, then again with the second theme (the page saves after every step).
    first = client.put(put, json={"consent": True, "answers": [ANSWER]})
    assert first.status_code == 200, first.text
    assert first.json()["edit_token"] is None  # a personal link is its own way back
    security = {"theme_code": "security", "urgency": 3, "challenge": "Inbraken"}
    assert (
        client.put(put, json={"consent": True, "answers": [ANSWER, security]}).json()["answers"]
        == 2
    )
    assert len(client.get(f"/api/v1/public/surveys/{bakery_token}").json()["answers"]) == 2

    # Nothing counts before the review.
    ranking = client.get(
        f"/api/v1/parks/{park}/shared-interests", params={"min_stakeholders": 1}, headers=h
    ).json()
    assert ranking["items"] == [] and ranking["answered_by_survey"] == 0

    # The owner answers too; it also had an interview on energy.
    _interest(client, h, owner, "energy_hub", 2)
    owner_token = _token(links["Vastgoed Kade"]["url"])
    client.put(
        f"/api/v1/public/surveys/{owner_token}/response",
        json={"consent": True, "answers": [ANSWER]},
    ).raise_for_status()

    detail = client.get(f"/api/v1/surveys/{sid}", headers=h).json()
    assert detail["invitations"] == 2 and detail["responses"]["pending"] == 2
    rates = {r["kind"]: r for r in detail["rates"]}
    assert rates["entrepreneur"] == {
        "kind": "entrepreneur",
        "invited": 1,
        "responded": 1,
        "accepted": 0,
        "response_rate": 1.0,
    }

    inbox = client.get(
        f"/api/v1/surveys/{sid}/responses", params={"status": "pending"}, headers=h
    ).json()["items"]
    by_name = {r["proposed"]["name"]: r for r in inbox}
    bakery_response = by_name["Bakkerij Zon"]
    assert bakery_response["proposed"]["reason"] == "invited"
    accepted = client.post(
        f"/api/v1/survey-responses/{bakery_response['id']}/accept",
        json={},
        headers={**h, "If-Match": f'"{bakery_response["version"]}"'},
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted" and accepted.json()["stakeholder_id"] == bakery
    interests = client.get(f"/api/v1/stakeholders/{bakery}/interests", headers=h).json()["items"]
    assert {i["theme_code"]: i["source"] for i in interests} == {
        "energy_hub": "survey",
        "security": "survey",
    }
    assert next(i for i in interests if i["theme_code"] == "energy_hub")["budget_eur"] == "2500.00"

    # The owner's interview on energy is not overwritten silently: 409, then the expert keeps it.
    owner_response = by_name["Vastgoed Kade"]
    url = f"/api/v1/survey-responses/{owner_response['id']}/accept"
    etag = {**h, "If-Match": f'"{owner_response["version"]}"'}
    clash = problem(client.post(url, json={}, headers=etag), 409)
    assert (
        clash["conflicts"][0]["theme_code"] == "energy_hub"
        and clash["conflicts"][0]["source"] == "interview"
    )
    assert (
        client.get(f"/api/v1/stakeholders/{owner}/interests", headers=h).json()["items"][0][
            "urgency"
        ]
        == 2
    )
    kept = client.post(url, json={"keep": ["energy_hub"]}, headers=etag)
    assert kept.status_code == 200, kept.text
    owner_interests = client.get(f"/api/v1/stakeholders/{owner}/interests", headers=h).json()[
        "items"
    ]
    assert [(i["urgency"], i["source"]) for i in owner_interests] == [(2, "interview")]

    ranking = client.get(
        f"/api/v1/parks/{park}/shared-interests", params={"min_stakeholders": 1}, headers=h
    ).json()
    assert ranking["answered_by_survey"] == 1 and ranking["answered_by_interview"] == 1
    assert (
        ranking["items"][0]["theme_code"] == "energy_hub"
        and ranking["items"][0]["stakeholder_count"] == 2
    )

    # The municipality was not invited; closing the survey ends every link (the same 404).
    assert town
    closed = client.post(
        f"/api/v1/surveys/{sid}/transition", json={"to": "closed"},
        headers={**h, "If-Match": client.get(f"/api/v1/surveys/{sid}", headers=h).headers["ETag"]},
    )  # fmt: skip
    assert closed.status_code == 200, closed.text
    gone = problem(client.get(f"/api/v1/public/surveys/{bakery_token}"), 404)
    unknown = problem(client.get(f"/api/v1/public/surveys/{'x' * 43}"), 404)
    assert gone["detail"] == unknown["detail"]
    problem(client.put(put, json={"consent": True, "answers": [ANSWER]}), 404)

    # The audit trail has the respondent's saves, as a respondent.
    events = client.get(
        "/api/v1/audit", params={"entity_type": "survey_response"}, headers=admin["headers"]
    ).json()["items"]
    assert {(e["actor_kind"], e["action"]) for e in events} >= {
        ("respondent", "create"),
        ("user", "update"),
    }
    saved = next(e for e in events if e["actor_kind"] == "respondent" and e["action"] == "create")
    assert saved["actor_label"] == "survey respondent" and saved["actor_id"] is None


def test_open_link_respondent_comes_back_and_is_matched_at_review(
    client: TestClient, expert_ut, viewer, make_user
):
    h = expert_ut["headers"]
    park = _park(client, h)
    known = _stakeholder(client, h, park, "Transport Van Dijk B.V.", "entrepreneur")
    survey = _open(client, h, park, open_link=True)
    assert survey["open_link_url"] and len(survey["theme_codes"]) == 17
    token = _token(survey["open_link_url"])
    put = f"/api/v1/public/surveys/{token}/response"

    problem(client.put(put, json={"consent": True, "answers": [ANSWER]}), 422)  # who answers?
    problem(
        client.put(
            put,
            json={
                "consent": True,
                "respondent": {"company_name": "X", "kvk_number": "12"},
                "answers": [],
            },
        ),
        422,
    )
    respondent = {
        "company_name": "transport van dijk",
        "contact_name": "Piet",
        "email": "piet@vandijk.nl",
        "phone": "06-12345678",
    }
    saved = client.put(put, json={"consent": True, "respondent": respondent, "answers": [ANSWER]})
    assert saved.status_code == 200, saved.text
    edit = saved.json()["edit_token"]
    assert edit and edit != token
    # Coming back with the edit token: the answers so far, and a change replaces them.
    back = client.get(f"/api/v1/public/surveys/{edit}").json()
    assert back["respondent"]["contact_name"] == "Piet" and len(back["answers"]) == 1
    client.put(
        f"/api/v1/public/surveys/{edit}/response",
        json={
            "consent": True,
            "respondent": respondent,
            "answers": [ANSWER, {"theme_code": "water", "urgency": 4}],
        },
    ).raise_for_status()
    # A second respondent through the open link is a second response.
    other = {"company_name": "Nieuw Bedrijf", "kvk_number": "87654321"}
    client.put(
        put, json={"consent": True, "respondent": other, "answers": [ANSWER]}
    ).raise_for_status()

    inbox = client.get(f"/api/v1/surveys/{survey['id']}/responses", headers=h).json()["items"]
    assert len(inbox) == 2
    first = next(r for r in inbox if r["company_name"] == "transport van dijk")
    assert first["proposed"] == {"id": known, "name": "Transport Van Dijk B.V.", "reason": "name"}
    assert first["contact_email"] == "piet@vandijk.nl" and first["contact_phone"] == "+31612345678"
    as_viewer = client.get(
        f"/api/v1/surveys/{survey['id']}/responses", headers=viewer["headers"]
    ).json()["items"]
    assert all(r["contact_name"] is None and r["contact_email"] is None for r in as_viewer)
    problem(
        client.post(
            f"/api/v1/survey-responses/{first['id']}/accept",
            json={},
            headers={**viewer["headers"], "If-Match": '"2"'},
        ),
        403,
    )

    url = f"/api/v1/survey-responses/{first['id']}/accept"
    problem(
        client.post(url, json={}, headers={**h, "If-Match": f'"{first["version"]}"'}), 422
    )  # which one?
    problem(
        client.post(url, json={"stakeholder_id": known}, headers={**h, "If-Match": '"99"'}), 412
    )
    ok = client.post(
        url, json={"stakeholder_id": known}, headers={**h, "If-Match": f'"{first["version"]}"'}
    )
    assert ok.status_code == 200, ok.text
    themes = {
        i["theme_code"]
        for i in client.get(f"/api/v1/stakeholders/{known}/interests", headers=h).json()["items"]
    }
    assert themes == {"energy_hub", "water"}

    # The new company becomes a stakeholder of its own, with its KvK number.
    second = next(r for r in inbox if r["company_name"] == "Nieuw Bedrijf")
    assert second["proposed"] is None
    made = client.post(
        f"/api/v1/survey-responses/{second['id']}/accept",
        json={"create_stakeholder": True, "kind": "property_owner"},
        headers={**h, "If-Match": f'"{second["version"]}"'},
    )
    assert made.status_code == 200, made.text
    new = client.get(f"/api/v1/stakeholders/{made.json()['stakeholder_id']}", headers=h).json()
    assert (new["name"], new["kind"], new["kvk_number"]) == (
        "Nieuw Bedrijf",
        "property_owner",
        "87654321",
    )

    # Reject and erase: the reason stays, the contact details go (and never reach the trail).
    rejected = client.post(
        f"/api/v1/survey-responses/{first['id']}/reject", json={"reason": "Dubbel"},
        headers={**h, "If-Match": f'"{ok.json()["version"]}"'},
    )  # fmt: skip
    assert rejected.status_code == 200 and rejected.json()["reject_reason"] == "Dubbel"
    erased = client.delete(
        f"/api/v1/survey-responses/{first['id']}/personal-data",
        headers={**h, "If-Match": f'"{rejected.json()["version"]}"'},
    )
    assert erased.status_code == 204, erased.text
    gone = client.get(f"/api/v1/survey-responses/{first['id']}", headers=h).json()
    assert gone["contact_name"] is None and gone["personal_data_erased_at"]
    admin = make_user("admin")["headers"]
    trail = client.get("/api/v1/audit", params={"entity_type": "survey_response"}, headers=admin)
    assert "piet@vandijk.nl" not in trail.text and "Piet" not in trail.text


def test_links_are_rate_limited_and_revocable(client: TestClient, expert_ut, monkeypatch):
    h = expert_ut["headers"]
    park = _park(client, h)
    st = _stakeholder(client, h, park, "Bakkerij", "entrepreneur")
    survey = _open(client, h, park)
    inv = client.post(
        f"/api/v1/surveys/{survey['id']}/invitations", json={"stakeholder_ids": [st]}, headers=h
    ).json()["items"][0]
    token = _token(inv["url"])
    assert client.get(f"/api/v1/public/surveys/{token}").status_code == 200

    assert (
        client.post(f"/api/v1/survey-invitations/{inv['id']}/revoke", headers=h).status_code == 204
    )
    problem(client.get(f"/api/v1/public/surveys/{token}"), 404)
    listed = client.get(f"/api/v1/surveys/{survey['id']}/invitations", headers=h).json()
    assert listed[0]["url"] is None and listed[0]["revoked_at"]
    # Invited again: a new link; the old one stays dead.
    again = client.post(
        f"/api/v1/surveys/{survey['id']}/invitations", json={"stakeholder_ids": [st]}, headers=h
    ).json()
    new_token = _token(again["items"][0]["url"])
    assert new_token != token
    problem(client.get(f"/api/v1/public/surveys/{token}"), 404)

    from backend.core.config import get_settings

    monkeypatch.setenv("PARKREGIE_RATE_LIMIT_SURVEY_TOKEN", "3")
    get_settings.cache_clear()
    try:
        codes = [client.get(f"/api/v1/public/surveys/{new_token}").status_code for _ in range(5)]
        assert codes[-1] == 429 and 200 in codes
        limited = client.get(f"/api/v1/public/surveys/{new_token}")
        assert int(limited.headers["Retry-After"]) >= 1
    finally:
        monkeypatch.delenv("PARKREGIE_RATE_LIMIT_SURVEY_TOKEN")
        get_settings.cache_clear()


def test_erasing_a_contact_person_erases_their_survey_contact_details(
    client: TestClient, expert_ut, admin
):
    h = expert_ut["headers"]
    park = _park(client, h)
    st = _stakeholder(client, h, park, "Bakkerij Zon", "entrepreneur")
    survey = _open(client, h, park, open_link=True)
    token = _token(survey["open_link_url"])
    who = {"company_name": "Bakkerij Zon", "contact_name": "Anna Zon", "email": "anna@zon.nl"}
    client.put(
        f"/api/v1/public/surveys/{token}/response",
        json={"consent": True, "respondent": who, "answers": [ANSWER]},
    ).raise_for_status()
    r = client.get(f"/api/v1/surveys/{survey['id']}/responses", headers=h).json()["items"][0]
    client.post(
        f"/api/v1/survey-responses/{r['id']}/accept",
        json={"stakeholder_id": st},
        headers={**h, "If-Match": f'"{r["version"]}"'},
    ).raise_for_status()

    version = client.get(f"/api/v1/stakeholders/{st}", headers=h).json()["version"]
    erased = client.delete(
        f"/api/v1/stakeholders/{st}/personal-data", headers={**h, "If-Match": f'"{version}"'}
    )
    assert erased.status_code == 204, erased.text
    after = client.get(f"/api/v1/survey-responses/{r['id']}", headers=h).json()
    assert after["contact_name"] is None and after["contact_email"] is None
    assert after["personal_data_erased_at"] is not None
    assert after["company_name"] == "Bakkerij Zon" and len(after["answers"]) == 1
