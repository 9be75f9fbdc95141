"""HTTP for themes, interests, the shared interests of a park and its interest matrix."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from backend.auth.deps import CurrentPrincipal
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.etag import conditional_get, set_etag
from backend.core.lang import LanguageDep
from backend.core.pagination import (
    DEFAULT_LIMIT,
    CursorQuery,
    LimitQuery,
    Page,
    UpdatedSinceQuery,
)
from backend.interests import scoring, service
from backend.interests.deps import ReadableInterest, WritableInterest
from backend.interests.models import (
    InterestCreate,
    InterestMatrix,
    InterestPublic,
    InterestUpdate,
    SharedInterests,
    ThemePublic,
    ThemeSkipPublic,
    Track,
)
from backend.parks.deps import ReadablePark
from backend.stakeholders.deps import ReadableStakeholder, StakeholderToWriteIn

themes_router = APIRouter(tags=["themes"])
router = APIRouter(tags=["interests"])

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified"}}
TrackQuery = Annotated[Track | None, Query(description="Only themes of this track")]


@themes_router.get(
    "/themes",
    operation_id="list_themes",
    response_model=list[ThemePublic],
    responses=error_responses(401, 422),
    summary="The themes, in two tracks: schoon, heel en veilig; samen toekomstbestendig",
)
def list_themes(session: SessionDep, track: TrackQuery = None) -> list[ThemePublic]:
    return [t for t in service.all_themes(session) if track is None or t.track == track]


@router.get(
    "/stakeholders/{stakeholder_id}/interests",
    operation_id="list_stakeholder_interests",
    response_model=Page[InterestPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The interests of a stakeholder",
)
def list_stakeholder_interests(
    access: ReadableStakeholder,
    session: SessionDep,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[InterestPublic]:
    items, next_cursor = service.list_interests(
        session,
        stakeholder_id=access.stakeholder.id,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )
    return Page(items=[service.to_public(i) for i in items], next_cursor=next_cursor)


@router.get(
    "/parks/{park_id}/interests",
    operation_id="list_park_interests",
    response_model=Page[InterestPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="All interests recorded on a park (for sync: updated_since)",
)
def list_park_interests(
    park: ReadablePark,
    session: SessionDep,
    theme_code: Annotated[str | None, Query(max_length=40)] = None,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[InterestPublic]:
    items, next_cursor = service.list_interests(
        session,
        park_id=park.id,
        theme_code=theme_code,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )
    return Page(items=[service.to_public(i) for i in items], next_cursor=next_cursor)


@router.post(
    "/stakeholders/{stakeholder_id}/interests",
    operation_id="create_interest",
    status_code=201,
    response_model=InterestPublic,
    responses=error_responses(401, 403, 404, 409, 413, 422),
    summary="Record a stakeholder's interest in a theme (one per theme)",
)
def create_interest(
    access: StakeholderToWriteIn,
    data: InterestCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> InterestPublic:
    interest = service.create_interest(session, principal.actor, access.stakeholder, data)
    set_etag(response, interest.version)
    response.headers["Location"] = f"/api/v1/interests/{interest.id}"
    return service.to_public(interest)


@router.get(
    "/interests/{interest_id}",
    operation_id="get_interest",
    response_model=InterestPublic,
    responses={**error_responses(401, 403, 404, 422), **NOT_MODIFIED},
    summary="Read an interest",
)
async def get_interest(
    access: ReadableInterest, request: Request, response: Response
) -> InterestPublic | Response:
    interest = access.interest
    return conditional_get(request, response, interest.version) or service.to_public(interest)


@router.patch(
    "/interests/{interest_id}",
    operation_id="update_interest",
    response_model=InterestPublic,
    responses=error_responses(401, 403, 404, 409, 412, 413, 422),
    summary="Change an interest (If-Match)",
)
def update_interest(
    access: WritableInterest,
    data: InterestUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> InterestPublic:
    interest = service.update_interest(session, principal.actor, access.interest, data)
    set_etag(response, interest.version)
    return service.to_public(interest)


@router.delete(
    "/interests/{interest_id}",
    operation_id="delete_interest",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Delete an interest (If-Match)",
)
def delete_interest(
    access: WritableInterest, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.delete_interest(session, principal.actor, access.interest)
    return Response(status_code=204)


ThemeCodePath = Annotated[str, Path(min_length=1, max_length=40, description="A theme's code")]


@router.get(
    "/stakeholders/{stakeholder_id}/skipped-themes",
    operation_id="list_skipped_themes",
    response_model=list[ThemeSkipPublic],
    responses=error_responses(401, 403, 404, 422),
    summary="The themes an interview with this stakeholder went past without an interest",
)
def list_skipped_themes(access: ReadableStakeholder, session: SessionDep) -> list[ThemeSkipPublic]:
    return [service.skip_public(s) for s in service.skipped_themes(session, access.stakeholder.id)]


@router.put(
    "/stakeholders/{stakeholder_id}/skipped-themes/{theme_code}",
    operation_id="skip_theme",
    response_model=ThemeSkipPublic,
    responses={
        201: {"description": "Skipped now", "model": ThemeSkipPublic},
        **error_responses(401, 403, 404, 409, 422),
    },
    summary="Mark a theme as skipped for this stakeholder (idempotent: 200 if it already was)",
    description="Refused (409) when the stakeholder has an interest in the theme. Recording an "
    "interest in a skipped theme takes the skip away.",
)
def skip_theme(
    access: StakeholderToWriteIn,
    theme_code: ThemeCodePath,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ThemeSkipPublic:
    skip, new = service.skip_theme(session, principal.actor, access.stakeholder, theme_code)
    response.status_code = 201 if new else 200
    return service.skip_public(skip)


@router.delete(
    "/stakeholders/{stakeholder_id}/skipped-themes/{theme_code}",
    operation_id="unskip_theme",
    status_code=204,
    responses=error_responses(401, 403, 404, 422),
    summary="Open a skipped theme again",
)
def unskip_theme(
    access: StakeholderToWriteIn,
    theme_code: ThemeCodePath,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> Response:
    service.unskip_theme(session, principal.actor, access.stakeholder, theme_code)
    return Response(status_code=204)


@router.get(
    "/parks/{park_id}/shared-interests",
    operation_id="get_shared_interests",
    response_model=SharedInterests,
    responses=error_responses(401, 403, 404, 422),
    summary="The park's shared interests, ranked and explained",
    description=scoring.__doc__ or "",
)
def get_shared_interests(
    park: ReadablePark,
    session: SessionDep,
    language: LanguageDep,
    min_stakeholders: Annotated[
        int, Query(ge=1, le=1000, description="Leave out themes shared by fewer stakeholders")
    ] = 2,
    track: TrackQuery = None,
) -> SharedInterests:
    return service.shared_interests(
        session,
        park.id,
        min_stakeholders=min_stakeholders,
        track=track.value if track else None,
        language=language,
    )


@router.get(
    "/parks/{park_id}/interest-matrix",
    operation_id="get_interest_matrix",
    response_model=InterestMatrix,
    responses=error_responses(401, 403, 404, 422),
    summary="Stakeholders × themes with urgency, for a heat map",
)
def get_interest_matrix(park: ReadablePark, session: SessionDep) -> InterestMatrix:
    return service.interest_matrix(session, park.id)
