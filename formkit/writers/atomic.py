"""Atomic file writing: a reader never sees a half-written output.

The bytes go to a temporary file in the destination's own folder (so the final rename stays
on one file system), are flushed to disk, and the temporary file then replaces the
destination with :func:`os.replace`. On any failure the temporary file is removed and the
destination is left as it was. The new file gets the mode an ordinary ``open()`` would give
it (an existing destination keeps its own mode).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from formkit.model.errors import OutputFileError


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file whose content becomes ``path`` when the block ends without error."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_write(path) as fh:
        fh.write(data)


def refuse_existing(paths: Iterable[str | os.PathLike[str]], *, force: bool = False) -> None:
    """Before a command writes anything: an existing file among ``paths`` is refused, so
    nothing a person made (a filled form, an edited notice) is replaced unless ``force``."""
    if force:
        return
    for path in paths:
        if os.path.lexists(path):
            raise OutputFileError("output-exists", path=os.fspath(path))


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` would race with threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022
