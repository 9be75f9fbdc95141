"""Importing stakeholder lists from Excel and CSV (all rows or none), and exporting them so that
they import back unchanged."""

from __future__ import annotations

import codecs
import io
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook

from tests.conftest import problem
from tests.stakeholders.helpers import make_park, make_stakeholder, names, upload

DUTCH_CSV = (
    "Naam;Soort;KvK-nummer;Contactpersoon;E-mail;Telefoon;Sector;Medewerkers;Rol;Invloed;"
    "Betrokkenheid;WOZ-waarde;Peiling;Notities\n"
    "Bakkerij Müller;Ondernemer;12345678;Jürgen Müller;info@muller.nl;06-12345678;Voeding;14;"
    "Kernteam;4;5;€ 1.250.000,50;Ja;Wil meedoen; vraagt naar zonnepanelen\n"
    "Gemeente Utrecht;gemeente;;Ellen Smit;e.smit@utrecht.nl;030 286 0000;;;Bestuur;5;4;;"
    "Onthouding;\n"
    "Vastgoed Fonds NV;vastgoedeigenaar;87654321;;;+31 10 123 4567;Vastgoed;;lid;3;2;"
    "3.400.000;nee;Eigenaar van vijf panden\n"
)


def _semicolon_fix(text: str) -> str:
    # The notes of row 2 hold a semicolon: quote that cell as Excel does.
    return text.replace(
        "Wil meedoen; vraagt naar zonnepanelen", '"Wil meedoen; vraagt naar zonnepanelen"'
    )


def _xlsx(rows: list[list[Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _by_name(client: TestClient, headers, park_id: str) -> dict[str, dict[str, Any]]:
    r = client.get(f"/api/v1/parks/{park_id}/stakeholders?limit=200", headers=headers)
    return {s["name"]: s for s in r.json()["items"]}


def _comparable(stakeholders: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    skip = {"id", "park_id", "created_at", "updated_at", "version"}
    return {n: {k: v for k, v in s.items() if k not in skip} for n, s in stakeholders.items()}


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("cp1252"), id="semicolons-windows-1252"),
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="semicolons-utf8-bom"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="semicolons-crlf"),
    ],
)
def test_expert_imports_an_excel_csv_with_dutch_headers(client: TestClient, expert_ut, encode):
    h = expert_ut["headers"]
    park = make_park(client, h)
    r = upload(client, h, park["id"], encode(_semicolon_fix(DUTCH_CSV)))
    assert r.status_code == 200, r.text
    assert r.json() == {
        "dry_run": False,
        "rows": 3,
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "duplicates": [],
        "warnings": [],
    }
    got = _by_name(client, h, park["id"])
    muller = got["Bakkerij Müller"]
    assert muller["kind"] == "entrepreneur" and muller["kvk_number"] == "12345678"
    assert muller["contact_name"] == "Jürgen Müller" and muller["phone"] == "+31612345678"
    assert muller["woz_value_eur"] == "1250000.50" and muller["employees"] == 14
    assert (muller["role"], muller["influence"], muller["involvement"]) == ("core_team", 4, 5)
    assert muller["trial_poll_vote"] == "yes"
    assert muller["notes"] == "Wil meedoen; vraagt naar zonnepanelen"
    gemeente = got["Gemeente Utrecht"]
    assert (gemeente["kind"], gemeente["role"], gemeente["trial_poll_vote"]) == (
        "municipality",
        "board",
        "abstain",
    )
    assert gemeente["phone"] == "+31302860000" and gemeente["kvk_number"] is None
    fonds = got["Vastgoed Fonds NV"]
    assert fonds["woz_value_eur"] == "3400000.00" and fonds["phone"] == "+31101234567"


def test_import_a_comma_csv_with_english_headers(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    content = (
        b"name,kind,kvk_number,email,phone,role,influence,involvement,woz_value_eur,"
        b"trial_poll_vote,notes\n"
        b'Acme BV,entrepreneur,11223344,info@acme.nl,+31 6 1234 5678,member,2,3,"1,250,000.00",'
        b'unknown,"Notes, with a comma"\n'
        b"Stedin,grid_operator,,,,none,5,2,,unknown,\n"
    )
    r = upload(client, h, park["id"], content)
    assert r.status_code == 200 and r.json()["created"] == 2, r.text
    acme = _by_name(client, h, park["id"])["Acme BV"]
    assert acme["woz_value_eur"] == "1250000.00" and acme["notes"] == "Notes, with a comma"


def test_import_an_xlsx_file(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    content = _xlsx(
        [
            ["Naam", "Soort", "KvK", "Telefoon", "WOZ", "Medewerkers", "Rol", "Peiling"],
            ["Nul Techniek", "ondernemer", 1234567, 612345678, 875000.25, 12, "lid", "ja"],
            ["Enexis", "Netbeheerder", None, "010 123 4567", None, None, None, None],
        ]
    )
    r = upload(client, h, park["id"], content, filename="lijst.xlsx")
    assert r.status_code == 200 and r.json()["created"] == 2, r.text
    nul = _by_name(client, h, park["id"])["Nul Techniek"]
    assert nul["kvk_number"] == "01234567" and nul["phone"] == "+31612345678"
    assert nul["woz_value_eur"] == "875000.25" and nul["role"] == "member"


def test_dry_run_reports_and_writes_nothing(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    make_stakeholder(client, h, park["id"], name="Bestaand BV", kvk_number="12345678")
    r = upload(client, h, park["id"], _semicolon_fix(DUTCH_CSV).encode(), dry_run=True)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "dry_run": True,
        "rows": 3,
        "created": 2,
        "updated": 1,
        "unchanged": 0,
        "skipped": 0,
        "duplicates": [],
        "warnings": [],
    }
    assert names(client, h, park["id"]) == ["Bestaand BV"]
    audit = client.get(f"/api/v1/audit?park_id={park['id']}", headers=h).json()["items"]
    assert [e["entity_type"] for e in audit] == ["park", "stakeholder"]


def test_one_bad_row_writes_nothing_and_every_error_is_listed_then_fixed(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    header = "naam;soort;kvk;e-mail;telefoon;invloed;woz;rol;Favoriete kleur\n"
    good = "Goed BV;ondernemer;11111111;info@goed.nl;06-11111111;3;100000;lid;blauw\n"
    bad = "Fout BV;vliegtuig;1234;geen-mail;0612;9;-5;baas;rood\n"
    also_good = "Ook Goed BV;anders;22222222;;;;;;\n"
    duplicate = "Dubbel BV;ondernemer;11111111;;;;;;\n"
    nameless = ";gemeente;;;;;;;\n"
    content = (header + good + bad + also_good + duplicate + nameless).encode()

    for dry_run in (True, False):
        r = upload(client, h, park["id"], content, dry_run=dry_run)
        body = problem(r, 422)
        assert body["detail"].startswith("Nothing was imported: 3 row(s) have errors (9 in all)")
        assert "1 warning(s)" in body["detail"]  # the unknown column is in warnings, once
        assert any("Favoriete kleur" in w for w in body["warnings"])
        found = [(e["row"], e["column"], e["value"]) for e in body["errors"]]
        assert found == [
            (3, "soort", "vliegtuig"),
            (3, "kvk", "1234"),
            (3, "e-mail", "geen-mail"),
            (3, "telefoon", "0612"),
            (3, "invloed", "9"),
            (3, "woz", "-5"),
            (3, "rol", "baas"),
            (5, "kvk", "11111111"),
            (6, "naam", ""),
        ]
        by_place = {(e["row"], e["column"]): e for e in body["errors"]}
        assert "ondernemer" in by_place[(3, "soort")]["msg"]
        assert "also in row 2" in by_place[(5, "kvk")]["msg"]
        assert by_place[(3, "kvk")]["loc"] == ["file", 3, "kvk"]
        assert all(e["msg"] for e in body["errors"])
    assert names(client, h, park["id"]) == []
    audit = client.get(f"/api/v1/audit?park_id={park['id']}", headers=h).json()["items"]
    assert [e["entity_type"] for e in audit] == ["park"]

    fixed = header + good + "Fout BV;ondernemer;12341234;fout@bv.nl;0612345678;5;0;geen;\n"
    fixed += also_good + nameless.replace(";gemeente", "Gemeente;gemeente")
    r = upload(client, h, park["id"], fixed.encode())
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["created"], report["updated"], report["unchanged"]) == (4, 0, 0)
    assert report["warnings"] == [
        "Column 'Favoriete kleur' is not known and was ignored. Known columns: naam, soort, kvk, "
        "contactpersoon, e-mail, telefoon, sector, medewerkers, rol, invloed, betrokkenheid, woz, "
        "peiling, notities."
    ]

    # The next version of the list: one changed, one new, the rest the same.
    again = fixed.replace(
        "Goed BV;ondernemer;11111111;info@goed.nl;06-11111111;3;",
        "Goed BV;ondernemer;11111111;info@goed.nl;06-11111111;4;",
    )
    again += "Nieuw BV;financier;33333333;;;;;;\n"
    r = upload(client, h, park["id"], again.encode())
    assert r.status_code == 200, r.text
    assert {k: r.json()[k] for k in ("created", "updated", "unchanged")} == {
        "created": 1,
        "updated": 1,
        "unchanged": 3,
    }
    got = _by_name(client, h, park["id"])
    assert got["Goed BV"]["influence"] == 4 and got["Goed BV"]["version"] == 2
    assert got["Fout BV"]["version"] == 1
    assert len(got) == 5

    audit = client.get(f"/api/v1/audit?entity_id={got['Goed BV']['id']}", headers=h).json()["items"]
    assert [e["action"] for e in audit] == ["create", "update"]
    assert audit[0]["changes"]["email"] == {"old": None, "new": "(redacted)"}
    assert audit[1]["changes"] == {"influence": {"old": 3, "new": 4}}


def test_rows_match_on_kvk_number_and_columns_left_out_are_kept(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h)
    st = make_stakeholder(client, h, park["id"])  # KvK 12345678, with a contact person
    gemeente = make_stakeholder(
        client, h, park["id"], name="Gemeente Utrecht", kind="municipality", kvk_number=None
    )
    content = "naam;kvk;telefoon\nBakkerij Jansen & Zn;12345678;010 123 4567\nGemeente Utrecht;;\n"
    r = upload(client, h, park["id"], content.encode())
    assert r.status_code == 200, r.text
    assert (r.json()["updated"], r.json()["unchanged"], r.json()["created"]) == (2, 0, 0)
    after = client.get(f"/api/v1/stakeholders/{st['id']}", headers=h).json()
    assert after["name"] == "Bakkerij Jansen & Zn" and after["phone"] == "+31101234567"
    assert after["contact_name"] == "Anna Jansen" and after["role"] == "core_team"  # kept
    assert after["version"] == 2
    # Without KvK number, the row matched the stakeholder of the same name: nothing new.
    assert len(names(client, h, park["id"])) == 2
    assert client.get(f"/api/v1/stakeholders/{gemeente['id']}", headers=h).json()["phone"] is None

    # A new organisation needs a kind.
    r = upload(client, h, park["id"], b"naam;kvk\nOnbekend BV;99999999\n")
    body = problem(r, 422)
    assert body["errors"][0]["row"] == 2 and body["errors"][0]["column"] == "soort"
    assert "required for a new stakeholder" in body["errors"][0]["msg"]


def test_files_that_cannot_be_read_or_are_too_large(client: TestClient, admin, viewer):
    h = admin["headers"]
    park = make_park(client, h)
    cases = [
        (b"", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".xls"),
        (b"PK\x03\x04garbage", "Excel"),
        (b"soort;kvk\nondernemer;12345678\n", "naam"),
    ]
    for content, words in cases:
        body = problem(upload(client, h, park["id"], content), 422)
        assert words in body["detail"], body
    problem(client.post(f"/api/v1/parks/{park['id']}/stakeholders/import", headers=h), 422)

    too_many = "naam;soort\n" + "A;ondernemer\n" * 20_001
    body = problem(upload(client, h, park["id"], too_many.encode()), 413)
    assert "20,000" in body["detail"]
    huge = b"naam;soort\n" + b"A;ondernemer;" + b"x" * (10 * 1024 * 1024) + b"\n"
    body = problem(upload(client, h, park["id"], huge), 413)
    assert "limit" in body["detail"]
    assert names(client, h, park["id"]) == []

    problem(upload(client, viewer["headers"], park["id"], b"naam;soort\nA;gemeente\n"), 403)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(client: TestClient, admin, fmt: str):
    h = admin["headers"]
    park = make_park(client, h)
    make_stakeholder(client, h, park["id"])
    make_stakeholder(
        client, h, park["id"], name="=SUM(A1:A9) BV", kind="property_owner",
        kvk_number="01234567", phone="+32 2 555 12 12", woz_value_eur="0.10",
        notes="- punt één\n- punt twee; met puntkomma, en komma", role="none",
        trial_poll_vote="no", influence=None, involvement=None, employees=0, email=None,
        contact_name=None, sector="@sector",
    )  # fmt: skip
    make_stakeholder(
        client, h, park["id"], name="Gemeente Utrecht", kind="municipality", kvk_number=None,
        phone="030 286 0000", woz_value_eur=None, trial_poll_vote="abstain", role="board",
    )  # fmt: skip
    for kind in ("grid_operator", "financier", "park_manager", "province", "other"):
        make_stakeholder(client, h, park["id"], name=kind, kind=kind, kvk_number=None)

    r = client.get(f"/api/v1/parks/{park['id']}/stakeholders/export?format={fmt}", headers=h)
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"].startswith(
        'attachment; filename="betrokkenen-terrein-in-utrecht-'
    )
    english = client.get(
        f"/api/v1/parks/{park['id']}/stakeholders/export?format={fmt}",
        headers={**h, "Accept-Language": "en"},
    )
    assert 'filename="stakeholders-terrein-in-utrecht-' in english.headers["content-disposition"]
    assert r.headers["content-disposition"].endswith(f'.{fmt}"')
    if fmt == "csv":
        assert r.headers["content-type"] == "text/csv; charset=utf-8"
        text = r.content.decode("utf-8-sig")
        assert text.splitlines()[0] == (
            "naam;soort;kvk;contactpersoon;e-mail;telefoon;sector;medewerkers;rol;invloed;"
            "betrokkenheid;woz;peiling;notities"
        )
        assert "Bakkerij Jansen;ondernemer;12345678;Anna Jansen;" in text
        assert "06 12345678" in text and "1250000,50" in text and ";kernteam;" in text
        assert "'=SUM" in text  # no formula runs when Excel opens it
    else:
        sheet = load_workbook(io.BytesIO(r.content)).worksheets[0]
        assert [c.value for c in sheet[1]][:3] == ["naam", "soort", "kvk"]
        jansen = next(row for row in sheet.iter_rows() if row[0].value == "Bakkerij Jansen")
        assert jansen[2].value == "12345678" and jansen[2].data_type == "s"
        assert jansen[11].value == 1250000.5

    original = _comparable(_by_name(client, h, park["id"]))
    # Into an empty park: the same stakeholders.
    copy = make_park(client, h, municipality="Nieuwegein")
    imported = upload(client, h, copy["id"], r.content, filename=f"export.{fmt}")
    assert imported.status_code == 200, imported.text
    assert imported.json()["created"] == 8 and imported.json()["warnings"] == []
    copied = _comparable(_by_name(client, h, copy["id"]))
    assert copied == original
    # Into the same park: nothing changes, nothing is added.
    again = upload(client, h, park["id"], r.content, filename=f"export.{fmt}")
    assert again.status_code == 200, again.text
    assert {k: again.json()[k] for k in ("created", "updated", "unchanged")} == {
        "created": 0,
        "updated": 0,
        "unchanged": 8,
    }
    assert _comparable(_by_name(client, h, park["id"])) == original


def test_export_of_an_empty_park_and_bad_format(client: TestClient, viewer, admin):
    park = make_park(client, admin["headers"])
    url = f"/api/v1/parks/{park['id']}/stakeholders/export"
    r = client.get(url, headers=viewer["headers"])
    assert r.status_code == 200 and r.content.decode("utf-8-sig").count("\r\n") == 1
    problem(client.get(f"{url}?format=pdf", headers=viewer["headers"]), 422)


def test_an_import_of_10000_rows_is_written_whole(client: TestClient, admin):
    # Its speed is measured in bench/ (stakeholders_import), not here.
    h = admin["headers"]
    park = make_park(client, h)
    make_stakeholder(client, h, park["id"], kvk_number="10000005")  # one to update
    header = "naam;soort;kvk;contactpersoon;e-mail;telefoon;medewerkers;rol;invloed;woz;peiling\n"
    rows = "".join(
        f"Bedrijf {i:05d};ondernemer;{10_000_000 + i};Persoon {i};p{i}@bedrijf.nl;"
        f"06-{20_000_000 + i};{i % 250};lid;{i % 5 + 1};{i * 1000},50;ja\n"
        for i in range(10_000)
    )
    r = upload(client, h, park["id"], (header + rows).encode())
    assert r.status_code == 200, r.text[:500]
    assert (r.json()["created"], r.json()["updated"]) == (9_999, 1)
    page = client.get(f"/api/v1/parks/{park['id']}/stakeholders?q=10000005", headers=h).json()
    assert [s["name"] for s in page["items"]] == ["Bedrijf 00005"]  # matched on KvK, renamed
    assert page["items"][0]["phone"] == "+31620000005" and page["items"][0]["version"] == 2
    events = client.get(f"/api/v1/audit?park_id={park['id']}&limit=200", headers=h).json()
    assert len(events["items"]) == 200
