"""HTTP for surveys: the expert's side (make, invite, review) and the respondent's (a link)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from backend.auth.deps import CurrentPrincipal, client_address
from backend.auth.ratelimit import admit_anonymous
from backend.core.config import get_settings
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.etag import NO_STORE, no_store, set_etag
from backend.core.lang import LanguageDep
from backend.core.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page
from backend.core.spreadsheet import (
    CSV_MEDIA_TYPE,
    XLSX_MEDIA_TYPE,
    download_name,
    write_csv,
    write_xlsx,
)
from backend.parks.deps import ParkToWriteIn, ReadablePark
from backend.surveys import service, tokens
from backend.surveys.deps import (
    InvitationToRevoke,
    ReadableResponse,
    ReadableSurvey,
    ResponsePersonalDataErasable,
    ResponseToReview,
    SurveyToWriteIn,
    WritableSurvey,
)
from backend.surveys.models import (
    AcceptRequest,
    InvitationCreate,
    InvitationPublic,
    InvitationsCreated,
    PublicSurvey,
    RejectRequest,
    ResponseSaved,
    ResponseStatus,
    ResponseSubmit,
    SurveyCreate,
    SurveyPublic,
    SurveyResponsePublic,
    SurveyTransition,
    SurveyUpdate,
)

router = APIRouter(tags=["surveys"])
public_router = APIRouter(tags=["public survey"])

TokenPath = Annotated[str, Path(min_length=1, max_length=100, description="The link's token")]


def _base(request: Request) -> str:
    return get_settings().public_url or str(request.base_url)


@router.get(
    "/parks/{park_id}/surveys",
    operation_id="list_surveys",
    response_model=Page[SurveyPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The park's surveys, oldest first, with response counts and rates per kind",
)
def list_surveys(
    park: ReadablePark,
    session: SessionDep,
    request: Request,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[SurveyPublic]:
    items, next_cursor = service.list_surveys(session, park.id, cursor, limit)
    base = _base(request)
    return Page(items=[service.to_public(session, s, base) for s in items], next_cursor=next_cursor)


@router.post(
    "/parks/{park_id}/surveys",
    operation_id="create_survey",
    status_code=201,
    response_model=SurveyPublic,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="Make a survey (a draft): title, intro, themes, closing day, open link",
)
def create_survey(
    park: ParkToWriteIn,
    data: SurveyCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    request: Request,
    response: Response,
) -> SurveyPublic:
    survey = service.create_survey(session, principal.actor, park, data)
    set_etag(response, survey.version)
    response.headers["Location"] = f"/api/v1/surveys/{survey.id}"
    return service.to_public(session, survey, _base(request))


@router.get(
    "/surveys/{survey_id}",
    operation_id="get_survey",
    response_model=SurveyPublic,
    responses=error_responses(401, 403, 404, 422),
    summary="A survey, with response counts and the response rate per stakeholder kind",
)
def get_survey(
    access: ReadableSurvey, session: SessionDep, request: Request, response: Response
) -> SurveyPublic:
    set_etag(response, access.survey.version)
    return service.to_public(session, access.survey, _base(request))


@router.patch(
    "/surveys/{survey_id}",
    operation_id="update_survey",
    response_model=SurveyPublic,
    responses=error_responses(401, 403, 404, 409, 412, 413, 422),
    summary="Change a survey (If-Match); its status changes only by a transition",
)
def update_survey(
    access: WritableSurvey,
    data: SurveyUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    request: Request,
    response: Response,
) -> SurveyPublic:
    survey = service.update_survey(session, principal.actor, access.survey, data)
    set_etag(response, survey.version)
    return service.to_public(session, survey, _base(request))


@router.post(
    "/surveys/{survey_id}/transition",
    operation_id="transition_survey",
    response_model=SurveyPublic,
    responses=error_responses(401, 403, 404, 409, 412, 422),
    summary="Open, close or reopen a survey (If-Match); draft → open → closed → open",
)
def transition_survey(
    access: WritableSurvey,
    data: SurveyTransition,
    principal: CurrentPrincipal,
    session: SessionDep,
    request: Request,
    response: Response,
) -> SurveyPublic:
    survey = service.transition(session, principal.actor, access.survey, data.to)
    set_etag(response, survey.version)
    return service.to_public(session, survey, _base(request))


@router.get(
    "/surveys/{survey_id}/preview",
    operation_id="preview_survey",
    response_model=PublicSurvey,
    responses=error_responses(401, 403, 404, 422),
    summary="The survey as its respondents will see it (also a draft); nothing is saved",
)
def preview_survey(access: ReadableSurvey, session: SessionDep) -> PublicSurvey:
    return service.preview(session, access.survey)


# --- invitations -------------------------------------------------------------------------------


@router.post(
    "/surveys/{survey_id}/invitations",
    operation_id="create_invitations",
    status_code=201,
    response_model=InvitationsCreated,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="A personal link per stakeholder (by id or by kind); who has one keeps it",
)
def create_invitations(
    access: SurveyToWriteIn,
    data: InvitationCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    request: Request,
    response: Response,
) -> InvitationsCreated:
    no_store(response)  # the links open the survey without an account
    return service.create_invitations(
        session, principal.actor, access.survey, data,
        personal=access.personal, base_url=_base(request),
    )  # fmt: skip


def _filename(title: str, extension: str, language: str) -> str:
    stem = "uitnodigingen" if language == "nl" else "invitations"
    return download_name(stem, title, extension, "enquete", dt.date.today())


@router.get(
    "/surveys/{survey_id}/invitations",
    operation_id="list_invitations",
    response_model=list[InvitationPublic],
    responses={
        200: {
            "description": "JSON, or a CSV/XLSX file for a mail merge (`format`)",
            "content": {CSV_MEDIA_TYPE: {}, XLSX_MEDIA_TYPE: {}},
        },
        **error_responses(401, 403, 404, 422),
    },
    summary="The personal links: name, e-mail (where the caller may see it) and link",
)
def list_invitations(
    access: SurveyToWriteIn,
    session: SessionDep,
    request: Request,
    language: LanguageDep,
    response: Response,
    export_format: Annotated[Literal["json", "csv", "xlsx"], Query(alias="format")] = "json",
) -> list[InvitationPublic] | Response:
    items = service.list_invitations(
        session, access.survey, personal=access.personal, base_url=_base(request)
    )
    if export_format == "json":
        no_store(response)
        return items
    nl = language == "nl"
    headers = (
        ["naam", "soort", "e-mail", "link", "beantwoord"]
        if nl
        else ["name", "kind", "email", "link", "answered"]
    )
    yes, no = ("ja", "nee") if nl else ("yes", "no")
    rows = [
        [i.stakeholder_name, i.stakeholder_kind.value, i.email or "", i.url or "",
         yes if i.responded else no]
        for i in items
        if i.url is not None
    ]  # fmt: skip
    if export_format == "xlsx":
        title = "Uitnodigingen" if nl else "Invitations"
        body = write_xlsx(headers, rows, title, widths=[36, 16, 32, 70, 12])
        media_type = XLSX_MEDIA_TYPE
    else:
        body, media_type = write_csv(headers, rows), CSV_MEDIA_TYPE
    name = _filename(access.survey.title, export_format, language)
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": NO_STORE,
        },
    )


@router.post(
    "/survey-invitations/{invitation_id}/revoke",
    operation_id="revoke_invitation",
    status_code=204,
    responses=error_responses(401, 403, 404, 422),
    summary="Stop a personal link at once (answers given through it stay for the review)",
)
def revoke_invitation(
    inv: InvitationToRevoke, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.revoke_invitation(session, principal.actor, inv)
    return Response(status_code=204)


# --- review ------------------------------------------------------------------------------------


@router.get(
    "/surveys/{survey_id}/responses",
    operation_id="list_survey_responses",
    response_model=Page[SurveyResponsePublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The answers that came in, in the order they were (last) sent",
)
def list_survey_responses(
    access: ReadableSurvey,
    session: SessionDep,
    response: Response,
    status: Annotated[ResponseStatus | None, Query()] = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[SurveyResponsePublic]:
    items, next_cursor = service.list_responses(session, access.survey, status, cursor, limit)
    if access.personal:
        no_store(response)
    return Page(
        items=service.responses_public(session, items, personal=access.personal),
        next_cursor=next_cursor,
    )


@router.get(
    "/survey-responses/{response_id}",
    operation_id="get_survey_response",
    response_model=SurveyResponsePublic,
    responses=error_responses(401, 403, 404, 422),
    summary="One response, with the stakeholder it most likely is about",
)
def get_survey_response(
    access: ReadableResponse, session: SessionDep, response: Response
) -> SurveyResponsePublic:
    set_etag(response, access.response.version)
    if access.personal:
        no_store(response)
    return service.response_public(session, access.response, personal=access.personal)


@router.post(
    "/survey-responses/{response_id}/accept",
    operation_id="accept_survey_response",
    response_model=SurveyResponsePublic,
    responses=error_responses(401, 403, 404, 409, 412, 422),
    summary="Accept: link to a stakeholder (or create one) and write the answers as interests",
    description="409 lists the themes where the stakeholder has an interest recorded otherwise "
    "(an interview): send them again in `overwrite` or `keep`. Nothing is written then.",
)
def accept_survey_response(
    access: ResponseToReview,
    data: AcceptRequest,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> SurveyResponsePublic:
    r = service.accept(session, principal.actor, access.response, data)
    set_etag(response, r.version)
    return service.response_public(session, r, personal=access.personal)


@router.post(
    "/survey-responses/{response_id}/reject",
    operation_id="reject_survey_response",
    response_model=SurveyResponsePublic,
    responses=error_responses(401, 403, 404, 409, 412, 422),
    summary="Reject a response, with a reason; it counts nowhere",
)
def reject_survey_response(
    access: ResponseToReview,
    data: RejectRequest,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> SurveyResponsePublic:
    r = service.reject(session, principal.actor, access.response, data.reason)
    set_etag(response, r.version)
    return service.response_public(session, r, personal=access.personal)


@router.delete(
    "/survey-responses/{response_id}/personal-data",
    operation_id="erase_survey_response_personal_data",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Erase the respondent's contact details (If-Match); the answers stay",
)
def erase_survey_response_personal_data(
    access: ResponsePersonalDataErasable, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.erase_personal_data(session, principal.actor, access.response)
    return Response(status_code=204)


# --- the respondent's side (no account) --------------------------------------------------------


def _admit(request: Request, token: str) -> None:
    s = get_settings()
    admit_anonymous(f"survey-address:{client_address(request)}", s.rate_limit_survey_address,
                    "This address")  # fmt: skip
    admit_anonymous(f"survey-token:{tokens.digest(token)}", s.rate_limit_survey_token,
                    "This link")  # fmt: skip


@public_router.get(
    "/public/surveys/{token}",
    operation_id="get_public_survey",
    response_model=PublicSurvey,
    responses=error_responses(404, 422, 429),
    summary="A survey as its respondent sees it (no login): themes, and the answers so far",
)
def get_public_survey(
    token: TokenPath,
    session: SessionDep,
    request: Request,
    language: LanguageDep,
    response: Response,
) -> PublicSurvey:
    _admit(request, token)
    no_store(response)
    return service.public_survey(session, service.resolve(session, token, language))


@public_router.put(
    "/public/surveys/{token}/response",
    operation_id="put_public_survey_response",
    response_model=ResponseSaved,
    responses=error_responses(404, 413, 422, 429),
    summary="Save the answers (no login): again and again, until the survey closes",
)
def put_public_survey_response(
    token: TokenPath,
    data: ResponseSubmit,
    session: SessionDep,
    request: Request,
    language: LanguageDep,
    response: Response,
) -> ResponseSaved:
    _admit(request, token)
    no_store(response)
    return service.submit(session, service.resolve(session, token, language), data, language)
