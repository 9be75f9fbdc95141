"""Route dependencies that hand an endpoint a stakeholder or contact moment it may use, with
whether the caller may see the contact person (``auth/policy.py`` decides both).

- ``ReadableStakeholder`` / ``ReadableContact``: what the caller may read (404 or 403).
- ``StakeholderToWriteIn``: a stakeholder the caller may add things to (contacts, interests).
- ``WritableStakeholder`` / ``WritableContact``: may write, and ``If-Match`` matches (412).
- ``PersonalDataReadable`` / ``PersonalDataErasable``: the contact person's data itself.
- ``ParkView``: a readable park and whether the caller sees personal data in it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from backend.auth.deps import CurrentPrincipal
from backend.auth.policy import Action, Principal, allowed, require, require_work_provinces
from backend.core.db import SessionDep
from backend.core.errors import NotFound
from backend.core.etag import IfMatchHeader, check_if_match
from backend.parks.deps import ReadablePark
from backend.parks.service import Park
from backend.stakeholders import service
from backend.stakeholders.models import ContactMoment, Stakeholder


def sees_personal(principal: Principal, park: Park) -> bool:
    return allowed(principal, Action.personal_data_read, park.province)


@dataclass(frozen=True)
class ParkAccess:
    park: Park
    personal: bool


@dataclass(frozen=True)
class StakeholderAccess:
    stakeholder: Stakeholder
    park: Park
    personal: bool


@dataclass(frozen=True)
class ContactAccess:
    contact: ContactMoment
    park: Park
    personal: bool


async def park_view(park: ReadablePark, principal: CurrentPrincipal) -> ParkAccess:
    return ParkAccess(park, sees_personal(principal, park))


ParkView = Annotated[ParkAccess, Depends(park_view)]


def readable_stakeholder(
    stakeholder_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> StakeholderAccess:
    st, park = service.readable_stakeholder(session, principal, stakeholder_id)
    return StakeholderAccess(st, park, sees_personal(principal, park))


ReadableStakeholder = Annotated[StakeholderAccess, Depends(readable_stakeholder)]


async def stakeholder_to_write_in(
    access: ReadableStakeholder, principal: CurrentPrincipal
) -> StakeholderAccess:
    require(principal, Action.park_write, access.park.province)
    return access


StakeholderToWriteIn = Annotated[StakeholderAccess, Depends(stakeholder_to_write_in)]


async def writable_stakeholder(
    access: StakeholderToWriteIn, if_match: IfMatchHeader = None
) -> StakeholderAccess:
    check_if_match(if_match, access.stakeholder.version)
    return access


WritableStakeholder = Annotated[StakeholderAccess, Depends(writable_stakeholder)]


async def personal_data_readable(
    access: ReadableStakeholder, principal: CurrentPrincipal
) -> StakeholderAccess:
    require(principal, Action.personal_data_read, access.park.province)
    return access


PersonalDataReadable = Annotated[StakeholderAccess, Depends(personal_data_readable)]


async def personal_data_erasable(
    access: WritableStakeholder, principal: CurrentPrincipal
) -> StakeholderAccess:
    require(principal, Action.personal_data_read, access.park.province)
    return access


PersonalDataErasable = Annotated[StakeholderAccess, Depends(personal_data_erasable)]


def readable_contact(
    contact_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> ContactAccess:
    contact = service.get_contact(session, contact_id)
    try:
        _, park = service.readable_stakeholder(session, principal, contact.stakeholder_id)
    except NotFound as exc:
        raise NotFound("There is no contact moment with this id.") from exc
    return ContactAccess(contact, park, sees_personal(principal, park))


ReadableContact = Annotated[ContactAccess, Depends(readable_contact)]


async def writable_contact(
    access: ReadableContact, principal: CurrentPrincipal, if_match: IfMatchHeader = None
) -> ContactAccess:
    require(principal, Action.park_write, access.park.province)
    check_if_match(if_match, access.contact.version)
    return access


WritableContact = Annotated[ContactAccess, Depends(writable_contact)]


async def work_provinces(principal: CurrentPrincipal) -> frozenset[str] | None:
    """The provinces whose parks the caller works on (None: all); 403 for none."""
    return require_work_provinces(principal)


WorkProvinces = Annotated[frozenset[str] | None, Depends(work_provinces)]
