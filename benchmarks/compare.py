"""Old against new in one benchmark run: the same command in two checkouts, interleaved.

A benchmark given ``--baseline DIR`` (another checkout of formkit with its own ``.venv``,
e.g. a worktree of the commit before a change) runs each measured command in both trees,
alternating old and new for every pair (ABBA…: the order flips each round, so neither side
always runs right after the other's warm file cache), and reports the CPU time of the command
and all its children (``RUSAGE_CHILDREN``), not wall time: on a shared 2-core machine the wall
time mostly measures the other processes. Each side's median and range are reported, and the
median of the per-pair ratios, which cancels most of the machine's drift (its speed swings
~1.7× over minutes; the two runs of a pair are seconds apart).

Each command runs with the tree as its working directory and the tree's own interpreter:
``python -m`` puts the working directory first on ``sys.path``, so a baseline started from
the new tree would import the new code.

``--instructions`` (:func:`instructions`) counts instructions instead of CPU time: the command
runs under ``valgrind --tool=callgrind``, which counts the instructions each process executes,
the same count whatever the load (about 50× slower, so fewer files suffice). Every process of
the tree writes its own count (forked workers included: ``--zero-before=PyOS_AfterFork_Child``
zeroes a fork child's inherited count, so each file holds only its own process's work; spawned
workers and subprocesses are followed through ``--trace-children=yes``), and the counts of all
files are summed.

One thread's count measures the machine, not the work: pebble's pool-manager thread wakes ten
times a second of *wall* time (``time.sleep(0.1)``) to look for timeouts and dead workers, so
under callgrind's slowdown it runs ~50 times as often per file as it does natively (where it
costs ~0.02 % of the CPU), and more on a loaded machine. Threads are counted apart
(``--separate-threads=yes``) and that thread — the one, besides a process's first, that calls
``time.sleep`` — is reported on its own (:class:`Counted`).
"""

from __future__ import annotations

import compileall
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Checkout:
    """One formkit tree and the interpreter that imports it."""

    label: str
    root: Path

    @property
    def python(self) -> str:
        venv = self.root / ".venv" / "bin" / "python"
        return str(venv) if venv.exists() else sys.executable

    def commit(self) -> str:
        done = subprocess.run(
            ["git", "-C", str(self.root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.strip() or "?"

    def compile(self) -> None:
        """Byte-compile the package, as an installed formkit is (see bench_check)."""
        compileall.compile_dir(self.root / "formkit", quiet=1)


def checkouts(baseline: Path | None) -> list[Checkout]:
    """The new tree (this one), and the baseline first when one is given."""
    new = Checkout("new", ROOT)
    return [Checkout("old", baseline.resolve()), new] if baseline else [new]


def cpu_seconds(args: Sequence[str], cwd: Path) -> tuple[float, float]:
    """CPU s (user + system of the command and its children) and wall s of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(list(args), cwd=cwd, stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} exited {done.returncode} in {cwd}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


VALGRIND = [
    "valgrind",
    "--tool=callgrind",
    "--trace-children=yes",
    "--separate-threads=yes",
    # a forked child starts with its parent's count: zero it where the child begins
    "--zero-before=PyOS_AfterFork_Child",
]
_SUMMARY = re.compile(rb"^summary: (\d+)$", re.MULTILINE)


@dataclass(frozen=True)
class Counted:
    """Instructions of a command, all processes and threads; ``polling`` is the part of
    pebble's pool-manager thread (wall-time driven, see the module's text)."""

    total: int
    polling: int

    @property
    def work(self) -> int:
        return self.total - self.polling


def instructions(args: Sequence[str], cwd: Path) -> Counted:
    """Instructions executed by one command and all its processes, under callgrind.

    Hash randomisation is fixed (``PYTHONHASHSEED=0``) so that two runs of the same command
    count the same instructions to within a few in ten thousand (less pebble's polling)."""
    with tempfile.TemporaryDirectory(prefix="formkit-callgrind-") as out:
        argv = [*VALGRIND, f"--callgrind-out-file={out}/callgrind.out.%p", "--log-file=/dev/null"]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            [*argv, *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, check=False
        )
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args)} exited {done.returncode} in {cwd} (callgrind)")
        # one file per thread (``callgrind.out.PID-NN``); the bare ``callgrind.out.PID`` is empty
        threads = [_thread(path) for path in Path(out).glob("callgrind.out.*-*")]
    if not threads:
        raise SystemExit(f"callgrind wrote no counts for {' '.join(args)}")
    return Counted(sum(n for n, _ in threads), sum(n for n, polls in threads if polls))


def _thread(path: Path) -> tuple[int, bool]:
    """A thread's count, and whether it is a polling thread (not a process's first thread,
    and it calls ``time.sleep``)."""
    text = path.read_bytes()
    found = _SUMMARY.search(text)
    if found is None:
        raise SystemExit(f"{path}: no summary line (did the process end early?)")
    polls = not path.name.endswith("-01") and b"time_sleep" in text
    return int(found.group(1)), polls


def line_fit(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Slope and intercept of the least-squares line through ``(x, y)`` points."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    fit = statistics.linear_regression(xs, ys)
    return fit.slope, fit.intercept


@dataclass
class Series:
    """One measured command: its runs per checkout, in pair order."""

    name: str
    runs: dict[str, list[float]] = field(default_factory=dict)

    def add(self, label: str, value: float) -> None:
        self.runs.setdefault(label, []).append(value)

    def ratios(self) -> list[float]:
        """new / old for each pair."""
        return [n / o for o, n in zip(self.runs["old"], self.runs["new"], strict=True)]


def interleave(
    checkouts: list[Checkout],
    pairs: int,
    measures: dict[str, Callable[[Checkout], float]],
    between: Callable[[], None] | None = None,
) -> dict[str, Series]:
    """Every measure on every checkout, ``pairs`` rounds; the checkout order flips each round."""
    found = {name: Series(name) for name in measures}
    for round_ in range(pairs):
        if between is not None:
            between()
        for name, measure in measures.items():
            order = checkouts if round_ % 2 == 0 else checkouts[::-1]
            for checkout in order:
                found[name].add(checkout.label, measure(checkout))
        print(f"round {round_ + 1}/{pairs} done", file=sys.stderr, flush=True)
    return found


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    """``median (lowest–highest)``."""
    mid, low, high = (fmt.format(v) for v in (statistics.median(values), min(values), max(values)))
    return f"{mid} ({low}–{high})"


def table(series: dict[str, Series], unit: str, fmt: str = "{:.2f}") -> list[str]:
    """Markdown rows: each side's median (range), the ratio of medians, the paired ratios."""
    two = all("old" in s.runs for s in series.values())
    if not two:
        lines = [f"| measure | {unit}: median (range) |", "|---|---:|"]
        return lines + [f"| {s.name} | {spread(s.runs['new'], fmt)} |" for s in series.values()]
    lines = [
        f"| measure | old {unit}: median (range) | new {unit}: median (range) "
        "| new / old, medians | new / old, per pair: median (range) |",
        "|---|---:|---:|---:|---:|",
    ]
    for s in series.values():
        old, new = s.runs["old"], s.runs["new"]
        ratio = statistics.median(new) / statistics.median(old)
        lines.append(
            f"| {s.name} | {spread(old, fmt)} | {spread(new, fmt)} | {ratio:.3f} "
            f"| {spread(s.ratios(), '{:.3f}')} |"
        )
    return lines
