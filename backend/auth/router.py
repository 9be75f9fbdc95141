"""HTTP for login and user management."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response

from backend.auth import service
from backend.auth.deps import CurrentPrincipal, allow, client_address
from backend.auth.models import Token, User, UserCreate, UserPublic, UserUpdate
from backend.auth.policy import Action
from backend.core.db import SessionDep
from backend.core.errors import BadRequest, error_responses
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
    summary="Log in (OAuth2 password grant) and get a bearer token",
)
def create_token(
    request: Request,
    session: SessionDep,
    grant_type: Annotated[str, Form(max_length=50)] = "password",
    username: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
) -> Token:
    if grant_type != "password":
        raise BadRequest(f"Unsupported grant_type '{grant_type}'; use 'password'.")
    if not username or not password:
        raise BadRequest("Give username (your e-mail address) and password.")
    token, expires_in = service.authenticate(session, username, password, client_address(request))
    return Token(access_token=token, expires_in=expires_in)


@me_router.get(
    "/me",
    operation_id="get_current_user",
    response_model=UserPublic,
    responses=error_responses(401),
    summary="The logged-in user",
)
def get_me(principal: CurrentPrincipal, session: SessionDep) -> UserPublic:
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
