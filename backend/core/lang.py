"""The answer language from ``Accept-Language``: Dutch unless English is preferred."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header

SUPPORTED = ("nl", "en")
DEFAULT = "nl"


def preferred_language(header: str | None) -> str:
    if not header:
        return DEFAULT
    best, best_q = DEFAULT, -1.0
    for position, part in enumerate(header.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower().split("-")[0]
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue  # q=0 means not acceptable
        q -= position * 1e-6  # earlier wins among equals
        if tag in SUPPORTED and q > best_q:
            best, best_q = tag, q
    return best


def _language(
    accept_language: Annotated[
        str | None, Header(alias="Accept-Language", description="nl (default) or en")
    ] = None,
) -> str:
    return preferred_language(accept_language)


LanguageDep = Annotated[str, Depends(_language)]
