"""Checking forms: CPU per file for read + extract + validate, beside the raw floor and a peer.

    python benchmarks/bench_check.py [N] [--write]
    python benchmarks/bench_check.py [N] --baseline OLD_CHECKOUT [--pairs P]
    python benchmarks/bench_check.py [N] [--baseline OLD_CHECKOUT] --instructions 10,25,50

Generates a seeded corpus of N filled 申报信息表 (.docx) and N 绩效目标表 (.xlsx) with the
project's own writers (``benchmarks/corpus/``, not committed), then measures in this process,
CPU time (``time.process_time``), median of 5 passes over all files, one warm-up pass first:

- formkit: ``pipeline.process_bytes`` — safety gate, reader, recognition, extraction and
  validation, everything ``formkit check`` does per file except the worker hand-off;
- raw floor: zipfile + ``lxml.etree.fromstring`` of the main part and touching every text
  node (docx: ``w:t``; xlsx: shared strings + every ``c`` of every sheet);
- docx2python: ``docx2python(path)`` + ``.text`` (the peer's read alone);
- openpyxl: ``load_workbook`` + ``iter_rows(values_only=True)`` over every sheet.

Then ``formkit check`` over the whole corpus of one kind in one call (isolated workers),
CPU of the command and its workers per file: 7 runs interleaved, the lowest as headline
(``timeit``'s advice for CPU-bound code on a shared machine) with the median and highest
beside it, the machine's speed (a fixed loop) taken every round, and the start-up alone.

With ``--baseline`` only the commands are measured, in the old checkout and this one
alternately (:mod:`compare`): ``formkit check --workers 1`` and ``2`` over each kind, and the
start-up (one workbook), P pairs each; CPU of the command and its workers per file.

With ``--library`` (beside ``--baseline`` or ``--instructions``) the command measured is
``formkit.check(files, Options(records=False))`` through ``python -c`` instead of ``formkit
check``: what 23e5814's ``formkit check`` did (read, recognise, extract, validate, in
isolated workers), without the dossier review that came after it (22c0867), so the two trees
do the same work.

With ``--instructions N1,N2,…`` the commands are counted in instructions under callgrind
(:func:`compare.instructions`: repeatable whatever the machine's load) instead of timed:
``formkit check --workers 1`` over the first N1, N2, … files of each kind in each checkout,
and the least-squares line through those points gives the cost per file (slope) apart from
the start-up (intercept); the largest distance of a point from its line shows whether the
cost is linear in the files.

The package is byte-compiled first, as an installed formkit is: the environment may set
PYTHONDONTWRITEBYTECODE, and compiling ~120 modules from source at every start would add
0.1–0.4 s to each command measured.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from compare import Checkout, checkouts, cpu_seconds, instructions, interleave, line_fit, table
from docx2python import docx2python
from lxml import etree

from formkit.pipeline import Options, process_bytes
from formkit.spec import load_spec
from formkit.writers.forms_docx import application_docx
from formkit.writers.forms_xlsx import targets_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.sampledata
from tests import sampledata

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "corpus"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## Checking forms"
PASSES = 5
RUNS = 7


def make_corpus(n: int) -> tuple[list[Path], list[Path]]:
    app, tgt = load_spec("application"), load_spec("targets")
    rnd = random.Random(2020)
    catalogue = [
        line.split(",")
        for line in (ROOT / "samples" / "catalogue.csv").read_text("utf-8").splitlines()[1:]
    ]
    docx_dir, xlsx_dir = CORPUS / "docx", CORPUS / "xlsx"
    docx_dir.mkdir(parents=True, exist_ok=True)
    xlsx_dir.mkdir(parents=True, exist_ok=True)
    docs, books = [], []
    for i in range(n):
        row = catalogue[i % len(catalogue)]
        zone = {"name": row[1], "code": row[5], "city": row[7], "industries": row[4].split("、")}
        data = sampledata.application(zone, rnd)
        doc, book = docx_dir / f"app_{i:04d}.docx", xlsx_dir / f"tgt_{i:04d}.xlsx"
        if not doc.exists():
            doc.write_bytes(application_docx(app, data))
        if not book.exists():
            book.write_bytes(targets_xlsx(tgt, sampledata.targets(data, rnd)))
        docs.append(doc)
        books.append(book)
    return docs, books


def one_page_form() -> Path:
    """A one-page form as python-docx writes it (a heading, a 12 × 4 table, a note): the
    issue scales its goals by docx2python reading such a form in 16–19 ms on its machine."""
    import docx

    path = CORPUS / "one_page_form.docx"
    if not path.exists():
        document = docx.Document()
        document.add_heading("开发区申报信息表", 1)
        table = document.add_table(rows=12, cols=4)
        for i, row in enumerate(table.rows):
            for j, cell in enumerate(row.cells):
                cell.text = f"字段{i}-{j}" if j % 2 == 0 else "填写内容"
        document.add_paragraph("填表说明：请如实填写。")
        document.save(str(path))
    return path


def per_file(func: Callable[[Path], object], files: list[Path]) -> float:
    """Median over passes of CPU ms per file."""
    for f in files[:5]:
        func(f)
    runs = []
    for _ in range(PASSES):
        start = time.process_time()
        for f in files:
            func(f)
        runs.append((time.process_time() - start) / len(files) * 1000)
    return statistics.median(runs)


def formkit_one(path: Path) -> object:
    return process_bytes(path.name, path.read_bytes(), Options(isolate=False))


def floor_docx(path: Path) -> object:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return sum(
        len(t.text or "")
        for t in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
    )


def floor_xlsx(path: Path) -> object:
    n = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/sheet"):
                root = etree.fromstring(z.read(name))
                n += sum(1 for _ in root.iter())
    return n


def docx2python_one(path: Path) -> object:
    with docx2python(path) as result:
        return result.text


def openpyxl_one(path: Path) -> object:
    book = openpyxl.load_workbook(path)
    return [list(ws.iter_rows(values_only=True)) for ws in book.worksheets]


def check_command(files: list[Path], workers: int) -> tuple[float, float]:
    """CPU ms per file of one ``formkit check`` call (command and workers), and its wall s."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "formkit", "check", "--workers", str(workers), *map(str, files)],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu / len(files) * 1000, wall


# label, workers, lowest, median and highest CPU ms per file, median wall s
Command = tuple[str, int, float, float, float, float]


def command_rows(kinds: list[tuple[str, list[Path]]]) -> tuple[list[Command], list[float]]:
    """Each (kind, workers) run RUNS times, interleaved so a noisy minute hits all alike;
    the machine's speed (:func:`calibration_ms`) is taken before every round."""
    runs: dict[tuple[str, int], list[tuple[float, float]]] = {}
    speed: list[float] = []
    for _ in range(RUNS):
        speed.append(calibration_ms())
        for label, files in kinds:
            for workers in (1, 2):
                runs.setdefault((label, workers), []).append(check_command(files, workers))
    rows = []
    for (label, workers), got in runs.items():
        cpus = sorted(cpu for cpu, _ in got)
        walls = sorted(wall for _, wall in got)
        rows.append(
            (label, workers, cpus[0], statistics.median(cpus), cpus[-1], walls[len(walls) // 2])
        )
    return rows, speed


def calibration_ms() -> float:
    """CPU ms of a fixed pure-Python loop (3 M additions in a function), best of 3: how fast
    this shared machine runs Python right now."""
    times = []
    for _ in range(3):
        start = time.process_time()
        total = 0
        for i in range(3_000_000):
            total += i
        times.append((time.process_time() - start) * 1000)
    return min(times)


def startup_ms(files: list[Path]) -> float:
    """CPU ms of ``formkit check`` on one file: the fixed cost every call pays."""
    return statistics.median(check_command(files[:1], 1)[0] for _ in range(RUNS))


# 23e5814's ``formkit check`` through the library, which both trees have (see --library)
LIBRARY_CHECK = (
    "import sys, formkit; r = formkit.check(sys.argv[2:], formkit.Options("
    "workers=int(sys.argv[1]), records=False)); sys.exit(formkit.exit_code(r))"
)


def check_argv(tree: Checkout, workers: int, library: bool) -> list[str]:
    """The command that checks files (appended) in ``tree``."""
    if library:
        return [tree.python, "-c", LIBRARY_CHECK, str(workers)]
    return [tree.python, "-m", "formkit", "check", "--workers", str(workers)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--pairs", type=int, default=RUNS)
    parser.add_argument(
        "--instructions",
        metavar="N1,N2,...",
        help="count instructions under callgrind at these numbers of files, not CPU time",
    )
    parser.add_argument("--new", type=Path, help="a copy of this tree to measure instead")
    parser.add_argument(
        "--library", action="store_true", help="formkit.check() of the files, not the command"
    )
    args = parser.parse_args()
    if args.library and not (args.baseline or args.instructions):
        parser.error("--library measures commands: give it --baseline or --instructions")
    docs, books = make_corpus(args.n)
    if args.instructions:
        sizes = sorted({int(n) for n in args.instructions.split(",")})
        kinds = [("申报信息表 .docx", docs), ("绩效目标表 .xlsx", books)]
        print(counted(args.baseline, sizes, kinds, args.new, args.library))
        return 0
    if args.baseline:
        kinds = [("申报信息表 .docx", docs), ("绩效目标表 .xlsx", books)]
        print(against(args.baseline, args.pairs, kinds, args.new, args.library))
        return 0
    compileall.compile_dir(ROOT / "formkit", quiet=1)
    rows = [
        ("申报信息表 .docx", "formkit read+extract+validate", per_file(formkit_one, docs)),
        ("申报信息表 .docx", "raw floor (zip + lxml, all w:t)", per_file(floor_docx, docs)),
        ("申报信息表 .docx", "docx2python read only", per_file(docx2python_one, docs)),
        ("绩效目标表 .xlsx", "formkit read+extract+validate", per_file(formkit_one, books)),
        ("绩效目标表 .xlsx", "raw floor (zip + lxml, all cells)", per_file(floor_xlsx, books)),
        ("绩效目标表 .xlsx", "openpyxl load + iter_rows", per_file(openpyxl_one, books)),
        (
            "one-page form .docx",
            "docx2python read only (the issue's yardstick: 16–19 ms on its machine)",
            per_file(docx2python_one, [one_page_form()] * 20),
        ),
    ]
    commands, speed = command_rows([("申报信息表 .docx", docs), ("绩效目标表 .xlsx", books)])
    startup = startup_ms(books)
    text = report(args.n, rows, commands, startup, speed)
    print(text)
    if args.write:
        write_section(text)
    return 0


def against(
    baseline: Path,
    pairs: int,
    kinds: list[tuple[str, list[Path]]],
    new: Path | None = None,
    library: bool = False,
) -> str:
    """``formkit check`` (or ``formkit.check()``, with ``library``) in the baseline and in
    this tree (or ``new``), interleaved: CPU ms per file."""
    trees = checkouts(baseline)
    if new is not None:
        trees[-1] = Checkout("new", new.resolve())
    for tree in trees:
        tree.compile()
        # one run first: the baseline's spec cache (in ~/.cache) warm, as a user has it
        cpu_seconds([tree.python, "-m", "formkit", "check", str(kinds[0][1][0])], tree.root)

    def command(files: list[Path], workers: int) -> Callable[[Checkout], float]:
        def measure(tree: Checkout) -> float:
            argv = check_argv(tree, workers, library)
            return cpu_seconds([*argv, *map(str, files)], tree.root)[0] / len(files) * 1000

        return measure

    measures = {
        f"{label}, {len(files)} files, --workers {w}": command(files, w)
        for label, files in kinds
        for w in (1, 2)
    }
    measures["start-up: one workbook (ms per command)"] = command(kinds[1][1][:1], 1)
    speed: list[float] = []
    found = interleave(trees, pairs, measures, between=lambda: speed.append(calibration_ms()))
    heads = ", ".join(f"{t.label} = {t.commit()} ({t.root})" for t in trees)
    return "\n".join(
        [
            f"`python benchmarks/bench_check.py {len(kinds[0][1])} --baseline {baseline} "
            f"--pairs {pairs}` — {dt.date.today()}, {platform.machine()}, CPython "
            f"{platform.python_version()}; {heads}. CPU ms per file of "
            f"{'`formkit.check()` (--library)' if library else '`formkit check`'} "
            "(command and its workers), pairs interleaved.",
            "",
            *table(found, "ms/file"),
            "",
            f"Machine speed (3 M additions): {min(speed):.0f}–{max(speed):.0f} ms CPU "
            f"(median {statistics.median(speed):.0f}) across the rounds.",
        ]
    )


def counted(
    baseline: Path | None,
    sizes: list[int],
    kinds: list[tuple[str, list[Path]]],
    new: Path | None = None,
    library: bool = False,
) -> str:
    """``formkit check --workers 1`` (or ``formkit.check()``, with ``library``) over the
    first N files of each kind, for each N of ``sizes``, in each checkout, under callgrind:
    instructions per file and at start-up."""
    trees = checkouts(baseline)
    if new is not None:
        trees[-1] = Checkout("new", new.resolve())
    fits: dict[tuple[str, str], tuple[float, float]] = {}
    lines = [
        f"`python benchmarks/bench_check.py --instructions {','.join(map(str, sizes))}"
        + (f" --baseline {baseline}" if baseline else "")
        + (" --library`" if library else "`")
        + f" — {dt.date.today()}, {platform.machine()}, CPython {platform.python_version()}; "
        + ", ".join(f"{t.label} = {t.commit()}" for t in trees)
        + ". Instructions of "
        + ("`formkit.check()`" if library else "`formkit check --workers 1`")
        + " and all its processes (callgrind), "
        "in millions, less pebble's polling thread (beside, in brackets: see compare.py); "
        "the line through the points: per file (slope) and start-up (intercept).",
        "",
        "| tree | files | "
        + " | ".join(f"{n} files" for n in sizes)
        + " | per file | start-up | largest distance from the line |",
        "|---|---|" + "---:|" * (len(sizes) + 3),
    ]
    for tree in trees:
        tree.compile()
        # one run first: the baseline's spec cache (in ~/.cache) warm, as a user has it
        cpu_seconds([tree.python, "-m", "formkit", "check", str(kinds[0][1][0])], tree.root)
        for label, files in kinds:
            argv = check_argv(tree, 1, library)
            points, cells = [], []
            for n in sizes:
                count = instructions([*argv, *map(str, files[:n])], tree.root)
                points.append((float(n), count.work / 1e6))
                cells.append(f"{count.work / 1e6:,.0f} ({count.polling / 1e6:,.0f})")
                print(f"{tree.label} {label} {n}: {cells[-1]} M", file=sys.stderr, flush=True)
            slope, intercept = line_fit(points)
            fits[tree.label, label] = slope, intercept
            worst = max(abs(y - (intercept + slope * x)) for x, y in points)
            lines.append(
                f"| {tree.label} | {label} | {' | '.join(cells)} | **{slope:.2f}** "
                f"| {intercept:,.0f} "
                f"| {worst:.1f} ({worst / (slope * max(sizes) + intercept):.2%}) |"
            )
    if baseline:
        lines += ["", "| files | new / old per file | new / old start-up |", "|---|---:|---:|"]
        for label, _ in kinds:
            (old_s, old_i), (new_s, new_i) = fits["old", label], fits["new", label]
            lines.append(f"| {label} | **{new_s / old_s:.3f}** | {new_i / old_i:.3f} |")
    return "\n".join(lines)


def report(
    n: int,
    rows: list[tuple[str, str, float]],
    commands: list[Command],
    startup: float,
    speed: list[float],
) -> str:
    lines = [
        HEADING,
        "",
        f"Measured {dt.date.today()} on {platform.machine()}, CPython "
        f"{platform.python_version()}, {n} files of each kind; `python "
        f"benchmarks/bench_check.py {n}`. CPU ms per file, median of {PASSES} passes.",
        "",
        "| file | what | CPU ms / file |",
        "|---|---|---:|",
    ]
    lines += [f"| {f} | {w} | {ms:.2f} |" for f, w, ms in rows]
    docx_ratio = rows[0][2] / rows[2][2]
    lines += [
        "",
        f"formkit / docx2python on the same .docx files: **{docx_ratio:.2f}×** "
        "(goal ≤ 0.6×; goal ≤ 12 ms per Word form, ≤ 10 ms per workbook).",
        "",
        "The in-process rows are warm: after the first pass a process reuses what it learnt "
        "(the paragraph styles of a template, normalised values seen before), which a batch of "
        "forms from one template also gets. The command rows below are one cold pass.",
        "",
        f"`formkit check --workers W` over the {n} files of one kind in one call: CPU of the "
        "command and its isolated workers per file, start-up, cold caches and the report "
        f"included; {RUNS} runs, interleaved. The headline is the lowest run, as `timeit`'s "
        "documentation advises for CPU-bound code on a shared machine (higher figures come "
        "from other processes, not from the code); the median and the highest are beside it. "
        "Two workers halve the wall time but cost more CPU per file on this 2-core machine "
        "(both cores busy).",
        "",
        "| files | workers | CPU ms / file (lowest) | median | highest | wall s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {f} | {w} | **{low:.2f}** | {mid:.2f} | {high:.2f} | {wall:.1f} |"
        for f, w, low, mid, high, wall in commands
    ]
    lines += [
        "",
        f"Start-up alone (`formkit check` of one workbook, median of {RUNS}): {startup:.0f} ms "
        f"CPU, {startup / n:.2f} ms of each file's share above.",
        "",
        "Machine speed while the commands ran: a fixed loop of 3 M additions took "
        f"{min(speed):.0f}–{max(speed):.0f} ms CPU (median {statistics.median(speed):.0f}) "
        "across the rounds; every figure scales with it.",
    ]
    lines.append("")
    return "\n".join(lines)


def write_section(text: str) -> None:
    current = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if HEADING in current:
        start = current.index(HEADING)
        nxt = current.find("\n## ", start + len(HEADING))
        current = current[:start] + (current[nxt + 1 :] if nxt != -1 else "")
    RESULTS.write_text(current.rstrip("\n") + "\n\n" + text + "\n", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
