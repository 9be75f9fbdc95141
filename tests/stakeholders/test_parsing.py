"""The pure parts: phone numbers, KvK numbers, amounts, headers, Dutch values, file formats."""

from __future__ import annotations

import codecs
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from backend.core.errors import PayloadTooLarge, Unprocessable
from backend.stakeholders import exporting, importing
from backend.stakeholders.importing import field_for_header, parse_file, sniff_delimiter
from backend.stakeholders.normalise import (
    display_phone,
    fold,
    format_amount_nl,
    normalise_kvk,
    normalise_phone,
    parse_amount,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("06-12345678", "+31612345678"),
        ("0612345678", "+31612345678"),
        ("06 1234 5678", "+31612345678"),
        ("+31 6 1234 5678", "+31612345678"),
        ("+31 (0)6 12345678", "+31612345678"),
        ("0031 6 12345678", "+31612345678"),
        ("31612345678", "+31612345678"),  # a spreadsheet dropped the "+"
        ("612345678", "+31612345678"),  # a spreadsheet dropped the leading 0
        ("010 123 4567", "+31101234567"),
        ("010-1234567", "+31101234567"),
        ("+31 10 123 4567", "+31101234567"),
        ("030-2345678", "+31302345678"),
        ("0800-1234", "+318001234"),
        ("+32 2 555 12 12", "+3225551212"),
    ],
)
def test_phone_numbers_typed_the_dutch_way_are_stored_the_same(typed: str, stored: str):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("bad", ["0612", "06-1234567890", "phone me", "+31 6", "12"])
def test_impossible_phone_numbers_are_refused_with_an_example(bad: str):
    with pytest.raises(ValueError, match="06-12345678"):
        normalise_phone(bad)


def test_phone_numbers_are_shown_the_dutch_way_in_files():
    assert display_phone("+31612345678") == "06 12345678"
    assert display_phone("+31101234567") == "010 123 4567"
    assert display_phone("+3225551212") == "+32 2 555 12 12"
    for stored in ("+31612345678", "+31101234567", "+3225551212"):
        assert normalise_phone(display_phone(stored)) == stored


def test_kvk_numbers():
    assert normalise_kvk("12345678") == "12345678"
    assert normalise_kvk("1234 5678") == "12345678"
    assert normalise_kvk("12.34.56.78") == "12345678"
    for bad in ("1234567", "123456789", "1234567a", "١٢٣٤٥٦٧٨", ""):
        with pytest.raises(ValueError, match="8 digits"):
            normalise_kvk(bad)


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1250000", "1250000.00"),
        ("1.250.000", "1250000.00"),
        ("1.250.000,50", "1250000.50"),
        ("1,250,000.50", "1250000.50"),
        ("€ 1.250.000,-", "1250000.00"),
        ("EUR 1250000,5", "1250000.50"),
        ("1250000.5", "1250000.50"),
        ("1.500", "1500.00"),  # three digits after a lone separator: thousands
        ("1,500", "1500.00"),
        ("1,50", "1.50"),
        ("0", "0.00"),
    ],
)
def test_amounts_as_people_write_them(written: str, amount: str):
    assert parse_amount(written) == Decimal(amount)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("-5", "negative"),
        ("1,234,5", "not an amount"),
        ("1.2.3", "not an amount"),
        ("twaalf", "not an amount"),
        ("1,255", None),  # 1255: thousands, fine
        ("1.2345", "two decimals"),
        ("1000000000000", "larger"),
    ],
)
def test_amounts_that_are_not(bad: str, message: str | None):
    if message is None:
        assert parse_amount(bad) == Decimal("1255.00")
        return
    with pytest.raises(ValueError, match=message):
        parse_amount(bad)


def test_amounts_are_written_as_dutch_excel_reads_them():
    assert format_amount_nl(Decimal("1250000.00")) == "1250000"
    assert format_amount_nl(Decimal("1250000.5")) == "1250000,50"
    assert parse_amount(format_amount_nl(Decimal("1250000.5"))) == Decimal("1250000.50")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("naam", "name"),
        ("Name", "name"),
        (" NAAM ", "name"),
        ("Soort", "kind"),
        ("kind", "kind"),
        ("KvK", "kvk_number"),
        ("KvK-nummer", "kvk_number"),
        ("kvk_number", "kvk_number"),
        ("Contactpersoon", "contact_name"),
        ("contact_name", "contact_name"),
        ("E-mail", "email"),
        ("e-mailadres", "email"),
        ("Email", "email"),
        ("Telefoon", "phone"),
        ("telefoonnummer", "phone"),
        ("phone", "phone"),
        ("Medewerkers", "employees"),
        ("Rol", "role"),
        ("Invloed", "influence"),
        ("Betrokkenheid", "involvement"),
        ("Betrokkénheid", "involvement"),
        ("WOZ-waarde", "woz_value_eur"),
        ("woz_value_eur", "woz_value_eur"),
        ("Peiling", "trial_poll_vote"),
        ("Notities", "notes"),
        ("Opmerkingen", "notes"),
        ("Favoriete kleur", None),
    ],
)
def test_headers_in_dutch_or_english_case_and_accent_insensitive(header: str, field: str | None):
    assert field_for_header(header) == field


def test_fold():
    assert fold("  Coöperatie-Ü ") == "cooperatieu"


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def _values(content: bytes) -> list[dict]:
    parsed = parse_file(content)
    assert parsed.errors == [], parsed.errors
    return [r.values for r in parsed.rows]


def test_dutch_values_and_defaults():
    rows = _values(
        _csv(
            "naam;soort;rol;peiling\n"
            "A;Ondernemer;Kernteam;Ja\n"
            "B;vastgoedeigenaar;bestuur;nee\n"
            "C;Gemeente;lid;onthouding\n"
            "D;netbeheerder;;\n"
            "E;financier;geen;onbekend\n"
            "F;Parkmanager;core_team;yes\n"
            "G;provincie;board;abstain\n"
            "H;anders;member;no\n"
            "I;property_owner;none;unknown\n"
        )
    )
    assert [(r["kind"], r["role"], r["trial_poll_vote"]) for r in rows] == [
        ("entrepreneur", "core_team", "yes"),
        ("property_owner", "board", "no"),
        ("municipality", "member", "abstain"),
        ("grid_operator", "none", "unknown"),
        ("financier", "none", "unknown"),
        ("park_manager", "core_team", "yes"),
        ("province", "board", "abstain"),
        ("other", "member", "no"),
        ("property_owner", "none", "unknown"),
    ]


def test_delimiters_and_encodings():
    text = 'naam,soort,notities\nCafé Ōsaka,ondernemer,"komma, in de tekst"\n'
    utf8 = _values(_csv(text))
    assert utf8 == [{"name": "Café Ōsaka", "kind": "entrepreneur", "notes": "komma, in de tekst"}]
    semi = "naam;soort;notities\r\nBakkerij Müller;ondernemer;één; twee\r\n".replace(
        "één; twee", '"één; twee"'
    )
    assert _values(codecs.BOM_UTF8 + semi.encode())[0]["notes"] == "één; twee"
    cp = _values(semi.encode("cp1252"))
    assert cp[0]["name"] == "Bakkerij Müller" and cp[0]["notes"] == "één; twee"
    tabbed = "naam\tsoort\nX\tgemeente\n".encode("utf-16")
    assert _values(tabbed) == [{"name": "X", "kind": "municipality"}]
    assert sniff_delimiter('"a;b",c,d\n') == ","
    assert sniff_delimiter("naam\n") == ","


def test_row_numbers_as_excel_shows_them_and_every_error_of_a_row():
    content = _csv(
        "\n"  # an empty first row: the header is row 2
        "Naam;Soort;KvK;E-mail;Telefoon;Invloed;WOZ;Medewerkers\n"
        "Goed BV;ondernemer;12345678;info@goed.nl;06-12345678;3;1.000.000;12\n"
        ";;;;;;;\n"
        "Fout BV;vliegtuig;1234;geen-mail;0612;9;-5;veel\n"
        'Meer regels BV;"ondernemer";;;;;;\n'
        ";gemeente;;;;;;\n"
    )
    parsed = parse_file(content)
    assert [r.row for r in parsed.rows] == [3, 6]
    errors = [(e.row, e.column, e.value) for e in parsed.errors]
    assert errors == [
        (5, "Soort", "vliegtuig"),
        (5, "KvK", "1234"),
        (5, "E-mail", "geen-mail"),
        (5, "Telefoon", "0612"),
        (5, "Invloed", "9"),
        (5, "WOZ", "-5"),
        (5, "Medewerkers", "veel"),
        (7, "Naam", ""),
    ]
    messages = {e.column: e.message for e in parsed.errors}
    assert "ondernemer, vastgoedeigenaar" in messages["Soort"]
    assert "8 digits" in messages["KvK"]
    assert "email" in messages["E-mail"].lower()
    assert "less than or equal to 5" in messages["Invloed"]
    assert "negative" in messages["WOZ"]
    assert "whole number" in messages["Medewerkers"]
    assert "name is required" in messages["Naam"]


def test_unknown_columns_are_warned_about_and_duplicate_columns_refused():
    parsed = parse_file(_csv("naam,soort,Favoriete kleur\nA,gemeente,blauw\n"))
    assert parsed.rows[0].values == {"name": "A", "kind": "municipality"}
    assert parsed.warnings == [
        "Column 'Favoriete kleur' is not known and was ignored. Known columns: naam, soort, kvk, "
        "contactpersoon, e-mail, telefoon, sector, medewerkers, rol, invloed, betrokkenheid, woz, "
        "peiling, notities."
    ]
    with pytest.raises(Unprocessable, match="both hold e-mail"):
        parse_file(_csv("naam,email,e-mail\nA,a@b.nl,a@b.nl\n"))
    with pytest.raises(Unprocessable, match="at least 'naam'"):
        parse_file(_csv("bedrijfs naam x,soort\nA,gemeente\n"))
    for empty in (b"", b"  \n\n", codecs.BOM_UTF8):
        with pytest.raises(Unprocessable, match="empty"):
            parse_file(empty)


def test_files_that_are_not_tables():
    with pytest.raises(Unprocessable, match=r"\.xls\)"):
        parse_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud.xls")
    with pytest.raises(Unprocessable, match="readable Excel"):
        parse_file(b"PK\x03\x04 not really a zip", "kapot.xlsx")
    with pytest.raises(Unprocessable, match="readable Excel"):
        parse_file(b"naam\nA\n", "lijst.xlsx")
    with pytest.raises(Unprocessable, match="binary"):
        parse_file(b"naam\x00soort\n")


def test_row_limit():
    ok = "naam,soort\n" + "A,gemeente\n" * importing.MAX_ROWS
    assert len(parse_file(ok.encode()).rows) == importing.MAX_ROWS
    with pytest.raises(PayloadTooLarge, match="20,000"):
        parse_file((ok + "B,gemeente\n").encode())


def _xlsx(rows: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_cells_as_excel_stores_them():
    content = _xlsx(
        [
            ["Naam", "Soort", "KvK", "Telefoon", "WOZ", "Medewerkers", "Invloed"],
            ["Nul BV", "ondernemer", 1234567, 612345678, 1250000.5, 12.0, 3],
            ["Tekst BV", "gemeente", "01234567", "+31 10 123 4567", "1.250.000,50", "1.200", "4"],
            [None, None, None, None, None, None, None],
        ]
    )
    rows = _values(content)
    assert rows[0] == {
        "name": "Nul BV",
        "kind": "entrepreneur",
        "kvk_number": "01234567",  # Excel dropped the leading zero
        "phone": "+31612345678",
        "woz_value_eur": Decimal("1250000.50"),
        "employees": 12,
        "influence": 3,
    }
    assert rows[1]["kvk_number"] == "01234567" and rows[1]["employees"] == 1200
    assert rows[1]["woz_value_eur"] == Decimal("1250000.50")


def test_exports_cannot_run_formulas_and_read_back_unchanged():
    row = {
        "name": '=HYPERLINK("http://evil")',
        "kind": "other",
        "notes": "- eerste punt\n- tweede punt",
        "phone": "+3225551212",
        "sector": "@risk",
        "role": "none",
        "trial_poll_vote": "unknown",
    }
    csv_bytes = exporting.write_csv([row])
    assert b"'=HYPERLINK" in csv_bytes and b"'- eerste" in csv_bytes
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(exporting.write_xlsx([row]))).worksheets[0]
    assert sheet["A2"].data_type == "s"
    for content in (csv_bytes, exporting.write_xlsx([row])):
        (back,) = _values(content)
        assert back["name"] == row["name"] and back["notes"] == row["notes"]
        assert back["sector"] == "@risk" and back["phone"] == "+3225551212"


# --- hostile input, in small ---------------------------------------------------------------


def test_echo_shortens_long_texts_saying_so_and_shows_control_characters():
    assert importing.echo("kort") == "kort"
    long = importing.echo("x" * 1_000_000)
    assert len(long) == importing.MAX_ECHOED_CHARS
    assert long.startswith("xxx") and long.endswith("… (1,000,000 characters)")
    assert importing.echo(long) == long
    assert importing.echo("a\x00b\x01c\td\ne\x7f") == "a\ufffdb\ufffdc\td\ne\ufffd"
    error = importing.RowError(2, "naam" * 100, "n" * 5000, "m" * 5000)
    assert len(error.column) <= 200 and len(error.value) <= 200 and len(error.message) <= 500


def test_unknown_columns_are_named_in_one_warning():
    parsed = parse_file(_csv("naam,soort,kleur,maat\nA,gemeente,blauw,XL\n"))
    assert parsed.warnings == [
        "Columns 'kleur' and 'maat' are not known and were ignored. Known columns: naam, soort, "
        "kvk, contactpersoon, e-mail, telefoon, sector, medewerkers, rol, invloed, "
        "betrokkenheid, woz, peiling, notities."
    ]
    many = parse_file(_csv("naam," + ",".join(f"k{i}" for i in range(30)) + "\nA\n"))
    (warning,) = many.warnings
    assert "'k19' and 10 more are not known" in warning and "k20" not in warning


def test_a_header_row_may_hold_at_most_max_columns():
    widest = "naam" + ",x" * (importing.MAX_COLUMNS - 1) + ",,,\nA\n"  # empty ones do not count
    assert len(parse_file(_csv(widest)).rows) == 1
    with pytest.raises(Unprocessable, match="257 columns; at most 256"):
        parse_file(_csv("naam" + ",x" * importing.MAX_COLUMNS + "\nA\n"))


def test_control_characters_in_cells_are_errors_of_their_row():
    # (A NUL makes a CSV file binary, refused as a whole; XML cannot hold one at all.)
    parsed = parse_file(_csv('naam;notities\nA\x01;x\nB;"tab\tand\r\nlines"\nC;bel\x07\n'))
    assert [(e.row, e.column, e.message) for e in parsed.errors] == [
        (2, "naam", "contains a control character (U+0001); remove it"),
        (4, "notities", "contains a control character (U+0007); remove it"),
    ]
    assert parsed.errors[0].value == "A\ufffd"
    assert [r.values["notes"] for r in parsed.rows] == ["tab\tand\r\nlines"]


def test_the_delimiter_is_sniffed_from_the_first_line_only():
    assert sniff_delimiter("\n\n  \r\nnaam;soort\nA,B,C,D\n") == ";"
    # Only the first 100,000 characters of the line are looked at.
    assert sniff_delimiter("naam\tsoort" + " " * 100_000 + ";" * 10 + "\n") == "\t"


def test_long_texts_are_folded_but_not_remembered():
    from backend.stakeholders import normalise

    before = normalise._fold_cached.cache_info().currsize
    assert fold("N-a-a-m" + " " * 100_000) == "naam"
    assert normalise._fold_cached.cache_info().currsize == before


def test_exports_leave_out_what_xml_cannot_carry():
    assert exporting.clean_text("a\x00b\x01c\td\re\nf\x7f\ufffeg") == "abc\td\re\nfg"
    assert exporting.sheet_title("Lage Weide / Oost") == "Lage Weide - Oost"
    assert exporting.sheet_title("'[*]'") == "---"
    assert exporting.sheet_title("\x01") == "Stakeholders"
    assert len(exporting.sheet_title("x" * 100)) == 31
    row = {"name": "Naam\x01", "kind": "other", "notes": "a\x02b", "role": "none"}
    row["trial_poll_vote"] = "unknown"
    for content in (exporting.write_csv([row]), exporting.write_xlsx([row], "a/b")):
        (back,) = _values(content)
        assert back["name"] == "Naam" and back["notes"] == "ab"
