"""What a worker process does and how its outcome comes back to the parent.

Shared by :func:`formkit.intake.isolate.run_isolated` (one forked child per call) and
:class:`formkit.intake.pool.IsolatedPool` (reused children): the soft limits a child sets on
itself, the pickled outcome of one call, length-prefixed frames on pipes, and turning an
outcome or a child's death into the error the parent raises.

Only the *soft* limits are set, so a child process the parse starts (LibreOffice for the
legacy reader) may lift them with :func:`release_limits` as its ``preexec_fn``.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import pickle
import resource
import signal
import struct
import traceback
from collections.abc import Callable
from typing import Any

from formkit.errors import FormkitError, InputFileError

_MEMORY_SIGNALS = {signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS}
_FRAME = struct.Struct("<Q")


class WorkerError(FormkitError):
    """The parse raised something other than ``InputFileError`` (a defect in formkit)."""

    def __init__(self, kind: str, message: str, debug: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.debug = debug


# --- limits ---------------------------------------------------------------------------------


def release_limits() -> None:
    """Lift the soft limits again (``preexec_fn`` for a subprocess such as LibreOffice)."""
    for limit in (resource.RLIMIT_AS, resource.RLIMIT_CPU):
        _, hard = resource.getrlimit(limit)
        resource.setrlimit(limit, (hard, hard))


def enter_child() -> None:
    """What a forked worker does first: no crash report of its own. A native crash on a
    hostile file is the parent's to report (as ``file-memory``); with faulthandler on
    (``PYTHONFAULTHANDLER``, ``-X faulthandler``, pytest) the child would print a Python
    stack to the user's terminal."""
    faulthandler.disable()


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


# --- outcomes -------------------------------------------------------------------------------


def call_payload(payload: bytes) -> bytes:
    """Unpickle a ``(func, args)`` task and run it like :func:`call_pickled`; a task that
    cannot be unpickled here comes back as an error outcome, the worker lives on."""
    try:
        func, args = pickle.loads(payload)
    except BaseException as exc:
        return pickle.dumps(_defect(exc))
    return call_pickled(func, args)


def call_pickled(func: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    """Run and pickle the outcome as ("ok", value) | ("input", …) | ("memory",) | ("error", …)."""
    try:
        outcome: tuple[Any, ...] = ("ok", func(*args))
    except InputFileError as exc:
        outcome = ("input", exc.file, exc.code, exc.reason, exc.place)
    except MemoryError:
        outcome = ("memory",)
    except BaseException as exc:
        outcome = _defect(exc)
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        return pickle.dumps(("memory",))
    except Exception as exc:  # a value that cannot be pickled
        return pickle.dumps(_defect(exc))


def _defect(exc: BaseException) -> tuple[str, str, str, str]:
    """The outcome of an exception that is formkit's fault (call it in its ``except``)."""
    return ("error", type(exc).__name__, str(exc)[:500], traceback.format_exc())


def unpack(payload: bytes, status: int, name: str, timeout_s: float) -> Any:
    """The value of a call, or its error raised (an empty payload: the child died)."""
    if not payload:
        raise death_error(status, name, timeout_s)
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


def death_error(status: int, name: str, timeout_s: float) -> FormkitError:
    """The error for a child that died with wait ``status`` before sending its outcome."""
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in _MEMORY_SIGNALS:
        return _memory(name)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return timeout_error(name, timeout_s)
    return WorkerError("WorkerDied", f"worker exited with status {status}", "")


def _memory(name: str) -> InputFileError:
    return InputFileError(name, "file-memory", "文件处理所需内存超出上限，已跳过")


def timeout_error(name: str, timeout_s: float) -> InputFileError:
    return InputFileError(name, "file-timeout", f"{timeout_s:g}")


# --- frames on pipes ------------------------------------------------------------------------


def write_frame(fd: int, payload: bytes) -> None:
    view = memoryview(_FRAME.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]


def unframe(data: bytes) -> bytes:
    """The payload of one complete frame; b"" when the child died before finishing it."""
    if len(data) < _FRAME.size or _FRAME.unpack_from(data)[0] != len(data) - _FRAME.size:
        return b""
    return data[_FRAME.size :]


def read_frame(fd: int) -> bytes | None:
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


# --- children -------------------------------------------------------------------------------


def kill_and_reap(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    reap(pid)


def reap(pid: int) -> int:
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return 0
        except InterruptedError:
            continue
