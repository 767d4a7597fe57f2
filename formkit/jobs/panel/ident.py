"""The id of a scoring workbook: the assignment (expert, round, zones, layout) as canonical
ASCII JSON, and its HMAC-SHA256 under a key kept in the batch registry. A workbook whose id
does not verify was not written by formkit for this batch, or was changed."""

from __future__ import annotations

import hashlib
import hmac
import json

MAX_ID_CHARS = 1_000_000  # an id larger than this is not one formkit wrote


def encode(payload: dict[str, object]) -> str:
    return json.dumps(payload, ensure_ascii=True, sort_keys=True, separators=(",", ":"))


def sign(secret: bytes, text: str) -> str:
    return hmac.new(secret, text.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def verify(secret: bytes, text: str, digest: str) -> dict[str, object] | None:
    """The payload when ``digest`` is its signature, else None."""
    if len(text) > MAX_ID_CHARS or not hmac.compare_digest(sign(secret, text), digest.strip()):
        return None
    try:
        payload = json.loads(text)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None
