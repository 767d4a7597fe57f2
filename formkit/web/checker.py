"""Checking uploaded files off the event loop, in a bounded set of isolated workers.

``workers`` single-worker :class:`IsolatedPool` s are made once, at start-up (before the
server's threads exist, so the forks are clean), and lent out by a queue to a thread pool
of the same size: a call never shares a pool, and at most ``workers`` files are parsed at
once, each under the intake limits (time, memory). Requests beyond ``queue`` wait on a
semaphore instead of piling uploads up, so a flood queues rather than exhausting memory.

The pools are :class:`SharedPool` s: a worker forked for one pool closes the pipe ends of
every other pool's workers too (a plain ``IsolatedPool`` closes only its own siblings'), or
a worker of another pool would keep a pipe open and the owner's worker never see EOF.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, ClassVar

from formkit.errors import InputFileError
from formkit.findings import finding
from formkit.intake.isolate import IsolatedPool, WorkerError, _Worker
from formkit.pipeline import FileResult, Options, check_one, unreadable

from .uploads import Upload


class Checker:
    """``await checker.check(uploads)`` → results in upload order, as ``formkit check``."""

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

    def start(self) -> None:
        warm_up(self.options)
        for _ in range(self.workers):
            self._pools.put(SharedPool(1, timeout_s=self.timeout_s, memory_mb=self.memory_mb))
        self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="formkit-check")
        self._gate = asyncio.Semaphore(self.queue_size)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        while not self._pools.empty():
            self._pools.get_nowait().close()

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
        return [r for results in await asyncio.gather(*calls) for r in results]

    def _check_file(self, name: str, path: Path) -> list[FileResult]:
        pool = self._pools.get()
        try:
            return pool.run(check_one, name, str(path), self.options, name=name)
        except InputFileError as exc:
            return [unreadable(name, exc)]
        except WorkerError as exc:
            res = FileResult(name, unreadable=True, debug=exc.debug)
            res.findings.append(finding("internal-error", detail=str(exc)))
            return [res]
        finally:
            self._pools.put(pool)


class SharedPool(IsolatedPool):
    """An :class:`IsolatedPool` whose forks close the pipes of every live ``SharedPool``.

    Forks and pipe closes are serialised by one lock, so a file descriptor number another
    thread has just closed (and the kernel may hand out again) is never closed in a child.
    """

    _live: ClassVar[list[SharedPool]] = []
    _lock: ClassVar[threading.RLock] = threading.RLock()

    def __init__(self, workers: int = 1, **limits: Any) -> None:
        with self._lock:
            super().__init__(workers, **limits)
            self._live.append(self)

    def close(self) -> None:
        with self._lock:
            if self in self._live:
                self._live.remove(self)
            super().close()

    def _replace(self, worker: _Worker, kill: bool, reaped: bool = False) -> None:
        with self._lock:
            super()._replace(worker, kill, reaped)

    def _spawn(self) -> _Worker:
        pools = [*self._live, self]
        fds = [
            fd
            for pool in pools
            for w in getattr(pool, "_workers", [])
            for fd in (w.task_w, w.result_r)
        ]
        return _Worker(self.memory_mb, self.timeout_s, fds)


def warm_up(options: Options) -> None:
    """Import the readers and load the specs once, so every forked worker starts warm."""
    import formkit.extract
    import formkit.readers.docx
    import formkit.readers.pdf
    import formkit.readers.xlsx
    import formkit.validate  # noqa: F401
    from formkit.spec import load_all

    load_all(options.validators)
