"""Address search for placing a park, through PDOK's Locatieserver (the Dutch government's free
geocoder of addresses, streets, postcodes and places). The browser asks Parkregie, Parkregie asks
PDOK: the page's Content-Security-Policy stays ``connect-src 'self'``, and a geocoder that does
not answer is one clear 503 instead of a hanging form."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx
from pydantic import BaseModel
from pydantic import Field as PField

from backend.core.config import get_settings
from backend.core.errors import ServiceUnavailable, Unprocessable
from backend.core.regions import Province

# The kinds of result worth placing a park at, best first.
KINDS = ("adres", "postcode", "weg", "woonplaats", "gemeente")
_POINT = re.compile(r"^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$")
UNAVAILABLE = (
    "The address search (PDOK Locatieserver) does not answer right now; click the map to place "
    "the park, or type its latitude and longitude."
)


class AddressHit(BaseModel):
    label: str = PField(description="The address or place as PDOK writes it")
    kind: str = PField(description="adres, postcode, weg, woonplaats or gemeente")
    latitude: float
    longitude: float
    municipality: str | None = None
    province: Province | None = None


Get = Callable[..., httpx.Response]


def _get(url: str, *, params: dict[str, Any], timeout: float) -> httpx.Response:
    return httpx.get(url, params=params, timeout=timeout, follow_redirects=False)


# Tests replace this with a fake geocoder.
fetch: Get = _get


def _hit(doc: Any) -> AddressHit | None:
    if not isinstance(doc, dict):
        return None
    point = _POINT.match(str(doc.get("centroide_ll") or ""))
    label, kind = doc.get("weergavenaam"), doc.get("type")
    if point is None or not isinstance(label, str) or kind not in KINDS:
        return None
    longitude, latitude = float(point.group(1)), float(point.group(2))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    province = doc.get("provincieafkorting")
    municipality = doc.get("gemeentenaam")
    return AddressHit(
        label=label,
        kind=kind,
        latitude=round(latitude, 6),
        longitude=round(longitude, 6),
        municipality=municipality if isinstance(municipality, str) else None,
        province=province if province in Province.__members__ else None,
    )


def search(q: str, limit: int) -> list[AddressHit]:
    q = " ".join(q.split())
    if len(q) < 2:
        raise Unprocessable(
            "Type at least two characters of an address, postcode or place.",
            errors=[{"loc": ["query", "q"], "msg": "at least two characters"}],
        )
    settings = get_settings()
    if not settings.geocoder_url:
        raise ServiceUnavailable(
            "Address search is turned off on this server (PARKREGIE_GEOCODER_URL is empty); "
            "click the map to place the park, or type its latitude and longitude."
        )
    params = {
        "q": q,
        "rows": limit,
        "fq": f"type:({' OR '.join(KINDS)})",
        "fl": "id,type,weergavenaam,centroide_ll,gemeentenaam,provincieafkorting",
    }
    try:
        response = fetch(
            settings.geocoder_url, params=params, timeout=settings.geocoder_timeout_seconds
        )
        response.raise_for_status()
        docs = response.json().get("response", {}).get("docs", [])
    except (httpx.HTTPError, ValueError, AttributeError) as exc:
        raise ServiceUnavailable(UNAVAILABLE, headers={"Retry-After": "30"}) from exc
    hits = [hit for hit in map(_hit, docs if isinstance(docs, list) else []) if hit is not None]
    return hits[:limit]
