"""Record and read the audit trail. Every domain records its writes through ``record``."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import insert, select
from sqlmodel import Session, col

from backend.audit.models import Actor, AuditAction, AuditEvent
from backend.core.pagination import keyset, page_of
from backend.core.types import new_id, utcnow

REDACTED = "(redacted)"


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def diff(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    *,
    ignore: Iterable[str] = ("updated_at", "version", "created_at"),
    redact: Iterable[str] = (),
) -> dict[str, dict[str, Any]]:
    """Changed fields as ``{field: {old, new}}``; ``redact`` fields show that, not what, changed."""
    skip, hidden = set(ignore), set(redact)
    out: dict[str, dict[str, Any]] = {}
    for key in sorted(set(before) | set(after)):
        if key in skip:
            continue
        old, new = _jsonable(before.get(key)), _jsonable(after.get(key))
        if old != new:
            out[key] = (
                {"old": REDACTED, "new": REDACTED} if key in hidden else {"old": old, "new": new}
            )
    return out


def snapshot(values: Mapping[str, Any], *, redact: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    """The changes of a create (or, reversed, of a delete): every field from nothing.
    ``redact`` fields that have a value show that they were set, not what to."""
    hidden = set(redact)
    return {
        k: {"old": None, "new": REDACTED if k in hidden and v is not None else _jsonable(v)}
        for k, v in sorted(values.items())
    }


def record(
    session: Session,
    actor: Actor,
    action: AuditAction,
    entity_type: str,
    entity_id: uuid.UUID,
    changes: dict[str, dict[str, Any]],
    *,
    park_id: uuid.UUID | None = None,
) -> None:
    session.add(
        AuditEvent(
            actor_kind=actor.kind,
            actor_id=actor.id,
            actor_label=actor.label,
            action=action.value,
            entity_type=entity_type,
            entity_id=entity_id,
            park_id=park_id,
            changes=changes,
        )
    )


def record_many(session: Session, actor: Actor, rows: list[dict[str, Any]]) -> None:
    """Bulk variant for imports: each row has action, entity_type, entity_id, changes, park_id."""
    if not rows:
        return
    now = utcnow()
    session.execute(
        insert(AuditEvent),
        [
            {
                "id": new_id(),
                "occurred_at": now,
                "actor_kind": actor.kind,
                "actor_id": actor.id,
                "actor_label": actor.label,
                **row,
            }
            for row in rows
        ],
    )


def list_events(
    session: Session,
    *,
    entity_type: str | None,
    entity_id: uuid.UUID | None,
    park_id: uuid.UUID | None,
    actor_id: uuid.UUID | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[AuditEvent], str | None]:
    stmt = select(AuditEvent)
    if entity_type:
        stmt = stmt.where(col(AuditEvent.entity_type) == entity_type)
    if entity_id:
        stmt = stmt.where(col(AuditEvent.entity_id) == entity_id)
    if park_id:
        stmt = stmt.where(col(AuditEvent.park_id) == park_id)
    if actor_id:
        stmt = stmt.where(col(AuditEvent.actor_id) == actor_id)
    cols = [col(AuditEvent.occurred_at), col(AuditEvent.id)]
    stmt = keyset(stmt, cols, "audit", cursor, limit)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "audit", lambda e: [e.occurred_at, e.id])
