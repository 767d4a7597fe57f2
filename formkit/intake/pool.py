"""A pool of reused worker processes (``batch``, ``serve``) with the limits of
:func:`formkit.intake.isolate.run_isolated`.

Each worker is a forked child that reads ``(func, args)`` frames from its task pipe, sets
its limits anew for each call and writes the pickled outcome to its result pipe. The pool
pickles ``func`` (use a module-level function). Import it from :mod:`formkit.intake.isolate`
as before, or from here.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import select
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from formkit.errors import FormkitError
from formkit.intake.worker import (
    call_payload,
    death_error,
    enter_child,
    kill_and_reap,
    read_frame,
    reap,
    set_limits,
    timeout_error,
    unpack,
    write_frame,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """One finished call in a pool: ``value``, or ``error`` (InputFileError / WorkerError)."""

    index: int
    value: Any = None
    error: FormkitError | None = None


# The parent-side pipe ends of every live worker of every pool in this process. A fork must
# close all of them: a child that kept another worker's task pipe open would stop that worker
# from ever reading EOF, and closing its pool would hang (seen with several pools in one
# process: batch, serve). The lock also keeps a descriptor number that another thread has
# just closed (and the kernel may hand out again) from being closed in a child.
_LIVE_FDS: set[int] = set()
_FORK_LOCK = threading.RLock()
STOP_GRACE_S = 5.0


_SHARED: dict[int, Any] = {}
_SHARED_KEYS = itertools.count()


class Shared:
    """A value the workers of a pool inherit when they fork, passed to calls by reference.

    Call arguments are pickled for every call; a large one (the options of a check, with a
    programme and its zone catalogue) would be copied once per file. A ``Shared`` pickles
    as a key, and unpickling it in a worker forked after it was made gives that worker's
    own copy of the value. Make it before the pool (workers fork when the pool is made, and
    again whenever one is replaced) and keep it open while the pool runs::

        with Shared(options) as shared, IsolatedPool(2) as pool:
            pool.imap_unordered(check_one, [(name, path, shared) for name, path in files])
    """

    def __init__(self, value: Any) -> None:
        self.value = value
        self.key = next(_SHARED_KEYS)
        _SHARED[self.key] = value

    def __reduce__(self) -> tuple[Callable[[int], Any], tuple[int]]:
        return _shared_value, (self.key,)

    def __enter__(self) -> Shared:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Forget the value (workers forked later no longer inherit it)."""
        _SHARED.pop(self.key, None)


def _shared_value(key: int) -> Any:
    try:
        return _SHARED[key]
    except KeyError:  # a process that did not fork from the one holding the value
        raise FormkitError("a shared value was sent to a process that did not inherit it") from None


class _Worker:
    def __init__(self, memory_mb: int, timeout_s: float) -> None:
        with _FORK_LOCK:
            task_r, self.task_w = os.pipe()
            self.result_r, result_w = os.pipe()
            inherited = list(_LIVE_FDS)
            self.pid = os.fork()
            if self.pid == 0:  # pragma: no cover - runs in the child
                for fd in [self.task_w, self.result_r, *inherited]:
                    _close_quietly(fd)
                _serve(task_r, result_w, memory_mb, timeout_s)
            os.close(task_r)
            os.close(result_w)
            _LIVE_FDS.update((self.task_w, self.result_r))
        self.job: tuple[int, float, str] | None = None  # (index, deadline, name)

    def submit(self, index: int, payload: bytes, deadline: float, name: str) -> None:
        self.job = (index, deadline, name)
        # a worker that is gone reads EOF on its result pipe and is replaced
        with contextlib.suppress(BrokenPipeError):
            write_frame(self.task_w, payload)

    def close_pipes(self) -> None:
        with _FORK_LOCK:
            for fd in (self.task_w, self.result_r):
                _LIVE_FDS.discard(fd)
                _close_quietly(fd)

    def stop(self, kill: bool = False) -> None:
        """Close the pipes (an idle worker then exits); kill one that is busy or that has
        not exited within :data:`STOP_GRACE_S`, so closing a pool never hangs."""
        self.close_pipes()
        if kill or not _exited_within(self.pid, STOP_GRACE_S):
            kill_and_reap(self.pid)


def _exited_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return True
        if done:
            return True
        time.sleep(0.01)
    return False


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


def _serve(
    task_r: int, result_w: int, memory_mb: int, timeout_s: float
) -> None:  # pragma: no cover - runs in the child
    enter_child()
    try:
        while True:
            payload = read_frame(task_r)
            if payload is None:
                break
            set_limits(memory_mb, timeout_s)
            write_frame(result_w, call_payload(payload))
    finally:
        os._exit(0)


class IsolatedPool:
    """``workers`` reusable children with the same limits as :func:`run_isolated`.

    >>> with IsolatedPool(2) as pool:                                    # doctest: +SKIP
    ...     for outcome in pool.imap_unordered(parse_one, [(b, n) for n, b in files]):
    ...         ...

    A worker that hangs is killed at its deadline and replaced; one that dies (memory) is
    replaced; the other calls go on. Create the pool before starting threads.
    """

    def __init__(
        self,
        workers: int = 2,
        *,
        timeout_s: float = 60.0,
        memory_mb: int = 1024,
        max_tasks: int = 200,
    ) -> None:
        self.size = max(1, workers)
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.max_tasks = max_tasks
        self._workers: list[_Worker] = []
        for _ in range(self.size):
            self._workers.append(self._spawn())
        self._done = {w.pid: 0 for w in self._workers}

    def __enter__(self) -> IsolatedPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop(kill=worker.job is not None)
        self._workers = []

    def run(self, func: Callable[..., T], *args: Any, name: str = "") -> T:
        """One call, waiting for its result (raises like :func:`run_isolated`)."""
        outcome = next(self.imap_unordered(func, [args], names=[name]))
        if outcome.error is not None:
            raise outcome.error
        return outcome.value

    def imap_unordered(
        self,
        func: Callable[..., Any],
        calls: Iterable[tuple[Any, ...]],
        names: Iterable[str] | None = None,
    ) -> Iterator[Outcome]:
        """``func(*args)`` for each args tuple, outcomes in the order they finish."""
        queue = list(enumerate(calls))
        labels = list(names) if names is not None else [""] * len(queue)
        queue.reverse()
        while queue or self._busy():
            for worker in self._workers:
                if worker.job is None and queue:
                    index, args = queue.pop()
                    payload = pickle.dumps((func, args), protocol=pickle.HIGHEST_PROTOCOL)
                    deadline = time.monotonic() + self.timeout_s
                    worker.submit(index, payload, deadline, labels[index])
            yield from self._collect()

    def _busy(self) -> list[_Worker]:
        return [w for w in self._workers if w.job is not None]

    def _collect(self) -> Iterator[Outcome]:
        busy = self._busy()
        wait = max(0.0, min(w.job[1] for w in busy if w.job) - time.monotonic())
        ready = select.select([w.result_r for w in busy], [], [], wait)[0]
        for worker in busy:
            assert worker.job is not None
            index, deadline, name = worker.job
            if worker.result_r in ready:
                yield self._finish(worker, index, name)
            elif time.monotonic() >= deadline:
                self._replace(worker, kill=True)
                yield Outcome(index, error=timeout_error(name, self.timeout_s))

    def _finish(self, worker: _Worker, index: int, name: str) -> Outcome:
        payload = read_frame(worker.result_r)
        if payload is None:
            status = reap(worker.pid)
            self._replace(worker, kill=False, reaped=True)
            return Outcome(index, error=death_error(status, name, self.timeout_s))
        worker.job = None
        self._done[worker.pid] = self._done.get(worker.pid, 0) + 1
        if self._done[worker.pid] >= self.max_tasks:
            self._replace(worker, kill=False)
        try:
            return Outcome(index, value=unpack(payload, 0, name, self.timeout_s))
        except FormkitError as exc:
            return Outcome(index, error=exc)

    def _replace(self, worker: _Worker, kill: bool, reaped: bool = False) -> None:
        slot = self._workers.index(worker)
        del self._workers[slot]  # first, so the new worker does not inherit its pipes
        if reaped:
            worker.close_pipes()
        else:
            worker.stop(kill=kill)
        self._done.pop(worker.pid, None)
        fresh = self._spawn()
        self._workers.insert(slot, fresh)
        self._done[fresh.pid] = 0

    def _spawn(self) -> _Worker:
        return _Worker(self.memory_mb, self.timeout_s)
