"""HTTP for parks and the reference data behind them (provinces, municipalities)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from backend.auth.deps import CurrentPrincipal, allow
from backend.auth.policy import Action, readable_provinces
from backend.core.db import SessionDep
from backend.core.errors import error_responses
from backend.core.etag import conditional_get, set_etag
from backend.core.pagination import (
    DEFAULT_LIMIT,
    CursorQuery,
    LimitQuery,
    Page,
    UpdatedSinceQuery,
)
from backend.core.regions import Province, municipalities, provinces
from backend.parks import geocode, service
from backend.parks.deps import CreatablePark, ParkUpdateAllowed, ReadablePark, WritablePark
from backend.parks.models import MunicipalityPublic, ParkLocation, ParkPublic, ProvincePublic

# Reading parks is the least any caller needs here; writes ask for more through the deps.
router = APIRouter(tags=["parks"], dependencies=[Depends(allow(Action.park_read))])
reference_router = APIRouter(tags=["reference"])

ProvinceQuery = Annotated[Province | None, Query(description="Province code, e.g. `UT`")]
MunicipalityQuery = Annotated[str | None, Query(max_length=100)]
SearchQuery = Annotated[str | None, Query(max_length=100, description="Part of the park's name")]


@router.get(
    "/parks",
    operation_id="list_parks",
    response_model=Page[ParkPublic],
    responses=error_responses(400, 401, 403, 422),
    summary="List parks: search by name, filter by province or municipality, sync by updated_since",
)
def list_parks(
    principal: CurrentPrincipal,
    session: SessionDep,
    province: ProvinceQuery = None,
    municipality: MunicipalityQuery = None,
    q: SearchQuery = None,
    updated_since: UpdatedSinceQuery = None,
    ibis_id: Annotated[
        str | None, Query(max_length=20, description="Register number (RIN) in IBIS")
    ] = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[ParkPublic]:
    parks, next_cursor = service.list_parks(
        session,
        provinces=readable_provinces(principal),
        province=province,
        municipality=municipality,
        q=q,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
        ibis_id=ibis_id,
    )
    return Page(items=[service.to_public(p) for p in parks], next_cursor=next_cursor)


@router.get(
    "/park-locations",
    operation_id="list_park_locations",
    response_model=list[ParkLocation],
    responses=error_responses(401, 403, 422),
    summary="Map points of all parks that match the filters (municipality centroid if unknown)",
)
def list_park_locations(
    principal: CurrentPrincipal,
    session: SessionDep,
    province: ProvinceQuery = None,
    municipality: MunicipalityQuery = None,
    q: SearchQuery = None,
) -> list[ParkLocation]:
    return service.park_locations(
        session,
        provinces=readable_provinces(principal),
        province=province,
        municipality=municipality,
        q=q,
    )


@router.post(
    "/parks",
    operation_id="create_park",
    status_code=201,
    response_model=ParkPublic,
    responses=error_responses(401, 403, 409, 413, 422),
    summary="Create a park",
)
def create_park(
    data: CreatablePark, principal: CurrentPrincipal, session: SessionDep, response: Response
) -> ParkPublic:
    park = service.create_park(session, principal.actor, data)
    set_etag(response, park.version)
    response.headers["Location"] = f"/api/v1/parks/{park.id}"
    return service.to_public(park)


@router.get(
    "/parks/{park_id}",
    operation_id="get_park",
    response_model=ParkPublic,
    responses={**error_responses(401, 403, 404, 422), 304: {"description": "Not modified"}},
    summary="Read a park (ETag; If-None-Match gives 304)",
)
async def get_park(
    park: ReadablePark, request: Request, response: Response
) -> ParkPublic | Response:
    return conditional_get(request, response, park.version) or service.to_public(park)


@router.patch(
    "/parks/{park_id}",
    operation_id="update_park",
    response_model=ParkPublic,
    responses=error_responses(401, 403, 404, 409, 412, 413, 422),
    summary="Change a park (If-Match with the ETag you read; 412 when it changed since)",
)
def update_park(
    park: WritablePark,
    data: ParkUpdateAllowed,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ParkPublic:
    park = service.update_park(session, principal.actor, park, data)
    set_etag(response, park.version)
    return service.to_public(park)


@router.delete(
    "/parks/{park_id}",
    operation_id="delete_park",
    status_code=204,
    responses=error_responses(401, 403, 404, 412),
    summary="Delete a park and everything recorded under it",
)
def delete_park(park: WritablePark, principal: CurrentPrincipal, session: SessionDep) -> Response:
    service.delete_park(session, principal.actor, park)
    return Response(status_code=204)


@reference_router.get(
    "/provinces",
    operation_id="list_provinces",
    response_model=list[ProvincePublic],
    responses=error_responses(401),
    summary="The twelve provinces",
)
def list_provinces(principal: CurrentPrincipal) -> list[ProvincePublic]:
    return [ProvincePublic(code=p.code, name=p.name) for p in provinces().values()]


@reference_router.get(
    "/municipalities",
    operation_id="list_municipalities",
    response_model=list[MunicipalityPublic],
    responses=error_responses(401, 422),
    summary="The municipalities with their province and centroid",
)
def list_municipalities(
    principal: CurrentPrincipal, province: ProvinceQuery = None
) -> list[MunicipalityPublic]:
    return [
        MunicipalityPublic(
            code=m.code,
            name=m.name,
            province=m.province,
            latitude=m.latitude,
            longitude=m.longitude,
        )
        for m in sorted(municipalities().values(), key=lambda m: m.name)
        if province is None or m.province == province
    ]


@router.get(
    "/address-search",
    operation_id="search_address",
    response_model=list[geocode.AddressHit],
    responses=error_responses(401, 403, 422, 503),
    dependencies=[Depends(allow(Action.address_search))],
    summary="Find an address, street, postcode or place, to place a park on the map",
    description="Asks PDOK's Locatieserver. For those who place parks (experts, admins, clients "
    "with parks:write). 503 with Retry-After when the geocoder does not answer.",
)
def search_address(
    q: Annotated[str, Query(min_length=2, max_length=200, description="What to look for")],
    limit: Annotated[int, Query(ge=1, le=20)] = 8,
) -> list[geocode.AddressHit]:
    return geocode.search(q, limit)
