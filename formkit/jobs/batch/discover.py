"""Finding the files of an inbox and deciding which must be (re)read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from formkit.intake.names import skipped
from formkit.jobs.entries import StoredFile


@dataclass(frozen=True)
class InboxFile:
    rel: str  # path relative to the inbox, '/'-separated
    path: Path
    size: int
    mtime_ns: int


def walk(inbox: Path) -> Iterator[InboxFile]:
    """Every regular file below the inbox in a stable order, skipping office lock files,
    hidden files and symlinks (a link could point outside the inbox)."""
    for path in sorted(inbox.rglob("*")):
        rel_parts = path.relative_to(inbox).parts
        if skipped(rel_parts):
            continue
        if path.is_symlink() or not path.is_file():
            continue
        st = path.stat()
        yield InboxFile("/".join(rel_parts), path, st.st_size, st.st_mtime_ns)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def unchanged(item: InboxFile, stored: StoredFile | None) -> bool:
    """Cheap check first (size and mtime), then the content hash."""
    if stored is None or stored.size != item.size:
        return False
    if stored.mtime_ns == item.mtime_ns:
        return True
    return sha256_of(item.path) == stored.sha256
