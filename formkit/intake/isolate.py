"""Run a parse in a worker process under a time and memory limit.

One hostile or pathological file must not stall or kill a run. :class:`IsolatedPool`
(``check``, ``batch``, ``serve``) keeps ``workers`` processes and reuses them;
:func:`run_isolated` is one call in a pool of one. Either way:

- memory: the worker's address space (``RLIMIT_AS``, soft limit) may grow by at most
  ``memory_mb`` beyond what it had when the call started; a ``MemoryError`` in the worker,
  or its death by SIGKILL/SIGSEGV/SIGABRT/SIGBUS (what C code does when allocation fails),
  becomes ``InputFileError("file-memory", name)``. Only Linux enforces this
  (:func:`limits_enforced`); elsewhere the commands say that only the time limit holds;
- time: after ``timeout_s`` of wall time the worker is killed and the call raises
  ``InputFileError("file-timeout", name, seconds=…)``; ``RLIMIT_CPU`` is a backstop;
- errors: ``InputFileError`` raised in the worker is raised again in the parent with the
  same code, file, place and params; any other exception comes back as
  :class:`WorkerError` carrying the worker's traceback (an internal defect).

Only the *soft* limits are set, so a child process the parse starts (LibreOffice for the
legacy reader) may lift them with :func:`release_limits` as its ``preexec_fn``. The pool
lives in :mod:`formkit.intake.pool`, what the workers do in :mod:`formkit.intake.worker`;
both are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from formkit.intake.pool import IsolatedPool, Outcome, Shared, start_method
from formkit.intake.worker import WorkerError, limits_enforced, release_limits, set_limits

__all__ = [
    "IsolatedPool",
    "Outcome",
    "Shared",
    "WorkerError",
    "limits_enforced",
    "release_limits",
    "run_isolated",
    "set_limits",
    "start_method",
]

T = TypeVar("T")


def run_isolated(
    func: Callable[..., T],
    *args: object,
    timeout_s: float = 60.0,
    memory_mb: int = 1024,
    name: str = "",
) -> T:
    """``func(*args)`` in a worker process with limits; ``name`` labels the errors raised."""
    with IsolatedPool(1, timeout_s=timeout_s, memory_mb=memory_mb) as pool:
        return pool.run(func, *args, name=name)
