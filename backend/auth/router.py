"""HTTP for login and user management."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response

from backend.auth import service
from backend.auth.deps import CurrentPrincipal, allow, client_address
from backend.auth.models import (
    ApiClient,
    ApiClientCreate,
    ApiClientPublic,
    ApiClientUpdate,
    ApiClientWithSecret,
    Token,
    User,
    UserCreate,
    UserPublic,
    UserUpdate,
)
from backend.auth.policy import Action
from backend.core.db import SessionDep
from backend.core.errors import BadRequest, Forbidden, error_responses
from backend.core.etag import IfMatchHeader, check_if_match, conditional_get, set_etag
from backend.core.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page

token_router = APIRouter(prefix="/auth", tags=["auth"])
me_router = APIRouter(prefix="/users", tags=["users"])
# Everything else about users is for those who manage them.
users_router = APIRouter(
    prefix="/users", tags=["users"], dependencies=[Depends(allow(Action.user_manage))]
)


def managed_user(user_id: uuid.UUID, session: SessionDep) -> User:
    """The user of the path (the router already required user management)."""
    return service.get_user(session, user_id)


ManagedUser = Annotated[User, Depends(managed_user)]


async def writable_user(user: ManagedUser, if_match: IfMatchHeader = None) -> User:
    check_if_match(if_match, user.version)
    return user


WritableUser = Annotated[User, Depends(writable_user)]


@token_router.post(
    "/token",
    operation_id="create_token",
    response_model=Token,
    responses=error_responses(400, 401, 422, 429),
    summary="Get a bearer token: log in (password grant) or as an API client (client_credentials)",
    description="`grant_type=password` with `username` (the e-mail address) and `password`, or "
    "`grant_type=client_credentials` with `client_id` and `client_secret` (an API client made "
    "by an admin at `/api/v1/api-clients`). Failed attempts are limited per account (or client) "
    "and address: 429 with `Retry-After`.",
)
def create_token(
    request: Request,
    session: SessionDep,
    grant_type: Annotated[str, Form(max_length=50)] = "password",
    username: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
    client_id: Annotated[str, Form(max_length=64)] = "",
    client_secret: Annotated[str, Form(max_length=256)] = "",
) -> Token:
    address = client_address(request)
    if grant_type == "client_credentials":
        if not client_id or not client_secret:
            raise BadRequest("Give client_id and client_secret.")
        token, expires_in = service.authenticate_client(session, client_id, client_secret, address)
        return Token(access_token=token, expires_in=expires_in)
    if grant_type != "password":
        raise BadRequest(
            f"Unsupported grant_type '{grant_type}'; use 'password' or 'client_credentials'."
        )
    if not username or not password:
        raise BadRequest("Give username (your e-mail address) and password.")
    token, expires_in = service.authenticate(session, username, password, address)
    return Token(access_token=token, expires_in=expires_in)


@me_router.get(
    "/me",
    operation_id="get_current_user",
    response_model=UserPublic,
    responses=error_responses(401, 403),
    summary="The logged-in user",
)
def get_me(principal: CurrentPrincipal, session: SessionDep) -> UserPublic:
    if principal.kind != "user":
        raise Forbidden("An API client has no user account; this is for users.")
    return service.to_public(service.get_user(session, principal.id))


@users_router.get(
    "",
    operation_id="list_users",
    response_model=Page[UserPublic],
    responses=error_responses(400, 401, 403),
    summary="List users (admin)",
)
def list_users(
    session: SessionDep, limit: LimitQuery = DEFAULT_LIMIT, cursor: CursorQuery = None
) -> Page[UserPublic]:
    users, next_cursor = service.list_users(session, cursor, limit)
    return Page(items=[service.to_public(u) for u in users], next_cursor=next_cursor)


@users_router.post(
    "",
    operation_id="create_user",
    status_code=201,
    response_model=UserPublic,
    responses=error_responses(401, 403, 409, 422),
    summary="Create a user (admin)",
)
def create_user(
    data: UserCreate, principal: CurrentPrincipal, session: SessionDep, response: Response
) -> UserPublic:
    user = service.create_user(session, principal.actor, data)
    set_etag(response, user.version)
    return service.to_public(user)


@users_router.get(
    "/{user_id}",
    operation_id="get_user",
    response_model=UserPublic,
    responses={**error_responses(401, 403, 404), 304: {"description": "Not modified"}},
    summary="Read a user (admin)",
)
async def get_user(
    user: ManagedUser, request: Request, response: Response
) -> UserPublic | Response:
    return conditional_get(request, response, user.version) or service.to_public(user)


@users_router.patch(
    "/{user_id}",
    operation_id="update_user",
    response_model=UserPublic,
    responses=error_responses(401, 403, 404, 409, 412, 422),
    summary="Change a user: name, password, role, provinces, active (admin)",
)
def update_user(
    user: WritableUser,
    data: UserUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> UserPublic:
    user = service.update_user(session, principal.actor, user, data)
    set_etag(response, user.version)
    return service.to_public(user)


# --- API clients (admin) ---------------------------------------------------------------------

clients_router = APIRouter(
    prefix="/api-clients",
    tags=["api clients"],
    dependencies=[Depends(allow(Action.client_manage))],
)


def managed_client(client_pk: uuid.UUID, session: SessionDep) -> ApiClient:
    return service.get_client(session, client_pk)


ManagedClient = Annotated[ApiClient, Depends(managed_client)]


async def writable_client(client: ManagedClient, if_match: IfMatchHeader = None) -> ApiClient:
    check_if_match(if_match, client.version)
    return client


WritableClient = Annotated[ApiClient, Depends(writable_client)]


@clients_router.get(
    "",
    operation_id="list_api_clients",
    response_model=Page[ApiClientPublic],
    responses=error_responses(400, 401, 403, 422),
    summary="List API clients (admin)",
)
def list_api_clients(
    session: SessionDep, limit: LimitQuery = DEFAULT_LIMIT, cursor: CursorQuery = None
) -> Page[ApiClientPublic]:
    rows, next_cursor = service.list_clients(session, cursor, limit)
    return Page(items=[service.client_to_public(c) for c in rows], next_cursor=next_cursor)


@clients_router.post(
    "",
    operation_id="create_api_client",
    status_code=201,
    response_model=ApiClientWithSecret,
    responses=error_responses(401, 403, 413, 422),
    summary="Make an API client (admin); the secret is in this answer only",
)
def create_api_client(
    data: ApiClientCreate, principal: CurrentPrincipal, session: SessionDep, response: Response
) -> ApiClientWithSecret:
    made = service.create_client(session, principal.actor, data)
    set_etag(response, made.version)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Location"] = f"/api/v1/api-clients/{made.id}"
    return made


@clients_router.get(
    "/{client_pk}",
    operation_id="get_api_client",
    response_model=ApiClientPublic,
    responses={**error_responses(401, 403, 404, 422), 304: {"description": "Not modified"}},
    summary="Read an API client (admin)",
)
async def get_api_client(
    client: ManagedClient, request: Request, response: Response
) -> ApiClientPublic | Response:
    return conditional_get(request, response, client.version) or service.client_to_public(client)


@clients_router.patch(
    "/{client_pk}",
    operation_id="update_api_client",
    response_model=ApiClientPublic,
    responses=error_responses(401, 403, 404, 412, 413, 422),
    summary="Change an API client's name, scopes, provinces or active state (admin, If-Match); "
    "a change of scopes, provinces or active state ends its tokens",
)
def update_api_client(
    client: WritableClient,
    data: ApiClientUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    response: Response,
) -> ApiClientPublic:
    client = service.update_client(session, principal.actor, client, data)
    set_etag(response, client.version)
    return service.client_to_public(client)


@clients_router.post(
    "/{client_pk}/secret",
    operation_id="rotate_api_client_secret",
    response_model=ApiClientWithSecret,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Rotate the secret (admin, If-Match): the new one is in this answer only; the old "
    "secret and its tokens stop working",
)
def rotate_api_client_secret(
    client: WritableClient, principal: CurrentPrincipal, session: SessionDep, response: Response
) -> ApiClientWithSecret:
    rotated = service.rotate_client_secret(session, principal.actor, client)
    set_etag(response, rotated.version)
    response.headers["Cache-Control"] = "no-store"
    return rotated


@clients_router.delete(
    "/{client_pk}",
    operation_id="delete_api_client",
    status_code=204,
    responses=error_responses(401, 403, 404, 412, 422),
    summary="Delete an API client (admin, If-Match); its tokens stop working",
)
def delete_api_client(
    client: WritableClient, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    service.delete_client(session, principal.actor, client)
    return Response(status_code=204)
