"""Checking uploaded files off the event loop, in a bounded set of isolated workers.

``workers`` single-worker :class:`IsolatedPool` s are made once, at start-up (before the
server's threads exist, so the forks are clean), and lent out by a queue to a thread pool
of the same size: a call never shares a pool, and at most ``workers`` files are parsed at
once, each under the intake limits (time, memory). Requests beyond ``queue`` wait on a
semaphore instead of piling uploads up, so a flood queues rather than exhausting memory.

Several pools live in one process; :mod:`formkit.intake.pool` makes every fork close the
pipe ends of every live worker, so closing one pool never waits on another's child.
"""

from __future__ import annotations

import asyncio
import queue
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from formkit.batch.precheck import attach, check_dossiers
from formkit.errors import InputFileError
from formkit.intake.isolate import IsolatedPool, Shared, WorkerError
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
        self._pools: queue.Queue[IsolatedPool] = queue.Queue()
        self._executor: ThreadPoolExecutor | None = None
        self._gate: asyncio.Semaphore | None = None
        self._shared: Shared | None = None

    def start(self) -> None:
        warm_up(self.options)
        # the options (programme, catalogue) reach the workers by fork, not once per upload
        self._shared = Shared(self.options)
        for _ in range(self.workers):
            self._pools.put(IsolatedPool(1, timeout_s=self.timeout_s, memory_mb=self.memory_mb))
        self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="formkit-check")
        self._gate = asyncio.Semaphore(self.queue_size)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        while not self._pools.empty():
            self._pools.get_nowait().close()
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    @property
    def gate(self) -> asyncio.Semaphore:
        """Held by a request from before its body is read until its results are made."""
        assert self._gate is not None, "Checker.start() first"
        return self._gate

    async def check(self, uploads: list[Upload]) -> list[FileResult]:
        assert self._executor is not None, "Checker.start() first"
        loop = asyncio.get_running_loop()
        calls = [
            loop.run_in_executor(self._executor, self._check_file, u.name, u.path) for u in uploads
        ]
        results = [r for found in await asyncio.gather(*calls) for r in found]
        if len(uploads) > 1 or any("!" in r.file for r in results):
            # several files or an archive: one zone's dossier, checked as ``batch`` would
            opts = self.options
            attach(results, check_dossiers(results, opts.programme, opts.validators))
        return results

    def _check_file(self, name: str, path: Path) -> list[FileResult]:
        pool = self._pools.get()
        try:
            return pool.run(check_one, name, str(path), self._shared, name=name)
        except (InputFileError, WorkerError) as exc:
            return [failed(name, exc)]
        finally:
            self._pools.put(pool)
