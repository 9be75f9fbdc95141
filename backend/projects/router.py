"""HTTP for projects, their phases, participants and business case."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from backend.auth.deps import CurrentPrincipal
from backend.core.db import SessionDep
from backend.core.errors import PreconditionFailed, error_responses
from backend.core.etag import IfMatchHeader, check_if_match, conditional_get, set_etag
from backend.core.lang import LanguageDep
from backend.core.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page, UpdatedSinceQuery
from backend.parks.deps import ParkToWriteIn, ReadablePark
from backend.projects import business_case, phases, service
from backend.projects.deps import (
    ProjectToWriteIn,
    ReadableParticipant,
    ReadableProject,
    WritableParticipant,
    WritableProject,
)
from backend.projects.models import (
    BusinessCaseInput,
    BusinessCasePublic,
    ParticipantCreate,
    ParticipantPublic,
    ParticipantUpdate,
    Phase,
    PhaseHistory,
    ProjectCreate,
    ProjectPublic,
    ProjectUpdate,
    TransitionRequest,
)

router = APIRouter(tags=["projects"])

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified"}}
PhaseQuery = Annotated[Phase | None, Query(description="Only projects in this phase")]


@router.get(
    "/parks/{park_id}/projects",
    operation_id="list_projects",
    response_model=Page[ProjectPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The park's projects (for sync: updated_since)",
)
def list_projects(
    park: ReadablePark,
    session: SessionDep,
    phase: PhaseQuery = None,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[ProjectPublic]:
    items, next_cursor = service.list_projects(
        session, park.id, phase=phase, updated_since=updated_since, cursor=cursor, limit=limit
    )
    return Page(items=[service.to_public(p) for p in items], next_cursor=next_cursor)


@router.post(
    "/parks/{park_id}/projects",
    operation_id="create_project",
    status_code=201,
    response_model=ProjectPublic,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="Start a project (from_theme: from a shared interest); it starts as an idea",
)
def create_project(
    park: ParkToWriteIn,
    data: ProjectCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    language: LanguageDep,
    response: Response,
) -> ProjectPublic:
    project = service.create_project(session, principal.actor, park, data, language)
    set_etag(response, project.version)
    response.headers["Location"] = f"/api/v1/projects/{project.id}"
    return service.to_public(project)


@router.get(
    "/projects/{project_id}",
    operation_id="get_project",
    response_model=ProjectPublic,
    responses={**error_responses(401, 403, 404, 422), **NOT_MODIFIED},
    summary="Read a project",
)
async def get_project(
    access: ReadableProject, request: Request, response: Response
) -> ProjectPublic | Response:
    project = access.project
    return conditional_get(request, response, project.version) or service.to_public(project)


@router.patch(
    "/projects/{project_id}",
    operation_id="update_project",
    response_model=ProjectPublic,
    responses=error_responses(401, 403, 404, 412, 413, 422),
    summary="Change a project (If-Match); its phase changes only by a transition",
)
def update_project(
    access: WritableProject,
    data: ProjectUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ProjectPublic:
    project = service.update_project(session, principal.actor, access.project, data)
    set_etag(response, project.version)
    return service.to_public(project)


@router.delete(
    "/projects/{project_id}",
    operation_id="delete_project",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Delete a project with its participants and business case (If-Match)",
)
def delete_project(
    access: WritableProject, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.delete_project(session, principal.actor, access.project)
    return Response(status_code=204)


@router.post(
    "/projects/{project_id}/transition",
    operation_id="transition_project",
    response_model=ProjectPublic,
    responses=error_responses(401, 403, 404, 409, 412, 413, 422),
    summary="Move a project to another phase (409 names the rules that block it)",
    description=phases.__doc__ or "",
)
def transition_project(
    access: WritableProject,
    data: TransitionRequest,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ProjectPublic:
    project = service.transition(session, principal.actor, access.project, data)
    set_etag(response, project.version)
    return service.to_public(project)


@router.get(
    "/projects/{project_id}/phase-history",
    operation_id="get_project_phase_history",
    response_model=PhaseHistory,
    responses=error_responses(401, 403, 404, 422),
    summary="Who moved the project when, from which phase to which, and why; and where it may go",
)
def get_phase_history(access: ReadableProject, session: SessionDep) -> PhaseHistory:
    return service.phase_history(session, access.project)


# --- participants ----------------------------------------------------------------------------


@router.get(
    "/projects/{project_id}/participants",
    operation_id="list_project_participants",
    response_model=Page[ParticipantPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The project's participants, in the order they joined",
)
def list_participants(
    access: ReadableProject,
    session: SessionDep,
    limit: LimitQuery = 200,
    cursor: CursorQuery = None,
) -> Page[ParticipantPublic]:
    rows, next_cursor = service.list_participants(session, access.project.id, cursor, limit)
    return Page(items=service.participants_public(session, rows), next_cursor=next_cursor)


@router.post(
    "/projects/{project_id}/participants",
    operation_id="add_project_participant",
    status_code=201,
    response_model=ParticipantPublic,
    responses=error_responses(401, 403, 404, 409, 413, 422),
    summary="Bring a stakeholder of the park into the project",
)
def add_participant(
    access: ProjectToWriteIn,
    data: ParticipantCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ParticipantPublic:
    participant, facts = service.add_participant(session, principal.actor, access.project, data)
    set_etag(response, participant.version)
    response.headers["Location"] = (
        f"/api/v1/projects/{participant.project_id}/participants/{participant.id}"
    )
    return service.participant_public(participant, facts)


@router.get(
    "/projects/{project_id}/participants/{participant_id}",
    operation_id="get_project_participant",
    response_model=ParticipantPublic,
    responses=error_responses(401, 403, 404, 422),
    summary="Read a participant",
)
def get_participant(
    access: ReadableParticipant, session: SessionDep, response: Response
) -> ParticipantPublic:
    set_etag(response, access.participant.version)
    return service.participants_public(session, [access.participant])[0]


@router.patch(
    "/projects/{project_id}/participants/{participant_id}",
    operation_id="update_project_participant",
    response_model=ParticipantPublic,
    responses=error_responses(401, 403, 404, 412, 413, 422),
    summary="Change a participant's commitment or fixed contribution (If-Match)",
)
def update_participant(
    access: WritableParticipant,
    data: ParticipantUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ParticipantPublic:
    participant = service.update_participant(session, principal.actor, access.participant, data)
    set_etag(response, participant.version)
    return service.participants_public(session, [participant])[0]


@router.delete(
    "/projects/{project_id}/participants/{participant_id}",
    operation_id="remove_project_participant",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Take a participant out of the project (If-Match)",
)
def remove_participant(
    access: WritableParticipant, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.remove_participant(session, principal.actor, access.participant)
    return Response(status_code=204)


# --- business case ---------------------------------------------------------------------------


@router.get(
    "/projects/{project_id}/business-case",
    operation_id="get_business_case",
    response_model=BusinessCasePublic,
    responses=error_responses(401, 403, 404, 422),
    summary="The project's business case with its computed figures",
    description=business_case.__doc__ or "",
)
def get_business_case(
    access: ReadableProject, session: SessionDep, response: Response
) -> BusinessCasePublic:
    case = service.get_business_case(session, access.project)
    # The ETag is the business case's version, for If-Match; the figures also depend on the
    # participants, so there is no 304.
    set_etag(response, case.version)
    response.headers["Cache-Control"] = "no-cache"
    return service.business_case_public(session, access.project, case)


@router.put(
    "/projects/{project_id}/business-case",
    operation_id="put_business_case",
    response_model=BusinessCasePublic,
    responses={
        **error_responses(401, 403, 404, 412, 413, 422),
        201: {"description": "Created", "model": BusinessCasePublic},
    },
    summary="Keep the project's business case (If-Match when replacing one)",
    description=business_case.__doc__ or "",
)
def put_business_case(
    access: ProjectToWriteIn,
    data: BusinessCaseInput,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> BusinessCasePublic:
    existing = service.find_business_case(session, access.project)
    if existing is None and if_match is not None:
        raise PreconditionFailed("This project has no business case yet; send no If-Match.")
    if existing is not None:
        check_if_match(if_match, existing.version)
    case, public, created = service.put_business_case(
        session, principal.actor, access.project, existing, data
    )
    if created:
        response.status_code = 201
    set_etag(response, case.version)
    return public


@router.post(
    "/projects/{project_id}/business-case/calculation",
    operation_id="calculate_business_case",
    response_model=BusinessCasePublic,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="The figures for these inputs, without keeping them (for a form that updates live)",
    description=business_case.__doc__ or "",
)
def calculate_business_case(
    access: ReadableProject, data: BusinessCaseInput, session: SessionDep
) -> BusinessCasePublic:
    return service.calculate(session, access.project, data)
