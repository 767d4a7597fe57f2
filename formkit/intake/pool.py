"""A pool of worker processes with a time and memory limit on every call (``check``,
``batch``, ``serve``), over pebble's maintained :class:`pebble.ProcessPool`.

pebble kills a worker whose call passes its timeout and replaces a worker that dies; this
module adds what formkit needs on top: the soft memory limit set anew in the worker for each
call (:func:`formkit.intake.worker.set_limits`), outcomes turned into formkit's errors
(``file-timeout``, ``file-memory``, :class:`WorkerError` for a defect), and :class:`Shared`
values that reach each worker once rather than once per call.

A call through pebble costs the parent about 1.5 M instructions (task queue, scheduler
thread, pipes, message thread, future), four times what a form's check costs it otherwise.
So :meth:`IsolatedPool.imap_unordered` can hand a worker a *chunk* of calls as one pebble
call while each file keeps its own limits: the worker sets the memory and CPU limits anew
and arms a wall-clock deadline (SIGALRM at its default action) for each file, and writes
into a shared slot which file it runs and the outcomes of those before. When the worker
dies, the parent reads that slot: the file it ran gets the error its death means, the ones
before it their kept outcomes, and the ones after it go to a worker again; no file runs
twice. pebble's own timeout for the chunk (every file's limit and a margin) is a backstop.

Workers start by ``fork`` where the OS has it, else by ``spawn`` (Windows, macOS' default);
``FORMKIT_START_METHOD=spawn`` chooses spawn on Linux too (the tests run both).
"""

from __future__ import annotations

import concurrent.futures
import functools
import gc
import itertools
import math
import multiprocessing
import os
import pickle
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.heap import BufferWrapper
from typing import Generic, TypeVar, cast

import pebble

from formkit.intake.worker import (
    arm_deadline,
    call_payload,
    death_error,
    disarm_deadline,
    enter_child,
    file_deadlines,
    set_limits,
    timeout_error,
    unpack,
)
from formkit.model.errors import FormkitError

T = TypeVar("T")

_SHARED: dict[int, object] = {}
# calls handed to pebble ahead per worker: enough that a worker never waits for its next file
_CALLS_PER_WORKER = 4
_SHARED_KEYS = itertools.count()
# calls in one chunk at most: 8 brings the parent's cost per form below the old fork
# pool's (benchmarks/RESULTS.md); more would only delay the spread over the workers
_CHUNK_MAX = 8
# room for the kept outcomes of one chunk (a checked form pickles to ~6 KB); a worker whose
# outcome does not fit returns the chunk early and the parent hands the rest out again
_SLOT_BYTES = 256 * 1024
# pebble's timeout for a chunk beyond the sum of its files' limits (a backstop: a file
# past its own limit ends the worker by SIGALRM first)
_CHUNK_MARGIN_S = 5.0


def start_method() -> str:
    """How workers start: ``FORMKIT_START_METHOD`` if set, else fork where available."""
    chosen = os.environ.get("FORMKIT_START_METHOD")
    if chosen:
        return chosen
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """One finished call in a pool: ``value``, or ``error`` (InputFileError / WorkerError)."""

    index: int
    value: T | None = None
    error: FormkitError | None = None

    def result(self) -> T:
        """The value (``None`` only beside an error), or the error raised."""
        if self.error is not None:
            raise self.error
        return cast(T, self.value)


class Shared(Generic[T]):
    """A value every worker of a pool receives once, passed to calls by reference.

    Call arguments are pickled for every call; a large one (the options of a check, with a
    programme and its zone catalogue) would be copied once per file. A ``Shared`` pickles
    as a key; a pool made while it is open hands its value to each worker when the worker
    starts (inherited by fork, or pickled once per worker by spawn). Make it before the
    pool and keep it open while the pool runs::

        with Shared(options) as shared, IsolatedPool(2) as pool:
            pool.imap_unordered(check_one, [(name, path, shared) for name, path in files])
    """

    def __init__(self, value: T) -> None:
        self.value = value
        self.key = next(_SHARED_KEYS)
        _SHARED[self.key] = value

    def __reduce__(self) -> tuple[Callable[[int], object], tuple[int]]:
        return _shared_value, (self.key,)

    def __enter__(self) -> Shared[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Forget the value (pools made later no longer hand it out)."""
        _SHARED.pop(self.key, None)


def _shared_value(key: int) -> object:
    try:
        return _SHARED[key]
    except KeyError:  # a worker of a pool made before the value
        detail = "a shared value was sent to a process that did not inherit it"
        raise FormkitError("internal-error", detail=detail) from None


class _Slots:
    """Memory shared with the workers, one slot per chunk in flight: the position of the
    file the worker runs, and the pickled outcomes of the files before it (length-prefixed),
    so that they outlive a worker that dies on a later file. (multiprocessing's heap, not
    ``RawArray``: that imports ctypes, 5 ms of every check's start.)"""

    def __init__(self, count: int) -> None:
        self.count = count
        self.memory = BufferWrapper(count * _SLOT_BYTES)  # inherited by fork, sent by spawn
        self.free = list(range(count))  # the parent's: slots no chunk in flight uses

    def view(self, slot: int) -> memoryview:
        return self.memory.create_memoryview()[slot * _SLOT_BYTES : (slot + 1) * _SLOT_BYTES]

    @staticmethod
    def mark(view: memoryview, position: int) -> None:
        """Which file of its chunk the worker runs (or, past the last, that it is done)."""
        view[:4] = position.to_bytes(4, "little")

    @staticmethod
    def position(view: memoryview) -> int:
        return int.from_bytes(view[:4], "little")

    @staticmethod
    def keep(view: memoryview, offset: int, outcome: bytes) -> int | None:
        """Store ``outcome`` at ``offset`` (4 at first); the next offset, or None if full."""
        end = offset + 4 + len(outcome)
        if end > len(view):
            return None
        view[offset : offset + 4] = len(outcome).to_bytes(4, "little")
        view[offset + 4 : end] = outcome
        return end

    @staticmethod
    def kept(view: memoryview, count: int) -> list[bytes]:
        """The first ``count`` outcomes stored."""
        outcomes, at = [], 4
        for _ in range(count):
            size = int.from_bytes(view[at : at + 4], "little")
            outcomes.append(bytes(view[at + 4 : at + 4 + size]))
            at += 4 + size
        return outcomes


_WORKER_SLOTS: list[_Slots] = []  # in a worker: its pool's slots


def _start_worker(
    shared: dict[int, object], slots: _Slots | None
) -> None:  # pragma: no cover - runs in a worker
    enter_child()
    _SHARED.update(shared)
    if slots is not None:
        _WORKER_SLOTS.append(slots)


class _FrozenHeap:
    """While a pool is open, the objects made before it stay out of the collector's way:
    ``gc.freeze`` before pebble forks the workers, as the ``gc`` documentation advises for a
    parent that forks. A forked worker's collections then skip the parent's objects (and do
    not dirty the pages they share with it), and so do pebble's threads and the parent's own
    collections while results come in (benchmarks/RESULTS.md). When the last pool closes
    they are the collector's again, so a program that checks files now and then keeps no
    garbage for good; a heap the program froze itself stays frozen."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # a program may open and close pools on several threads
        self._pools = 0
        self._ours = False

    def enter(self) -> None:
        with self._lock:
            if self._pools == 0:
                self._ours = gc.get_freeze_count() == 0
                gc.freeze()
            self._pools += 1

    def leave(self) -> None:
        with self._lock:
            self._pools -= 1
            if self._pools == 0 and self._ours:
                gc.unfreeze()


_FROZEN_HEAP = _FrozenHeap()


def _stop_pool(pool: pebble.ProcessPool) -> None:
    try:
        pool.stop()  # type: ignore[no-untyped-call]  # pebble's stop() is unannotated
        pool.join()
    finally:
        _FROZEN_HEAP.leave()


def _call(payload: bytes, memory_mb: int, timeout_s: float) -> bytes:  # pragma: no cover
    # the task comes pickled, so one that cannot be unpickled in the worker (a Shared made
    # after the pool) is an error outcome rather than pebble's dead worker
    set_limits(memory_mb, timeout_s)
    return call_payload(payload)


def _call_chunk(
    payloads: list[bytes], memory_mb: int, timeout_s: float, slot: int
) -> tuple[int, bytes | None]:  # pragma: no cover - runs in a worker
    """Run several calls, each under its own limits; their outcomes wait in ``slot``.

    Returns how many outcomes the slot holds, and the outcome after them that did not fit
    (the calls after that one were not run)."""
    view = _WORKER_SLOTS[0].view(slot)
    offset = 4
    for position, payload in enumerate(payloads):
        _Slots.mark(view, position)
        set_limits(memory_mb, timeout_s)
        arm_deadline(timeout_s)
        try:
            outcome = call_payload(payload)
        finally:
            disarm_deadline()
        end = _Slots.keep(view, offset, outcome)
        if end is None:
            return position, outcome
        offset = end
    _Slots.mark(view, len(payloads))
    return len(payloads), None


_Task = tuple[int, bytes]  # a call's index and its pickled (func, args)
_Chunked = tuple[int, bytes | None]  # what _call_chunk returns
# a single call's future (bytes) or a chunk's (_Chunked), told apart by its slot
_Future = concurrent.futures.Future[object]


class IsolatedPool:
    """``workers`` reusable worker processes, each call under ``timeout_s`` and ``memory_mb``.

    >>> with IsolatedPool(2) as pool:                                    # doctest: +SKIP
    ...     for outcome in pool.imap_unordered(parse_one, [(b, n) for n, b in files]):
    ...         ...

    A worker that hangs is killed at its deadline and replaced; one that dies (memory) is
    replaced; the other calls go on. ``func`` and its arguments are pickled (module-level
    functions); :class:`Shared` values made before the pool reach every worker. A worker
    is replaced after ``max_tasks`` pebble calls (a chunk of files is one).
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
        context = multiprocessing.get_context(start_method())
        # one slot per chunk in flight; without file deadlines (Windows) calls go one by one
        self._slots = _Slots(self.size * _CALLS_PER_WORKER) if file_deadlines() else None
        self._pool = pebble.ProcessPool(
            max_workers=self.size,
            max_tasks=max_tasks,
            initializer=_start_worker,
            initargs=(dict(_SHARED), self._slots),
            context=context,
        )
        _FROZEN_HEAP.enter()  # before pebble forks its workers, at the first call
        # a pool left open (no ``with``, no close) is stopped when collected or at exit:
        # otherwise the interpreter could end while pebble spawns a replacement worker,
        # and the half-started child printed a Python stack on the user's terminal
        self._stop = weakref.finalize(self, _stop_pool, self._pool)

    def __enter__(self) -> IsolatedPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers; calls still running are killed."""
        self._stop()

    def submit(
        self, func: Callable[..., object], *args: object
    ) -> concurrent.futures.Future[bytes]:
        """Schedule one call; :meth:`outcome` turns its future into a value or an error."""
        return self._submit_task(_task(func, args))

    def _submit_task(self, payload: bytes) -> concurrent.futures.Future[bytes]:
        call = (payload, self.memory_mb, self.timeout_s)
        return self._pool.schedule(_call, args=call, timeout=self.timeout_s)

    def outcome(
        self, index: int, future: concurrent.futures.Future[bytes], name: str
    ) -> Outcome[object]:
        try:
            payload = future.result()
        except concurrent.futures.TimeoutError:
            return Outcome(index, error=timeout_error(name, self.timeout_s))
        except pebble.ProcessExpired as exc:
            return Outcome(index, error=death_error(exc.exitcode, name, self.timeout_s))
        return self._unpacked(index, payload, name)

    def _unpacked(self, index: int, payload: bytes, name: str) -> Outcome[object]:
        try:
            return Outcome(index, value=unpack(payload, name, self.timeout_s))
        except FormkitError as exc:
            return Outcome(index, error=exc)

    def run(self, func: Callable[..., T], *args: object, name: str = "") -> T:
        """One call, waiting for its result (its error raised)."""
        outcome = self.outcome(0, self.submit(func, *args), name)
        return cast(T, outcome.result())  # what ``func`` returned, back through pickle

    def chunk_for(self, count: int) -> int:
        """How many of ``count`` calls to hand a worker at once (``imap_unordered``'s
        ``chunk``): up to 8, fewer for a short run so that every worker still gets some."""
        if self._slots is None:
            return 1
        return max(1, min(_CHUNK_MAX, math.ceil(count / self._slots.count)))

    def imap_unordered(
        self,
        func: Callable[..., T],
        calls: Iterable[tuple[object, ...]],
        names: Iterable[str] | None = None,
        chunk: int = 1,
    ) -> Iterator[Outcome[T]]:
        """``func(*args)`` for each args tuple, outcomes in the order they finish.

        Only a few calls per worker are handed to pebble at a time, the next one as one
        finishes: pebble looks over every task it holds ten times a second (timeouts), and a
        finished future keeps its result until dropped. Given 3,000 calls at once the parent
        held every result to the end (3,000 results of 20 KB: parent peak RSS 91 → 27 MB,
        CPU 0.75 → 0.70 ms a call). A call's time limit counts from its start in a worker,
        so waiting here does not shorten it.

        With ``chunk`` > 1 (see :meth:`chunk_for`) up to that many calls go to a worker as
        one pebble call, each still under its own limits (the module's docstring); the
        outcomes of a chunk come when the whole chunk is done."""
        labels = list(names) if names is not None else None
        todo = ((index, _task(func, args)) for index, args in enumerate(calls))
        again: list[list[_Task]] = []  # the calls of chunks whose worker died, not yet run
        running: dict[_Future, tuple[int | None, list[_Task]]] = {}

        def more(count: int) -> None:
            for _ in range(count):
                tasks = again.pop() if again else list(itertools.islice(todo, max(1, chunk)))
                if not tasks:
                    return
                self._schedule(tasks, running)

        try:
            more(self.size * _CALLS_PER_WORKER)
            while running:
                done, _ = concurrent.futures.wait(
                    running, return_when=concurrent.futures.FIRST_COMPLETED
                )
                for future in done:
                    slot, tasks = running.pop(future)
                    outcomes, rest = self._finished(future, slot, tasks, labels)
                    if rest:
                        again.append(rest)
                    more(1)
                    # the values are what ``func`` returned, back through pickle
                    yield from cast(list[Outcome[T]], outcomes)
        finally:  # left early: a chunk's slot is free again once its worker is done with it
            for future, (slot, _) in running.items():
                if slot is not None:
                    future.add_done_callback(functools.partial(self._free_after, slot))

    def _free(self, slot: int) -> None:
        assert self._slots is not None
        self._slots.free.append(slot)

    def _free_after(self, slot: int, _: _Future) -> None:
        self._free(slot)

    def _schedule(
        self,
        tasks: list[_Task],
        running: dict[_Future, tuple[int | None, list[_Task]]],
    ) -> None:
        if len(tasks) == 1 or self._slots is None or not self._slots.free:
            for task in tasks:
                running[cast(_Future, self._submit_task(task[1]))] = (None, [task])
            return
        slot = self._slots.free.pop()
        _Slots.mark(self._slots.view(slot), 0)  # not what the slot's last chunk left
        call = ([payload for _, payload in tasks], self.memory_mb, self.timeout_s, slot)
        timeout = self.timeout_s * len(tasks) + _CHUNK_MARGIN_S
        future = self._pool.schedule(_call_chunk, args=call, timeout=timeout)
        running[cast(_Future, future)] = (slot, tasks)

    def _finished(
        self,
        future: _Future,
        slot: int | None,
        tasks: list[_Task],
        labels: list[str] | None,
    ) -> tuple[list[Outcome[object]], list[_Task]]:
        """The outcomes of a finished pebble call, and the calls of its chunk not run."""

        def name(index: int) -> str:
            return labels[index] if labels else ""

        if slot is None:
            single = cast(concurrent.futures.Future[bytes], future)
            return [self.outcome(tasks[0][0], single, name(tasks[0][0]))], []
        assert self._slots is not None
        try:
            died = self._death(future)
            view = self._slots.view(slot)
            chunked = cast(concurrent.futures.Future[_Chunked], future)
            count, extra = (_Slots.position(view), None) if died else chunked.result()
            kept = _Slots.kept(view, min(count, len(tasks)))
        finally:
            self._free(slot)
        outcomes = [
            self._unpacked(index, payload, name(index))
            for (index, _), payload in zip(tasks, kept, strict=False)
        ]
        rest = tasks[len(kept) :]
        if rest and extra is not None:
            outcomes.append(self._unpacked(rest[0][0], extra, name(rest[0][0])))
            rest = rest[1:]
        elif rest and died is not None:  # the call the worker ran when it died
            outcomes.append(Outcome(rest[0][0], error=died(name(rest[0][0]))))
            rest = rest[1:]
        return outcomes, rest

    def _death(self, future: _Future) -> Callable[[str], FormkitError] | None:
        """For a chunk whose worker was killed or died: the error of the call it ran."""
        error = future.exception()
        if isinstance(error, concurrent.futures.TimeoutError):
            return lambda name: timeout_error(name, self.timeout_s)
        if isinstance(error, pebble.ProcessExpired):
            code = error.exitcode
            return lambda name: death_error(code, name, self.timeout_s)
        return None


def _task(func: Callable[..., object], args: tuple[object, ...]) -> bytes:
    """A call pickled for a worker: pickled here rather than by pebble, so that one which
    cannot be unpickled in the worker (a Shared made after the pool) is an error outcome
    rather than pebble's dead worker."""
    return pickle.dumps((func, args), protocol=pickle.HIGHEST_PROTOCOL)
