"""One hostile or pathological file cannot stall or kill a run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from formkit.intake.isolate import IsolatedPool, Shared, WorkerError, run_isolated, start_method
from formkit.model.errors import InputFileError

GiB = 1024**3


def double(x: int) -> int:
    return 2 * x


def hang(_: int = 0) -> None:
    while True:
        time.sleep(0.01)


def grab(gib: float) -> int:
    return len(bytearray(int(gib * GiB)))


def refuse(_: int = 0) -> None:
    raise InputFileError(
        "file-corrupt",
        "申报表.docx",
        place="word/document.xml",
        reason="zip-broken",
        error="BadZipFile",
    )


def defect(_: int = 0) -> None:
    raise KeyError("a bug")


def crash(_: int = 0) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def pid(_: int = 0) -> int:
    return os.getpid()


def mixed(i: int) -> int:
    if i == 2:
        hang()
    if i == 3:
        grab(2)
    if i == 4:
        crash()
    return i


def test_the_result_comes_back():
    assert run_isolated(double, 21) == 42


def test_a_hang_becomes_a_timeout_and_the_child_is_killed():
    start = time.monotonic()
    with pytest.raises(InputFileError) as info:
        run_isolated(hang, timeout_s=0.5, name="慢.docx")
    assert time.monotonic() - start < 5
    assert (info.value.file, info.value.code) == ("慢.docx", "file-timeout")
    assert info.value.reason == "0.5"  # the seconds, for the code's template


def test_memory_beyond_the_limit_becomes_file_memory():
    with pytest.raises(InputFileError) as info:
        run_isolated(grab, 2, memory_mb=256, name="大.xlsx")
    assert info.value.code == "file-memory"


def test_memory_within_the_limit_is_fine():
    assert run_isolated(grab, 0.1, memory_mb=256) == int(0.1 * GiB)


def test_a_crash_in_native_code_becomes_file_memory():
    with pytest.raises(InputFileError) as info:
        run_isolated(crash, name="坏.pdf")
    assert info.value.code == "file-memory"


def test_regression_a_crashing_worker_prints_no_python_stack() -> None:
    """With faulthandler on (PYTHONFAULTHANDLER, -X faulthandler, pytest) a crashing child
    printed "Fatal Python error" and its stack on the user's terminal; the parent reports
    the file, and nothing else may show."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from formkit.model.errors import InputFileError\n"
        "from formkit.intake.isolate import IsolatedPool, run_isolated\n"
        "from tests.intake.test_isolate import crash\n"
        "for run in (lambda: run_isolated(crash), lambda: IsolatedPool(1).run(crash)):\n"
        "    try:\n"
        "        run()\n"
        "    except InputFileError as exc:\n"
        "        print(exc.code)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.split() == ["file-memory", "file-memory"]
    assert done.stderr == ""


def test_regression_a_pool_left_open_stops_its_workers_when_collected() -> None:
    """A pool used without ``with`` and never closed kept its workers until the interpreter
    ended, and at exit pebble could be spawning a replacement whose half-started child
    printed ``EOFError`` and a stack (seen in CI under spawn); it is stopped when collected."""
    import gc

    pool = IsolatedPool(1)
    worker = pool.run(pid)
    del pool
    gc.collect()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail(f"worker {worker} still runs after its pool was collected")


def test_input_file_errors_come_back_whole():
    with pytest.raises(InputFileError) as info:
        run_isolated(refuse)
    err = info.value
    assert (err.file, err.code, err.params, err.place) == (
        "申报表.docx",
        "file-corrupt",
        {"reason": "zip-broken", "error": "BadZipFile"},
        "word/document.xml",
    )
    assert str(err) == (
        "申报表.docx word/document.xml：文件已损坏，无法读取：压缩结构损坏（BadZipFile）"
    )


def test_a_defect_comes_back_as_a_worker_error_with_the_traceback():
    with pytest.raises(WorkerError) as info:
        run_isolated(defect)
    assert info.value.kind == "KeyError"
    assert "a bug" in info.value.debug


def test_the_parent_is_untouched_by_the_childs_limits():
    run_isolated(double, 1, memory_mb=64)
    assert len(bytearray(300 * 1024 * 1024)) > 0


def test_a_pool_reuses_its_workers():
    with IsolatedPool(2) as pool:
        pids = {o.value for o in pool.imap_unordered(pid, [(i,) for i in range(20)])}
    assert len(pids) <= 2
    assert os.getpid() not in pids


def test_regression_a_pool_takes_its_calls_a_few_at_a_time() -> None:
    # a batch handed pebble all its 3,000 files at once: the parent kept every result
    # until the last one finished
    pulled = 0

    def calls() -> Iterator[tuple[int]]:
        nonlocal pulled
        for i in range(60):
            pulled += 1
            yield (i,)

    with IsolatedPool(2) as pool:
        outcomes = pool.imap_unordered(double, calls())
        first = next(outcomes)
        assert pulled <= 10
        rest = list(outcomes)
    assert pulled == 60
    assert sorted(o.value for o in [first, *rest]) == [2 * i for i in range(60)]
    assert sorted(o.index for o in [first, *rest]) == list(range(60))


def test_a_pool_survives_hangs_memory_and_crashes_and_finishes_the_rest():
    with IsolatedPool(2, timeout_s=1, memory_mb=256) as pool:
        outcomes = sorted(
            pool.imap_unordered(
                mixed, [(i,) for i in range(7)], names=[f"f{i}.docx" for i in range(7)]
            ),
            key=lambda o: o.index,
        )
        assert pool.run(double, 4) == 8
    summary = [(o.value, getattr(o.error, "code", None)) for o in outcomes]
    assert summary == [
        (0, None),
        (1, None),
        (None, "file-timeout"),
        (None, "file-memory"),
        (None, "file-memory"),
        (5, None),
        (6, None),
    ]
    assert outcomes[2].error.file == "f2.docx"


def test_a_pool_run_raises_like_run_isolated():
    with IsolatedPool(1) as pool, pytest.raises(InputFileError):
        pool.run(refuse)


def test_a_pool_recycles_a_worker_after_max_tasks():
    with IsolatedPool(1, max_tasks=3) as pool:
        pids = [pool.run(pid) for _ in range(7)]
    assert len(set(pids)) == 3


def test_regression_closing_one_pool_never_waits_on_another_pools_worker() -> None:
    """A worker forked for a second pool inherited the first pool's task pipe, so the first
    pool's worker never read EOF and ``close()`` hung (seen with serve's per-request pools)."""
    import threading

    from formkit.intake.isolate import IsolatedPool

    first = IsolatedPool(1, timeout_s=10)
    second = IsolatedPool(1, timeout_s=10)
    closed = threading.Event()
    closer = threading.Thread(target=lambda: (first.close(), closed.set()), daemon=True)
    closer.start()
    assert closed.wait(3), "closing the first pool hung"
    second.close()


class Unpicklable:
    def __init__(self, n: int) -> None:
        self.n = n

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("this value must reach the worker by fork")


def add_shared(value: Unpicklable, i: int) -> int:
    return value.n + i


@pytest.mark.skipif(start_method() != "fork", reason="workers start by spawn: values are pickled")
def test_a_shared_value_reaches_every_worker_by_fork_not_by_pickle() -> None:
    # max_tasks=2: workers are replaced on the way, and the new forks inherit the value too
    with Shared(Unpicklable(40)) as shared, IsolatedPool(2, max_tasks=2) as pool:
        calls = [(shared, i) for i in range(7)]
        assert sorted(o.value for o in pool.imap_unordered(add_shared, calls)) == list(
            range(40, 47)
        )


def test_a_shared_value_made_after_the_workers_forked_is_a_defect_not_a_dead_worker() -> None:
    with IsolatedPool(1) as pool:
        first = pool.run(pid)
        with Shared(Unpicklable(1)) as shared, pytest.raises(WorkerError, match="did not inherit"):
            pool.run(add_shared, shared, 0)
        assert pool.run(pid) == first  # the same worker lives on


def unpicklable_result(n: int) -> Unpicklable:
    return Unpicklable(n)


def test_a_result_that_cannot_be_sent_back_is_a_defect_and_the_worker_lives_on() -> None:
    with IsolatedPool(1) as pool:
        first = pool.run(pid)
        with pytest.raises(WorkerError, match="TypeError") as info:
            pool.run(unpicklable_result, 1)
        assert "reach the worker by fork" in str(info.value)
        assert pool.run(pid) == first
    with pytest.raises(WorkerError, match="TypeError"):
        run_isolated(unpicklable_result, 1)


class CountedPickles:
    """A value that counts how often it is pickled (in the parent, where pickling happens)."""

    pickled = 0

    def __init__(self, n: int) -> None:
        self.n = n

    def __reduce__(self) -> tuple[object, ...]:
        CountedPickles.pickled += 1
        return CountedPickles, (self.n,)


def test_a_shared_value_reaches_spawned_workers_once_per_worker_not_once_per_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORMKIT_START_METHOD", "spawn")
    CountedPickles.pickled = 0
    with Shared(CountedPickles(40)) as shared, IsolatedPool(2) as pool:
        calls = [(shared, i) for i in range(7)]
        assert sorted(o.value for o in pool.imap_unordered(add_shared, calls)) == list(
            range(40, 47)
        )
    assert 1 <= CountedPickles.pickled <= 2  # once per worker started


def test_spawned_workers_keep_the_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORMKIT_START_METHOD", "spawn")
    # 3 s, not 1: on a loaded 2-core machine a quick call in a freshly spawned worker once
    # took longer than 1 s; the hang still times out and the grabs still die
    with IsolatedPool(2, timeout_s=3, memory_mb=256) as pool:
        outcomes = sorted(
            pool.imap_unordered(mixed, [(i,) for i in range(5)]), key=lambda o: o.index
        )
    codes = [getattr(o.error, "code", None) for o in outcomes]
    assert codes == [None, None, "file-timeout", "file-memory", "file-memory"]


# in a process of its own: another test's pool still open in this one would keep the heap frozen
_FREEZE_SCRIPT = """
import gc, weakref
from formkit.intake.pool import IsolatedPool
gc.disable()  # no collection but the ones asked for


class Node:
    other = None


node = Node()
node.other = node
gone = weakref.ref(node)
del node  # garbage, waiting for a collection
with IsolatedPool(1):
    with IsolatedPool(1):  # a second pool inside the first
        pass
    inside = gc.get_freeze_count()
after = gc.get_freeze_count()
gc.collect()
gc.freeze()  # the program's own freeze: a pool leaves it as it found it
with IsolatedPool(1):
    pass
print(inside > 0, after == 0, gone() is None, gc.get_freeze_count() > 0)
"""


def test_a_pool_freezes_the_heap_while_it_is_open_and_gives_it_back_when_closed() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FREEZE_SCRIPT], capture_output=True, text=True, check=True
    )
    # frozen while open (the inner pool's close did not thaw it); afterwards the garbage
    # frozen with the heap is the collector's again; a heap the program froze stays frozen
    assert done.stdout.split() == ["True", "True", "True", "True"]
