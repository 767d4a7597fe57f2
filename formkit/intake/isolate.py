"""Run a parse in a worker process under a time and memory limit.

One hostile or pathological file must not stall or kill a run. ``run_isolated`` forks a
child for one call (~2–5 ms on this machine); :class:`IsolatedPool` keeps ``workers``
children and reuses them, for ``batch`` and ``serve``. Either way:

- memory: the child's address space (``RLIMIT_AS``, soft limit) may grow by at most
  ``memory_mb`` beyond what it had when the call started; a ``MemoryError`` in the child,
  or its death by SIGKILL/SIGSEGV/SIGABRT/SIGBUS (what C code does when allocation fails),
  becomes ``InputFileError(code="file-memory")``;
- time: after ``timeout_s`` of wall time the child is killed (SIGKILL) and the call
  raises ``InputFileError(code="file-timeout")`` whose ``reason`` is the number of seconds
  (the code's template, ``文件处理超时（超过 {seconds} 秒）``, says the rest); ``RLIMIT_CPU``
  is a backstop;
- errors: ``InputFileError`` raised in the child is raised again in the parent with the
  same file, code, reason and place; any other exception comes back as
  :class:`WorkerError` carrying the child's traceback (an internal defect).

Only the *soft* limits are set, so a child process the parse starts (LibreOffice for the
legacy reader) may lift them with :func:`release_limits` as its ``preexec_fn``. Children
are made with ``os.fork`` (Linux), so ``func`` and its arguments need not be picklable for
``run_isolated``; results must be. The pool pickles ``func`` (use a module-level function).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import struct
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from formkit.errors import FormkitError, InputFileError

T = TypeVar("T")

_MEMORY_SIGNALS = {signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS}
_FRAME = struct.Struct("<Q")


class WorkerError(FormkitError):
    """The parse raised something other than ``InputFileError`` (a defect in formkit)."""

    def __init__(self, kind: str, message: str, debug: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.debug = debug


@dataclass(frozen=True)
class Outcome:
    """One finished call in a pool: ``value``, or ``error`` (InputFileError / WorkerError)."""

    index: int
    value: Any = None
    error: FormkitError | None = None


def run_isolated(
    func: Callable[..., T],
    *args: Any,
    timeout_s: float = 60.0,
    memory_mb: int = 1024,
    name: str = "",
) -> T:
    """``func(*args)`` in a forked child with limits; ``name`` labels the errors raised."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        _child_once(write_fd, func, args, memory_mb, timeout_s)
    os.close(write_fd)
    deadline = time.monotonic() + timeout_s
    try:
        payload = _read_all(read_fd, deadline)
    finally:
        os.close(read_fd)
    if payload is None:
        _kill(pid)
        raise _timeout(name, timeout_s)
    status = _reap(pid)
    return _unpack(payload, status, name, timeout_s)


def release_limits() -> None:
    """Lift the soft limits again (``preexec_fn`` for a subprocess such as LibreOffice)."""
    for limit in (resource.RLIMIT_AS, resource.RLIMIT_CPU):
        _, hard = resource.getrlimit(limit)
        resource.setrlimit(limit, (hard, hard))


def set_limits(memory_mb: int, timeout_s: float) -> None:
    """Soft limits for the calling process: ``memory_mb`` above its current size."""
    _, hard_as = resource.getrlimit(resource.RLIMIT_AS)
    soft = _vm_size() + memory_mb * 1024 * 1024
    if hard_as != resource.RLIM_INFINITY:
        soft = min(soft, hard_as)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard_as))
    used = int(sum(resource.getrusage(resource.RUSAGE_SELF)[:2]))
    _, hard_cpu = resource.getrlimit(resource.RLIMIT_CPU)
    cpu = used + int(timeout_s) + 5
    if hard_cpu != resource.RLIM_INFINITY:
        cpu = min(cpu, hard_cpu)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard_cpu))
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))


def _vm_size() -> int:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _child_once(
    fd: int, func: Callable[..., Any], args: tuple[Any, ...], memory_mb: int, timeout_s: float
) -> None:  # pragma: no cover - runs in the child
    try:
        set_limits(memory_mb, timeout_s)
        _write_frame(fd, _call(func, args))
    finally:
        os._exit(0)


def _call(func: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    """Run and pickle the outcome as ("ok", value) | ("input", …) | ("memory",) | ("error", …)."""
    try:
        outcome: tuple[Any, ...] = ("ok", func(*args))
    except InputFileError as exc:
        outcome = ("input", exc.file, exc.code, exc.reason, exc.place)
    except MemoryError:
        outcome = ("memory",)
    except BaseException as exc:
        outcome = ("error", type(exc).__name__, str(exc)[:500], traceback.format_exc())
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        return pickle.dumps(("memory",))
    except Exception as exc:
        return pickle.dumps(("error", type(exc).__name__, str(exc)[:500], traceback.format_exc()))


def _unpack(payload: bytes, status: int, name: str, timeout_s: float) -> Any:
    if not payload:
        raise _death(status, name, timeout_s)
    outcome = pickle.loads(payload)
    if outcome[0] == "ok":
        return outcome[1]
    raise _error(outcome, name)


def _error(outcome: tuple[Any, ...], name: str) -> FormkitError:
    if outcome[0] == "input":
        return InputFileError(*outcome[1:])
    if outcome[0] == "memory":
        return _memory(name)
    return WorkerError(outcome[1], outcome[2], outcome[3])


def _death(status: int, name: str, timeout_s: float) -> FormkitError:
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in _MEMORY_SIGNALS:
        return _memory(name)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return _timeout(name, timeout_s)
    return WorkerError("WorkerDied", f"worker exited with status {status}", "")


def _memory(name: str) -> InputFileError:
    return InputFileError(name, "file-memory", "文件处理所需内存超出上限，已跳过")


def _timeout(name: str, timeout_s: float) -> InputFileError:
    return InputFileError(name, "file-timeout", f"{timeout_s:g}")


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes until it closes the pipe; None at the deadline."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return _unframe(b"".join(chunks))
        chunks.append(chunk)


def _unframe(data: bytes) -> bytes:
    """The payload of one complete frame; b"" when the child died before finishing it."""
    if len(data) < _FRAME.size or _FRAME.unpack_from(data)[0] != len(data) - _FRAME.size:
        return b""
    return data[_FRAME.size :]


def _write_frame(fd: int, payload: bytes) -> None:
    view = memoryview(_FRAME.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _reap(pid)


def _reap(pid: int) -> int:
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return 0
        except InterruptedError:
            continue


# --- a pool of reused workers (batch, serve) ---------------------------------------------


class _Worker:
    def __init__(self, memory_mb: int, timeout_s: float, siblings: list[int]) -> None:
        task_r, self.task_w = os.pipe()
        self.result_r, result_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - runs in the child
            for fd in [self.task_w, self.result_r, *siblings]:  # or siblings never see EOF
                _close_quietly(fd)
            _serve(task_r, result_w, memory_mb, timeout_s)
        os.close(task_r)
        os.close(result_w)
        self.job: tuple[int, float, str] | None = None  # (index, deadline, name)

    def submit(self, index: int, payload: bytes, deadline: float, name: str) -> None:
        self.job = (index, deadline, name)
        # a worker that is gone reads EOF on its result pipe and is replaced
        with contextlib.suppress(BrokenPipeError):
            _write_frame(self.task_w, payload)

    def stop(self, kill: bool = False) -> None:
        for fd in (self.task_w, self.result_r):
            _close_quietly(fd)
        if kill:
            _kill(self.pid)
        else:
            _reap(self.pid)


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


def _serve(
    task_r: int, result_w: int, memory_mb: int, timeout_s: float
) -> None:  # pragma: no cover - runs in the child
    try:
        while True:
            payload = _read_frame(task_r)
            if payload is None:
                break
            func, args = pickle.loads(payload)
            set_limits(memory_mb, timeout_s)
            _write_frame(result_w, _call(func, args))
    finally:
        os._exit(0)


def _read_frame(fd: int) -> bytes | None:
    head = _read_exact(fd, _FRAME.size)
    if head is None:
        return None
    return _read_exact(fd, _FRAME.unpack(head)[0])


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


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
                yield Outcome(index, error=_timeout(name, self.timeout_s))

    def _finish(self, worker: _Worker, index: int, name: str) -> Outcome:
        payload = _read_frame(worker.result_r)
        if payload is None:
            status = _reap(worker.pid)
            self._replace(worker, kill=False, reaped=True)
            return Outcome(index, error=_death(status, name, self.timeout_s))
        worker.job = None
        self._done[worker.pid] = self._done.get(worker.pid, 0) + 1
        if self._done[worker.pid] >= self.max_tasks:
            self._replace(worker, kill=False)
        try:
            return Outcome(index, value=_unpack(payload, 0, name, self.timeout_s))
        except FormkitError as exc:
            return Outcome(index, error=exc)

    def _replace(self, worker: _Worker, kill: bool, reaped: bool = False) -> None:
        slot = self._workers.index(worker)
        del self._workers[slot]  # first, so the new worker does not inherit its pipes
        if reaped:
            for fd in (worker.task_w, worker.result_r):
                os.close(fd)
        else:
            worker.stop(kill=kill)
        self._done.pop(worker.pid, None)
        fresh = self._spawn()
        self._workers.insert(slot, fresh)
        self._done[fresh.pid] = 0

    def _spawn(self) -> _Worker:
        siblings = [fd for w in getattr(self, "_workers", []) for fd in (w.task_w, w.result_r)]
        return _Worker(self.memory_mb, self.timeout_s, siblings)
