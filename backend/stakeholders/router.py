"""HTTP for stakeholders, their contact moments, import/export and the contact person's data."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile

from backend.auth.deps import CurrentPrincipal
from backend.auth.policy import Action, allowed
from backend.core.config import get_settings
from backend.core.db import SessionDep
from backend.core.errors import PayloadTooLarge, error_responses
from backend.core.etag import (
    NO_STORE,
    conditional_get,
    no_store,
    set_etag,
    view_of,
)
from backend.core.inputs import IsoDate
from backend.core.lang import LanguageDep
from backend.core.pagination import (
    DEFAULT_LIMIT,
    CursorQuery,
    LimitQuery,
    Page,
    UpdatedSinceQuery,
)
from backend.core.spreadsheet import download_name
from backend.parks.deps import ParkToWriteIn
from backend.parks.service import Park
from backend.stakeholders import exporting, service
from backend.stakeholders.deps import (
    ParkView,
    PersonalDataErasable,
    PersonalDataReadable,
    ReadableContact,
    ReadableStakeholder,
    StakeholderToWriteIn,
    WorkProvinces,
    WritableContact,
    WritableStakeholder,
    sees_personal,
)
from backend.stakeholders.importing import (
    MAX_COLUMNS,
    MAX_ECHOED_CHARS,
    MAX_REPORTED_ERRORS,
    MAX_ROWS,
    MAX_WARNINGS,
    MAX_XLSX_UNPACKED_BYTES,
)
from backend.stakeholders.models import (
    ContactMomentCreate,
    ContactMomentPublic,
    ContactMomentUpdate,
    FollowUp,
    ImportReport,
    PersonalData,
    StakeholderCreate,
    StakeholderKind,
    StakeholderPublic,
    StakeholderRole,
    StakeholderUpdate,
)

router = APIRouter(tags=["stakeholders"])
contacts_router = APIRouter(tags=["contacts"])
privacy_router = APIRouter(tags=["privacy"])

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified"}}


# --- stakeholders ----------------------------------------------------------------------------


@router.get(
    "/parks/{park_id}/stakeholders",
    operation_id="list_stakeholders",
    response_model=Page[StakeholderPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="List the stakeholders of a park: by name, or by change with updated_since",
)
def list_stakeholders(
    view: ParkView,
    session: SessionDep,
    response: Response,
    kind: StakeholderKind | None = None,
    role: StakeholderRole | None = None,
    q: Annotated[
        str | None, Query(max_length=100, description="Part of the name, or the start of a KvK")
    ] = None,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[StakeholderPublic]:
    items, next_cursor = service.list_stakeholders(
        session,
        view.park.id,
        kind=kind,
        role=role,
        q=q,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )
    if view.personal:
        no_store(response)
    return Page(items=[service.to_public(s, view.personal) for s in items], next_cursor=next_cursor)


@router.post(
    "/parks/{park_id}/stakeholders",
    operation_id="create_stakeholder",
    status_code=201,
    response_model=StakeholderPublic,
    responses=error_responses(401, 403, 404, 409, 413, 422),
    summary="Add a stakeholder to a park (409 when its KvK number is already in the park)",
)
def create_stakeholder(
    park: ParkToWriteIn,
    data: StakeholderCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> StakeholderPublic:
    st = service.create_stakeholder(session, principal.actor, park, data)
    personal = sees_personal(principal, park)
    set_etag(response, st.version, view_of(personal))
    response.headers["Location"] = f"/api/v1/stakeholders/{st.id}"
    return service.to_public(st, personal)


@router.get(
    "/stakeholders/{stakeholder_id}",
    operation_id="get_stakeholder",
    response_model=StakeholderPublic,
    responses={**error_responses(401, 403, 404, 422), **NOT_MODIFIED},
    summary="Read a stakeholder (ETag; If-None-Match gives 304)",
)
async def get_stakeholder(
    access: ReadableStakeholder, request: Request, response: Response
) -> StakeholderPublic | Response:
    st, view = access.stakeholder, view_of(access.personal)
    return conditional_get(request, response, st.version, view) or service.to_public(
        st, access.personal
    )


@router.patch(
    "/stakeholders/{stakeholder_id}",
    operation_id="update_stakeholder",
    response_model=StakeholderPublic,
    responses=error_responses(401, 403, 404, 409, 412, 413, 422),
    summary="Change a stakeholder (If-Match with the ETag you read; 412 when it changed since)",
)
def update_stakeholder(
    access: WritableStakeholder,
    data: StakeholderUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> StakeholderPublic:
    st = service.update_stakeholder(session, principal.actor, access.stakeholder, data)
    set_etag(response, st.version, view_of(access.personal))
    return service.to_public(st, access.personal)


@router.delete(
    "/stakeholders/{stakeholder_id}",
    operation_id="delete_stakeholder",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Delete a stakeholder and its contact moments",
)
def delete_stakeholder(
    access: WritableStakeholder, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.delete_stakeholder(session, principal.actor, access.stakeholder)
    return Response(status_code=204)


# --- import and export -----------------------------------------------------------------------


@router.post(
    "/parks/{park_id}/stakeholders/import",
    operation_id="import_stakeholders",
    response_model=ImportReport,
    responses=error_responses(400, 401, 403, 404, 409, 413, 422),
    summary="Import stakeholders from CSV or XLSX: every row or none",
    description=(
        "A CSV (comma, semicolon or tab; UTF-8 with or without BOM, or Windows-1252) or XLSX "
        "file with a header row in Dutch or English (`naam`/`name`, `soort`/`kind`, `kvk`, "
        "`contactpersoon`, `e-mail`, `telefoon`, `sector`, `medewerkers`, `rol`, `invloed`, "
        "`betrokkenheid`, `woz`, `peiling`, `notities`). Rows update the stakeholder with the "
        "same KvK number in the park (or, without KvK number, the one of the same name without "
        "one) and create the others. With any invalid row nothing is written and the answer is "
        "422 with every error (`row` as the spreadsheet numbers it, header = 1; `column`; "
        "`value`; `msg`). `dry_run=true` checks and reports without writing. Unknown columns "
        f"are ignored and listed in `warnings`. At most {MAX_ROWS:,} rows and "
        "PARKREGIE_MAX_UPLOAD_BYTES (10 MB) per file (413); the header row at most "
        f"{MAX_COLUMNS} columns wide. An XLSX may unpack to at most "
        f"{MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)} MB (413) and may not hold a DTD (422). "
        f"An answer lists at most {MAX_REPORTED_ERRORS} errors and {MAX_WARNINGS} warnings and "
        f"echoes at most {MAX_ECHOED_CHARS} characters of a cell, and says so. A stakeholder "
        "changed, erased or deleted by someone else while the import ran makes it a 409 that "
        "names those rows (nothing is written; import again). The contact person of a "
        "stakeholder whose personal data was erased is never imported again (a warning says "
        "which rows).\n\n"
        "**Likely duplicates.** A row that matches no stakeholder in those ways but has the same "
        "name as one of the park (case, accents, punctuation and legal forms such as B.V., "
        "N.V., V.O.F. ignored) or, for importers who may see personal data, the same e-mail "
        "address (case-insensitive), is listed in `duplicates` with those stakeholders "
        "(`candidates`: id, name, KvK number, `reasons`). Stakeholders have no address, so "
        "addresses are not compared. The real import refuses such a row (422, an error of the "
        "row saying what to choose) unless the form field `decisions` says what to do with it: "
        'a JSON object from row number to decision, e.g. `{"3": "update:<stakeholder id>", '
        '"5": "create", "7": "skip"}`. `update:<id>` applies the row to that candidate (as a '
        "KvK match does; an empty KvK cell keeps its number), `create` adds a new stakeholder, "
        "`skip` leaves the row out (counted in `skipped`). A decision for a row that is not a "
        "likely duplicate, for a stakeholder that is not one of its candidates, or that is none "
        "of these three, is an error of that row (422); `decisions` that is not a JSON object "
        "of row numbers is a 422 of the field. The dry run takes the same `decisions`."
    ),
)
def import_stakeholders(
    park: ParkToWriteIn,
    principal: CurrentPrincipal,
    session: SessionDep,
    file: Annotated[UploadFile, File(description="The .csv or .xlsx file")],
    dry_run: Annotated[bool, Query(description="Check and report, write nothing")] = False,
    decisions: Annotated[
        str | None,
        Form(
            description='Per likely duplicate: a JSON object such as {"3": "update:<id>", '
            '"5": "create", "7": "skip"} (row numbers as the spreadsheet numbers them)'
        ),
    ] = None,
) -> ImportReport:
    limit = get_settings().max_upload_bytes
    content = file.file.read(limit + 1)
    if len(content) > limit:
        raise PayloadTooLarge(f"The file is larger than the limit of {limit // (1024 * 1024)} MB.")
    return service.import_file(
        session,
        principal.actor,
        park,
        content,
        file.filename,
        dry_run=dry_run,
        sees_personal=sees_personal(principal, park),
        decisions=decisions,
    )


def _filename(park: Park, extension: str, language: str) -> str:
    """``betrokkenen-lage-weide-2026-12-04.xlsx`` in Dutch, ``stakeholders-…`` in English."""
    stem = "betrokkenen" if language == "nl" else "stakeholders"
    return download_name(stem, park.name, extension, "park", dt.date.today())


@router.get(
    "/parks/{park_id}/stakeholders/export",
    operation_id="export_stakeholders",
    response_class=Response,
    responses={
        200: {
            "description": "The file, with the Dutch headers the import reads back",
            "content": {
                exporting.CSV_MEDIA_TYPE: {"schema": {"type": "string"}},
                exporting.XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        **error_responses(401, 403, 404, 422),
    },
    summary="Export the stakeholders of a park as CSV (semicolons, UTF-8 with BOM) or XLSX",
)
def export_stakeholders(
    view: ParkView,
    session: SessionDep,
    language: LanguageDep,
    export_format: Annotated[Literal["csv", "xlsx"], Query(alias="format")] = "csv",
) -> Response:
    park = view.park
    rows = service.export_rows(session, park.id, view.personal)
    if export_format == "xlsx":
        body, media_type = exporting.write_xlsx(rows, park.name), exporting.XLSX_MEDIA_TYPE
    else:
        body, media_type = exporting.write_csv(rows), exporting.CSV_MEDIA_TYPE
    disposition = f'attachment; filename="{_filename(park, export_format, language)}"'
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": disposition, "Cache-Control": NO_STORE},
    )


# --- contact moments -------------------------------------------------------------------------


@contacts_router.get(
    "/stakeholders/{stakeholder_id}/contacts",
    operation_id="list_contact_moments",
    response_model=Page[ContactMomentPublic],
    responses=error_responses(400, 401, 403, 404, 422),
    summary="The contact moments with a stakeholder, oldest first",
)
def list_contact_moments(
    access: ReadableStakeholder,
    session: SessionDep,
    response: Response,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[ContactMomentPublic]:
    items, next_cursor = service.list_contacts(session, access.stakeholder.id, cursor, limit)
    if access.personal:
        no_store(response)
    return Page(
        items=[service.contact_to_public(c, access.personal) for c in items],
        next_cursor=next_cursor,
    )


@contacts_router.post(
    "/stakeholders/{stakeholder_id}/contacts",
    operation_id="create_contact_moment",
    status_code=201,
    response_model=ContactMomentPublic,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="Record a contact moment (visit, call, e-mail, meeting, event) and its follow-up",
)
def create_contact_moment(
    access: StakeholderToWriteIn,
    data: ContactMomentCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ContactMomentPublic:
    contact = service.create_contact(session, principal.actor, access.stakeholder, data)
    set_etag(response, contact.version, view_of(access.personal))
    response.headers["Location"] = f"/api/v1/contacts/{contact.id}"
    return service.contact_to_public(contact, access.personal)


@contacts_router.get(
    "/contacts",
    operation_id="list_follow_ups",
    response_model=Page[FollowUp],
    responses=error_responses(400, 401, 403, 422),
    summary="Open follow-ups in the parks you work on, soonest first: whom to contact and when",
    description=(
        "Contact moments whose follow-up is not done, with a follow-up date on or before "
        "`follow_up_before` (all open ones without it), in the parks you may write: an expert's "
        "provinces, all parks for an admin. Viewers work on no park (403)."
    ),
)
def list_follow_ups(
    principal: CurrentPrincipal,
    provinces: WorkProvinces,
    session: SessionDep,
    response: Response,
    follow_up_before: Annotated[
        IsoDate | None, Query(description="Due on or before this date (YYYY-MM-DD)")
    ] = None,
    park_id: Annotated[uuid.UUID | None, Query(description="Only this park")] = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[FollowUp]:
    items, next_cursor = service.list_follow_ups(
        session,
        provinces=provinces,
        before=follow_up_before,
        park_id=park_id,
        sees_personal=lambda province: allowed(principal, Action.personal_data_read, province),
        cursor=cursor,
        limit=limit,
    )
    no_store(response)
    return Page(items=items, next_cursor=next_cursor)


@contacts_router.get(
    "/contacts/{contact_id}",
    operation_id="get_contact_moment",
    response_model=ContactMomentPublic,
    responses={**error_responses(401, 403, 404, 422), **NOT_MODIFIED},
    summary="Read a contact moment (ETag; If-None-Match gives 304)",
)
async def get_contact_moment(
    access: ReadableContact, request: Request, response: Response
) -> ContactMomentPublic | Response:
    contact, view = access.contact, view_of(access.personal)
    return conditional_get(request, response, contact.version, view) or (
        service.contact_to_public(contact, access.personal)
    )


@contacts_router.patch(
    "/contacts/{contact_id}",
    operation_id="update_contact_moment",
    response_model=ContactMomentPublic,
    responses=error_responses(401, 403, 404, 412, 413, 422),
    summary="Change a contact moment, e.g. mark its follow-up done (`follow_up_done: true`)",
)
def update_contact_moment(
    access: WritableContact,
    data: ContactMomentUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ContactMomentPublic:
    contact = service.update_contact(session, principal.actor, access.contact, access.park.id, data)
    set_etag(response, contact.version, view_of(access.personal))
    return service.contact_to_public(contact, access.personal)


@contacts_router.delete(
    "/contacts/{contact_id}",
    operation_id="delete_contact_moment",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Delete a contact moment",
)
def delete_contact_moment(
    access: WritableContact, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.delete_contact(session, principal.actor, access.contact, access.park.id)
    return Response(status_code=204)


# --- privacy ---------------------------------------------------------------------------------


@privacy_router.get(
    "/stakeholders/{stakeholder_id}/personal-data",
    operation_id="get_personal_data",
    response_model=PersonalData,
    responses=error_responses(401, 403, 404, 422),
    summary="Everything held about a stakeholder's contact person (AVG/GDPR right of access)",
)
def get_personal_data(
    access: PersonalDataReadable, session: SessionDep, response: Response
) -> PersonalData:
    no_store(response)
    return service.personal_data(session, access.stakeholder)


@privacy_router.delete(
    "/stakeholders/{stakeholder_id}/personal-data",
    operation_id="erase_personal_data",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Erase a stakeholder's contact person: name, e-mail, phone and contact summaries",
    description=(
        "The organisation and the dates and channels of its contact moments stay. The audit "
        "trail records the erasure without the erased values (it never holds them)."
    ),
)
def erase_personal_data(
    access: PersonalDataErasable, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.erase_personal_data(session, principal.actor, access.stakeholder)
    return Response(status_code=204)
