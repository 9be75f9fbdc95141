"""Rules for parks: validation against the municipality register, province-scoped writes,
search and keyset paging, and the import of the national register (IBIS)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlmodel import Session, col

from backend.auth.policy import Action, Principal, readable_provinces, require
from backend.changes import service as changes
from backend.core.actor import Actor
from backend.core.errors import Conflict, NotFound, Unprocessable
from backend.core.pagination import S, keyset, page_of
from backend.core.regions import find_municipality, municipalities
from backend.core.types import sort_key
from backend.parks.models import Park as Park  # other domains take the type from here
from backend.parks.models import ParkCreate, ParkLocation, ParkPublic, ParkUpdate

AUDITED = (
    "name", "municipality", "municipality_code", "province", "ibis_id", "ibis_type", "ibis_year",
    "area_ha", "area_net_ha", "area_available_ha", "company_count", "latitude", "longitude",
    "geometry", "description",
)  # fmt: skip
REQUIRED_ON_UPDATE = ("name", "municipality", "province")
PARK = changes.Tracked("park", AUDITED)


def to_public(park: Park) -> ParkPublic:
    return ParkPublic.model_validate(park)


def _invalid(field: str, msg: str) -> Unprocessable:
    return Unprocessable(msg, errors=[{"loc": ["body", field], "msg": msg}])


def _resolve_place(municipality: str, province: str | None) -> tuple[str, str, str]:
    """(municipality name, CBS code, province) from the register, or a 422 that says why."""
    found = find_municipality(municipality)
    if found is None:
        raise _invalid(
            "municipality",
            f"'{municipality}' is not a Dutch municipality in the register (use its current name).",
        )
    if province is not None and province != found.province:
        raise _invalid(
            "province",
            f"{found.name} lies in province {found.province.value}, not {province}.",
        )
    return found.name, found.code, found.province.value


def _check_ibis_unique(session: Session, ibis_id: str | None, own_id: uuid.UUID | None) -> None:
    if ibis_id is None:
        return
    other = session.scalar(select(col(Park.id)).where(col(Park.ibis_id) == ibis_id))
    if other is not None and other != own_id:
        raise Conflict(f"Park {other} already has register number (ibis_id) {ibis_id}.")


_PARKS = Park.__table__  # type: ignore[attr-defined]
_PARK_BY_ID = select(_PARKS).where(_PARKS.c.id == bindparam("park_id"))


def get_park(session: Session, park_id: uuid.UUID) -> Park:
    """The park. A read-only request (GET) gets it by one Core query as a detached object,
    which costs half of the ORM's identity-mapped load; a write gets it from the session, so
    that its changes are tracked and version-checked."""
    if session.info.get("read_only"):
        row = session.connection().execute(_PARK_BY_ID, {"park_id": park_id}).first()
        if row is None:
            raise NotFound("There is no park with this id.")
        return Park(**row._mapping)
    park = session.get(Park, park_id)
    if park is None:
        raise NotFound("There is no park with this id.")
    return park


def parks_table() -> Any:
    """The parks table, for another domain's aggregate statement over parks."""
    return _PARKS


def parks_by_id(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, Park]:
    """These parks (those that exist), by one Core query, as detached objects."""
    if not ids:
        return {}
    rows = session.connection().execute(select(_PARKS).where(_PARKS.c.id.in_(ids)))
    return {row.id: Park(**row._mapping) for row in rows}


def name_matches(name_column: Any, q: str) -> Any:
    """``name_column`` contains ``q`` (case-insensitive; ``%`` and ``_`` taken literally)."""
    pattern = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return name_column.ilike(pattern, escape="\\")


def _filtered(
    stmt: S,
    *,
    provinces: frozenset[str] | None,
    province: str | None,
    municipality: str | None,
    q: str | None,
    updated_since: datetime | None,
    ibis_id: str | None = None,
) -> S:
    if provinces is not None:
        stmt = stmt.where(col(Park.province).in_(provinces))
    if province:
        stmt = stmt.where(col(Park.province) == province)
    if municipality:
        found = find_municipality(municipality)
        name = found.name if found else municipality.strip()
        stmt = stmt.where(func.lower(col(Park.municipality)) == name.lower())
    if q:
        stmt = stmt.where(name_matches(col(Park.name), q))
    if updated_since:
        stmt = stmt.where(col(Park.updated_at) > updated_since)
    if ibis_id:
        stmt = stmt.where(col(Park.ibis_id) == ibis_id)
    return stmt


def list_parks(
    session: Session,
    *,
    provinces: frozenset[str] | None,
    province: str | None,
    municipality: str | None,
    q: str | None,
    updated_since: datetime | None,
    cursor: str | None,
    limit: int,
    ibis_id: str | None = None,
) -> tuple[list[Park], str | None]:
    stmt = _filtered(
        select(Park),
        provinces=provinces,
        province=province,
        municipality=municipality,
        q=q,
        updated_since=updated_since,
        ibis_id=ibis_id,
    )
    if updated_since is not None:
        # Incremental sync: in order of change, so a client can resume where it stopped.
        stmt = keyset(stmt, [col(Park.updated_at), col(Park.id)], "updated", cursor, limit)
        rows = session.scalars(stmt).all()
        return page_of(rows, limit, "updated", lambda p: [p.updated_at, p.id])
    stmt = keyset(stmt, [col(Park.sort_name), col(Park.id)], "name", cursor, limit)
    rows = session.scalars(stmt).all()
    return page_of(rows, limit, "name", lambda p: [p.sort_name, p.id])


def location(
    latitude: float | None,
    longitude: float | None,
    municipality: str,
    municipality_code: str | None,
) -> tuple[float, float, bool] | None:
    """Where to show a park on a map: its own point, else its municipality's centre
    (``approximate``); None when neither is known."""
    if latitude is not None and longitude is not None:
        return latitude, longitude, False
    centre = municipalities().get(municipality_code or "") or find_municipality(municipality)
    if centre is None:
        return None
    return centre.latitude, centre.longitude, True


def park_locations(
    session: Session,
    *,
    provinces: frozenset[str] | None,
    province: str | None,
    municipality: str | None,
    q: str | None,
) -> list[ParkLocation]:
    stmt = _filtered(
        select(
            col(Park.id),
            col(Park.name),
            col(Park.municipality),
            col(Park.municipality_code),
            col(Park.province),
            col(Park.latitude),
            col(Park.longitude),
        ),
        provinces=provinces,
        province=province,
        municipality=municipality,
        q=q,
        updated_since=None,
    ).order_by(col(Park.sort_name), col(Park.id))
    out: list[ParkLocation] = []
    for pid, name, mun, mun_code, prov, lat, lon in session.execute(stmt):
        where = location(lat, lon, mun, mun_code)
        if where is None:
            continue
        lat, lon, approximate = where
        out.append(
            ParkLocation(
                id=pid,
                name=name,
                municipality=mun,
                province=prov,
                latitude=lat,
                longitude=lon,
                approximate=approximate,
            )
        )
    return out


def create_park(session: Session, actor: Actor, data: ParkCreate) -> Park:
    name, code, province = _resolve_place(data.municipality, data.province)
    _check_ibis_unique(session, data.ibis_id, None)
    park = Park(
        **data.model_dump(exclude={"municipality", "province"}),
        municipality=name,
        municipality_code=code,
        province=province,
        sort_name=sort_key(data.name),
    )
    session.add(park)
    session.flush()
    changes.created(session, actor, PARK, park, park_id=park.id)
    return park


def planned_province(park: Park, data: ParkUpdate) -> str:
    """The province the park will be in after ``data``: a move needs rights in both."""
    changes = data.model_dump(exclude_unset=True)
    if changes.get("municipality") or changes.get("province"):
        return _resolve_place(
            changes.get("municipality") or park.municipality, changes.get("province")
        )[2]
    return park.province


def update_park(session: Session, actor: Actor, park: Park, data: ParkUpdate) -> Park:
    given = data.model_dump(exclude_unset=True)
    for key in REQUIRED_ON_UPDATE:
        if key in given and given[key] is None:
            raise _invalid(key, f"{key} cannot be empty")
    before = PARK.values(park)
    if "municipality" in given or "province" in given:
        name, code, province = _resolve_place(
            given.get("municipality", park.municipality), given.get("province")
        )
        given.update(municipality=name, municipality_code=code, province=province)
    lat = given.get("latitude", park.latitude)
    lon = given.get("longitude", park.longitude)
    if (lat is None) != (lon is None):
        raise _invalid("latitude", "give both latitude and longitude, or neither")
    if "ibis_id" in given:
        _check_ibis_unique(session, given["ibis_id"], park.id)
    for key, value in given.items():
        setattr(park, key, value)
    park.sort_name = sort_key(park.name)
    changes.updated(session, actor, PARK, park, before, park_id=park.id)
    return park


def delete_park(session: Session, actor: Actor, park: Park) -> None:
    """Delete the park and, by the database's cascade, everything under it; the domains that
    keep things under a park record their tombstones through their handlers."""
    changes.deleted(session, actor, PARK, park, park_id=park.id)
    session.delete(park)
    session.flush()


def planned_province_of_new(data: ParkCreate) -> str:
    """The province a new park will be in (422 when the municipality is unknown)."""
    return _resolve_place(data.municipality, data.province)[2]


def readable_park(
    session: Session, principal: Principal, park_id: uuid.UUID, *, what: str = "park"
) -> Park:
    """The park, if ``principal`` may read it; a park outside an API client's provinces does not
    exist for that client (404, not 403). ``what`` names the entity in the 404 message."""
    park = get_park(session, park_id)
    visible = readable_provinces(principal)
    if visible is not None and park.province not in visible:
        raise NotFound(f"There is no {what} with this id.")
    require(principal, Action.park_read, park.province)
    return park
