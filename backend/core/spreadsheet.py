"""Writing tables as CSV or XLSX for Dutch spreadsheets. Pure: no database.

- CSV: semicolon-separated, UTF-8 with BOM, CRLF — what Dutch Excel opens correctly. Amounts
  (``Decimal``) with a decimal comma (``1250000,50``).
- Cells that would start a spreadsheet formula (``= + - @``) are prefixed with ``'`` in CSV and
  written as text in XLSX, so an export cannot run formulas.
- Control characters are left out of texts: XML (XLSX) cannot carry them, and an import refuses
  them.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from backend.core.money import CENT

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_MAX_CELL_CHARS = 32_767  # what Excel holds in a cell

# C0 controls but tab, line feed and carriage return; DEL; and what XML 1.0 cannot carry.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SHEET_TITLE_ILLEGAL = re.compile(r"[\\/?*\[\]:]")


def download_name(stem: str, name: str, extension: str, fallback: str, today: date) -> str:
    """``betrokkenen-lage-weide-2026-12-04.xlsx``: a file name in plain ASCII from a name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or fallback
    return f"{stem}-{slug}-{today.isoformat()}.{extension}"


def clean_text(text: str) -> str:
    """The text without the characters a file cannot carry or an import refuses."""
    return _ILLEGAL.sub("", text)


def sheet_title(title: str, fallback: str = "Sheet") -> str:
    """A title Excel accepts: at most 31 characters, none of ``\\ / ? * [ ] :``, not starting
    or ending with an apostrophe."""
    cleaned = _SHEET_TITLE_ILLEGAL.sub("-", clean_text(title)).strip().strip("'")
    return cleaned[:31].strip().strip("'") or fallback


def format_amount_nl(amount: Decimal) -> str:
    """``1250000`` or ``1250000,50``: what Dutch Excel reads as a number (and the stakeholder
    import too)."""
    amount = amount.quantize(CENT)
    if amount == amount.to_integral_value():
        return str(int(amount))
    return str(amount).replace(".", ",")


def csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return format_amount_nl(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    text = clean_text(str(value))
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        text = "'" + text
    return text


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([csv_text(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    title: str,
    *,
    widths: Sequence[int] | None = None,
    number_formats: Mapping[int, str] | None = None,
) -> bytes:
    """One sheet, the header row frozen; ``widths`` and ``number_formats`` by column index."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    formats = number_formats or {}
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    for index in range(len(headers)):
        width = widths[index] if widths and index < len(widths) else 14
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(list(headers))
    for row in rows:
        cells: list[WriteOnlyCell] = []
        for index, value in enumerate(row):
            if isinstance(value, str):
                value = clean_text(value)[:XLSX_MAX_CELL_CHARS]
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
            elif index in formats and value is not None:
                cell.number_format = formats[index]
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
