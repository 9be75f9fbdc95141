"""Input rules shared by every domain: no control characters in texts, strict dates.

- Texts never hold NUL or other C0 control characters (nor DEL). Multi-line texts (notes,
  summaries, descriptions) may hold tab, newline and carriage return; single-line texts
  (names) may not. ``ControlCharacterMiddleware`` (core/middleware.py) refuses them at the
  edge for every query string, path, form and JSON body, with 422; the types below say the
  same per field, so the OpenAPI document and the import follow one rule.
- Dates and timestamps in query parameters and bodies are RFC 3339 text (``2026-12-02``,
  ``2026-12-02T10:00:00Z``); a number is not a date (pydantic would read it as a Unix time).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Strict, StrictBool, StrictInt
from pydantic import Field as PField

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})?$"
)


def control_character(text: str, *, multiline: bool = True) -> str | None:
    """The first forbidden control character in ``text``, or None."""
    found = (_CONTROL if multiline else _CONTROL_OR_BREAK).search(text)
    return found.group() if found else None


def describe(char: str) -> str:
    return f"U+{ord(char):04X}"


def _single_line(value: str) -> str:
    bad = control_character(value, multiline=False)
    if bad is not None:
        raise ValueError(f"may not contain a line break or control character ({describe(bad)})")
    return value


def _multi_line(value: str) -> str:
    bad = control_character(value)
    if bad is not None:
        raise ValueError(f"may not contain a control character ({describe(bad)})")
    return value


SingleLine = Annotated[str, AfterValidator(_single_line)]
"""A text on one line (names): no line breaks, no control characters."""
MultiLine = Annotated[str, AfterValidator(_multi_line)]
"""A text that may hold tabs and line breaks (notes, summaries), no other control characters."""


# Numbers and flags in bodies are what the document says they are: `true` is not 1, "5" is not
# 5, and 0 is not false (pydantic's lax mode would convert all of these).
Number = Annotated[float, Strict()]
"""A JSON number (an integer is a number too); never a boolean or a numeric string."""
WholeNumber = StrictInt
"""A JSON integer; never a boolean, a string or 5.0."""
Flag = StrictBool
"""A JSON boolean; never 0/1 or "true"."""


def _iso_date(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise ValueError("give a date as YYYY-MM-DD")
    return value


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _DATETIME.match(value):
        raise ValueError("give a moment in RFC 3339, e.g. 2026-12-02T10:00:00Z")
    return value


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


IsoDate = Annotated[
    date, BeforeValidator(_iso_date), PField(description="A date, YYYY-MM-DD (RFC 3339)")
]
IsoDateTime = Annotated[
    datetime,
    BeforeValidator(_iso_datetime),
    AfterValidator(_as_utc),
    PField(description="A moment in RFC 3339 (UTC when no offset is given)"),
]
