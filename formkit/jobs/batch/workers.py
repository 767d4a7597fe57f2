"""Reading inbox files in isolated worker processes (time and memory limits per file)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from formkit.intake.isolate import IsolatedPool
from formkit.jobs.batch.discover import InboxFile
from formkit.jobs.entries import StoredFile
from formkit.pipeline import failed as failed_result

if TYPE_CHECKING:  # annotation only; the pipeline is loaded where files are read
    from formkit.pipeline import ResultData

Read = tuple[StoredFile, list["ResultData"], list[bool], list[str | None]]


def map_files(
    func: Callable[..., Read],
    inbox: Path,
    items: Sequence[InboxFile],
    programme: str | None,
    validators: str | None,
    workers: int | None,
    *,
    timeout_s: float = 60.0,
    memory_mb: int = 1024,
) -> Iterator[Read]:
    """``func(inbox, rel, programme, validators)`` for each item, results as they finish.

    A file whose worker timed out, ran out of memory or hit a defect still yields one
    result, carrying the reason as a finding, so it is listed and never silently lost.
    """
    if not items:
        return
    size = min(workers or default_workers(), len(items))
    calls = [(str(inbox), item.rel, programme, validators) for item in items]
    with IsolatedPool(size, timeout_s=timeout_s, memory_mb=memory_mb) as pool:
        names = [i.rel for i in items]
        chunk = pool.chunk_for(len(calls))
        for outcome in pool.imap_unordered(func, calls, names=names, chunk=chunk):
            if outcome.error is None:
                yield outcome.result()
            else:
                yield failed(items[outcome.index], outcome.error)


def default_workers() -> int:
    """One worker per core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)))


def failed(item: InboxFile, error: Exception) -> Read:
    """The stored form of a file whose worker failed: listed with its reason, never lost."""
    digest = hashlib.sha256(item.path.read_bytes()).hexdigest()
    stored = StoredFile(item.rel, digest, item.size, item.mtime_ns)
    return stored, [failed_result(item.rel, error).to_data()], [True], [None]
