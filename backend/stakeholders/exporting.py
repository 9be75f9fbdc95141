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

from collections.abc import Iterable, Mapping
from typing import Any

from backend.core import spreadsheet
from backend.core.spreadsheet import CSV_MEDIA_TYPE as CSV_MEDIA_TYPE
from backend.core.spreadsheet import XLSX_MEDIA_TYPE as XLSX_MEDIA_TYPE
from backend.core.spreadsheet import clean_text as clean_text
from backend.stakeholders.importing import EXPORT_HEADERS, dutch_word
from backend.stakeholders.models import PollVote, StakeholderKind, StakeholderRole
from backend.stakeholders.normalise import display_phone

FIELDS = tuple(EXPORT_HEADERS)


def sheet_title(title: str) -> str:
    return spreadsheet.sheet_title(title, "Stakeholders")


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


def write_csv(rows: Iterable[Mapping[str, Any]]) -> bytes:
    return spreadsheet.write_csv(
        [EXPORT_HEADERS[f] for f in FIELDS],
        ([_cell(f, row.get(f)) for f in FIELDS] for row in rows),
    )


_NUMBER_FORMATS = {"woz_value_eur": "#,##0.00", "employees": "0"}
_WIDTHS = {"name": 32, "notes": 40, "email": 28, "contact_name": 22, "sector": 18}


def write_xlsx(rows: Iterable[Mapping[str, Any]], title: str = "Stakeholders") -> bytes:
    return spreadsheet.write_xlsx(
        [EXPORT_HEADERS[f] for f in FIELDS],
        ([_cell(f, row.get(f)) for f in FIELDS] for row in rows),
        sheet_title(title),
        widths=[_WIDTHS.get(f, 14) for f in FIELDS],
        number_formats={
            i: _NUMBER_FORMATS[f] for i, f in enumerate(FIELDS) if f in _NUMBER_FORMATS
        },
    )
