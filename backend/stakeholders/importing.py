"""Reading stakeholder lists from CSV and Excel files, as people make them. Pure: no database.

- CSV separated by commas, semicolons or tabs; UTF-8 with or without BOM, UTF-16 with BOM, or
  Windows-1252 as Excel writes it. XLSX (the first sheet) through openpyxl.
- Headers in Dutch or English, case- and accent-insensitive (``E-mail``, ``KvK-nummer``,
  ``Betrokkénheid``); unknown columns are reported as warnings, never silently dropped.
- Values in Dutch or English (``ondernemer``/``entrepreneur``, ``kernteam``/``core_team``,
  ``ja``/``yes``), amounts the Dutch way (``1.250.000,00``), phone numbers the Dutch way.
- Rows are numbered as Excel numbers them: the header is row 1 (in a file whose first rows are
  empty, the first non-empty row is the header and keeps its own number).

``parse_file`` returns every row it could read with every error it found; the service decides
what the rows mean for the park (create or update) and writes them all or none.

Files come from anyone who can write a park, so reading one is bounded whatever it holds:

- At most ``MAX_PHYSICAL_ROWS`` rows (refused with 413 as soon as the reader gets there) and
  ``MAX_COLUMNS`` columns in the header row (422). Only the columns up to the last header are
  read; what a workbook declares as its size (``<dimension ref="A1:XFD25000">``) is ignored.
- A workbook is inspected before openpyxl reads it: at most ``MAX_XLSX_PARTS`` parts, unpacking
  to at most ``MAX_XLSX_UNPACKED_BYTES`` in all, none compressed more than
  ``MAX_COMPRESSION_RATIO`` times (413); no part may have a DTD (``<!DOCTYPE``, and so no
  ``<!ENTITY``) (422). Whatever openpyxl cannot read is a damaged workbook (422), never a 500.
- Answers are bounded too: a cell, a header or a message is echoed in at most
  ``MAX_ECHOED_CHARS`` characters (``RowError``), unknown columns are one warning naming at most
  ``MAX_LISTED_COLUMNS`` of them, at most ``MAX_WARNINGS`` warnings, and the service lists at most
  ``MAX_REPORTED_ERRORS`` errors.
- Cells may not hold NUL or other control characters (tab and line breaks are fine): stored
  texts never do, so such a cell is an error of its row."""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import re
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar
from xml.parsers.expat import ExpatError, ParserCreate

from pydantic import ValidationError

from backend.core.errors import PayloadTooLarge, Unprocessable
from backend.core.inputs import control_character, describe
from backend.core.money import check_amount
from backend.stakeholders.models import (
    PollVote,
    StakeholderKind,
    StakeholderRole,
    StakeholderUpdate,
)
from backend.stakeholders.normalise import fold, parse_amount

log = logging.getLogger("parkregie.import")

MAX_ROWS = 20_000
MAX_PHYSICAL_ROWS = MAX_ROWS + 5_000  # data rows plus empty ones in between
MAX_COLUMNS = 256  # as many as Excel 2003 had; the header row may not reach further
MAX_REPORTED_ERRORS = 200  # errors listed in an answer (the service counts all of them)
MAX_WARNINGS = 20
MAX_LISTED_COLUMNS = 20  # unknown columns named in their warning
MAX_ECHOED_CHARS = 200  # of a cell or a header, in an error or a warning
MAX_MESSAGE_CHARS = 500
# A 20,000-row export with notes unpacks to about 20 MB; 50 MB is five times the default upload
# limit (PARKREGIE_MAX_UPLOAD_BYTES) and bounds what openpyxl holds and works through.
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_XLSX_PARTS = 1_000
# Real workbooks compress their parts 2 to 20 times; deflate cannot do more than about 1,030.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECKED_FROM_BYTES = 1024 * 1024  # smaller parts cannot unpack to much anyway

# field -> (the header exports use, the other names accepted). Matching folds case, accents,
# spaces and punctuation: "E-mail adres" matches "emailadres".
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("naam", ("name", "bedrijfsnaam", "organisatie", "organisation", "organization",
                      "bedrijf", "company", "naamorganisatie")),
    "kind": ("soort", ("kind", "type", "categorie", "category", "soortstakeholder")),
    "kvk_number": ("kvk", ("kvknummer", "kvknumber", "kvknr", "kvk_number")),
    "contact_name": ("contactpersoon", ("contactname", "contact_name", "contactperson",
                                        "contact", "naamcontactpersoon")),
    "email": ("e-mail", ("email", "emailadres", "emailaddress", "mail")),
    "phone": ("telefoon", ("phone", "telefoonnummer", "tel", "telnr", "phonenumber", "mobiel")),
    "sector": ("sector", ("branche", "industry")),
    "employees": ("medewerkers", ("employees", "aantalmedewerkers", "werknemers",
                                  "aantalwerknemers")),
    "role": ("rol", ("role",)),
    "influence": ("invloed", ("influence",)),
    "involvement": ("betrokkenheid", ("involvement",)),
    "woz_value_eur": ("woz", ("wozwaarde", "woz_value_eur", "wozvalue", "wozwaardeeur",
                              "wozvalueeur")),
    "trial_poll_vote": ("peiling", ("proefpeiling", "trial_poll_vote", "trialpollvote", "stem",
                                    "vote")),
    "notes": ("notities", ("notes", "opmerkingen", "toelichting", "notitie")),
}  # fmt: skip

EXPORT_HEADERS: dict[str, str] = {f: names[0] for f, names in COLUMNS.items()}
_HEADER_TO_FIELD: dict[str, str] = {
    fold(name): f for f, (main, others) in COLUMNS.items() for name in (main, f, *others)
}

# Dutch words (what exports write) and the other words accepted, per value.
KIND_WORDS: dict[StakeholderKind, tuple[str, ...]] = {
    StakeholderKind.entrepreneur: ("ondernemer", "ondernemers", "bedrijf", "onderneming"),
    StakeholderKind.property_owner: ("vastgoedeigenaar", "vastgoedeigenaren", "eigenaar",
                                     "pandeigenaar", "vastgoed", "belegger"),
    StakeholderKind.municipality: ("gemeente",),
    StakeholderKind.grid_operator: ("netbeheerder",),
    StakeholderKind.financier: ("financier", "financiers", "bank", "financierder"),
    StakeholderKind.park_manager: ("parkmanager", "parkmanagement", "parkmanagementorganisatie"),
    StakeholderKind.province: ("provincie",),
    StakeholderKind.other: ("anders", "overig", "overige", "ander"),
}  # fmt: skip
ROLE_WORDS: dict[StakeholderRole, tuple[str, ...]] = {
    StakeholderRole.none: ("geen", "nee", "-"),
    StakeholderRole.member: ("lid", "leden", "deelnemer"),
    StakeholderRole.core_team: ("kernteam", "kernteamlid"),
    StakeholderRole.board: ("bestuur", "bestuurslid", "bestuurder"),
}
VOTE_WORDS: dict[PollVote, tuple[str, ...]] = {
    PollVote.yes: ("ja", "voor", "j", "y"),
    PollVote.no: ("nee", "tegen", "n"),
    PollVote.abstain: ("onthouding", "onthouden", "blanco", "neutraal"),
    PollVote.unknown: ("onbekend", "?", "weetniet"),
}


E = TypeVar("E", StakeholderKind, StakeholderRole, PollVote)


def _lookup(words: dict[E, tuple[str, ...]]) -> dict[str, E]:
    out: dict[str, E] = {}
    for value in words:
        aliases: tuple[str, ...] = words[value]
        for name in (str(value.value), *aliases):
            out[fold(name) or name] = value
    return out


_KIND = _lookup(KIND_WORDS)
_ROLE = _lookup(ROLE_WORDS)
_VOTE = _lookup(VOTE_WORDS)
_ENUM_FIELDS: dict[str, tuple[dict[str, Any], dict[Any, tuple[str, ...]]]] = {
    "kind": (_KIND, KIND_WORDS),
    "role": (_ROLE, ROLE_WORDS),
    "trial_poll_vote": (_VOTE, VOTE_WORDS),
}
# An empty cell in these columns means the default, not "no value".
EMPTY_MEANS = {"role": StakeholderRole.none.value, "trial_poll_vote": PollVote.unknown.value}


def dutch_word(value: StakeholderKind | StakeholderRole | PollVote) -> str:
    words: dict[Any, tuple[str, ...]] = (
        KIND_WORDS
        if isinstance(value, StakeholderKind)
        else ROLE_WORDS
        if isinstance(value, StakeholderRole)
        else VOTE_WORDS
    )
    return words[value][0]


def field_for_header(header: str) -> str | None:
    return _HEADER_TO_FIELD.get(fold(header))


# --- the result ------------------------------------------------------------------------------


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def echo(text: str, limit: int = MAX_ECHOED_CHARS) -> str:
    """``text`` as an answer may quote it: control characters shown as U+FFFD, and at most
    ``limit`` characters, saying when it was cut (``"aaaa… (1,000,000 characters)"``).
    ``echo(echo(t)) == echo(t)``."""
    if len(text) > limit:
        note = f"… ({len(text):,} characters)"
        text = text[: max(limit - len(note), 0)] + note
    return _UNPRINTABLE.sub("\ufffd", text)


@dataclass
class RowError:
    """An error of one row. The value and the column are the cell and the header as written,
    shortened (``echo``) so that an answer listing many errors stays small."""

    row: int
    column: str
    value: str
    message: str

    def __post_init__(self) -> None:
        self.column = echo(self.column)
        self.value = echo(self.value)
        self.message = echo(self.message, MAX_MESSAGE_CHARS)


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]  # only the fields whose column is in the file; canonical values
    cells: dict[str, str]  # field -> the cell as written, for error messages


@dataclass
class ParsedFile:
    headers: dict[str, str]  # field -> header as written in the file
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- reading the table -----------------------------------------------------------------------

Cell = str | int | float | Decimal | datetime | date | bool | None


def _file_error(message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"loc": ["file"], "msg": message}])


def decode_text(content: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252 as Excel writes it."""
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16", errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        return content.decode("latin-1")


_SNIFFED_CHARS = 100_000
_FIRST_TEXT = re.compile(r"[^\s]")


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of ``;``, ``,`` and tab (in its first
    ``_SNIFFED_CHARS`` characters)."""
    found = _FIRST_TEXT.search(text)
    first = ""
    if found is not None:
        start = max(text.rfind("\n", 0, found.start()), text.rfind("\r", 0, found.start())) + 1
        first = text[start : start + _SNIFFED_CHARS].splitlines()[0]
    counts = {d: 0 for d in (";", ",", "\t")}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(content: bytes) -> Iterator[tuple[int, list[Cell]]]:
    text = decode_text(content)
    if "\x00" in text:
        raise _file_error("The file is not a CSV text file (it contains binary data).")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        for number, record in enumerate(reader, start=1):
            yield number, list(record)
    except csv.Error as exc:
        raise _file_error(f"The CSV file cannot be read: {exc}.") from exc


_NOT_A_WORKBOOK = (
    "The file is not a readable Excel workbook (.xlsx); save it again as .xlsx or CSV."
)
_DAMAGED = "The Excel workbook is damaged; save it again as .xlsx or CSV."


class _Doctype(Exception):
    pass


class _RootElement(Exception):
    pass


def _raise_doctype(*_: object) -> None:
    raise _Doctype


def _raise_root(*_: object) -> None:
    raise _RootElement


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the part is XML with a DTD. A DTD comes before the root element, so the part is
    read only up to there. Parts that are not XML (images) or broken are left to openpyxl,
    whose parser is the same expat and refuses them in the same way."""
    parser = ParserCreate()
    parser.StartDoctypeDeclHandler = _raise_doctype
    parser.EntityDeclHandler = _raise_doctype
    parser.StartElementHandler = _raise_root
    with archive.open(info) as part:
        while chunk := part.read(64 * 1024):
            try:
                parser.Parse(chunk, False)
            except _Doctype:
                return True
            except (_RootElement, ExpatError):
                return False
    return False


def check_workbook(content: bytes) -> None:
    """Refuse a workbook that would make openpyxl work or hold far more than its size says:
    too many parts, too much unpacked, a part compressed absurdly well (413), a DTD (422)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except Exception as exc:  # BadZipFile, but a hostile header can raise more than that
        raise _file_error(_NOT_A_WORKBOOK) from exc
    with archive:
        parts = [info for info in archive.infolist() if not info.is_dir()]
        if len(parts) > MAX_XLSX_PARTS:
            raise _file_error(
                f"The workbook has {len(parts):,} parts; a workbook has at most "
                f"{MAX_XLSX_PARTS:,}. Save it again as .xlsx or CSV."
            )
        unpacked = sum(info.file_size for info in parts)
        limit_mb = MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)
        if unpacked > MAX_XLSX_UNPACKED_BYTES:
            raise PayloadTooLarge(
                f"The workbook unpacks to {unpacked / (1024 * 1024):,.0f} MB; the limit is "
                f"{limit_mb} MB. Split it into smaller files, or save it as CSV."
            )
        for info in parts:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size >= RATIO_CHECKED_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
                raise PayloadTooLarge(
                    f"The workbook part {echo(info.filename, 100)!r} unpacks to {ratio:,.0f} "
                    f"times its size; Excel files are never compressed more than "
                    f"{MAX_COMPRESSION_RATIO} times. Save it again as .xlsx or CSV."
                )
        for info in parts:
            try:
                doctype = info.file_size > 0 and _has_doctype(archive, info)
            except Exception as exc:  # a bad CRC, an encrypted part, an unknown compression
                raise _file_error(_DAMAGED) from exc
            if doctype:
                raise _file_error(
                    f"The workbook part {echo(info.filename, 100)!r} has a document type "
                    "declaration (DTD), which Excel never writes; save the file again as .xlsx "
                    "or CSV."
                )


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list[Cell]]]:
    check_workbook(content)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises anything on a hostile file: never a 500
        log.info("unreadable workbook: %s: %s", type(exc).__name__, echo(str(exc), 300))
        raise _file_error(_NOT_A_WORKBOOK) from exc
    try:
        yield from _sheet_rows(workbook)
    except (PayloadTooLarge, Unprocessable):
        raise
    except Exception as exc:
        log.info("damaged workbook: %s: %s", type(exc).__name__, echo(str(exc), 300))
        raise _file_error(_DAMAGED) from exc
    finally:
        workbook.close()


def _sheet_rows(workbook: Any) -> Iterator[tuple[int, list[Cell]]]:
    """The first sheet's rows, each only as wide as the header row (after it). Missing rows
    come as empty ones, so the numbers are Excel's."""
    if not workbook.worksheets:
        raise _file_error("The workbook has no sheet; save it again as .xlsx or CSV.")
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()  # the declared size pads every row to it: read what is there
    header_row = 0
    # The rows above the header: within the first MAX_COLUMNS + 1 columns (the header row may
    # not reach further, so wider ones are not needed to find it).
    above = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
    for number, values in enumerate(above, start=1):
        cells = list(values)
        if not _is_empty(cells):
            header_row = number
            break
        yield number, cells
    above.close()
    if not header_row:
        return
    # The header row itself in full, so that parse_file sees every header it has.
    header = sheet.iter_rows(min_row=header_row, max_row=header_row, values_only=True)
    cells = list(next(header, ()))
    header.close()
    yield header_row, cells
    width = min(max((i + 1 for i, c in enumerate(cells) if cell_text(c)), default=1), MAX_COLUMNS)
    rows = sheet.iter_rows(min_row=header_row + 1, max_col=width, values_only=True)
    for number, values in enumerate(rows, start=header_row + 1):
        yield number, list(values)


def read_rows(content: bytes, filename: str | None = None) -> Iterator[tuple[int, list[Cell]]]:
    """The rows of the file as ``(row number, cells)``, whatever the format."""
    name = (filename or "").lower()
    if content.startswith(b"PK\x03\x04"):
        return _xlsx_rows(content)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise _file_error(
            "Old Excel files (.xls) and password-protected workbooks are not supported; save the "
            "sheet as .xlsx (without a password) or as CSV."
        )
    if name.endswith((".xlsx", ".xlsm")):
        raise _file_error("The file is not a readable Excel workbook (.xlsx).")
    if not content.strip():
        raise _file_error("The file is empty.")
    return _csv_rows(content)


# --- cells -----------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@")


def cell_text(cell: Cell) -> str:
    """The cell as a person reads it (``12.0`` from Excel is ``12``)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "ja" if cell else "nee"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    text = str(cell).strip()
    # Exports protect cells against formula injection with a leading apostrophe: undo that.
    if text.startswith("'") and text[1:2] in _FORMULA_START:
        text = text[1:]
    return text


def _is_empty(cells: list[Cell]) -> bool:
    return cells.count(None) == len(cells) or all(cell_text(c) == "" for c in cells)


def _whole_number(cell: Cell) -> int:
    if isinstance(cell, bool):
        raise ValueError("not a whole number")
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float | Decimal):
        if cell != int(cell):
            raise ValueError("not a whole number")
        return int(cell)
    text = cell_text(cell).replace(" ", "").replace("\u00a0", "")
    # "1.200" and "1,200" group thousands; "3,0" is three.
    if text.replace(".", "").replace(",", "").isdigit():
        parts = text.replace(",", ".").split(".")
        if len(parts) == 1:
            return int(parts[0])
        if all(len(p) == 3 for p in parts[1:]):
            return int("".join(parts))
        if len(parts) == 2 and set(parts[1]) == {"0"}:
            return int(parts[0])
    raise ValueError("not a whole number")


def _convert(field_name: str, cell: Cell) -> Any:
    """A cell to the canonical API value of ``field_name``; ``ValueError`` says what is wrong."""
    text = cell_text(cell)
    if text == "":
        return EMPTY_MEANS.get(field_name)
    if field_name in _ENUM_FIELDS:
        lookup, words = _ENUM_FIELDS[field_name]
        found = lookup.get(fold(text) or text)
        if found is None:
            accepted = ", ".join(names[0] for names in words.values())
            raise ValueError(f"unknown value; use one of: {accepted}")
        return found.value
    if field_name == "kvk_number":
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            # Excel stores 01234567 as the number 1234567: give the leading zeros back.
            number = _whole_number(cell)
            if 0 < number < 10**8:
                return f"{number:08d}"
        return text
    if field_name == "phone" and isinstance(cell, int | float) and not isinstance(cell, bool):
        return str(_whole_number(cell))  # 612345678: Excel dropped the leading zero
    if field_name in ("employees", "influence", "involvement"):
        return _whole_number(cell)
    if field_name == "woz_value_eur":
        if isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
            try:
                return check_amount(Decimal(str(cell)))
            except InvalidOperation as exc:
                raise ValueError("not an amount in euros") from exc
        return parse_amount(text)
    return text


def _message(err: dict[str, Any]) -> str:
    msg = str(err.get("msg", "invalid"))
    return msg.removeprefix("Value error, ")


# --- the whole file --------------------------------------------------------------------------


def _known_columns() -> str:
    return "Known columns: " + ", ".join(EXPORT_HEADERS.values()) + "."


def _unknown_columns_warning(unknown: list[str]) -> str:
    """One warning for all unknown columns, naming the first ``MAX_LISTED_COLUMNS``."""
    if len(unknown) == 1:
        return f"Column '{echo(unknown[0])}' is not known and was ignored. {_known_columns()}"
    listed = [f"'{echo(h, 60)}'" for h in unknown[:MAX_LISTED_COLUMNS]]
    if len(unknown) > MAX_LISTED_COLUMNS:
        names = ", ".join(listed) + f" and {len(unknown) - MAX_LISTED_COLUMNS:,} more"
    else:
        names = ", ".join(listed[:-1]) + " and " + listed[-1]
    return f"Columns {names} are not known and were ignored. {_known_columns()}"


def _map_headers(number: int, header_cells: list[Cell], parsed: ParsedFile) -> dict[int, str]:
    texts = [cell_text(cell) for cell in header_cells]
    width = max((i + 1 for i, text in enumerate(texts) if text), default=0)
    if width > MAX_COLUMNS:
        message = (
            f"The first row (row {number}) has {width:,} columns; at most {MAX_COLUMNS} are "
            "read. Remove the columns that are not needed. " + _known_columns()
        )
        raise Unprocessable(
            message,
            errors=[
                {"loc": ["file", number], "msg": message, "row": number, "column": "", "value": ""}
            ],
        )
    columns: dict[int, str] = {}
    unknown: list[str] = []
    for index, text in enumerate(texts[:width]):
        if not text:
            continue
        header = echo(text)  # as the answers quote it
        target = field_for_header(text)
        if target is None:
            unknown.append(text)
            continue
        if target in parsed.headers:
            raise Unprocessable(
                f"The columns '{parsed.headers[target]}' and '{header}' both hold "
                f"{EXPORT_HEADERS[target]}; keep one.",
                errors=[
                    {
                        "loc": ["file", number, header],
                        "msg": "duplicate column",
                        "row": number,
                        "column": header,
                        "value": header,
                    }
                ],
            )
        parsed.headers[target] = header
        columns[index] = target
    if unknown:
        parsed.warnings.append(_unknown_columns_warning(unknown))
    if "name" not in parsed.headers:
        message = (
            "The file has no column with the organisation's name: the first row must hold the "
            "column names, with at least 'naam' (or 'name'). " + _known_columns()
        )
        raise Unprocessable(
            message,
            errors=[
                {"loc": ["file", number], "msg": message, "row": number, "column": "", "value": ""}
            ],
        )
    return columns


def parse_file(content: bytes, filename: str | None = None) -> ParsedFile:
    """Read and check every row. File-level problems (unreadable, no name column) raise 422;
    too many rows raise 413; row problems are collected in ``errors``."""
    parsed = ParsedFile(headers={})
    columns: dict[int, str] | None = None
    data_rows = 0
    for number, cells in read_rows(content, filename):
        if number > MAX_PHYSICAL_ROWS:
            raise PayloadTooLarge(
                f"The file has more than {MAX_PHYSICAL_ROWS:,} rows; the limit is "
                f"{MAX_ROWS:,} stakeholders per file. Split it into smaller files."
            )
        if _is_empty(cells):
            continue
        if columns is None:
            columns = _map_headers(number, cells, parsed)
            continue
        data_rows += 1
        if data_rows > MAX_ROWS:
            raise PayloadTooLarge(
                f"The file has more than {MAX_ROWS:,} stakeholders; the limit is {MAX_ROWS:,} "
                "per file. Split it into smaller files."
            )
        _parse_row(number, cells, columns, parsed)
    if columns is None:
        raise _file_error("The file is empty.")
    if len(parsed.warnings) > MAX_WARNINGS:
        more = len(parsed.warnings) - (MAX_WARNINGS - 1)
        parsed.warnings[MAX_WARNINGS - 1 :] = [f"And {more:,} more warnings."]
    return parsed


def _parse_row(number: int, cells: list[Cell], columns: dict[int, str], parsed: ParsedFile) -> None:
    values: dict[str, Any] = {}
    texts: dict[str, str] = {}
    errors: list[RowError] = []
    for index, target in columns.items():
        cell = cells[index] if index < len(cells) else None
        texts[target] = cell_text(cell)
        bad = control_character(texts[target])
        if bad is not None:
            message = f"contains a control character ({describe(bad)}); remove it"
            errors.append(RowError(number, parsed.headers[target], texts[target], message))
            continue
        try:
            values[target] = _convert(target, cell)
        except ValueError as exc:
            errors.append(RowError(number, parsed.headers[target], texts[target], str(exc)))
    if not values.get("name") and "name" in values:
        errors.append(
            RowError(number, parsed.headers["name"], texts.get("name", ""), "a name is required")
        )
    if "kind" in values and values["kind"] is None:
        errors.append(RowError(number, parsed.headers["kind"], "", "the kind (soort) is required"))
    failed = {e.column for e in errors}
    checkable = {
        k: v
        for k, v in values.items()
        if parsed.headers[k] not in failed and not (k in ("name", "kind") and not v)
    }
    try:
        model = StakeholderUpdate.model_validate(checkable)
    except ValidationError as exc:
        for err in exc.errors():
            target = str(err["loc"][0]) if err.get("loc") else "name"
            column = parsed.headers.get(target, target)
            errors.append(RowError(number, column, texts.get(target, ""), _message(dict(err))))
    else:
        dumped = model.model_dump(mode="python", exclude_unset=True)
        for key in values:
            if key in dumped:
                value = dumped[key]
                values[key] = value.value if hasattr(value, "value") else value
    if errors:
        order = list(parsed.headers.values())
        parsed.errors.extend(sorted(errors, key=lambda e: order.index(e.column)))
        return
    parsed.rows.append(ParsedRow(number, values, texts))


# --- decisions on likely duplicates ----------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What to do with a row that looks like an existing stakeholder: ``update`` it (the
    stakeholder ``target``), ``create`` a new one anyway, or ``skip`` the row."""

    action: str  # "update" | "create" | "skip"
    target: uuid.UUID | None = None
    written: str = ""  # as sent, for error messages


MAX_DECISIONS = MAX_ROWS
_DECISION_HELP = 'use "update:<stakeholder id>", "create" or "skip"'


def _decisions_error(message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"loc": ["body", "decisions"], "msg": message}])


def parse_decisions(text: str | None) -> tuple[dict[int, Decision], list[RowError]]:
    """The form field ``decisions``: a JSON object from row number (as Excel numbers it, as a
    string) to ``"update:<stakeholder id>"``, ``"create"`` or ``"skip"``. Not a JSON object, or
    a key that is no row number, is a 422 of the field; a value that is none of those three
    is an error of its row."""
    if text is None or not text.strip():
        return {}, []
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise _decisions_error(
            'decisions is not valid JSON; send an object such as {"3": "skip"}'
        ) from exc
    if not isinstance(raw, dict):
        raise _decisions_error('decisions must be a JSON object such as {"3": "skip"}')
    if len(raw) > MAX_DECISIONS:
        raise _decisions_error(f"decisions holds more than {MAX_DECISIONS:,} rows")
    out: dict[int, Decision] = {}
    errors: list[RowError] = []
    for key, value in raw.items():
        if not (isinstance(key, str) and key.isascii() and key.isdigit() and len(key) <= 9):
            raise _decisions_error(
                f"decisions: {echo(str(key), 60)!r} is not a row number; the keys are the "
                "rows as the spreadsheet numbers them (the header is row 1)"
            )
        row = int(key)
        written = value if isinstance(value, str) else json.dumps(value)[:MAX_ECHOED_CHARS]
        action, _, rest = written.strip().partition(":")
        action = action.strip().casefold()
        if action in ("create", "skip") and not rest:
            out[row] = Decision(action, None, written)
            continue
        if action == "update":
            try:
                out[row] = Decision("update", uuid.UUID(rest.strip()), written)
                continue
            except ValueError:
                pass
        errors.append(RowError(row, "decisions", written, f"unknown decision; {_DECISION_HELP}"))
    return out, errors
