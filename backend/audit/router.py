"""HTTP for the audit trail (admins only)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from backend.audit import service
from backend.audit.models import AuditEventPublic
from backend.auth.deps import CurrentPrincipal
from backend.auth.policy import Action, require
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get(
    "",
    operation_id="list_audit_events",
    response_model=Page[AuditEventPublic],
    responses=error_responses(400, 401, 403, 422),
    summary="The audit trail, oldest first (admin); filter by entity, park or actor",
)
def list_audit_events(
    principal: CurrentPrincipal,
    session: SessionDep,
    entity_type: Annotated[str | None, Query(max_length=50)] = None,
    entity_id: uuid.UUID | None = None,
    park_id: uuid.UUID | None = None,
    actor_id: uuid.UUID | None = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[AuditEventPublic]:
    require(principal, Action.audit_read)
    events, next_cursor = service.list_events(
        session,
        entity_type=entity_type,
        entity_id=entity_id,
        park_id=park_id,
        actor_id=actor_id,
        cursor=cursor,
        limit=limit,
    )
    return Page(items=[AuditEventPublic.model_validate(e) for e in events], next_cursor=next_cursor)
