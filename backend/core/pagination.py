"""Cursor (keyset) pagination: ``?limit=`` and ``?cursor=`` → ``{items, next_cursor}``.

A cursor is the sort key of the last item of a page, base64url-encoded; the next page selects the
rows after it with a row-value comparison, so page 40 costs what page 1 costs."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import Select, bindparam, tuple_
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Mapped
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

from backend.core.errors import BadRequest
from backend.core.inputs import IsoDateTime, control_character

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


def _decode_value(value: Any, expected: type | None) -> Any:
    """One value of a cursor, checked against the type of its column: a cursor is input from
    the client like any other, and a forged one must be a 400, never a database error."""
    if isinstance(value, dict):
        if set(value) == {"t"} and isinstance(value["t"], str):
            decoded: Any = datetime.fromisoformat(value["t"])
            if decoded.tzinfo is None:
                raise ValueError("naive datetime in cursor")
        elif set(value) == {"d"} and isinstance(value["d"], str):
            decoded = date.fromisoformat(value["d"])
        elif set(value) == {"u"} and isinstance(value["u"], str):
            decoded = uuid.UUID(value["u"])
        else:
            raise ValueError("unknown value in cursor")
    elif value is None or isinstance(value, bool | float | list):
        raise ValueError("unexpected value in cursor")
    else:
        decoded = value
    if expected is not None and type(decoded) is not expected:
        raise ValueError("cursor value of the wrong type")
    if isinstance(decoded, str) and (len(decoded) > 1000 or control_character(decoded)):
        raise ValueError("cursor value too long or with control characters")
    return decoded


def encode_cursor(sort_name: str, values: Sequence[Any]) -> str:
    raw = json.dumps({"s": sort_name, "v": [_encode_value(v) for v in values]})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(
    cursor: str, sort_name: str, arity: int, types: Sequence[type | None] | None = None
) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(data, dict) or data.get("s") != sort_name:
            raise ValueError("cursor of another list")
        values = data.get("v")
        if not isinstance(values, list) or len(values) != arity:
            raise ValueError("cursor of another list")
        expected = list(types) if types is not None else [None] * arity
        return [_decode_value(v, t) for v, t in zip(values, expected, strict=True)]
    except (ValueError, KeyError, TypeError, binascii.Error, AttributeError, RecursionError) as exc:
        raise BadRequest(
            "The cursor is not valid for this list; start again without a cursor."
        ) from exc


def _python_type(column: ColumnElement[Any]) -> type | None:
    sql_type: Any = column.type
    if isinstance(sql_type, TypeDecorator):
        sql_type = sql_type.impl_instance
    try:
        python_type: type = sql_type.python_type
    except NotImplementedError:
        return None
    return None if python_type is object else python_type


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
        values = decode_cursor(cursor, sort_name, len(cols), [_python_type(c) for c in cols])
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


UpdatedSinceQuery = Annotated[
    IsoDateTime | None,
    Query(
        description="Only what changed after this moment (RFC 3339; UTC when no offset is "
        "given). The list is then ordered by `updated_at`, then `id`. A convenience: the "
        "change feed (`GET /api/v1/changes`) is the way to sync without missing anything."
    ),
]
