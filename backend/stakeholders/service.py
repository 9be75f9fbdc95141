"""Rules for stakeholders and contact moments: unique KvK numbers per park, keyset lists, the
open follow-ups across parks, import (all rows or none) and export, and the privacy of the
contact person.

The audit trail never holds personal data: ``contact_name``, ``email``, ``phone`` and contact
summaries are recorded as ``"(redacted)"`` — that they changed, and by whom, not to what. So an
erasure leaves nothing behind in the trail to scrub."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import bindparam, case, func, insert, or_, select, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from backend.auth.policy import Principal
from backend.changes import service as changes
from backend.core.actor import Actor
from backend.core.errors import Conflict, NotFound, Unprocessable
from backend.core.pagination import keyset, page_of
from backend.core.types import new_id, sort_key, utcnow
from backend.parks import service as park_service
from backend.parks.service import Park
from backend.stakeholders.importing import (
    EXPORT_HEADERS,
    MAX_REPORTED_ERRORS,
    Decision,
    ParsedFile,
    ParsedRow,
    RowError,
    echo,
    parse_decisions,
    parse_file,
)
from backend.stakeholders.models import (
    PERSONAL_FIELDS,
    ContactMoment,
    ContactMomentCreate,
    ContactMomentPublic,
    ContactMomentUpdate,
    FollowUp,
    ImportCandidate,
    ImportDuplicate,
    ImportMatchReason,
    ImportReport,
    PersonalData,
    PersonalDataContact,
    StakeholderCreate,
    StakeholderPublic,
    StakeholderUpdate,
)
from backend.stakeholders.models import KvkNumber as KvkNumber  # for other domains
from backend.stakeholders.models import Phone as Phone  # for other domains
from backend.stakeholders.models import Stakeholder as Stakeholder  # for other domains
from backend.stakeholders.models import StakeholderKind as StakeholderKind  # for other domains
from backend.stakeholders.normalise import normalise_name

AUDITED = (
    "name", "kind", "kvk_number", "contact_name", "email", "phone", "sector", "employees", "role",
    "influence", "involvement", "woz_value_eur", "trial_poll_vote", "notes",
)  # fmt: skip
CONTACT_AUDITED = ("date", "channel", "summary", "follow_up_date", "follow_up_done")
CONTACT_PERSONAL = ("summary",)
REQUIRED_ON_UPDATE = ("name", "kind", "role", "trial_poll_vote")
CONTACT_REQUIRED_ON_UPDATE = ("date", "channel", "follow_up_done")
DEFAULTS = {"role": "none", "trial_poll_vote": "unknown"}

SeesPersonal = Callable[[str], bool]  # province -> may this principal see personal data there

STAKEHOLDER = changes.Tracked("stakeholder", AUDITED, personal=frozenset(PERSONAL_FIELDS))
CONTACT = changes.Tracked(
    "contact_moment",
    (*CONTACT_AUDITED, "stakeholder_id"),
    personal=frozenset(CONTACT_PERSONAL),
)


def _values(st: Stakeholder) -> dict[str, Any]:
    return STAKEHOLDER.values(st)


def _contact_values(c: ContactMoment) -> dict[str, Any]:
    return CONTACT.values(c)


def _invalid(field: str, msg: str) -> Unprocessable:
    return Unprocessable(msg, errors=[{"loc": ["body", field], "msg": msg}])


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """Enum members as their plain values, as the columns hold them."""
    return {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}


def _like(q: str) -> str:
    return "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# --- stakeholders ----------------------------------------------------------------------------


def to_public(st: Stakeholder, personal: bool) -> StakeholderPublic:
    data = {k: getattr(st, k) for k in StakeholderPublic.model_fields if hasattr(st, k)}
    if not personal:
        data.update(dict.fromkeys(PERSONAL_FIELDS))
    return StakeholderPublic.model_validate({**data, "personal_data_hidden": not personal})


def get_stakeholder(session: Session, stakeholder_id: uuid.UUID) -> Stakeholder:
    st = session.get(Stakeholder, stakeholder_id)
    if st is None:
        raise NotFound("There is no stakeholder with this id.")
    return st


def readable_stakeholder(
    session: Session, principal: Principal, stakeholder_id: uuid.UUID
) -> tuple[Stakeholder, Park]:
    """The stakeholder and its park, if ``principal`` may read that park (else 403/404)."""
    st = get_stakeholder(session, stakeholder_id)
    return st, park_service.readable_park(session, principal, st.park_id, what="stakeholder")


def count_in_park(park: Any) -> Any:
    """A scalar subquery: the number of stakeholders of ``park`` (a value or a bind
    parameter), for another domain to put in its own statement."""
    table = Stakeholder.__table__  # type: ignore[attr-defined]
    return select(func.count()).where(table.c.park_id == park).scalar_subquery()


def activity_per_park(today: date) -> Any:
    """A subquery for overviews over many parks, one row per park that has stakeholders:
    ``park_id``, ``stakeholders``, ``last_contact`` (the newest contact moment's date),
    ``open_follow_ups`` and ``overdue_follow_ups`` (not done, due before ``today``)."""
    s, c = Stakeholder, ContactMoment
    is_open = (col(c.follow_up_date).is_not(None)) & (col(c.follow_up_done).is_(False))
    return (
        select(
            col(s.park_id).label("park_id"),
            func.count(func.distinct(col(s.id))).label("stakeholders"),
            func.max(col(c.date)).label("last_contact"),
            func.coalesce(func.sum(case((is_open, 1), else_=0)), 0).label("open_follow_ups"),
            func.coalesce(
                func.sum(case((is_open & (col(c.follow_up_date) < today), 1), else_=0)), 0
            ).label("overdue_follow_ups"),
        )
        .select_from(s)
        .outerjoin(c, col(c.stakeholder_id) == col(s.id))
        .group_by(col(s.park_id))
        .subquery("stakeholder_activity")
    )


def contact_figures(session: Session, park_id: uuid.UUID, today: date) -> dict[uuid.UUID, Any]:
    """Per stakeholder of the park with contact moments (one GROUP BY): ``last_contact``,
    ``open_follow_ups`` and ``overdue_follow_ups``."""
    s, c = Stakeholder, ContactMoment
    is_open = (col(c.follow_up_date).is_not(None)) & (col(c.follow_up_done).is_(False))
    rows = session.execute(
        select(
            col(c.stakeholder_id).label("stakeholder_id"),
            func.max(col(c.date)).label("last_contact"),
            func.sum(case((is_open, 1), else_=0)).label("open_follow_ups"),
            func.sum(case((is_open & (col(c.follow_up_date) < today), 1), else_=0)).label(
                "overdue_follow_ups"
            ),
        )
        .join(s, col(s.id) == col(c.stakeholder_id))
        .where(col(s.park_id) == park_id)
        .group_by(col(c.stakeholder_id))
    )
    return {r.stakeholder_id: r for r in rows}


def names_by_id(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The names of these stakeholders (those that exist): organisations, not personal data."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(col(Stakeholder.id), col(Stakeholder.name)).where(col(Stakeholder.id).in_(wanted))
    )
    return {i: n for i, n in rows}


@dataclass(frozen=True)
class Invitee:
    id: uuid.UUID
    name: str
    kind: str
    email: str | None  # personal data: the caller decides whether to show it


def invitees(
    session: Session, park_id: uuid.UUID, ids: Iterable[uuid.UUID], kinds: Iterable[str]
) -> list[Invitee]:
    """The park's stakeholders with these ids or of these kinds, in name order."""
    wanted, of_kinds = list(set(ids)), list(set(kinds))
    conditions: list[ColumnElement[bool]] = []
    if wanted:
        conditions.append(col(Stakeholder.id).in_(wanted))
    if of_kinds:
        conditions.append(col(Stakeholder.kind).in_(of_kinds))
    if not conditions:
        return []
    rows = session.execute(
        select(col(Stakeholder.id), col(Stakeholder.name), col(Stakeholder.kind),
               col(Stakeholder.email))
        .where(col(Stakeholder.park_id) == park_id, or_(*conditions))
        .order_by(col(Stakeholder.sort_name), col(Stakeholder.id))
    )  # fmt: skip
    return [Invitee(i, n, k, e) for i, n, k, e in rows]


Match = Callable[[str | None, str | None], tuple[uuid.UUID, str, str] | None]


def matcher(session: Session, park_id: uuid.UUID) -> Match:
    """``match(kvk, name)``: the park's stakeholder a company most likely is, as (id, name,
    "kvk_number" or "name"): by KvK number first, then by the name as the import compares
    names. The park's stakeholders are read once, for as many companies as there are."""
    by_kvk: dict[str, tuple[uuid.UUID, str]] = {}
    by_name: dict[str, tuple[uuid.UUID, str]] = {}
    rows = session.execute(
        select(col(Stakeholder.id), col(Stakeholder.name), col(Stakeholder.kvk_number))
        .where(col(Stakeholder.park_id) == park_id)
        .order_by(col(Stakeholder.sort_name), col(Stakeholder.id))
    )
    for sid, name, kvk in rows:
        if kvk:
            by_kvk.setdefault(kvk, (sid, name))
        by_name.setdefault(normalise_name(name), (sid, name))

    def match(kvk: str | None, name: str | None) -> tuple[uuid.UUID, str, str] | None:
        if kvk and kvk in by_kvk:
            return (*by_kvk[kvk], "kvk_number")
        wanted = normalise_name(name or "")
        if wanted and wanted in by_name:
            return (*by_name[wanted], "name")
        return None

    return match


def create_from_survey(
    session: Session,
    actor: Actor,
    park: Park,
    *,
    name: str,
    kind: str,
    kvk_number: str | None,
    contact_name: str | None,
    email: str | None,
    phone: str | None,
) -> Stakeholder:
    """A stakeholder made from a survey respondent's company, as ``create_stakeholder`` would
    (the KvK number unique in the park, audited with the contact person redacted)."""
    data = StakeholderCreate.model_validate(
        {"name": name or "?", "kind": kind, "kvk_number": kvk_number,
         "contact_name": contact_name, "email": email, "phone": phone}
    )  # fmt: skip
    return create_stakeholder(session, actor, park, data)


def names_and_kinds(session: Session, park_id: uuid.UUID) -> list[tuple[uuid.UUID, str, str]]:
    """(id, name, kind) of the park's stakeholders, in name order."""
    rows = session.execute(
        select(col(Stakeholder.id), col(Stakeholder.name), col(Stakeholder.kind))
        .where(col(Stakeholder.park_id) == park_id)
        .order_by(col(Stakeholder.sort_name), col(Stakeholder.id))
    )
    return [(sid, name, kind) for sid, name, kind in rows]


@dataclass(frozen=True)
class StakeholderFacts:
    """What another domain may know of a stakeholder without its personal data."""

    id: uuid.UUID
    park_id: uuid.UUID
    name: str
    kind: str
    employees: int | None
    woz_value_eur: Decimal | None


def facts_of(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, StakeholderFacts]:
    """Name, kind, employees and WOZ value of these stakeholders (those that exist)."""
    wanted = list(dict.fromkeys(ids))
    found: dict[uuid.UUID, StakeholderFacts] = {}
    for start in range(0, len(wanted), 1000):
        rows = session.execute(
            select(
                col(Stakeholder.id),
                col(Stakeholder.park_id),
                col(Stakeholder.name),
                col(Stakeholder.kind),
                col(Stakeholder.employees),
                col(Stakeholder.woz_value_eur),
            ).where(col(Stakeholder.id).in_(wanted[start : start + 1000]))
        )
        for row in rows:
            found[row[0]] = StakeholderFacts(*row)
    return found


def kind_role_vote_counts(
    session: Session, park_id: uuid.UUID
) -> list[tuple[str, str, str, int, Any]]:
    """(kind, role, trial_poll_vote, number, sum of WOZ values) of the park's stakeholders:
    one GROUP BY, for the organisation-form advice."""
    rows = session.execute(
        select(
            col(Stakeholder.kind),
            col(Stakeholder.role),
            col(Stakeholder.trial_poll_vote),
            func.count(),
            func.sum(col(Stakeholder.woz_value_eur)),
        )
        .where(col(Stakeholder.park_id) == park_id)
        .group_by(col(Stakeholder.kind), col(Stakeholder.role), col(Stakeholder.trial_poll_vote))
    )
    return [(k, r, v, int(n), woz) for k, r, v, n, woz in rows]


def poll_voters(session: Session, park_id: uuid.UUID) -> list[tuple[str, str, Any]]:
    """(kind, trial_poll_vote, woz_value_eur) of the park's entrepreneurs and property owners,
    for the BIZ vote simulation."""
    rows = session.execute(
        select(
            col(Stakeholder.kind), col(Stakeholder.trial_poll_vote), col(Stakeholder.woz_value_eur)
        )
        .where(
            col(Stakeholder.park_id) == park_id,
            col(Stakeholder.kind).in_(
                [StakeholderKind.entrepreneur.value, StakeholderKind.property_owner.value]
            ),
        )
        .order_by(col(Stakeholder.sort_name), col(Stakeholder.id))
    )
    return [(k, v, woz) for k, v, woz in rows]


@dataclass(frozen=True)
class ParkInventory:
    """The numbers of a park's inventory, counted in SQL (for the overview and assessments)."""

    by_kind: dict[str, int]
    by_role: dict[str, int]
    reachable: int  # entrepreneurs and property owners
    reached_since: int  # of those, with a contact moment on or after ``since``
    kinds_reached_since: tuple[str, ...]  # kinds with a contact moment on or after ``since``
    last_contact: date | None
    open_follow_ups: int


def counts_by_kind(session: Session, park_id: uuid.UUID) -> dict[str, int]:
    rows = session.execute(
        select(col(Stakeholder.kind), func.count())
        .where(col(Stakeholder.park_id) == park_id)
        .group_by(col(Stakeholder.kind))
    )
    return {kind: n for kind, n in rows}


def park_inventory(session: Session, park_id: uuid.UUID, since: date) -> ParkInventory:
    s, c = Stakeholder, ContactMoment
    by_kind: dict[str, int] = {}
    by_role: dict[str, int] = {}
    rows = session.execute(
        select(col(s.kind), col(s.role), func.count())
        .where(col(s.park_id) == park_id)
        .group_by(col(s.kind), col(s.role))
    )
    for kind, role, n in rows:
        by_kind[kind] = by_kind.get(kind, 0) + n
        by_role[role] = by_role.get(role, 0) + n
    contacts = (
        select(
            col(s.kind),
            func.count(func.distinct(col(c.stakeholder_id))).filter(col(c.date) >= since),
            func.max(col(c.date)),
            func.count().filter(
                col(c.follow_up_date).is_not(None), col(c.follow_up_done).is_(False)
            ),
        )
        .join(s, col(s.id) == col(c.stakeholder_id))
        .where(col(s.park_id) == park_id)
        .group_by(col(s.kind))
    )
    reached = 0
    kinds: list[str] = []
    last: date | None = None
    open_follow_ups = 0
    for kind, spoken, latest, follow_ups in session.execute(contacts):
        if kind in ("entrepreneur", "property_owner"):
            reached += spoken
        if spoken:
            kinds.append(kind)
        if latest is not None and (last is None or latest > last):
            last = latest
        open_follow_ups += follow_ups
    return ParkInventory(
        by_kind=by_kind,
        by_role=by_role,
        reachable=by_kind.get("entrepreneur", 0) + by_kind.get("property_owner", 0),
        reached_since=reached,
        kinds_reached_since=tuple(sorted(kinds)),
        last_contact=last,
        open_follow_ups=open_follow_ups,
    )


@dataclass(frozen=True)
class ReportRow:
    name: str
    kind: str
    role: str
    contact_name: str | None  # None unless the caller may see personal data
    contacts: int
    last_contact: date | None


def report_rows(session: Session, park_id: uuid.UUID, personal: bool) -> list[ReportRow]:
    """Every stakeholder of the park with its number of contact moments and the last one, in
    name order (one query)."""
    s, c = Stakeholder, ContactMoment
    rows = session.execute(
        select(
            col(s.name),
            col(s.kind),
            col(s.role),
            col(s.contact_name),
            func.count(col(c.id)),
            func.max(col(c.date)),
        )
        .outerjoin(c, col(c.stakeholder_id) == col(s.id))
        .where(col(s.park_id) == park_id)
        .group_by(col(s.id), col(s.name), col(s.kind), col(s.role), col(s.contact_name))
        .order_by(col(s.sort_name), col(s.id))
    )
    return [
        ReportRow(name, kind, role, person if personal else None, n, last)
        for name, kind, role, person, n, last in rows
    ]


def park_of(session: Session, st: Stakeholder) -> Park:
    return park_service.get_park(session, st.park_id)


def _check_kvk_unique(
    session: Session, park_id: uuid.UUID, kvk: str | None, own_id: uuid.UUID | None
) -> None:
    if kvk is None:
        return
    other = session.execute(
        select(col(Stakeholder.id), col(Stakeholder.name)).where(
            col(Stakeholder.park_id) == park_id, col(Stakeholder.kvk_number) == kvk
        )
    ).first()
    if other is not None and other[0] != own_id:
        raise Conflict(
            f"KvK number {kvk} is already registered in this park, for stakeholder "
            f"'{other[1]}' ({other[0]}). Edit that stakeholder instead.",
            extra={"existing_id": str(other[0])},
        )


def list_stakeholders(
    session: Session,
    park_id: uuid.UUID,
    *,
    kind: str | None,
    role: str | None,
    q: str | None,
    updated_since: datetime | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Stakeholder], str | None]:
    stmt = select(Stakeholder).where(col(Stakeholder.park_id) == park_id)
    if kind:
        stmt = stmt.where(col(Stakeholder.kind) == kind)
    if role:
        stmt = stmt.where(col(Stakeholder.role) == role)
    if q and q.strip():
        digits = q.strip().replace(" ", "")
        conditions: list[ColumnElement[bool]] = [col(Stakeholder.name).ilike(_like(q), escape="\\")]
        if digits.isdigit():
            conditions.append(col(Stakeholder.kvk_number).startswith(digits))
        stmt = stmt.where(or_(*conditions))
    if updated_since is not None:
        stmt = stmt.where(col(Stakeholder.updated_at) > updated_since)
        cols = [col(Stakeholder.updated_at), col(Stakeholder.id)]
        rows = session.scalars(keyset(stmt, cols, "st-updated", cursor, limit)).all()
        return page_of(rows, limit, "st-updated", lambda s: [s.updated_at, s.id])
    cols = [col(Stakeholder.sort_name), col(Stakeholder.id)]
    rows = session.scalars(keyset(stmt, cols, "st-name", cursor, limit)).all()
    return page_of(rows, limit, "st-name", lambda s: [s.sort_name, s.id])


def create_stakeholder(
    session: Session, actor: Actor, park: Park, data: StakeholderCreate
) -> Stakeholder:
    values = _plain(data.model_dump())
    _check_kvk_unique(session, park.id, values["kvk_number"], None)
    st = Stakeholder(park_id=park.id, sort_name=sort_key(values["name"]), **values)
    session.add(st)
    changes.created(session, actor, STAKEHOLDER, st, park_id=park.id)
    return st


def update_stakeholder(
    session: Session, actor: Actor, st: Stakeholder, data: StakeholderUpdate
) -> Stakeholder:
    given = _plain(data.model_dump(exclude_unset=True))
    for key in REQUIRED_ON_UPDATE:
        if key in given and given[key] is None:
            raise _invalid(key, f"{key} cannot be empty")
    if "kvk_number" in given and given["kvk_number"] != st.kvk_number:
        _check_kvk_unique(session, st.park_id, given["kvk_number"], st.id)
    before = _values(st)
    for key, value in given.items():
        setattr(st, key, value)
    st.sort_name = sort_key(st.name)
    changes.updated(session, actor, STAKEHOLDER, st, before, park_id=st.park_id)
    return st


def delete_stakeholder(session: Session, actor: Actor, st: Stakeholder) -> None:
    """Delete the stakeholder and (by the database's cascade) its contact moments; the
    handlers record a tombstone for each of those, and for its interests."""
    changes.deleted(session, actor, STAKEHOLDER, st, park_id=st.park_id)
    session.delete(st)
    session.flush()


# A deleted park takes its stakeholders along: a tombstone for each (and, through the
# stakeholder handlers, for what hangs under them).
changes.cascades("park", "stakeholder", Stakeholder)


@changes.on("stakeholder", changes.ChangeAction.delete)
def _stakeholders_deleted(session: Session, gone: list[changes.Change]) -> None:
    by_id = {c.entity_id: c for c in gone}
    ids = list(by_id)
    for start in range(0, len(ids), 1000):
        rows = session.execute(
            select(
                col(ContactMoment.id), col(ContactMoment.stakeholder_id), col(ContactMoment.version)
            ).where(col(ContactMoment.stakeholder_id).in_(ids[start : start + 1000]))
        ).all()
        tombstones = [
            tombstone
            for cid, sid, version in rows
            for tombstone in changes.cascaded_deletes(
                by_id[sid].actor, "contact_moment", [(cid, by_id[sid].park_id, version)], by_id[sid]
            )
        ]
        changes.record(session, tombstones)


# --- contact moments -------------------------------------------------------------------------


def contact_to_public(c: ContactMoment, personal: bool) -> ContactMomentPublic:
    return ContactMomentPublic(
        id=c.id,
        stakeholder_id=c.stakeholder_id,
        date=c.date,
        channel=c.channel,
        summary=c.summary if personal else None,
        follow_up_date=c.follow_up_date,
        follow_up_done=c.follow_up_done,
        personal_data_hidden=not personal,
        created_at=c.created_at,
        updated_at=c.updated_at,
        version=c.version,
    )


def get_contact(session: Session, contact_id: uuid.UUID) -> ContactMoment:
    c = session.get(ContactMoment, contact_id)
    if c is None:
        raise NotFound("There is no contact moment with this id.")
    return c


def _check_follow_up(contact_date: date, follow_up: date | None, field: str) -> None:
    if follow_up is not None and follow_up < contact_date:
        raise _invalid(field, "the follow-up date cannot be before the date of the contact")


def list_contacts(
    session: Session, stakeholder_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[list[ContactMoment], str | None]:
    stmt = select(ContactMoment).where(col(ContactMoment.stakeholder_id) == stakeholder_id)
    cols = [col(ContactMoment.date), col(ContactMoment.id)]
    rows = session.scalars(keyset(stmt, cols, "contacts", cursor, limit)).all()
    return page_of(rows, limit, "contacts", lambda c: [c.date, c.id])


def create_contact(
    session: Session, actor: Actor, st: Stakeholder, data: ContactMomentCreate
) -> ContactMoment:
    _check_follow_up(data.date, data.follow_up_date, "follow_up_date")
    if data.close_open_follow_ups:
        still_open = session.scalars(
            select(ContactMoment).where(
                col(ContactMoment.stakeholder_id) == st.id,
                col(ContactMoment.follow_up_date).is_not(None),
                col(ContactMoment.follow_up_done).is_(False),
            )
        ).all()
        for old in still_open:
            before = _contact_values(old)
            old.follow_up_done = True
            changes.updated(session, actor, CONTACT, old, before, park_id=st.park_id)
    values = _plain(data.model_dump(exclude={"close_open_follow_ups"}))
    c = ContactMoment(stakeholder_id=st.id, **values)
    session.add(c)
    changes.created(session, actor, CONTACT, c, park_id=st.park_id)
    return c


def update_contact(
    session: Session, actor: Actor, c: ContactMoment, park_id: uuid.UUID, data: ContactMomentUpdate
) -> ContactMoment:
    given = _plain(data.model_dump(exclude_unset=True))
    for key in CONTACT_REQUIRED_ON_UPDATE:
        if key in given and given[key] is None:
            raise _invalid(key, f"{key} cannot be empty")
    _check_follow_up(
        given.get("date", c.date), given.get("follow_up_date", c.follow_up_date),
        "follow_up_date" if "follow_up_date" in given else "date",
    )  # fmt: skip
    before = _contact_values(c)
    for key, value in given.items():
        setattr(c, key, value)
    changes.updated(session, actor, CONTACT, c, before, park_id=park_id)
    return c


def delete_contact(session: Session, actor: Actor, c: ContactMoment, park_id: uuid.UUID) -> None:
    changes.deleted(session, actor, CONTACT, c, park_id=park_id)
    session.delete(c)
    session.flush()


def list_follow_ups(
    session: Session,
    *,
    provinces: frozenset[str] | None,
    before: date | None,
    park_id: uuid.UUID | None,
    sees_personal: SeesPersonal,
    cursor: str | None,
    limit: int,
) -> tuple[list[FollowUp], str | None]:
    """Open follow-ups (not done) due on or before ``before``, soonest first, in the parks of
    ``provinces`` (``None``: all), with whom to contact."""
    stmt = (
        select(
            col(ContactMoment.id),
            col(ContactMoment.follow_up_date),
            col(ContactMoment.date),
            col(ContactMoment.channel),
            col(ContactMoment.summary),
            col(ContactMoment.version),
            col(Stakeholder.id),
            col(Stakeholder.name),
            col(Stakeholder.contact_name),
            col(Stakeholder.phone),
            col(Stakeholder.email),
            col(Park.id),
            col(Park.name),
            col(Park.province),
        )
        .join(Stakeholder, col(Stakeholder.id) == col(ContactMoment.stakeholder_id))
        .join(Park, col(Park.id) == col(Stakeholder.park_id))
        .where(
            col(ContactMoment.follow_up_done).is_(False),
            col(ContactMoment.follow_up_date).is_not(None),
        )
    )
    if before is not None:
        stmt = stmt.where(col(ContactMoment.follow_up_date) <= before)
    if provinces is not None:
        stmt = stmt.where(col(Park.province).in_(provinces))
    if park_id is not None:
        stmt = stmt.where(col(Park.id) == park_id)
    cols = [col(ContactMoment.follow_up_date), col(ContactMoment.id)]
    rows = session.execute(keyset(stmt, cols, "follow-ups", cursor, limit)).all()
    page, next_cursor = page_of(rows, limit, "follow-ups", lambda r: [r[1], r[0]])
    out = []
    for row in page:
        (
            cid,
            due,
            on,
            channel,
            summary,
            version,
            sid,
            sname,
            cname,
            phone,
            email,
            pid,
            pname,
            prov,
        ) = row
        personal = sees_personal(prov)
        out.append(
            FollowUp(
                contact_id=cid,
                version=version,
                follow_up_date=due,
                date=on,
                channel=channel,
                summary=summary if personal else None,
                stakeholder_id=sid,
                stakeholder_name=sname,
                contact_name=cname if personal else None,
                phone=phone if personal else None,
                email=email if personal else None,
                park_id=pid,
                park_name=pname,
                province=prov,
                personal_data_hidden=not personal,
            )
        )
    return out, next_cursor


# --- privacy ---------------------------------------------------------------------------------

AUDIT_NOTE = "The audit trail records that these fields changed and by whom, never their values."


def personal_data(session: Session, st: Stakeholder) -> PersonalData:
    contacts = session.scalars(
        select(ContactMoment)
        .where(col(ContactMoment.stakeholder_id) == st.id)
        .order_by(col(ContactMoment.date), col(ContactMoment.id))
    ).all()
    return PersonalData(
        stakeholder_id=st.id,
        park_id=st.park_id,
        organisation=st.name,
        contact_name=st.contact_name,
        email=st.email,
        phone=st.phone,
        contact_moments=[
            PersonalDataContact(
                id=c.id,
                date=c.date,
                channel=c.channel,
                summary=c.summary,
                follow_up_date=c.follow_up_date,
            )
            for c in contacts
        ],
        personal_data_erased_at=st.personal_data_erased_at,
        audit_note=AUDIT_NOTE,
    )


def erase_personal_data(session: Session, actor: Actor, st: Stakeholder) -> Stakeholder:
    """Erase the contact person: name, e-mail, phone and every contact summary. The organisation
    and the facts of the contacts (date, channel, follow-up) stay. The audit event names the
    erased fields, not their values."""
    erased: dict[str, dict[str, Any]] = {
        k: {"old": changes.REDACTED, "new": None} for k in PERSONAL_FIELDS if getattr(st, k)
    }
    contacts = session.scalars(
        select(ContactMoment).where(
            col(ContactMoment.stakeholder_id) == st.id, col(ContactMoment.summary).is_not(None)
        )
    ).all()
    now = utcnow()
    for c in contacts:
        c.summary = None
        c.updated_at = now
        session.add(c)
    if contacts:
        erased["contact_summaries"] = {"old": changes.REDACTED, "new": None}
    for key in PERSONAL_FIELDS:
        setattr(st, key, None)
    st.personal_data_erased_at = now
    st.updated_at = now
    session.add(st)
    session.flush()
    erased["erased_contact_summaries"] = {"old": None, "new": len(contacts)}
    erase = changes.AuditAction.erase
    summary = {"summary": {"old": changes.REDACTED, "new": None}}
    recorded = [changes.Change("stakeholder", st.id, st.park_id, erase, st.version, actor, erased)]
    recorded += [
        changes.Change("contact_moment", c.id, st.park_id, erase, c.version, actor, dict(summary))
        for c in contacts
    ]
    changes.record(session, recorded)
    return st


# --- import and export -----------------------------------------------------------------------


@dataclass
class _Existing:
    id: uuid.UUID
    version: int
    erased_at: datetime | None
    values: dict[str, Any]


def _load_existing(session: Session, park_id: uuid.UUID) -> list[_Existing]:
    cols = [
        col(Stakeholder.id),
        col(Stakeholder.version),
        col(Stakeholder.personal_data_erased_at),
        *(col(getattr(Stakeholder, k)) for k in AUDITED),
    ]
    rows = session.execute(select(*cols).where(col(Stakeholder.park_id) == park_id)).all()
    return [_Existing(r[0], r[1], r[2], dict(zip(AUDITED, r[3:], strict=True))) for r in rows]


def _stale_rows(
    session: Session,
    changed: list[tuple[int, _Existing, dict[str, Any], dict[str, Any]]],
    written_at: datetime,
) -> list[tuple[int, _Existing]]:
    """The rows whose stakeholder was changed (or deleted) by someone else since the import
    read it: those the import's own UPDATE (stamped ``written_at``) did not reach."""
    ids = [target.id for _, target, _, _ in changed]
    versions = {t.id: t.version for _, t, _, _ in changed}
    ours: set[uuid.UUID] = set()
    for start in range(0, len(ids), 1000):
        rows = session.execute(
            select(
                col(Stakeholder.id), col(Stakeholder.version), col(Stakeholder.updated_at)
            ).where(col(Stakeholder.id).in_(ids[start : start + 1000]))
        )
        ours.update(
            sid for sid, version, at in rows if version == versions[sid] + 1 and at == written_at
        )
    return [(row, t) for row, t, _, _ in changed if t.id not in ours]


MAX_CANDIDATES = 5  # existing stakeholders named per likely duplicate
MAX_REPORTED_DUPLICATES = 500  # likely duplicates listed in an answer


class _Likely:
    """Where a row without a KvK match may belong: existing stakeholders with the same
    normalised name (``normalise_name``) or the same e-mail address (case-insensitive).

    Stakeholders have no address, so an address cannot be compared. E-mail addresses are
    compared only for importers who may see personal data: for the others the answer would
    tell whose contact person has an address they typed."""

    def __init__(self, existing: list[_Existing], by_email: bool) -> None:
        self.by_name: dict[str, list[_Existing]] = {}
        self.by_email: dict[str, list[_Existing]] = {}
        for e in existing:
            key = normalise_name(e.values["name"])
            if key:
                self.by_name.setdefault(key, []).append(e)
            if by_email and e.values["email"]:
                self.by_email.setdefault(e.values["email"].strip().casefold(), []).append(e)
        self.use_email = by_email

    def of(self, values: dict[str, Any]) -> list[tuple[_Existing, list[ImportMatchReason]]]:
        found: dict[uuid.UUID, tuple[_Existing, list[ImportMatchReason]]] = {}
        for e in self.by_name.get(normalise_name(values.get("name") or ""), []):
            found.setdefault(e.id, (e, []))[1].append(ImportMatchReason.name)
        email = values.get("email")
        if self.use_email and email:
            for e in self.by_email.get(email.strip().casefold(), []):
                found.setdefault(e.id, (e, []))[1].append(ImportMatchReason.email)
        ranked = sorted(found.values(), key=lambda f: (-len(f[1]), sort_key(f[0].values["name"])))
        return ranked[:MAX_CANDIDATES]


def _describe(candidates: list[tuple[_Existing, list[ImportMatchReason]]]) -> str:
    parts = []
    for e, reasons in candidates:
        kvk = f", KvK {e.values['kvk_number']}" if e.values["kvk_number"] else ""
        why = " and ".join(
            "same name" if r is ImportMatchReason.name else "same e-mail" for r in reasons
        )
        parts.append(f"'{echo(e.values['name'], 80)}' ({why}{kvk}; id {e.id})")
    return "; ".join(parts)


def _decision_help(row: int, candidates: list[tuple[_Existing, list[ImportMatchReason]]]) -> str:
    return (
        f"looks like a stakeholder already in the park: {_describe(candidates)}. Choose for row "
        f'{row} in decisions: "update:<id>" (this row updates that stakeholder), "create" (a new '
        'stakeholder) or "skip" (leave the row out)'
    )


def _problem_errors(errors: list[RowError]) -> list[dict[str, Any]]:
    return [
        {
            "loc": ["file", e.row, e.column],
            "msg": e.message,
            "row": e.row,
            "column": e.column,
            "value": e.value,
        }
        for e in errors[:MAX_REPORTED_ERRORS]
    ]


def import_stakeholders(
    session: Session,
    actor: Actor,
    park: Park,
    parsed: ParsedFile,
    *,
    dry_run: bool,
    sees_personal: bool,
    decisions: dict[int, Decision] | None = None,
) -> ImportReport:
    """Create or update every row, or none. Rows match an existing stakeholder of the park by
    KvK number; rows without one match a stakeholder without KvK number of the same name.

    A row that matches none of them but looks like a stakeholder of the park (``_Likely``: the
    same normalised name or e-mail) is a likely duplicate: the answer lists it, and the real
    import refuses it (422) until ``decisions`` says what to do with it: update that
    stakeholder (as a KvK match would, an empty KvK cell keeping its number), create a new one,
    or skip the row. A decision for any other row is an error of that row.

    When the importer may not see personal data, empty personal cells keep what is stored
    (an export they made has those cells empty, and importing it must not erase anything)."""
    existing = _load_existing(session, park.id)
    by_kvk = {e.values["kvk_number"]: e for e in existing if e.values["kvk_number"]}
    by_name: dict[str, list[_Existing]] = {}
    for e in existing:
        if not e.values["kvk_number"]:
            by_name.setdefault(e.values["name"].casefold(), []).append(e)

    errors = list(parsed.errors)
    decided = dict(decisions or {})
    failed_rows = {e.row for e in parsed.errors}
    likely = _Likely(existing, by_email=sees_personal)
    duplicates: list[ImportDuplicate] = []
    skipped = 0
    name_header = parsed.headers.get("name", EXPORT_HEADERS["name"])
    kvk_rows: dict[str, int] = {}
    matched: set[uuid.UUID] = set()
    claimed: dict[uuid.UUID, int] = {}  # stakeholder -> the row that updates it
    now = utcnow()
    new_rows: list[dict[str, Any]] = []
    changed: list[tuple[int, _Existing, dict[str, Any], dict[str, Any]]] = []
    warnings = list(parsed.warnings)
    kept_erased: list[int] = []
    unchanged = 0
    kvk_header = parsed.headers.get("kvk_number", EXPORT_HEADERS["kvk_number"])
    kind_header = parsed.headers.get("kind", EXPORT_HEADERS["kind"])
    for row in parsed.rows:
        decision = decided.pop(row.row, None)
        kvk = row.values.get("kvk_number")
        if kvk:
            if kvk in kvk_rows:
                errors.append(
                    RowError(
                        row.row,
                        kvk_header,
                        row.cells.get("kvk_number", kvk),
                        f"KvK number {kvk} appears twice in the file (also in row "
                        f"{kvk_rows[kvk]}); keep one row per organisation",
                    )
                )
                continue
            kvk_rows[kvk] = row.row
            target = by_kvk.get(kvk)
        else:
            candidates = [
                e for e in by_name.get(row.values["name"].casefold(), []) if e.id not in matched
            ]
            target = candidates[0] if len(candidates) == 1 else None
        values = dict(row.values)
        if not sees_personal:
            for key in PERSONAL_FIELDS:
                if key in values and values[key] is None:
                    del values[key]
        if target is not None and decision is not None:
            errors.append(_needless_decision(row, name_header, decision))
            continue
        if target is None:
            found = likely.of(values)
            if found:
                outcome = _decide(row, name_header, found, decision, duplicates)
                if isinstance(outcome, RowError):
                    errors.append(outcome)
                    continue
                if outcome == "undecided":
                    if not dry_run:
                        errors.append(
                            RowError(
                                row.row,
                                name_header,
                                row.cells.get("name", ""),
                                _decision_help(row.row, found),
                            )
                        )
                    continue
                if outcome == "skip":
                    skipped += 1
                    continue
                if isinstance(outcome, _Existing):
                    target = outcome
                    if values.get("kvk_number") is None:
                        values.pop("kvk_number", None)  # an empty cell keeps the stored one
            elif decision is not None:
                errors.append(_needless_decision(row, name_header, decision))
                continue
        if target is not None and target.id in claimed:
            errors.append(
                RowError(
                    row.row,
                    name_header,
                    row.cells.get("name", ""),
                    f"the stakeholder '{echo(target.values['name'], 80)}' is already updated by "
                    f"row {claimed[target.id]}; keep one row per organisation",
                )
            )
            continue
        if target is None:
            if not values.get("kind"):
                errors.append(
                    RowError(
                        row.row,
                        kind_header,
                        row.cells.get("kind", ""),
                        "the kind (soort) is required for a new stakeholder",
                    )
                )
                continue
            full = {k: values.get(k, DEFAULTS.get(k)) for k in AUDITED}
            new_rows.append(full)
            continue
        matched.add(target.id)
        claimed[target.id] = row.row
        if target.erased_at is not None:
            # The contact person was erased on request: a file (perhaps an export made before
            # the erasure) never brings them back. Entering them anew is an explicit,
            # audited change of the stakeholder itself.
            for key in PERSONAL_FIELDS:
                if values.get(key) is not None:
                    values.pop(key)
                    if not kept_erased or kept_erased[-1] != row.row:
                        kept_erased.append(row.row)
        after = {**target.values, **values}
        if changes.diff(target.values, after):
            changed.append((row.row, target, target.values, after))
        else:
            unchanged += 1

    for number, decision in sorted(decided.items()):
        if number not in failed_rows:
            errors.append(
                RowError(
                    number,
                    "decisions",
                    decision.written,
                    f"row {number} is not a data row of the file; a decision is only for a row "
                    "the check lists as a likely duplicate",
                )
            )
    if errors:
        errors.sort(key=lambda e: e.row)
        shown = min(len(errors), MAX_REPORTED_ERRORS)
        rows_with_errors = len({e.row for e in errors})
        detail = (
            f"Nothing was imported: {rows_with_errors} row(s) have errors ({len(errors)} in all"
            + (f", the first {shown} are listed" if shown < len(errors) else "")
            + "). Correct them in the file and import it again."
        )
        if parsed.warnings:
            detail += f" The file also has {len(parsed.warnings)} warning(s); see warnings."
        raise Unprocessable(
            detail,
            errors=_problem_errors(errors),
            extra={
                "warnings": list(parsed.warnings),
                "duplicates": [
                    d.model_dump(mode="json") for d in duplicates[:MAX_REPORTED_DUPLICATES]
                ],
            },
        )
    if kept_erased:
        listed = ", ".join(str(r) for r in kept_erased[:20])
        more = f" and {len(kept_erased) - 20} more" if len(kept_erased) > 20 else ""
        warnings.append(
            f"Row(s) {listed}{more}: the contact person of this stakeholder was erased on "
            "request; the contact person's name, e-mail and phone in the file were not "
            "imported. Enter them in the stakeholder's form if the person agrees anew."
        )

    report = ImportReport(
        dry_run=dry_run,
        rows=len(parsed.rows),
        created=len(new_rows),
        updated=len(changed),
        unchanged=unchanged,
        skipped=skipped,
        duplicates=duplicates[:MAX_REPORTED_DUPLICATES],
        warnings=warnings,
    )
    if dry_run:
        return report

    recorded: list[changes.Change] = []
    inserts: list[dict[str, Any]] = []
    for full in new_rows:
        sid = new_id()
        inserts.append(
            {
                "id": sid,
                "park_id": park.id,
                **full,
                "sort_name": sort_key(full["name"]),
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
    recorded += changes.bulk(
        actor,
        STAKEHOLDER,
        changes.AuditAction.create,
        [(i["id"], park.id, 1, None, full) for i, full in zip(inserts, new_rows, strict=True)],
    )
    table = Stakeholder.__table__  # type: ignore[attr-defined]
    for start in range(0, len(inserts), 1000):
        # Core executemany: the ORM's per-row bookkeeping is not needed for new rows.
        session.connection().execute(insert(table), inserts[start : start + 1000])

    if changed:
        # Versioned like the ORM path: a row changed (or erased, or deleted) since the import
        # read it is not overwritten; the whole import fails with 409 naming those rows.
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(
                {
                    **{k: bindparam(f"b_{k}") for k in AUDITED},
                    "sort_name": bindparam("b_sort_name"),
                    "updated_at": bindparam("b_updated_at"),
                    "version": table.c.version + 1,
                }
            )
        )
        params = [
            {
                "b_id": target.id,
                "b_version": target.version,
                "b_updated_at": now,
                "b_sort_name": sort_key(after["name"]),
                **{f"b_{k}": after[k] for k in AUDITED},
            }
            for _, target, _, after in changed
        ]
        updated = 0
        for start in range(0, len(params), 1000):
            result = session.connection().execute(stmt, params[start : start + 1000])
            updated += result.rowcount
        if updated != len(changed):
            raise _stale_import(_stale_rows(session, changed, now), kvk_header)
        recorded += changes.bulk(
            actor,
            STAKEHOLDER,
            changes.AuditAction.update,
            [(t.id, park.id, t.version + 1, before, after) for _, t, before, after in changed],
        )
        session.expire_all()
    # The same seam as the single-row path: audit, change log and the other domains' handlers
    # (an interest's copy of its stakeholder's kind) for every row.
    changes.record(session, recorded)
    session.flush()
    return report


def _needless_decision(row: ParsedRow, name_header: str, decision: Decision) -> RowError:
    return RowError(
        row.row,
        name_header,
        row.cells.get("name", ""),
        f"this row is not a likely duplicate, so it takes no decision (got "
        f"'{echo(decision.written, 80)}'); leave it out of decisions",
    )


def _decide(
    row: ParsedRow,
    name_header: str,
    found: list[tuple[_Existing, list[ImportMatchReason]]],
    decision: Decision | None,
    duplicates: list[ImportDuplicate],
) -> RowError | _Existing | str:
    """What a likely duplicate becomes: the stakeholder to update, ``"create"``, ``"skip"``,
    ``"undecided"``, or the error of a decision that does not fit the row."""
    duplicates.append(
        ImportDuplicate(
            row=row.row,
            name=echo(row.values.get("name") or ""),
            candidates=[
                ImportCandidate(
                    id=e.id,
                    name=e.values["name"],
                    kvk_number=e.values["kvk_number"],
                    reasons=reasons,
                )
                for e, reasons in found
            ],
            decision=echo(decision.written, 80) if decision else None,
        )
    )
    if decision is None:
        return "undecided"
    if decision.action != "update":
        return decision.action
    for e, _ in found:
        if e.id == decision.target:
            return e
    return RowError(
        row.row,
        name_header,
        row.cells.get("name", ""),
        f"stakeholder {echo(str(decision.target), 80)} is not a likely duplicate of this row; "
        + _decision_help(row.row, found),
    )


def _stale_import(stale: list[tuple[int, _Existing]], kvk_header: str) -> Conflict:
    shown = stale[:MAX_REPORTED_ERRORS]
    return Conflict(
        f"Nothing was imported: {len(stale)} stakeholder(s) in the file were changed by someone "
        "else while the file was being imported. Import the file again: it then starts from "
        "the current data.",
        errors=[
            {
                "loc": ["file", row, "name"],
                "msg": "changed by someone else during the import",
                "row": row,
                "column": kvk_header if target.values.get("kvk_number") else "naam",
                "value": str(target.values.get("kvk_number") or target.values["name"])[:200],
            }
            for row, target in shown
        ],
    )


def import_file(
    session: Session,
    actor: Actor,
    park: Park,
    content: bytes,
    filename: str | None,
    *,
    dry_run: bool,
    sees_personal: bool,
    decisions: str | None = None,
) -> ImportReport:
    """Read a CSV or XLSX file and import it (see ``import_stakeholders``); ``decisions`` is
    the form field as sent (``importing.parse_decisions``)."""
    decided, bad = parse_decisions(decisions)
    parsed = parse_file(content, filename)
    parsed.errors.extend(bad)
    return import_stakeholders(
        session,
        actor,
        park,
        parsed,
        dry_run=dry_run,
        sees_personal=sees_personal,
        decisions=decided,
    )


def export_rows(session: Session, park_id: uuid.UUID, personal: bool) -> list[dict[str, Any]]:
    cols = [col(getattr(Stakeholder, k)) for k in AUDITED]
    stmt = (
        select(*cols)
        .where(col(Stakeholder.park_id) == park_id)
        .order_by(col(Stakeholder.sort_name), col(Stakeholder.id))
    )
    out = []
    for row in session.execute(stmt):
        values = dict(zip(AUDITED, row, strict=True))
        if not personal:
            values.update(dict.fromkeys(PERSONAL_FIELDS))
        out.append(values)
    return out
