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
``run_isolated``; results must be. The pool lives in :mod:`formkit.intake.pool`, what the
children do in :mod:`formkit.intake.worker`; both are re-exported here.
"""

from __future__ import annotations

import os
import select
import time
from collections.abc import Callable
from typing import Any, TypeVar

from formkit.intake.pool import IsolatedPool, Outcome, Shared
from formkit.intake.worker import (
    WorkerError,
    call_pickled,
    enter_child,
    kill_and_reap,
    reap,
    release_limits,
    set_limits,
    timeout_error,
    unframe,
    unpack,
    write_frame,
)

__all__ = [
    "IsolatedPool",
    "Outcome",
    "Shared",
    "WorkerError",
    "release_limits",
    "run_isolated",
    "set_limits",
]

T = TypeVar("T")


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
        kill_and_reap(pid)
        raise timeout_error(name, timeout_s)
    status = reap(pid)
    return unpack(payload, status, name, timeout_s)


def _child_once(
    fd: int, func: Callable[..., Any], args: tuple[Any, ...], memory_mb: int, timeout_s: float
) -> None:  # pragma: no cover - runs in the child
    enter_child()
    try:
        set_limits(memory_mb, timeout_s)
        write_frame(fd, call_pickled(func, args))
    finally:
        os._exit(0)


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes until it closes the pipe; None at the deadline."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return unframe(b"".join(chunks))
        chunks.append(chunk)
