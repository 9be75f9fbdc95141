"""Verify a Parkregie webhook delivery (README, "Integrations"): the signature header is
``Parkregie-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">``."""

from __future__ import annotations

import hashlib
import hmac
import time


def verify(secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    """True when ``body`` was signed with ``secret`` less than ``tolerance`` seconds ago."""
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        stamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    signed = parts["t"].encode() + b"." + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    fresh = abs(time.time() - stamp) <= tolerance
    return fresh and hmac.compare_digest(expected, parts.get("v1", ""))
