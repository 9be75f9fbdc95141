"""HTTP for integrations: the status of a park, one or many."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from backend.auth.deps import CurrentPrincipal, allow
from backend.auth.policy import Action
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.lang import LanguageDep, preferred_language
from backend.core.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page, UpdatedSinceQuery
from backend.core.regions import Province
from backend.integrations import service, webhooks
from backend.integrations.deps import StatusProvinces, StatusReadablePark
from backend.integrations.models import (
    DeliveryPublic,
    ParkStatus,
    Webhook,
    WebhookCreate,
    WebhookPublic,
    WebhookWithSecret,
)
from backend.integrations.service import StatusPark

router = APIRouter(tags=["park status"])

STATUS_MAX_AGE = 60
CACHE = f"private, max-age={STATUS_MAX_AGE}"
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: nothing of the park changed since that ETag"}
}


def _etag(position: int, language: str) -> str:
    return f'"s{position}-{language}"'


async def _status_language(
    accept_language: Annotated[
        str | None, Header(alias="Accept-Language", description="nl (default) or en")
    ] = None,
) -> str:
    """``LanguageDep`` on the event loop (no I/O): one thread-pool hop less per status."""
    return preferred_language(accept_language)


StatusLanguage = Annotated[str, Depends(_status_language)]


@router.get(
    "/parks/{park_id}/status",
    operation_id="get_park_status",
    response_model=ParkStatus,
    responses={**error_responses(401, 403, 404, 422), **NOT_MODIFIED},
    summary="The park's status for integrations (strong ETag; 304 costs one indexed lookup)",
    description=(service.__doc__ or "")
    + f"\n\nAnswers carry `Cache-Control: {CACHE}` and a strong `ETag` that changes with any "
    "change to the park or what hangs under it (and with `Accept-Language`).",
)
async def get_park_status(
    park: StatusReadablePark,
    session: SessionDep,
    language: StatusLanguage,
    request: Request,
    response: Response,
) -> ParkStatus | Response:
    # The dependency read the park with its newest change position: a 304 needs nothing more.
    etag = _etag(park.position or 0, language)
    headers = {"ETag": etag, "Cache-Control": CACHE, "Vary": "Authorization, Accept-Language"}
    sent = request.headers.get("if-none-match", "")
    if etag in [t.strip() for t in sent.split(",")] or sent.strip() == "*":
        return Response(status_code=304, headers=headers)
    response.headers.update(headers)
    return await run_in_threadpool(_status, session, park, language)


def _status(session: Session, park: StatusPark, language: str) -> ParkStatus:
    """The status itself, off the event loop (its statements block)."""
    return service.park_status(session, park, language, service.status_version(session, park))


@router.get(
    "/park-status",
    operation_id="list_park_statuses",
    response_model=Page[ParkStatus],
    responses=error_responses(400, 401, 403, 422),
    summary="The status of many parks (a province, what changed since), by their newest change",
)
def list_park_statuses(
    provinces: StatusProvinces,
    session: SessionDep,
    language: LanguageDep,
    province: Annotated[Province | None, Query(description="Only this province")] = None,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[ParkStatus]:
    items, next_cursor = service.list_statuses(
        session,
        provinces=provinces,
        province=province.value if province else None,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
        language=language,
    )
    return Page(items=items, next_cursor=next_cursor)


# --- webhooks --------------------------------------------------------------------------------

webhooks_router = APIRouter(
    prefix="/webhooks",
    tags=["webhooks"],
    dependencies=[Depends(allow(Action.webhook_manage))],
)


def own_webhook(webhook_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep) -> Webhook:
    """A webhook of the caller (an admin user: any)."""
    return webhooks.get_webhook(session, principal, webhook_id)


OwnWebhook = Annotated[Webhook, Depends(own_webhook)]


@webhooks_router.get(
    "",
    operation_id="list_webhooks",
    response_model=Page[WebhookPublic],
    responses=error_responses(400, 401, 403, 422),
    summary="Your webhooks (an admin user sees all)",
    description=webhooks.__doc__ or "",
)
def list_webhooks(
    principal: CurrentPrincipal,
    session: SessionDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[WebhookPublic]:
    rows, next_cursor = webhooks.list_webhooks(session, principal, cursor, limit)
    return Page(items=[webhooks.to_public(w) for w in rows], next_cursor=next_cursor)


@webhooks_router.post(
    "",
    operation_id="create_webhook",
    status_code=201,
    response_model=WebhookWithSecret,
    responses=error_responses(401, 403, 413, 422),
    summary="Subscribe a URL to events; the signing secret is in this answer only",
    description=webhooks.__doc__ or "",
)
def create_webhook(
    data: WebhookCreate, principal: CurrentPrincipal, session: SessionDep, response: Response
) -> WebhookWithSecret:
    made = webhooks.create_webhook(session, principal, data)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Location"] = f"/api/v1/webhooks/{made.id}"
    return made


@webhooks_router.get(
    "/{webhook_id}",
    operation_id="get_webhook",
    response_model=WebhookPublic,
    responses=error_responses(401, 403, 404, 422),
    summary="Read a webhook",
)
def get_webhook(hook: OwnWebhook) -> WebhookPublic:
    return webhooks.to_public(hook)


@webhooks_router.delete(
    "/{webhook_id}",
    operation_id="delete_webhook",
    status_code=204,
    responses=error_responses(401, 403, 404, 422),
    summary="Unsubscribe: the webhook and its deliveries go",
)
def delete_webhook(hook: OwnWebhook, principal: CurrentPrincipal, session: SessionDep) -> Response:
    webhooks.delete_webhook(session, principal, hook)
    return Response(status_code=204)


@webhooks_router.get(
    "/{webhook_id}/deliveries",
    operation_id="list_webhook_deliveries",
    response_model=Page[DeliveryPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The webhook's deliveries, newest first: status, attempts, the last answer",
)
def list_deliveries(
    hook: OwnWebhook,
    session: SessionDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[DeliveryPublic]:
    rows, next_cursor = webhooks.list_deliveries(session, hook, cursor, limit)
    return Page(items=[webhooks.delivery_public(d) for d in rows], next_cursor=next_cursor)


@webhooks_router.post(
    "/{webhook_id}/test",
    operation_id="send_webhook_test",
    status_code=202,
    response_model=DeliveryPublic,
    responses=error_responses(401, 403, 404, 422),
    summary="Queue a `ping` event to the webhook (sent by the worker within seconds)",
)
def send_test(hook: OwnWebhook, session: SessionDep) -> DeliveryPublic:
    return webhooks.delivery_public(webhooks.send_test_event(session, hook))
