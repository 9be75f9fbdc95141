"""HTTP for the organisation forms, the organisations on a park, the organisation-form advice
and the BIZ vote simulation."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

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
from backend.organisations import advice as advice_rules
from backend.organisations import bizvote, service
from backend.organisations.deps import (
    ReadableOrganisation,
    WritableAdviceAnswers,
    WritableOrganisation,
)
from backend.organisations.models import (
    AdviceAnswers,
    AdviceRequest,
    BizVoteSimulation,
    BizVoteSimulationRequest,
    FormFactsPublic,
    OrganisationAdvicePublic,
    OrganisationCreate,
    OrganisationPublic,
    OrganisationUpdate,
    SavedAdvicePublic,
)
from backend.parks.deps import ParkToWriteIn, ReadablePark

router = APIRouter(tags=["organisations"])

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified"}}


@router.get(
    "/organisation-forms",
    operation_id="list_organisation_forms",
    response_model=list[FormFactsPublic],
    responses=error_responses(401, 422),
    summary="The organisation forms and their facts, with sources",
)
def list_organisation_forms(language: LanguageDep) -> list[FormFactsPublic]:
    return service.catalogue(language)


@router.get(
    "/parks/{park_id}/organisations",
    operation_id="list_park_organisations",
    response_model=Page[OrganisationPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The organisations active on a park",
)
def list_park_organisations(
    park: ReadablePark,
    session: SessionDep,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[OrganisationPublic]:
    items, next_cursor = service.list_organisations(
        session, park.id, updated_since=updated_since, cursor=cursor, limit=limit
    )
    return Page(items=[service.to_public(o) for o in items], next_cursor=next_cursor)


@router.post(
    "/parks/{park_id}/organisations",
    operation_id="create_organisation",
    status_code=201,
    response_model=OrganisationPublic,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="Record an organisation on a park",
)
def create_organisation(
    park: ParkToWriteIn,
    data: OrganisationCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> OrganisationPublic:
    o = service.create_organisation(session, principal.actor, park, data)
    set_etag(response, o.version)
    response.headers["Location"] = f"/api/v1/organisations/{o.id}"
    return service.to_public(o)


@router.get(
    "/organisations/{organisation_id}",
    operation_id="get_organisation",
    response_model=OrganisationPublic,
    responses={**error_responses(401, 403, 404, 422), **NOT_MODIFIED},
    summary="Read an organisation",
)
async def get_organisation(
    access: ReadableOrganisation, request: Request, response: Response
) -> OrganisationPublic | Response:
    o = access.organisation
    return conditional_get(request, response, o.version) or service.to_public(o)


@router.patch(
    "/organisations/{organisation_id}",
    operation_id="update_organisation",
    response_model=OrganisationPublic,
    responses=error_responses(401, 403, 404, 409, 412, 413, 422),
    summary="Change an organisation (If-Match)",
)
def update_organisation(
    access: WritableOrganisation,
    data: OrganisationUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> OrganisationPublic:
    o = service.update_organisation(session, principal.actor, access.organisation, data)
    set_etag(response, o.version)
    return service.to_public(o)


@router.delete(
    "/organisations/{organisation_id}",
    operation_id="delete_organisation",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Delete an organisation (If-Match)",
)
def delete_organisation(
    access: WritableOrganisation, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.delete_organisation(session, principal.actor, access.organisation)
    return Response(status_code=204)


@router.post(
    "/parks/{park_id}/organisation-advice",
    operation_id="get_organisation_advice",
    response_model=OrganisationAdvicePublic,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="The organisation-form advice for a park (computed, not stored)",
    description=advice_rules.__doc__ or "",
)
def get_organisation_advice(
    park: ReadablePark,
    session: SessionDep,
    language: LanguageDep,
    data: AdviceRequest | None = None,
) -> OrganisationAdvicePublic:
    answers = data.answers if data is not None else None
    return service.organisation_advice(session, park, answers, language)


@router.get(
    "/parks/{park_id}/organisation-advice/answers",
    operation_id="get_organisation_advice_answers",
    response_model=SavedAdvicePublic,
    responses={**error_responses(401, 403, 404, 422), **NOT_MODIFIED},
    summary="The advice answers saved with the park (version 0: none saved yet)",
)
def get_organisation_advice_answers(
    park: ReadablePark, session: SessionDep, request: Request, response: Response
) -> SavedAdvicePublic | Response:
    saved = service.saved_advice(session, park.id)
    version = saved.version if saved else 0
    return conditional_get(request, response, version) or service.saved_public(park, saved)


@router.put(
    "/parks/{park_id}/organisation-advice/answers",
    operation_id="save_organisation_advice_answers",
    response_model=SavedAdvicePublic,
    responses=error_responses(401, 403, 404, 409, 412, 413, 422),
    summary="Keep the answers with the park, and the advice they give now (If-Match)",
)
def save_organisation_advice_answers(
    access: WritableAdviceAnswers,
    data: AdviceAnswers,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> SavedAdvicePublic:
    saved = service.save_answers(session, principal.actor, access.park, data)
    set_etag(response, saved.version)
    return service.saved_public(access.park, saved)


@router.post(
    "/parks/{park_id}/biz-vote-simulations",
    operation_id="simulate_biz_vote",
    response_model=BizVoteSimulation,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="The statutory BIZ vote on a list of voters or on the park's trial poll",
    description=bizvote.__doc__ or "",
)
def simulate_biz_vote(
    park: ReadablePark,
    data: BizVoteSimulationRequest,
    session: SessionDep,
    language: LanguageDep,
) -> BizVoteSimulation:
    return service.simulate_biz_vote(session, park, data, language)
