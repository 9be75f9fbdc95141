"""HTTP for the park overview (the park's journey)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi.responses import HTMLResponse

from backend.auth.deps import CurrentPrincipal
from backend.auth.policy import Action, readable_provinces, require, writable_provinces
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.lang import LanguageDep
from backend.core.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery
from backend.core.regions import Province
from backend.core.spreadsheet import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE
from backend.overview import exporting, next_step, portfolio, report, service
from backend.overview.models import (
    MyWork,
    ParkOverview,
    ParkRowPage,
    ParkStakeholderFigures,
    ProvinceOverview,
)
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
    "/parks/{park_id}/stakeholder-figures",
    operation_id="get_park_stakeholder_figures",
    response_model=ParkStakeholderFigures,
    responses=error_responses(401, 403, 404, 422),
    summary="Per stakeholder of the park: interests recorded, last contact, open follow-ups",
    description=(
        "For the stakeholder list's columns (interviewed, last contact). Two grouped queries, "
        "whatever the size of the park. No personal data."
    ),
)
def get_park_stakeholder_figures(park: ReadablePark, session: SessionDep) -> ParkStakeholderFigures:
    return ParkStakeholderFigures(
        park_id=park.id, items=portfolio.stakeholder_figures(session, park.id)
    )


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


ProvinceQuery = Annotated[
    Province | None, Query(description="Province code, e.g. `UT`; without: every province")
]


def _scope(principal: CurrentPrincipal, province: Province | None) -> portfolio.Scope:
    code = province.value if province else None
    require(principal, Action.overview_read, code)
    return portfolio.Scope(provinces=readable_provinces(principal), province=code)


@router.get(
    "/overview",
    operation_id="get_province_overview",
    response_model=ProvinceOverview,
    responses=error_responses(401, 403, 422),
    summary="The province overview: parks by organisatiegraad level, projects by phase, "
    "organisations by form, per province (and with `province` its parks)",
    description=portfolio.__doc__ or "",
)
def get_province_overview(
    principal: CurrentPrincipal,
    session: SessionDep,
    language: LanguageDep,
    province: ProvinceQuery = None,
) -> ProvinceOverview:
    return portfolio.province_overview(session, _scope(principal, province), language)


@router.get(
    "/overview/parks",
    operation_id="list_register_with_figures",
    response_model=ParkRowPage,
    responses=error_responses(400, 401, 403, 422),
    summary="The parks register with each park's figures (stakeholders, interviewed, last "
    "contact, organisatiegraad), sorted by name or a figure",
    description=(
        "`sort`: `name` (A–Z), `stakeholders` and `interviewed` (most first), `level` (highest "
        "organisatiegraad first, never assessed last), `last_contact` (longest ago first, never "
        "contacted first); ties by name. `active=true`: only parks where the work started "
        "(stakeholders, an assessment, a project or an organisation). `total` counts every "
        "match. Keyset paging with `cursor`."
    ),
)
def list_register_with_figures(
    principal: CurrentPrincipal,
    session: SessionDep,
    language: LanguageDep,
    province: ProvinceQuery = None,
    q: Annotated[str | None, Query(max_length=100, description="Part of the name")] = None,
    active: Annotated[bool, Query(description="Only parks where the work started")] = False,
    sort: portfolio.RegisterSort = portfolio.RegisterSort.name,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> ParkRowPage:
    items, next_cursor, total = portfolio.register_page(
        session,
        _scope(principal, province),
        language,
        q=q.strip() if q and q.strip() else None,
        active_only=active,
        sort=sort,
        cursor=cursor,
        limit=limit,
    )
    return ParkRowPage(items=items, next_cursor=next_cursor, total=total)


@router.get(
    "/overview/export",
    operation_id="export_province_overview",
    response_class=Response,
    responses={
        200: {
            "description": "Every park in scope with its figures; headers in the language asked",
            "content": {
                CSV_MEDIA_TYPE: {"schema": {"type": "string"}},
                XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        **error_responses(401, 403, 422),
    },
    summary="The province overview's parks as CSV (semicolons, UTF-8 with BOM) or XLSX",
)
def export_province_overview(
    principal: CurrentPrincipal,
    session: SessionDep,
    language: LanguageDep,
    province: ProvinceQuery = None,
    export_format: Annotated[Literal["csv", "xlsx"], Query(alias="format")] = "csv",
) -> Response:
    scope = _scope(principal, province)
    rows = portfolio.export_rows(session, scope, language)
    body, media_type = exporting.write(rows, export_format, language)
    name = exporting.filename(scope.province, export_format, language, date.today())
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/my-work",
    operation_id="get_my_work",
    response_model=MyWork,
    responses=error_responses(401, 403, 422),
    summary="The start page of the signed-in user: their parks, follow-ups, parks to assess "
    "again and recent activity",
    description=(
        "An expert sees the parks of their provinces; viewers and admins every province. "
        "Parks count when the work has started (stakeholders, an assessment, a project or an "
        "organisation). Follow-up counts are null for viewers, who work on no park. Users only."
    ),
)
def get_my_work(principal: CurrentPrincipal, session: SessionDep, language: LanguageDep) -> MyWork:
    require(principal, Action.my_work_read)
    works_on = writable_provinces(principal)
    if principal.role == "expert" and works_on:
        scope = portfolio.Scope(provinces=works_on)
    else:
        scope = portfolio.Scope(provinces=None)
    return portfolio.my_work(
        session, scope, language, works_on_parks=works_on is None or bool(works_on)
    )
