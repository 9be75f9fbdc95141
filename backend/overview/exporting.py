"""The province overview's parks as a spreadsheet: one row per park with its figures, the
headers and the file name in the language asked."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

from backend.core import spreadsheet
from backend.core.regions import Province, provinces
from backend.overview.models import ParkRow

# (header nl, header en, value, width)
_COLUMNS: list[tuple[str, str, Callable[[ParkRow], Any], int]] = [
    ("Park", "Park", lambda r: r.name, 34),
    ("Gemeente", "Municipality", lambda r: r.municipality, 20),
    ("Provincie", "Province", lambda r: provinces()[Province(r.province)].name, 16),
    ("Betrokkenen", "Stakeholders", lambda r: r.stakeholders, 12),
    ("Geïnterviewd", "Interviewed", lambda r: r.interviewed, 12),
    ("Laatste contact", "Last contact", lambda r: r.last_contact, 14),
    ("Open opvolgingen", "Open follow-ups", lambda r: r.open_follow_ups, 12),
    ("Organisatiegraad (niveau)", "Organisatiegraad (level)", lambda r: r.level, 12),
    ("Niveau", "Level name", lambda r: r.level_name, 20),
    ("Score", "Score", lambda r: r.score, 8),
    ("Gemeten op", "Assessed on", lambda r: r.assessed_at.date() if r.assessed_at else None, 12),
    ("Lopende projecten", "Running projects", lambda r: r.projects_running, 12),
    ("Organisaties", "Organisations", lambda r: r.organisations, 12),
    ("Breedtegraad", "Latitude", lambda r: r.latitude, 11),
    ("Lengtegraad", "Longitude", lambda r: r.longitude, 11),
    ("Park-id", "Park id", lambda r: str(r.id), 38),
]


def write(rows: list[ParkRow], export_format: str, language: str) -> tuple[bytes, str]:
    headers = [nl if language == "nl" else en for nl, en, _, _ in _COLUMNS]
    values = ([value(r) for _, _, value, _ in _COLUMNS] for r in rows)
    if export_format == "xlsx":
        title = "Provincieoverzicht" if language == "nl" else "Province overview"
        body = spreadsheet.write_xlsx(
            headers,
            values,
            title,
            widths=[w for _, _, _, w in _COLUMNS],
            number_formats={
                9: "0.0",
                13: "0.00000",
                14: "0.00000",
                5: "dd-mm-yyyy",
                10: "dd-mm-yyyy",
            },
        )
        return body, spreadsheet.XLSX_MEDIA_TYPE
    return spreadsheet.write_csv(headers, values), spreadsheet.CSV_MEDIA_TYPE


def filename(province: str | None, export_format: str, language: str, today: date) -> str:
    """``provincieoverzicht-utrecht-2026-12-04.xlsx`` (Dutch) or ``province-overview-…``."""
    if province is None:
        place = "alle-provincies" if language == "nl" else "all-provinces"
    else:
        name = provinces()[Province(province)].name
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        place = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    stem = "provincieoverzicht" if language == "nl" else "province-overview"
    return f"{stem}-{place}-{today.isoformat()}.{export_format}"
