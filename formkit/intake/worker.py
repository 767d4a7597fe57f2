"""What a worker process does and how its outcome comes back to the parent.

Used by :class:`formkit.intake.pool.IsolatedPool`: the soft limits a worker sets on itself
for each call, the pickled outcome of one call, and turning an outcome or a worker's death
into the error the parent raises.

Only the *soft* limits are set, so a child process the parse starts (LibreOffice for the
legacy reader) may lift them with :func:`release_limits` as its ``preexec_fn``.
"""

from __future__ import annotations

import faulthandler
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Literal

try:  # not on Windows: there formkit cannot limit a worker's memory (limits_enforced)
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

from formkit.model.errors import FormkitError, InputFileError

_MEMORY_SIGNALS = {signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS}
# RLIMIT_CPU sends SIGXCPU; the wall-clock deadline of a file in a chunk sends SIGALRM
_TIME_SIGNALS = {signal.SIGXCPU, signal.SIGALRM}


class WorkerError(FormkitError):
    """The parse raised something other than ``InputFileError`` (a defect in formkit)."""

    def __init__(self, kind: str, message: str, debug: str) -> None:
        super().__init__("internal-error", detail=f"{kind}: {message}")
        self.kind = kind
        self.debug = debug


# --- limits ---------------------------------------------------------------------------------


def limits_enforced() -> bool:
    """Whether this OS lets formkit cap a worker's memory (not on Windows; macOS ignores
    RLIMIT_AS): where it cannot, only the time limit holds, and the commands say so."""
    return resource is not None and sys.platform.startswith("linux")


def release_limits() -> None:
    """Lift the soft limits again (``preexec_fn`` for a subprocess such as LibreOffice)."""
    if resource is None:  # pragma: no cover - Windows
        return
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
    if not limits_enforced():  # pragma: no cover - not Linux
        return
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


def file_deadlines() -> bool:
    """Whether a worker can end itself at a file's wall-clock deadline (``setitimer``, not
    on Windows): only then may several files share one call to a worker."""
    return hasattr(signal, "setitimer")


def arm_deadline(timeout_s: float) -> None:
    """End this process ``timeout_s`` from now unless :func:`disarm_deadline` comes first:
    SIGALRM at its default action, so the kernel ends it even inside C code."""
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_REAL, timeout_s)


def disarm_deadline() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)


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


def call_pickled(func: Callable[..., object], args: tuple[object, ...]) -> bytes:
    """Run and pickle the outcome as ("ok", value) | ("input", …) | ("memory",) | ("error", …)."""
    try:
        outcome: tuple[object, ...] = ("ok", func(*args))
    except InputFileError as exc:
        outcome = ("input", exc.code, exc.file, exc.place, exc.params)
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


Failed = (
    tuple[Literal["input"], str, str, object, dict[str, object]]
    | tuple[Literal["memory"]]
    | tuple[Literal["error"], str, str, str]
)  # what call_pickled sends for a call that raised


def unpack(payload: bytes, name: str, timeout_s: float) -> object:
    """The value of a call, or its error raised."""
    outcome = pickle.loads(payload)  # a tuple call_pickled made, in this module
    if outcome[0] == "ok":
        return outcome[1]
    raise _error(outcome, name)


def _error(outcome: Failed, name: str) -> FormkitError:
    if outcome[0] == "input":
        _, code, file, place, params = outcome
        return InputFileError(code, file, place=place, **params)
    if outcome[0] == "memory":
        return _memory(name)
    _, kind, message, trace = outcome
    return WorkerError(kind, message, trace)


def death_error(exitcode: int | None, name: str, timeout_s: float) -> FormkitError:
    """The error for a worker that died before sending its outcome; ``exitcode`` is the
    process's (minus the signal's number when a signal killed it)."""
    signum = -exitcode if exitcode is not None and exitcode < 0 else None
    if signum in _MEMORY_SIGNALS:
        return _memory(name)
    if signum in _TIME_SIGNALS:
        return timeout_error(name, timeout_s)
    return WorkerError("WorkerDied", f"worker exited with code {exitcode}", "")


def _memory(name: str) -> InputFileError:
    return InputFileError("file-memory", name)


def timeout_error(name: str, timeout_s: float) -> InputFileError:
    return InputFileError("file-timeout", name, seconds=f"{timeout_s:g}")
