"""Provinces (ISO 3166-2:NL codes without ``NL-``) and municipalities, from the government's
open data copied into ``backend/data``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


class Province(StrEnum):
    GR = "GR"
    FR = "FR"
    DR = "DR"
    OV = "OV"
    FL = "FL"
    GE = "GE"
    UT = "UT"
    NH = "NH"
    ZH = "ZH"
    ZE = "ZE"
    NB = "NB"
    LI = "LI"


# provincies.json abbreviates three provinces differently from ISO 3166-2:NL.
_SOURCE_TO_ISO = {"GD": "GE", "ZL": "ZE", "LB": "LI"}


@dataclass(frozen=True)
class ProvinceInfo:
    code: Province
    name: str
    cbs_code: str


@dataclass(frozen=True)
class Municipality:
    code: str  # CBS code, four digits
    name: str
    official_name: str
    aliases: tuple[str, ...]
    province: Province
    latitude: float
    longitude: float


@lru_cache
def provinces() -> dict[Province, ProvinceInfo]:
    raw = json.loads((DATA_DIR / "provincies.json").read_text(encoding="utf-8"))
    out: dict[Province, ProvinceInfo] = {}
    for p in raw["provincies"]:
        code = Province(_SOURCE_TO_ISO.get(p["afkorting"], p["afkorting"]))
        out[code] = ProvinceInfo(code=code, name=p["naam"], cbs_code=p["provinciecode"])
    return out


@lru_cache
def municipalities() -> dict[str, Municipality]:
    """By CBS code."""
    by_cbs = {info.cbs_code: code for code, info in provinces().items()}
    raw = json.loads((DATA_DIR / "gemeenten.json").read_text(encoding="utf-8"))
    out: dict[str, Municipality] = {}
    for g in raw["gemeenten"]:
        out[g["gemeentecode"]] = Municipality(
            code=g["gemeentecode"],
            name=g["naam"],
            official_name=g["naam_officieel"],
            aliases=tuple(g.get("aliassen") or ()),
            province=by_cbs[g["provinciecode"]],
            latitude=g["centroide"]["lat"],
            longitude=g["centroide"]["lon"],
        )
    return out


@lru_cache
def _by_name() -> dict[str, Municipality]:
    out: dict[str, Municipality] = {}
    for m in municipalities().values():
        for name in (m.name, m.official_name, *m.aliases):
            out[name.casefold()] = m
    return out


def find_municipality(name: str) -> Municipality | None:
    return _by_name().get(name.strip().casefold())
