"""Import of the national register of business parks (IBIS).

Idempotent by ``ibis_id`` (the RIN number): a second run changes nothing, a changed register
updates only the register's own fields (never the description or coordinates that users keep).
Municipality name and province come from the CBS code; unknown codes are reported, not guessed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlmodel import Session, col

from backend.changes import service as changes
from backend.core.actor import Actor
from backend.core.regions import DATA_DIR, municipalities
from backend.core.types import new_id, sort_key, utcnow
from backend.parks.models import Park
from backend.parks.service import PARK

DEFAULT_REGISTER = DATA_DIR / "bedrijventerreinen.json"
REGISTER_FIELDS = (
    "name", "municipality", "municipality_code", "province", "ibis_type", "ibis_year",
    "area_ha", "area_net_ha", "area_available_ha",
)  # fmt: skip


class RegisterFileError(Exception):
    """The file is not a register export this importer understands."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unknown_municipality_codes: dict[str, int] = field(default_factory=dict)
    repaired_names: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}",
        ]
        for code, count in sorted(self.unknown_municipality_codes.items()):
            out.append(f"skipped {count} park(s): municipality code {code} is not in the register")
        for rin, old, new in self.repaired_names:
            out.append(f"repaired the encoding of RIN {rin}: {old!r} -> {new!r}")
        out.extend(self.warnings)
        return out


def repair_name(name: str) -> str:
    """Undo UTF-8 read as Latin-1 ("KieÃ«n" -> "Kieën") where that is certain."""
    if "Ã" not in name and "Â" not in name:
        return name
    try:
        return name.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return round(float(value), 4)
    raise RegisterFileError(f"expected a number, got {value!r}")


def read_register(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RegisterFileError(f"{path}: no such file") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RegisterFileError(f"{path}: not a JSON file ({exc})") from exc
    per = data.get("per_gemeente") if isinstance(data, dict) else None
    if not isinstance(per, dict) or not all(isinstance(v, list) for v in per.values()):
        raise RegisterFileError(
            f"{path}: expected an object with 'per_gemeente': {{code: [parks]}}"
        )
    return per


def import_register(session: Session, actor: Actor, path: Path = DEFAULT_REGISTER) -> ImportReport:
    per_municipality = read_register(path)
    report = ImportReport()
    register = municipalities()
    existing = {
        p.ibis_id: p for p in session.scalars(select(Park).where(col(Park.ibis_id).is_not(None)))
    }
    now = utcnow()
    new_rows: list[dict[str, Any]] = []
    recorded: list[changes.Change] = []
    seen: set[str] = set()
    for code, parks in sorted(per_municipality.items()):
        place = register.get(code)
        if place is None:
            report.unknown_municipality_codes[code] = len(parks)
            continue
        for raw in parks:
            try:
                rin = str(raw["rin"]).strip()
                raw_name = str(raw["naam"])
            except (KeyError, TypeError) as exc:
                raise RegisterFileError(f"a park of municipality {code} lacks rin or naam") from exc
            if rin in seen:
                report.warnings.append(f"RIN {rin} appears twice; the first is kept")
                continue
            seen.add(rin)
            name = repair_name(raw_name)
            if name != raw_name:
                report.repaired_names.append((rin, raw_name, name))
            if "  " in name:
                report.warnings.append(f"RIN {rin}: name has double spaces, kept as is: {name!r}")
            values: dict[str, Any] = {
                "name": name.strip(),
                "municipality": place.name,
                "municipality_code": place.code,
                "province": place.province.value,
                "ibis_type": raw.get("type"),
                "ibis_year": raw.get("jaar"),
                "area_ha": _number(raw.get("ha_bruto")),
                "area_net_ha": _number(raw.get("ha_netto")),
                "area_available_ha": _number(raw.get("ha_uitgeefbaar")),
            }
            gross, net = values["area_ha"], values["area_net_ha"]
            if gross is not None and net is not None and net > gross:
                report.warnings.append(
                    f"RIN {rin} ({name}): net area {net} ha exceeds gross area {gross} ha; kept"
                )
            if values["ibis_type"] is None:
                report.warnings.append(f"RIN {rin} ({name}): no IBIS type in the register")
            park = existing.get(rin)
            if park is None:
                pid = new_id()
                new_rows.append(
                    {
                        "id": pid,
                        "ibis_id": rin,
                        **values,
                        "sort_name": sort_key(values["name"]),
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                    }
                )
                recorded += changes.bulk(
                    actor,
                    PARK,
                    changes.AuditAction.create,
                    [(pid, pid, 1, None, {"ibis_id": rin, **values})],
                )
                report.created += 1
                continue
            before = {k: getattr(park, k) for k in REGISTER_FIELDS}
            if not changes.diff(before, values):
                report.unchanged += 1
                continue
            full_before = PARK.values(park)
            for key, value in values.items():
                setattr(park, key, value)
            park.sort_name = sort_key(park.name)
            # Through the ORM: the version is checked and bumped as on every other update.
            changes.updated(session, actor, PARK, park, full_before, park_id=park.id)
            report.updated += 1
    for start in range(0, len(new_rows), 1000):
        session.execute(insert(Park), new_rows[start : start + 1000])
    session.flush()
    changes.record(session, recorded)
    return report
