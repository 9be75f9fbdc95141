"""HTTP for the park overview (the park's journey)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from backend.auth.deps import CurrentPrincipal
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.lang import LanguageDep
from backend.overview import next_step, report, service
from backend.overview.models import ParkOverview
from backend.parks.deps import ReadablePark
from backend.stakeholders.deps import ParkView

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


@router.get(
    "/parks/{park_id}/report",
    operation_id="get_park_report",
    response_class=HTMLResponse,
    responses={
        **error_responses(401, 403, 404, 422),
        200: {"content": {"text/html": {}}, "description": "A standalone, printable HTML page"},
    },
    summary="The park report to hand out: a printable HTML page (inline CSS and SVG, no scripts)",
    description=report.__doc__ or "",
)
def get_park_report(
    access: ParkView, principal: CurrentPrincipal, session: SessionDep, language: LanguageDep
) -> HTMLResponse:
    html = report.render(
        session,
        access.park,
        personal=access.personal,
        author=principal.label,
        language=language,
        today=date.today(),
    )
    headers = {"Cache-Control": "private, no-store"} if access.personal else {}
    return HTMLResponse(html, headers={**headers, "Content-Language": language})
