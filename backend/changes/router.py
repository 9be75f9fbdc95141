"""HTTP for the audit trail and the change feed (admins)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from backend.auth.deps import allow
from backend.auth.policy import Action
from backend.changes import service
from backend.changes.models import AuditEventPublic, ChangeFeed
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page

router = APIRouter(
    prefix="/audit", tags=["audit"], dependencies=[Depends(allow(Action.audit_read))]
)
changes_router = APIRouter(
    prefix="/changes", tags=["changes"], dependencies=[Depends(allow(Action.change_read))]
)


@router.get(
    "",
    operation_id="list_audit_events",
    response_model=Page[AuditEventPublic],
    responses=error_responses(400, 401, 403, 422),
    summary="The audit trail (admin); filter by entity, park, actor and period",
    description=(
        "Ordered by `occurred_at`, then `id`: `order=oldest` (the default) or `order=newest`. "
        "`from` and `to` limit the period: a moment in RFC 3339 (UTC when no offset is given) "
        "or a date `YYYY-MM-DD` (a day in UTC). `from` is inclusive; a moment in `to` is "
        "exclusive, a date in `to` takes that whole day in (up to the start of the next "
        "day). `from` after `to`, or a bound that is neither, is a 422. A `next_cursor` "
        "continues the same order and filters only; with another `order` it is a 400."
    ),
)
def list_audit_events(
    session: SessionDep,
    entity_type: Annotated[str | None, Query(max_length=50)] = None,
    entity_id: uuid.UUID | None = None,
    park_id: uuid.UUID | None = None,
    actor_id: uuid.UUID | None = None,
    since: Annotated[
        str | None,
        Query(
            alias="from",
            max_length=40,
            description="Events at or after this moment or date (`YYYY-MM-DD`: from its start)",
            examples=["2026-12-01"],
        ),
    ] = None,
    until: Annotated[
        str | None,
        Query(
            alias="to",
            max_length=40,
            description="Events before this moment, or on or before this date (`YYYY-MM-DD`)",
            examples=["2026-12-31"],
        ),
    ] = None,
    order: Annotated[
        service.AuditOrder,
        Query(description="`oldest` first (the default) or `newest` first"),
    ] = service.AuditOrder.oldest,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[AuditEventPublic]:
    start, end = service.period(since, until)
    events, next_cursor = service.list_events(
        session,
        entity_type=entity_type,
        entity_id=entity_id,
        park_id=park_id,
        actor_id=actor_id,
        since=start,
        before=end,
        order=order,
        cursor=cursor,
        limit=limit,
    )
    return Page(items=[AuditEventPublic.model_validate(e) for e in events], next_cursor=next_cursor)


@changes_router.get(
    "",
    operation_id="list_changes",
    response_model=ChangeFeed,
    responses=error_responses(400, 401, 403, 422),
    summary="The change feed: every create, update and delete in commit order (admin)",
    description=(
        "Follow it forever to keep a copy in sync: start without `cursor` (the whole history, "
        "deletions included as tombstones) or with `cursor=now` (from the present), then call "
        "again with `next_cursor`, which is always given. A change appears exactly once and "
        "never before one that committed earlier, also when transactions commit out of order "
        "or several app processes write at once. Items name what changed, never its values "
        "(read the resource for those; personal data never appears here). `updated_since` on "
        "the lists is a convenience; this feed is the way to sync."
    ),
)
def list_changes(
    session: SessionDep,
    cursor: Annotated[
        str | None,
        Query(max_length=1000, description="`next_cursor` of the previous answer, or `now`"),
    ] = None,
    types: Annotated[
        str | None,
        Query(
            max_length=500,
            pattern=r"^[a-z_]+(,[a-z_]+)*$",
            description="Only these entity types, comma-separated (e.g. `park,stakeholder`)",
        ),
    ] = None,
    park_id: Annotated[uuid.UUID | None, Query(description="Only changes of this park")] = None,
    limit: LimitQuery = DEFAULT_LIMIT,
) -> ChangeFeed:
    items, next_cursor = service.feed(
        session,
        cursor=cursor,
        types=[t for t in (types or "").split(",") if t],
        park_id=park_id,
        limit=limit,
    )
    return ChangeFeed(items=items, next_cursor=next_cursor)
