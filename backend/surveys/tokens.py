"""Link tokens for surveys.

A link's token is ``nonce.tag``: a nonce of 128 random bits and an HMAC-SHA256 tag over it
with the server's secret key. The database keeps the nonce and the token's SHA-256 hash, never
the token: a copy of the database alone does not give anyone a working link, while the server
can still write the links of a survey again for a mail merge (the expert exports them when the
mailing goes out, not only when they are made). An open link's edit token (the one a respondent
comes back with) is plain random and only its hash is kept.

Looking a token up is by its hash (an indexed equality), so the time it takes says nothing of
how close a guess was.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from backend.core.config import get_settings

NONCE_BYTES = 16  # 128 bits
TAG_BYTES = 16


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def new_nonce() -> str:
    return _b64(secrets.token_bytes(NONCE_BYTES))


def token_for(nonce: str, purpose: str) -> str:
    key = get_settings().secret_key.encode("utf-8")
    tag = hmac.new(key, f"{purpose}:{nonce}".encode("ascii"), hashlib.sha256).digest()
    return f"{nonce}.{_b64(tag[:TAG_BYTES])}"


def new_edit_token() -> str:
    return _b64(secrets.token_bytes(24))


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def plausible(token: str) -> bool:
    """A token of the shapes above (so an odd path costs no query)."""
    return 20 <= len(token) <= 80 and all(c.isalnum() or c in "-_." for c in token)
