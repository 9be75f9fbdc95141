"""HTTP for integrations: the status of a park, one or many."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.lang import LanguageDep
from backend.core.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page, UpdatedSinceQuery
from backend.core.regions import Province
from backend.integrations import service
from backend.integrations.deps import StatusProvinces, StatusReadablePark
from backend.integrations.models import ParkStatus

router = APIRouter(tags=["park status"])

STATUS_MAX_AGE = 60
CACHE = f"private, max-age={STATUS_MAX_AGE}"
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: nothing of the park changed since that ETag"}
}


def _etag(position: int, language: str) -> str:
    return f'"s{position}-{language}"'


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
def get_park_status(
    park: StatusReadablePark,
    session: SessionDep,
    language: LanguageDep,
    request: Request,
    response: Response,
) -> ParkStatus | Response:
    version = service.status_version(session, park)
    etag = _etag(version[0], language)
    headers = {"ETag": etag, "Cache-Control": CACHE, "Vary": "Authorization, Accept-Language"}
    sent = request.headers.get("if-none-match", "")
    if etag in [t.strip() for t in sent.split(",")] or sent.strip() == "*":
        return Response(status_code=304, headers=headers)
    response.headers.update(headers)
    return service.park_status(session, park, language, version)


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
