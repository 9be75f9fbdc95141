"""HTTP for the organisatiegraad: the rubric, a park's assessments and the latest one."""

from __future__ import annotations

from fastapi import APIRouter, Response

from backend.assessments import rubric, service
from backend.assessments.models import AssessmentCreate, AssessmentPublic, Rubric
from backend.auth.deps import CurrentPrincipal
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.lang import LanguageDep
from backend.core.pagination import CursorQuery, LimitQuery, Page
from backend.parks.deps import ParkToWriteIn, ReadablePark

router = APIRouter(tags=["organisatiegraad"])


@router.get(
    "/assessment-rubric",
    operation_id="get_assessment_rubric",
    response_model=Rubric,
    responses=error_responses(401, 422),
    summary="How the organisatiegraad is scored: the seven points, the data components, levels",
    description=rubric.__doc__ or "",
)
def get_rubric(language: LanguageDep) -> Rubric:
    return service.rubric_public(language)


@router.get(
    "/parks/{park_id}/assessments",
    operation_id="list_assessments",
    response_model=Page[AssessmentPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The park's assessments, oldest first (its history)",
)
def list_assessments(
    park: ReadablePark,
    session: SessionDep,
    language: LanguageDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[AssessmentPublic]:
    rows, next_cursor = service.list_assessments(session, park.id, cursor=cursor, limit=limit)
    return Page(items=[service.to_public(a, language) for a in rows], next_cursor=next_cursor)


@router.post(
    "/parks/{park_id}/assessments",
    operation_id="create_assessment",
    status_code=201,
    response_model=AssessmentPublic,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="Assess the organisatiegraad: the expert's marks plus what the data shows",
    description=rubric.__doc__ or "",
)
def create_assessment(
    park: ParkToWriteIn,
    data: AssessmentCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    language: LanguageDep,
    response: Response,
) -> AssessmentPublic:
    assessment = service.create_assessment(session, principal.actor, park, data)
    response.headers["Location"] = f"/api/v1/parks/{park.id}/assessments/latest"
    return service.to_public(assessment, language)


@router.get(
    "/parks/{park_id}/assessments/latest",
    operation_id="get_latest_assessment",
    response_model=AssessmentPublic,
    responses=error_responses(401, 403, 404, 422),
    summary="The park's newest assessment (404 when it has none)",
)
def get_latest(park: ReadablePark, session: SessionDep, language: LanguageDep) -> AssessmentPublic:
    return service.to_public(service.latest_or_404(session, park.id), language)
