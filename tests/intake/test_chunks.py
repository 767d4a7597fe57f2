"""Several files go to a worker as one pebble call, and each keeps its own limits."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from formkit.intake.isolate import IsolatedPool, Shared, WorkerError
from formkit.model.errors import InputFileError

GiB = 1024**3


def run(folder: str, i: int, kind: str = "ok") -> tuple[int, int]:
    """Leave a mark in ``folder`` for every run of call ``i``, then behave as ``kind``."""
    Path(folder, f"{i}.{time.monotonic_ns()}").touch()
    if kind == "sleep":  # waits in C
        time.sleep(1000)
    elif kind == "spin":  # a busy Python loop
        while True:
            pass
    elif kind == "grab":
        bytearray(2 * GiB)
    elif kind == "refuse":
        raise InputFileError("file-corrupt", f"f{i}.docx", reason="zip-broken", error="x")
    elif kind == "defect":
        raise KeyError("a bug")
    elif kind == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif kind == "slow":
        time.sleep(0.6)
    return i, os.getpid()


def big(i: int) -> bytes:
    return bytes([i]) * (100 * 1024)


def _runs(folder: Path) -> dict[int, int]:
    counts: dict[int, int] = {}
    for mark in folder.iterdir():
        index = int(mark.name.split(".")[0])
        counts[index] = counts.get(index, 0) + 1
    return counts


def _check(
    tmp_path: Path, kinds: dict[int, str], count: int, *, chunk: int = 8, **limits: float
) -> list[tuple[object, str | None]]:
    """Run ``count`` calls (call i as ``kinds.get(i, "ok")``) in chunks through a pool of one;
    every call is run exactly once, and the summary is (value, error code) by index."""
    calls = [(str(tmp_path), i, kinds.get(i, "ok")) for i in range(count)]
    names = [f"f{i}.docx" for i in range(count)]
    with IsolatedPool(1, **limits) as pool:  # type: ignore[arg-type]
        outcomes = list(pool.imap_unordered(run, calls, names=names, chunk=chunk))
    assert sorted(o.index for o in outcomes) == list(range(count))
    assert _runs(tmp_path) == dict.fromkeys(range(count), 1)
    for o in outcomes:
        if isinstance(o.error, InputFileError):
            assert o.error.file == f"f{o.index}.docx"
    ordered = sorted(outcomes, key=lambda o: o.index)
    return [(o.value[0] if o.value else None, getattr(o.error, "code", None)) for o in ordered]


def _expected(count: int, errors: dict[int, str]) -> list[tuple[object, str | None]]:
    return [(None, errors[i]) if i in errors else (i, None) for i in range(count)]


def test_a_hang_in_a_chunk_times_out_alone_and_nothing_runs_twice(tmp_path: Path) -> None:
    start = time.monotonic()
    summary = _check(tmp_path, {2: "sleep", 5: "spin"}, 8, timeout_s=1)
    assert summary == _expected(8, {2: "file-timeout", 5: "file-timeout"})
    # each hang ends at its own 1 s, not at the chunk's backstop (8 × 1 s + 5 s)
    assert time.monotonic() - start < 10


def test_each_file_of_a_chunk_has_its_own_time_limit(tmp_path: Path) -> None:
    # four files of 0.6 s in one chunk: 2.4 s together, each well within its 1 s
    summary = _check(tmp_path, dict.fromkeys(range(4), "slow"), 4, timeout_s=1)
    assert summary == _expected(4, {})


def test_memory_exhausted_in_a_chunk_is_that_files_alone(tmp_path: Path) -> None:
    summary = _check(tmp_path, {3: "grab", 4: "crash"}, 6, memory_mb=256)
    assert summary == _expected(6, {3: "file-memory", 4: "file-memory"})


def test_an_error_in_a_chunk_is_that_files_alone_and_the_worker_lives_on(tmp_path: Path) -> None:
    kinds = {1: "refuse", 2: "defect"}
    calls = [(str(tmp_path), i, kinds.get(i, "ok")) for i in range(5)]
    with IsolatedPool(1) as pool:
        outcomes = sorted(pool.imap_unordered(run, calls, chunk=5), key=lambda o: o.index)
    assert [o.value for o in outcomes if o.value] == [(i, outcomes[0].value[1]) for i in (0, 3, 4)]
    assert isinstance(outcomes[1].error, InputFileError)
    assert outcomes[1].error.params == {"reason": "zip-broken", "error": "x"}
    assert isinstance(outcomes[2].error, WorkerError)
    assert "a bug" in outcomes[2].error.debug
    assert _runs(tmp_path) == dict.fromkeys(range(5), 1)


def test_outcomes_beyond_a_chunks_room_come_back_too() -> None:
    # 100 KB each: a slot keeps two, so the chunk returns early and the rest go out again
    with IsolatedPool(2) as pool:
        outcomes = list(pool.imap_unordered(big, [(i,) for i in range(12)], chunk=6))
    assert sorted((o.index, o.value) for o in outcomes) == [(i, big(i)) for i in range(12)]


def test_chunked_outcomes_keep_the_index_contract() -> None:
    with IsolatedPool(2) as pool:
        assert [pool.chunk_for(n) for n in (1, 8, 9, 40, 1000)] == [1, 1, 2, 5, 8]
        outcomes = list(pool.imap_unordered(_double, [(i,) for i in range(30)], chunk=4))
    assert sorted((o.index, o.value) for o in outcomes) == [(i, 2 * i) for i in range(30)]


def _double(x: int) -> int:
    return 2 * x


def test_spawned_workers_keep_each_files_limits_in_a_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORMKIT_START_METHOD", "spawn")
    # 3 s, not 1: a freshly spawned worker on a loaded machine is slow to start its first file
    summary = _check(tmp_path, {1: "sleep", 3: "grab"}, 5, timeout_s=3, memory_mb=256)
    assert summary == _expected(5, {1: "file-timeout", 3: "file-memory"})


def test_calls_that_cannot_be_unpickled_in_a_chunk_are_defects_each() -> None:
    from tests.intake.test_isolate import Unpicklable, add_shared, pid

    with IsolatedPool(1) as pool:
        first = pool.run(pid)
        with Shared(Unpicklable(1)) as shared:  # made after the worker started
            calls = [(shared, 0), (shared, 1), (shared, 2)]
            outcomes = list(pool.imap_unordered(add_shared, calls, chunk=3))
        assert [type(o.error) for o in outcomes] == [WorkerError] * 3
        assert all("did not inherit" in str(o.error) for o in outcomes)
        assert pool.run(pid) == first  # the same worker lives on


def test_a_pool_left_mid_way_serves_the_next_chunked_run() -> None:
    with IsolatedPool(2) as pool:
        left = pool.imap_unordered(_double, [(i,) for i in range(40)], chunk=3)
        next(left)
        left.close()  # the chunks still in flight keep their slots until they end
        outcomes = list(pool.imap_unordered(_double, [(i,) for i in range(40)], chunk=3))
    assert sorted(o.value for o in outcomes) == [2 * i for i in range(40)]
