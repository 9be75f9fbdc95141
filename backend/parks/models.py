"""Business parks: the table and the API schemas."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from pydantic import Field as PField
from sqlalchemy import JSON, Index, Text
from sqlmodel import Field, SQLModel

from backend.core.inputs import Number, SingleLine, WholeNumber
from backend.core.regions import Province
from backend.core.types import UTCDateTime, new_id, utcnow, version_column

_park_version = version_column()


class Park(SQLModel, table=True):
    __tablename__ = "parks"
    __mapper_args__ = {"version_id_col": _park_version}
    __table_args__ = (
        Index("ix_parks_updated_at_id", "updated_at", "id"),
        Index("ix_parks_sort_name_id", "sort_name", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    name: str = Field(max_length=200)
    # The name as it sorts (no case, no accents), so lists read A–Z whatever the register wrote.
    sort_name: str = Field(max_length=200)
    municipality: str = Field(max_length=100, index=True)
    municipality_code: str | None = Field(default=None, max_length=4)
    province: str = Field(max_length=2, index=True)
    ibis_id: str | None = Field(default=None, max_length=20, unique=True)
    ibis_type: str | None = Field(default=None, max_length=20)
    ibis_year: int | None = None
    area_ha: float | None = None
    area_net_ha: float | None = None
    area_available_ha: float | None = None
    company_count: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    geometry: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    description: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column=_park_version)


# --- schemas -----------------------------------------------------------------------------------

# The Netherlands, with a margin: a coordinate outside it is a mistake (swapped lat/lon, say).
LAT_RANGE = (50.6, 53.7)
LON_RANGE = (3.2, 7.3)
MAX_GEOMETRY_POINTS = 20_000
GEOMETRY_TYPES = {"Point", "MultiPoint", "Polygon", "MultiPolygon"}


def _count_positions(coords: Any, depth: int) -> int:
    if depth == 0:
        if (
            not isinstance(coords, list)
            or len(coords) < 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords)
        ):
            raise ValueError("a position is a list of two numbers [longitude, latitude]")
        lon, lat = coords[0], coords[1]
        if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
            raise ValueError("positions must lie in the Netherlands, as [longitude, latitude]")
        return 1
    if not isinstance(coords, list) or not coords:
        raise ValueError("coordinates are nested lists")
    return sum(_count_positions(c, depth - 1) for c in coords)


def validate_geometry(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    kind = value.get("type")
    if kind not in GEOMETRY_TYPES:
        raise ValueError(f"geometry type must be one of {', '.join(sorted(GEOMETRY_TYPES))}")
    depth = {"Point": 0, "MultiPoint": 1, "Polygon": 2, "MultiPolygon": 3}[kind]
    if set(value) - {"type", "coordinates"}:
        raise ValueError("a geometry has only 'type' and 'coordinates'")
    if _count_positions(value.get("coordinates"), depth) > MAX_GEOMETRY_POINTS:
        raise ValueError(f"a geometry may have at most {MAX_GEOMETRY_POINTS} positions")
    return {"type": kind, "coordinates": value["coordinates"]}


class _ParkFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    ibis_id: str | None = PField(
        default=None, pattern=r"^\d{1,20}$", description="RIN number in the national register"
    )
    area_ha: Number | None = PField(default=None, ge=0, le=100_000, description="Gross hectares")
    area_net_ha: Number | None = PField(default=None, ge=0, le=100_000)
    area_available_ha: Number | None = PField(default=None, ge=0, le=100_000)
    company_count: WholeNumber | None = PField(default=None, ge=0, le=1_000_000)
    latitude: Number | None = PField(default=None, ge=LAT_RANGE[0], le=LAT_RANGE[1])
    longitude: Number | None = PField(default=None, ge=LON_RANGE[0], le=LON_RANGE[1])
    geometry: dict[str, Any] | None = PField(
        default=None, description="GeoJSON Point, MultiPoint, Polygon or MultiPolygon (WGS84)"
    )
    description: str | None = PField(default=None, max_length=10_000)

    _geometry = field_validator("geometry")(validate_geometry)


class ParkCreate(_ParkFields):
    name: SingleLine = PField(min_length=1, max_length=200)
    municipality: SingleLine = PField(min_length=1, max_length=100)
    province: Province | None = PField(
        default=None, description="Derived from the municipality when left out"
    )

    @model_validator(mode="after")
    def _both_coordinates(self) -> ParkCreate:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("give both latitude and longitude, or neither")
        return self


class ParkUpdate(_ParkFields):
    name: SingleLine | None = PField(default=None, min_length=1, max_length=200)
    municipality: SingleLine | None = PField(default=None, min_length=1, max_length=100)
    province: Province | None = None


class ParkPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    municipality: str
    municipality_code: str | None
    province: Province
    ibis_id: str | None
    ibis_type: str | None
    ibis_year: int | None
    area_ha: float | None
    area_net_ha: float | None
    area_available_ha: float | None
    company_count: int | None
    latitude: float | None
    longitude: float | None
    geometry: dict[str, Any] | None
    description: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class ParkLocation(BaseModel):
    """A point for the map; ``approximate`` when it is the municipality's centroid."""

    id: uuid.UUID
    name: str
    municipality: str
    province: Province
    latitude: float
    longitude: float
    approximate: bool


class ProvincePublic(BaseModel):
    code: Province
    name: str


class MunicipalityPublic(BaseModel):
    code: str
    name: str
    province: Province
    latitude: float
    longitude: float
