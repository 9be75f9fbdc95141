"""Writing stakeholder lists as CSV or XLSX, with the Dutch headers and values the import reads
back unchanged. Pure: no database.

- CSV: semicolon-separated, UTF-8 with BOM, CRLF — what Dutch Excel opens correctly. Amounts
  with a decimal comma (``1250000,50``).
- Both formats: phone numbers the Dutch way (``06 12345678``), KvK numbers as text (leading zeros
  kept). Cells that would start a spreadsheet formula (``= + - @``) are prefixed with ``'`` in
  CSV (the import removes it) and written as text in XLSX, so an export cannot run formulas.
- Both formats: control characters are left out of texts. Stored texts cannot hold them any more,
  but older data may, and XML (XLSX) cannot carry them at all; without them the file also
  imports back (the import refuses them)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from backend.stakeholders.importing import EXPORT_HEADERS, dutch_word
from backend.stakeholders.models import PollVote, StakeholderKind, StakeholderRole
from backend.stakeholders.normalise import display_phone, format_amount_nl

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIELDS = tuple(EXPORT_HEADERS)
XLSX_MAX_CELL_CHARS = 32_767  # what Excel holds in a cell

# C0 controls but tab, line feed and carriage return; DEL; and what XML 1.0 cannot carry.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SHEET_TITLE_ILLEGAL = re.compile(r"[\\/?*\[\]:]")


def clean_text(text: str) -> str:
    """The text without the characters a file cannot carry or the import refuses."""
    return _ILLEGAL.sub("", text)


def sheet_title(title: str) -> str:
    """A title Excel accepts: at most 31 characters, none of ``\\ / ? * [ ] :``, not starting
    or ending with an apostrophe."""
    cleaned = _SHEET_TITLE_ILLEGAL.sub("-", clean_text(title)).strip().strip("'")
    return cleaned[:31].strip().strip("'") or "Stakeholders"


def _cell(field: str, value: Any) -> Any:
    """The value as the file shows it: text, or a number for the numeric columns."""
    if value is None:
        return None
    if isinstance(value, str):
        value = clean_text(value)
    if field == "kind":
        return dutch_word(StakeholderKind(value))
    if field == "role":
        return dutch_word(StakeholderRole(value))
    if field == "trial_poll_vote":
        return dutch_word(PollVote(value))
    if field == "phone":
        return display_phone(str(value))
    return value


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_amount_nl(value)
    text = str(value)
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        text = "'" + text
    return text


def write_csv(rows: Iterable[Mapping[str, Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([EXPORT_HEADERS[f] for f in FIELDS])
    for row in rows:
        writer.writerow([_csv_text(_cell(f, row.get(f))) for f in FIELDS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


_NUMBER_FORMATS = {"woz_value_eur": "#,##0.00", "employees": "0"}
_WIDTHS = {"name": 32, "notes": 40, "email": 28, "contact_name": 22, "sector": 18}


def write_xlsx(rows: Iterable[Mapping[str, Any]], title: str = "Stakeholders") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    for index, f in enumerate(FIELDS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(f, 14)
    sheet.freeze_panes = "A2"
    sheet.append([EXPORT_HEADERS[f] for f in FIELDS])
    for row in rows:
        cells: list[WriteOnlyCell] = []
        for f in FIELDS:
            value = _cell(f, row.get(f))
            if isinstance(value, str) and len(value) > XLSX_MAX_CELL_CHARS:
                value = value[:XLSX_MAX_CELL_CHARS]
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
            elif f in _NUMBER_FORMATS and value is not None:
                cell.number_format = _NUMBER_FORMATS[f]
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
