"""HTTP for the park overview (the park's journey)."""

from __future__ import annotations

from fastapi import APIRouter

from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.lang import LanguageDep
from backend.overview import next_step, service
from backend.overview.models import ParkOverview
from backend.parks.deps import ReadablePark

router = APIRouter(tags=["overview"])


@router.get(
    "/parks/{park_id}/overview",
    operation_id="get_park_overview",
    response_model=ParkOverview,
    responses=error_responses(401, 403, 404, 422),
    summary="The park's journey: inventory, shared interests, projects, organisation, "
    "organisatiegraad, and the next step",
    description=next_step.__doc__ or "",
)
def get_park_overview(
    park: ReadablePark, session: SessionDep, language: LanguageDep
) -> ParkOverview:
    return service.park_overview(session, park, language)
