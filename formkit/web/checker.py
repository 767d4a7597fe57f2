"""Checking uploaded files off the event loop, in a bounded set of isolated workers.

One :class:`IsolatedPool` of ``workers`` processes is made at start-up; each uploaded file
is one call in it, awaited as a future, so at most ``workers`` files are parsed at once,
each under the intake limits (time, memory). Requests beyond ``queue`` wait on a semaphore
instead of piling uploads up, so a flood queues rather than exhausting memory.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import cast

from formkit.intake.isolate import IsolatedPool, Shared
from formkit.jobs.batch.precheck import attach, check_dossiers
from formkit.pipeline import FileResult, Options, check_one, failed, warm_up

from .uploads import Upload


class Checker:
    """``await checker.check(uploads)`` → results in upload order, as ``formkit check``
    (several files or an archive also get the dossier checks)."""

    def __init__(
        self, workers: int, *, timeout_s: float, memory_mb: int, options: Options, queue_size: int
    ) -> None:
        self.workers = max(1, workers)
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.options = options
        self.queue_size = max(1, queue_size)
        self._pool: IsolatedPool | None = None
        self._gate: asyncio.Semaphore | None = None
        self._shared: Shared[Options] | None = None

    def start(self) -> None:
        warm_up(self.options)
        # the options (programme, catalogue) reach the workers by fork, not once per upload
        self._shared = Shared(self.options)
        self._pool = IsolatedPool(self.workers, timeout_s=self.timeout_s, memory_mb=self.memory_mb)
        self._gate = asyncio.Semaphore(self.queue_size)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    @property
    def gate(self) -> asyncio.Semaphore:
        """Held by a request from before its body is read until its results are made."""
        assert self._gate is not None, "Checker.start() first"
        return self._gate

    async def check(self, uploads: list[Upload]) -> list[FileResult]:
        assert self._pool is not None, "Checker.start() first"
        calls = [self._check_file(self._pool, u.name, u.path) for u in uploads]
        results = [r for found in await asyncio.gather(*calls) for r in found]
        if len(uploads) > 1 or any("!" in r.file for r in results):
            # several files or an archive: one zone's dossier, checked as ``batch`` would
            opts = self.options
            attach(results, check_dossiers(results, opts.programme, opts.validators))
        return results

    async def _check_file(self, pool: IsolatedPool, name: str, path: Path) -> list[FileResult]:
        future = pool.submit(check_one, name, str(path), self._shared)
        await asyncio.wrap_future(future)
        outcome = pool.outcome(0, future, name)
        if outcome.error is not None:
            return [failed(name, outcome.error)]
        results = cast("list[FileResult]", outcome.result())  # check_one's value
        return results
