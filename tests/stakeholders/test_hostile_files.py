"""Files made to hurt: the import answers them with a small 4xx problem quickly (from a look at
the zip before openpyxl parses anything, where it can), never with a 500 or a huge answer; the
export survives the control characters older data may hold.

The workbooks are built here part by part (hand-written XML in a zip), as an attacker would."""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook
from sqlalchemy import update

from backend.core.db import get_engine
from backend.stakeholders import importing
from backend.stakeholders.models import Stakeholder
from tests.conftest import problem
from tests.stakeholders.helpers import make_park, make_stakeholder, upload

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = (
    XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
PACKAGE_RELS = (
    XML_DECL + f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
    f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    XML_DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
    '<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    XML_DECL + f'<Relationships xmlns="{RELS}">'
    f'<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def shared_cell(ref: str, index: int) -> str:
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def row(number: int, *cells: str) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


HEADER = row(1, text_cell("A1", "naam"), text_cell("B1", "soort"))


def worksheet(rows: str, dimension: str | None = None, prolog: str = XML_DECL) -> str:
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'{prolog}<worksheet xmlns="{MAIN}">{declared}<sheetData>{rows}</sheetData></worksheet>'


def shared_strings(*texts: str) -> str:
    items = "".join(f"<si><t>{t}</t></si>" for t in texts)
    return f'{XML_DECL}<sst xmlns="{MAIN}" uniqueCount="{len(texts)}">{items}</sst>'


def workbook(
    sheet: str | bytes,
    strings: str | bytes | None = None,
    *,
    workbook_xml: str = WORKBOOK,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """An .xlsx with one sheet, as small as Excel reads it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("xl/workbook.xml", workbook_xml)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", strings if strings is not None else shared_strings())
        for name, content in (extra or {}).items():
            z.writestr(name, content)
    return buffer.getvalue()


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def park(client: TestClient, admin: dict[str, Any]) -> dict[str, Any]:
    return make_park(client, admin["headers"])


def post(client: TestClient, admin: dict[str, Any], park: dict[str, Any], content: bytes) -> Any:
    return upload(client, admin["headers"], park["id"], content, "lijst.xlsx", dry_run=True)


def small_problem(response: Any, status: int, limit: int = 20_000) -> dict[str, Any]:
    body = problem(response, status)
    assert len(response.content) < limit, len(response.content)
    return body


def test_a_plain_hand_written_workbook_imports(client: TestClient, admin, park):
    """The builder makes workbooks openpyxl reads: the refusals below are about what is hostile."""
    content = workbook(
        worksheet(HEADER + row(2, shared_cell("A2", 0), text_cell("B2", "gemeente"))),
        shared_strings("Gemeente Utrecht"),
    )
    r = post(client, admin, park, content)
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 1


# --- finding 10: what openpyxl must never get to parse ---------------------------------------


LAUGHS = "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
)  # lol9 is a billion "lol"s


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(
            workbook(
                worksheet(
                    row(1, text_cell("A1", "naam&lol9;")),
                    prolog=XML_DECL + f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{LAUGHS}]>',
                )
            ),
            id="billion-laughs-in-the-sheet",
        ),
        pytest.param(
            workbook(
                worksheet(HEADER),
                XML_DECL
                + '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                + shared_strings("&xxe;").removeprefix(XML_DECL),
            ),
            id="external-entity-in-the-shared-strings",
        ),
        pytest.param(
            workbook(
                worksheet(HEADER),
                (
                    '<?xml version="1.0" encoding="UTF-16"?>'
                    '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]>'
                    + shared_strings("&a;").removeprefix(XML_DECL)
                ).encode("utf-16"),
            ),
            id="a-dtd-in-utf-16",
        ),
        pytest.param(
            workbook(
                worksheet(HEADER),
                workbook_xml=XML_DECL
                + '<!DOCTYPE workbook SYSTEM "http://127.0.0.1:9/dtd">'
                + WORKBOOK.removeprefix(XML_DECL),
            ),
            id="external-dtd-in-the-workbook",
        ),
    ],
)
def test_a_workbook_with_a_dtd_is_refused_before_it_is_parsed(
    client: TestClient, admin, park, content: bytes
):
    body = small_problem(post(client, admin, park, content), 422)
    assert "document type declaration (DTD)" in body["detail"]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(workbook(worksheet(HEADER + "<row r='2'><c r=")), id="sheet-cut-off"),
        pytest.param(workbook(worksheet(HEADER + "<row r='2'>&#1;</row>")), id="sheet-bad-char"),
        pytest.param(workbook(worksheet(HEADER), "<sst><si><t>x</si></sst>"), id="strings-broken"),
        pytest.param(
            workbook(worksheet(HEADER), workbook_xml=WORKBOOK.replace("</sheets>", "</sheet>")),
            id="workbook-broken",
        ),
        pytest.param(
            workbook(
                worksheet(HEADER),
                workbook_xml=WORKBOOK.replace('<sheet name="Blad1" sheetId="1" r:id="rId1"/>', ""),
            ),
            id="no-sheet",
        ),
        pytest.param(
            _zip({"notities.txt": b"naam\nBakkerij Jansen\n"}), id="a-zip-but-no-workbook"
        ),
    ],
)
def test_a_damaged_workbook_is_a_422_not_a_500(client: TestClient, admin, park, content: bytes):
    body = small_problem(post(client, admin, park, content), 422)
    assert "Excel workbook" in body["detail"] or "no sheet" in body["detail"]
    assert body["errors"][0]["loc"] == ["file"]


def test_a_workbook_unpacking_to_more_than_the_limit_is_refused_unread(
    client: TestClient, admin, park
):
    # 60 MB of one letter in a ~60 KB upload: held in memory several times by openpyxl.
    huge = "A" * (60 * 1024 * 1024)
    sheet = worksheet(HEADER + row(2, shared_cell("A2", 0), text_cell("B2", "gemeente")))
    content = workbook(sheet, shared_strings(huge))
    del huge
    assert len(content) < 200_000
    body = small_problem(post(client, admin, park, content), 413)
    assert "unpacks to 60 MB; the limit is 50 MB" in body["detail"]


def test_a_part_compressed_absurdly_well_is_refused_unread(client: TestClient, admin, park):
    # 8 MB in 8 KB: under the size limit, but no spreadsheet compresses a thousand times.
    sheet = worksheet(HEADER + row(2, shared_cell("A2", 0), text_cell("B2", "gemeente")))
    content = workbook(sheet, shared_strings("A" * (8 * 1024 * 1024)))
    assert len(content) < 20_000
    body = small_problem(post(client, admin, park, content), 413)
    assert "xl/sharedStrings.xml" in body["detail"] and "times its size" in body["detail"]


def test_a_workbook_of_too_many_parts_is_refused(client: TestClient, admin, park):
    parts = {f"xl/media/part{i}.bin": b"x" for i in range(1_000)}
    body = small_problem(post(client, admin, park, workbook(worksheet(HEADER), extra=parts)), 422)
    assert "parts" in body["detail"]


@pytest.fixture
def widest_row(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How wide the rows are that the reader hands over; a row padded to Excel's 16,384 columns
    stops the import at once (the old reader padded 25,000 of them, for 40 seconds)."""
    widths: list[int] = []
    read_rows = importing.read_rows

    def counting(content: bytes, filename: str | None = None) -> Iterator[tuple[int, list[Any]]]:
        for number, cells in read_rows(content, filename):
            widths.append(len(cells))
            if len(cells) > 1_000:  # at most MAX_COLUMNS + 1 (above the header row)
                raise AssertionError(f"row {number} was read {len(cells):,} cells wide")
            yield number, cells

    monkeypatch.setattr(importing, "read_rows", counting)
    return widths


def test_a_declared_size_of_16384_columns_is_not_read(client: TestClient, admin, park, widest_row):
    # 1.8 KB: two columns used, 16,384 declared, the last row far down.
    rows = HEADER + "".join(
        row(n, text_cell(f"A{n}", f"Bedrijf {n}"), text_cell(f"B{n}", "ondernemer"))
        for n in (2, 3, importing.MAX_PHYSICAL_ROWS - 1)
    )
    content = workbook(worksheet(rows, dimension=f"A1:XFD{importing.MAX_PHYSICAL_ROWS}"))
    assert len(content) < 3_000
    r = post(client, admin, park, content)
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == 3
    assert len(widest_row) == importing.MAX_PHYSICAL_ROWS - 1  # rows in between come empty
    assert max(widest_row) == 2


def test_cells_far_to_the_right_are_not_read(client: TestClient, admin, park, widest_row):
    far = "XFD"  # column 16,384
    rows = "".join(row(n, text_cell(f"{far}{n}", "x")) for n in range(1, 4))  # above the header
    rows += row(4, text_cell("A4", "naam"), text_cell("B4", "soort"))
    rows += "".join(
        row(
            n,
            text_cell(f"A{n}", f"Bedrijf {n}"),
            text_cell(f"B{n}", "gemeente"),
            text_cell(f"{far}{n}", "x"),
        )
        for n in range(5, 9)
    )
    r = post(client, admin, park, workbook(worksheet(rows)))
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == 4
    assert widest_row[4:] == [2, 2, 2, 2]  # the data rows: as wide as the header row


def test_rows_beyond_the_limit_are_refused_when_the_reader_gets_there(
    client: TestClient, admin, park, widest_row
):
    last = 1_048_576  # Excel's last row
    rows = HEADER + row(
        last, text_cell(f"A{last}", "Ver weg BV"), text_cell(f"B{last}", "gemeente")
    )
    content = workbook(worksheet(rows, dimension=f"A1:XFD{last}"))
    body = small_problem(post(client, admin, park, content), 413)
    assert "more than 25,000 rows" in body["detail"]
    assert len(widest_row) == importing.MAX_PHYSICAL_ROWS + 1  # not a row further


def test_a_header_row_wider_than_the_limit_is_refused(client: TestClient, admin, park):
    content = workbook(worksheet(row(1, text_cell("A1", "naam"), text_cell("XFD1", "kleur"))))
    body = small_problem(post(client, admin, park, content), 422)
    assert "16,384 columns; at most 256" in body["detail"]


# --- finding 11: answers stay small ----------------------------------------------------------


def test_errors_quote_a_long_cell_shortened_and_are_capped(client: TestClient, admin, park):
    # One 20,000-character name shared by 1,000 rows: the old answer quoted it 1,000 times (20 MB).
    rows = HEADER + "".join(
        row(n, shared_cell(f"A{n}", 0), text_cell(f"B{n}", "ondernemer")) for n in range(2, 1002)
    )
    content = workbook(worksheet(rows), shared_strings("N" * 20_000))
    r = post(client, admin, park, content)
    body = small_problem(r, 422, limit=150_000)
    errors = body["errors"]
    assert len(errors) == importing.MAX_REPORTED_ERRORS == 200
    assert "1000 row(s) have errors (1000 in all, the first 200 are listed)" in body["detail"]
    value = errors[0]["value"]
    assert len(value) <= importing.MAX_ECHOED_CHARS
    assert value.startswith("NNNN") and value.endswith("… (20,000 characters)")
    assert errors[0]["row"] == 2 and errors[0]["column"] == "naam"


def test_a_csv_of_100000_unknown_columns_is_a_small_422(client: TestClient, admin, park):
    header = "naam;" + ";".join(f"kolom{i}" for i in range(100_000))
    content = f"{header}\nBakkerij Jansen;{';' * 99_999}\n".encode()
    r = upload(client, admin["headers"], park["id"], content, dry_run=True)
    body = small_problem(r, 422, limit=5_000)
    assert "100,001 columns; at most 256 are read" in body["detail"]


def test_unknown_columns_are_one_warning_naming_twenty(client: TestClient, admin, park):
    header = "naam;soort;" + ";".join(f"kolom{i}" for i in range(200))
    content = f"{header}\nBakkerij Jansen;ondernemer{';' * 200}\n".encode()
    r = upload(client, admin["headers"], park["id"], content, dry_run=True)
    assert r.status_code == 200, r.text
    (warning,) = r.json()["warnings"]
    assert warning.startswith("Columns 'kolom0', 'kolom1', ")
    assert "'kolom19' and 180 more are not known and were ignored. Known columns: naam" in warning
    assert "kolom20" not in warning


@pytest.mark.parametrize(
    ("content", "status", "detail"),
    [
        pytest.param(
            b'naam;notities\nA;"' + b"x" * 200_000 + b'"\n',
            422,
            "field larger than",
            id="huge-field",
        ),
        pytest.param(b'naam\n"' + b"x" * 50_000, 422, "", id="quote-never-closed"),
        pytest.param(b"naam;soort\nA;gemeente\n\x00\x00\x00\n", 422, "binary", id="lone-nuls"),
        pytest.param(
            b"naam\n" + b"\n" * importing.MAX_PHYSICAL_ROWS, 413, "rows", id="only-newlines"
        ),
    ],
)
def test_a_hostile_csv_is_a_small_4xx(
    client: TestClient, admin, park, content: bytes, status: int, detail: str
):
    r = upload(client, admin["headers"], park["id"], content, dry_run=True)
    body = small_problem(r, status, limit=5_000)
    assert detail in body["detail"]


def test_cells_with_control_characters_are_row_errors(client: TestClient, admin, park):
    content = (
        b"naam;soort;kvk;notities\n"
        b'Goed BV;ondernemer;12345678;"regel een\tmet tab\r\nregel twee"\n'
        b'Nul BV;ondernemer;;"tekst met \x01 erin"\n'
        b"Bel\x07 BV;gemeente\x1b;1234\x025678;\n"
    )
    r = upload(client, admin["headers"], park["id"], content, dry_run=True)
    body = problem(r, 422)
    found = [(e["row"], e["column"], e["value"], e["msg"]) for e in body["errors"]]
    assert found == [
        (
            3,
            "notities",
            "tekst met \ufffd erin",
            "contains a control character (U+0001); remove it",
        ),
        (4, "naam", "Bel\ufffd BV", "contains a control character (U+0007); remove it"),
        (4, "soort", "gemeente\ufffd", "contains a control character (U+001B); remove it"),
        (4, "kvk", "1234\ufffd5678", "contains a control character (U+0002); remove it"),
    ]


def test_an_xlsx_cell_with_a_delete_character_is_a_row_error(client: TestClient, admin, park):
    wb = Workbook()
    wb.active.append(["Naam", "Soort"])
    wb.active.append(["Del\x7f BV", "ondernemer"])
    buffer = io.BytesIO()
    wb.save(buffer)
    body = problem(post(client, admin, park, buffer.getvalue()), 422)
    assert [(e["row"], e["msg"]) for e in body["errors"]] == [
        (2, "contains a control character (U+007F); remove it")
    ]


# --- finding 9: the export survives older data -----------------------------------------------


def _store_directly(stakeholder_id: str, **values: Any) -> None:
    """Write as older versions could, past today's validation."""
    table = Stakeholder.__table__  # type: ignore[attr-defined]
    with get_engine().begin() as conn:
        conn.execute(update(table).where(table.c.id == uuid.UUID(stakeholder_id)).values(**values))


def test_the_export_leaves_out_control_characters_of_older_data(client: TestClient, admin):
    h = admin["headers"]
    park = make_park(client, h, name="Lage Weide / Nieuwegein [oost]: fase 1?")
    s = make_stakeholder(client, h, park["id"])
    _store_directly(
        s["id"],
        name="Bakkerij\x01 Jansen",
        notes="Eerste regel\x0bTweede\x1f regel\tmet tab\nen een nieuwe regel\x7f",
        sector="Voeding\x02",
    )
    r = client.get(f"/api/v1/parks/{park['id']}/stakeholders/export?format=xlsx", headers=h)
    assert r.status_code == 200, r.text
    sheet = load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert sheet.title == "Lage Weide - Nieuwegein -oost--"  # 31 characters
    (header, values) = [[c.value for c in cells] for cells in sheet.iter_rows()]
    got = dict(zip(header, values, strict=True))
    assert got["naam"] == "Bakkerij Jansen" and got["sector"] == "Voeding"
    assert got["notities"] == "Eerste regelTweede regel\tmet tab\nen een nieuwe regel"

    for fmt in ("xlsx", "csv"):
        exported = client.get(
            f"/api/v1/parks/{park['id']}/stakeholders/export?format={fmt}", headers=h
        )
        assert exported.status_code == 200, exported.text
        if fmt == "csv":
            assert b"Bakkerij Jansen;" in exported.content and b"\x7f" not in exported.content
        # ... and the file imports back (it updates the stakeholder by its KvK number).
        back = upload(client, h, park["id"], exported.content, f"export.{fmt}", dry_run=True)
        assert back.status_code == 200, back.text
        assert back.json()["updated"] == 1
