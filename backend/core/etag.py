"""ETag / If-Match / If-None-Match for versioned resources, and caching of private answers.

An ETag is the row version plus, for resources that hold personal data, what the caller may
see of it (``"7"``, ``"7-personal"``, ``"7-hidden"``): an expert who sees the e-mail address and
a viewer who does not never share a cached copy, and a 304 is never given for the other view.
``If-Match`` compares only the version, whatever view the client read."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Request, Response

from backend.core.errors import PreconditionFailed

IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="The ETag you last read; the write is refused with 412 if it changed since.",
    ),
]

NO_STORE = "private, no-store"


def view_of(personal: bool) -> str:
    """The ETag variant of a resource with personal data, for a caller who may (not) see it."""
    return "personal" if personal else "hidden"


def etag_for(version: int, view: str | None = None) -> str:
    return f'"{version}-{view}"' if view else f'"{version}"'


def _tags(header: str) -> list[str]:
    return [t.strip().removeprefix("W/") for t in header.split(",") if t.strip()]


def _version_of(tag: str) -> str:
    return tag.strip('"').split("-", 1)[0]


def check_if_match(if_match: str | None, version: int) -> None:
    if if_match is None:
        return
    tags = _tags(if_match)
    if "*" in tags or any(_version_of(t) == str(version) for t in tags):
        return
    raise PreconditionFailed(
        "The resource was changed by someone else since you read it "
        f"(current version {version}). Reload it and apply your change again."
    )


def not_modified(request: Request, version: int, view: str | None = None) -> bool:
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = _tags(header)
    return "*" in tags or etag_for(version, view) in tags


def set_etag(response: Response, version: int, view: str | None = None) -> None:
    response.headers["ETag"] = etag_for(version, view)
    if view == "personal":
        response.headers["Cache-Control"] = NO_STORE


def no_store(response: Response) -> None:
    """For answers that show personal data: no cache may keep them."""
    response.headers["Cache-Control"] = NO_STORE


def conditional_get(
    request: Request, response: Response, version: int, view: str | None = None
) -> Response | None:
    """For a GET: a 304 answer when the client already has this version (in this view);
    otherwise set the ETag on ``response`` and return None, so the caller answers with it."""
    if not_modified(request, version, view):
        headers = {"ETag": etag_for(version, view)}
        if view == "personal":
            headers["Cache-Control"] = NO_STORE
        return Response(status_code=304, headers=headers)
    set_etag(response, version, view)
    return None
