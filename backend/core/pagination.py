"""Cursor (keyset) pagination: ``?limit=`` and ``?cursor=`` → ``{items, next_cursor}``.

A cursor is the sort key of the last item of a page, base64url-encoded; the next page selects the
rows after it with a row-value comparison, so page 40 costs what page 1 costs."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import AfterValidator, BaseModel
from sqlalchemy import Select, bindparam, tuple_
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Mapped
from sqlalchemy.sql.elements import ColumnElement

from backend.core.errors import BadRequest

T = TypeVar("T")
S = TypeVar("S", bound=Select[*tuple[Any, ...]])

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

LimitQuery = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")
]
CursorQuery = Annotated[
    str | None,
    Query(max_length=1000, description="The `next_cursor` of the previous page."),
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"u": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and "t" in value:
        return datetime.fromisoformat(value["t"])
    if isinstance(value, dict) and "d" in value:
        return date.fromisoformat(value["d"])
    if isinstance(value, dict) and "u" in value:
        return uuid.UUID(value["u"])
    return value


def encode_cursor(sort_name: str, values: Sequence[Any]) -> str:
    raw = json.dumps({"s": sort_name, "v": [_encode_value(v) for v in values]})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort_name: str, arity: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if data.get("s") != sort_name or len(data["v"]) != arity:
            raise ValueError("cursor of another list")
        return [_decode_value(v) for v in data["v"]]
    except (ValueError, KeyError, TypeError, binascii.Error, AttributeError) as exc:
        raise BadRequest(
            "The cursor is not valid for this list; start again without a cursor."
        ) from exc


def expression(column: ColumnElement[Any] | Mapped[Any]) -> ColumnElement[Any]:
    if isinstance(column, ColumnElement):
        return column
    return sa_inspect(column).expression  # type: ignore[no-any-return]


def keyset(
    stmt: S,
    columns: Sequence[ColumnElement[Any] | Mapped[Any]],
    sort_name: str,
    cursor: str | None,
    limit: int,
) -> S:
    """Order by ``columns`` (ascending, the last one unique) and start after ``cursor``."""
    cols: list[ColumnElement[Any]] = [expression(c) for c in columns]
    if cursor:
        values = decode_cursor(cursor, sort_name, len(cols))
        bound = [bindparam(None, v, type_=c.type) for c, v in zip(cols, values, strict=True)]
        stmt = stmt.where(tuple_(*cols) > tuple_(*bound))
    return stmt.order_by(*cols).limit(limit + 1)


def page_of(
    rows: Sequence[Any], limit: int, sort_name: str, key: Any
) -> tuple[list[Any], str | None]:
    """Cut the extra row that ``keyset`` fetched and build the next cursor from the last item."""
    items = list(rows[:limit])
    next_cursor = encode_cursor(sort_name, key(items[-1])) if len(rows) > limit else None
    return items, next_cursor


def _as_utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


UpdatedSinceQuery = Annotated[
    datetime | None,
    AfterValidator(_as_utc),
    Query(
        description="Only what changed after this moment (RFC 3339; UTC when no offset is "
        "given). The list is then ordered by `updated_at`, then `id`."
    ),
]
