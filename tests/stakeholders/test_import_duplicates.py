"""Likely duplicates in an import: a row that matches no stakeholder by KvK number but has the
same name (normalised) or e-mail as one of the park is listed by the dry run, refused by the
real import without a decision, and updated, created or skipped as the user decides."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.stakeholders.importing import parse_decisions
from backend.stakeholders.normalise import normalise_name
from tests.conftest import problem
from tests.stakeholders.helpers import make_park, make_stakeholder, names

HEADER = "naam;soort;kvk;e-mail;sector\n"


def _upload(
    client: TestClient,
    headers: dict[str, str],
    park_id: str,
    text: str,
    *,
    dry_run: bool = False,
    decisions: dict[str, str] | str | None = None,
) -> Any:
    data = None
    if decisions is not None:
        data = {"decisions": decisions if isinstance(decisions, str) else json.dumps(decisions)}
    return client.post(
        f"/api/v1/parks/{park_id}/stakeholders/import",
        params={"dry_run": "true"} if dry_run else None,
        files={"file": ("stakeholders.csv", (HEADER + text).encode())},
        data=data,
        headers=headers,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bakkerij Müller B.V.", "bakkerij muller bv"),
        ("Bakkerij Müller B.V.", "BAKKERIJ-MULLER"),
        ("V.O.F. De Smid", "de smid v.o.f."),
        ("Jansen B. V.", "Jansen"),
        ("'t Ambacht N.V.", "T Ambacht"),
        ("Café Één", "cafe een"),
    ],
)
def test_normalised_names_ignore_case_accents_punctuation_and_legal_forms(a: str, b: str):
    assert normalise_name(a) == normalise_name(b) != ""


def test_normalised_names_keep_what_tells_organisations_apart():
    assert normalise_name("Jansen Bouw") != normalise_name("Jansen Transport")
    assert normalise_name("BV Nederland") == "nederland"
    assert normalise_name("B.V.") == "bv"  # only a legal form: kept, matches no real name
    assert normalise_name("Bavaria") == "bavaria"  # "bv" only as a whole word
    assert normalise_name("") == ""


def test_decisions_are_parsed_and_bad_ones_are_errors_of_their_row():
    sid = "0b7e7e4e-7d3c-4d7a-9a51-6f5a1f0d3a11"
    decided, errors = parse_decisions(
        json.dumps({"2": f"update:{sid}", "3": "create", "4": "Skip", "5": "merge"})
    )
    assert {r: (d.action, str(d.target) if d.target else None) for r, d in decided.items()} == {
        2: ("update", sid),
        3: ("create", None),
        4: ("skip", None),
    }
    assert [(e.row, e.value) for e in errors] == [(5, "merge")]
    assert parse_decisions(None) == ({}, [])


def _park_with_two(client: TestClient, h: dict[str, str]) -> tuple[dict, dict, dict]:
    park = make_park(client, h)
    muller = make_stakeholder(
        client, h, park["id"], name="Bakkerij Müller B.V.", kvk_number="12345678", email=None
    )
    smit = make_stakeholder(
        client,
        h,
        park["id"],
        name="Smit Installaties",
        kvk_number="23456789",
        email="info@smit.nl",
    )
    return park, muller, smit


FILE = (
    "Bakkerij Muller;ondernemer;99999999;;Voeding\n"  # row 2: same name, new KvK
    "Installatiebedrijf Smit;ondernemer;;INFO@Smit.nl;Techniek\n"  # row 3: same e-mail
    "Nieuw Bedrijf;ondernemer;34567890;;\n"  # row 4: new
)


def test_the_dry_run_lists_duplicates_by_name_and_by_email(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park, muller, smit = _park_with_two(client, h)
    r = _upload(client, h, park["id"], FILE, dry_run=True)
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["created"], report["updated"], report["skipped"]) == (1, 0, 0)
    assert report["duplicates"] == [
        {
            "row": 2,
            "name": "Bakkerij Muller",
            "decision": None,
            "candidates": [
                {
                    "id": muller["id"],
                    "name": "Bakkerij Müller B.V.",
                    "kvk_number": "12345678",
                    "reasons": ["name"],
                }
            ],
        },
        {
            "row": 3,
            "name": "Installatiebedrijf Smit",
            "decision": None,
            "candidates": [
                {
                    "id": smit["id"],
                    "name": "Smit Installaties",
                    "kvk_number": "23456789",
                    "reasons": ["email"],
                }
            ],
        },
    ]


def test_without_decisions_the_import_refuses_and_writes_nothing(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park, muller, _ = _park_with_two(client, h)
    body = problem(_upload(client, h, park["id"], FILE), 422)
    assert [(e["row"], e["column"], e["value"]) for e in body["errors"]] == [
        (2, "naam", "Bakkerij Muller"),
        (3, "naam", "Installatiebedrijf Smit"),
    ]
    first = body["errors"][0]["msg"]
    assert "Bakkerij Müller B.V." in first and muller["id"] in first and "same name" in first
    assert '"update:<id>"' in first and '"create"' in first and '"skip"' in first
    assert "same e-mail" in body["errors"][1]["msg"]
    assert [d["row"] for d in body["duplicates"]] == [2, 3]
    assert sorted(names(client, h, park["id"])) == ["Bakkerij Müller B.V.", "Smit Installaties"]


def test_decisions_update_create_and_skip(client: TestClient, expert_ut, admin):
    h = expert_ut["headers"]
    park, muller, smit = _park_with_two(client, h)
    decisions = {"2": f"update:{muller['id']}", "3": "skip"}
    dry = _upload(client, h, park["id"], FILE, dry_run=True, decisions=decisions)
    assert dry.status_code == 200, dry.text
    assert (dry.json()["created"], dry.json()["updated"], dry.json()["skipped"]) == (1, 1, 1)
    assert [d["decision"] for d in dry.json()["duplicates"]] == [f"update:{muller['id']}", "skip"]

    r = _upload(client, h, park["id"], FILE, decisions=decisions)
    assert r.status_code == 200, r.text
    assert (r.json()["created"], r.json()["updated"], r.json()["skipped"]) == (1, 1, 1)
    got = {
        s["name"]: s
        for s in client.get(f"/api/v1/parks/{park['id']}/stakeholders", headers=h).json()["items"]
    }
    assert set(got) == {"Bakkerij Muller", "Smit Installaties", "Nieuw Bedrijf"}
    updated = got["Bakkerij Muller"]
    assert updated["id"] == muller["id"] and updated["version"] == muller["version"] + 1
    assert updated["kvk_number"] == "99999999" and updated["sector"] == "Voeding"
    assert got["Smit Installaties"]["version"] == smit["version"]  # skipped: untouched
    trail = client.get(f"/api/v1/audit?entity_id={muller['id']}", headers=admin["headers"])
    assert [e["action"] for e in trail.json()["items"]][-1] == "update"

    # The same file again: rows 2 and 4 now match by KvK number; the e-mail row is created.
    again = _upload(client, h, park["id"], FILE, decisions={"3": "create"})
    assert again.status_code == 200, again.text
    counts = {k: again.json()[k] for k in ("created", "updated", "unchanged", "skipped")}
    assert counts == {"created": 1, "updated": 0, "unchanged": 2, "skipped": 0}
    made = [
        s
        for s in client.get(f"/api/v1/parks/{park['id']}/stakeholders", headers=h).json()["items"]
        if s["name"] == "Installatiebedrijf Smit"
    ]
    assert len(made) == 1 and made[0]["id"] != smit["id"]
    trail = client.get(f"/api/v1/audit?entity_id={made[0]['id']}", headers=admin["headers"])
    assert [e["action"] for e in trail.json()["items"]] == ["create"]


def test_decisions_that_do_not_fit_are_errors_of_their_row(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park, _, smit = _park_with_two(client, h)
    r = _upload(
        client,
        h,
        park["id"],
        FILE,
        decisions={
            "2": f"update:{smit['id']}",  # not a candidate of row 2
            "3": "update:0b7e7e4e-7d3c-4d7a-9a51-6f5a1f0d3a11",  # no such stakeholder
            "4": "create",  # not a likely duplicate
            "9": "skip",  # no such row
        },
    )
    body = problem(r, 422)
    by_row = {e["row"]: e["msg"] for e in body["errors"]}
    assert set(by_row) == {2, 3, 4, 9}
    assert "not a likely duplicate of this row" in by_row[2]
    assert "not a likely duplicate of this row" in by_row[3]
    assert "takes no decision" in by_row[4]
    assert "not a data row" in by_row[9]
    bad = problem(_upload(client, h, park["id"], FILE, decisions={"2": "merge"}), 422)
    assert any(e["row"] == 2 and "unknown decision" in e["msg"] for e in bad["errors"])
    for broken in ("[1, 2]", "{not json", '{"two": "skip"}'):
        body = problem(_upload(client, h, park["id"], FILE, decisions=broken), 422)
        assert body["errors"][0]["loc"] == ["body", "decisions"]
    assert sorted(names(client, h, park["id"])) == ["Bakkerij Müller B.V.", "Smit Installaties"]


def test_two_rows_may_not_update_the_same_stakeholder(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park, muller, _ = _park_with_two(client, h)
    file = "Bakkerij Muller;ondernemer;99999999;;\nBakkerij Müller B.V.;ondernemer;12345678;;\n"
    body = problem(
        _upload(client, h, park["id"], file, decisions={"2": f"update:{muller['id']}"}), 422
    )
    assert [(e["row"], "already updated by row 2" in e["msg"]) for e in body["errors"]] == [
        (3, True)
    ]


def test_an_export_imports_back_without_duplicates(client: TestClient, expert_ut):
    h = expert_ut["headers"]
    park, _, _ = _park_with_two(client, h)
    make_stakeholder(client, h, park["id"], name="Gemeente Utrecht", kind="municipality",
                     kvk_number=None, email="info@smit.nl")  # fmt: skip
    export = client.get(f"/api/v1/parks/{park['id']}/stakeholders/export", headers=h)
    r = client.post(
        f"/api/v1/parks/{park['id']}/stakeholders/import",
        files={"file": ("export.csv", export.content)},
        headers=h,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["unchanged"], r.json()["duplicates"]) == (3, [])
