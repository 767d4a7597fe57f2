"""What the registry hands back: a file seen in an inbox, and one stored result with what
the grouping needs.

Apart from the SQLite layer (:mod:`formkit.jobs.registry`): the dossier checks, which
``check`` of a folder runs too, read entries without importing sqlite3 (14 M instructions of
every such check).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StoredFile:
    path: str
    sha256: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Entry:
    """One stored result with what grouping needs: ``received`` is an archive member's own
    time (``YYYY-MM-DDTHH:MM:SS``) or None; ``mtime_ns`` is the inbox file's."""

    path: str
    ordinal: int
    result: dict[str, Any]
    unreadable: bool
    received: str | None
    mtime_ns: int
    sha256: str
    size: int
