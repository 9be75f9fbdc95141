"""ETag / If-Match / If-None-Match for versioned resources."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Request, Response

from backend.core.errors import PreconditionFailed

IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The ETag you last read; the write is refused with 412 if it changed since.",
    ),
]


def etag_for(version: int) -> str:
    return f'"{version}"'


def _tags(header: str) -> list[str]:
    return [t.strip().removeprefix("W/") for t in header.split(",") if t.strip()]


def check_if_match(if_match: str | None, version: int) -> None:
    if if_match is None:
        return
    tags = _tags(if_match)
    if "*" in tags or etag_for(version) in tags:
        return
    raise PreconditionFailed(
        "The resource was changed by someone else since you read it "
        f"(current version {version}). Reload it and apply your change again."
    )


def not_modified(request: Request, version: int) -> bool:
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = _tags(header)
    return "*" in tags or etag_for(version) in tags


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def conditional_get(request: Request, response: Response, version: int) -> Response | None:
    """For a GET: a 304 answer when the client already has this version; otherwise set the
    ETag on ``response`` and return None, so the caller answers with the resource."""
    if not_modified(request, version):
        return Response(status_code=304, headers={"ETag": etag_for(version)})
    set_etag(response, version)
    return None
