"""Legacy .xls: the native reader against today's LibreOffice path, on real Excel-made files.

Usage: ``python benchmarks/bench_xls.py [PASSES] [SINGLE] [--write]``

Corpus: ``../shared/corpus/legacy/xls`` (108 files from Apache POI's test data, written by
Excel). Files the gate refuses (encrypted) are left out of both sides. Measured, in CPU time:

- ``native``: :func:`formkit.readers.xls.read_xls` on every file, inside one process
  (``time.process_time``), ``PASSES`` passes, the median counts; no start-up included;
- ``LibreOffice, one batch``: :func:`formkit.readers.legacy.convert_many` over all files in
  one ``soffice`` run (its CPU from ``RUSAGE_CHILDREN``) plus ``read_xlsx`` of the outputs —
  the cheapest the LibreOffice path can be, its start-up shared by every file;
- ``LibreOffice, one file``: :func:`read_legacy` per file, as ``check`` did for each .xls
  (``SINGLE`` files, a start-up each).

Cells: every non-empty worksheet cell compared with python-calamine's independent reading
of the same file (``tests/readers/xls_cells.py``), for the native cells and for the cells
the LibreOffice path gives. ``--write`` replaces the "## Legacy .xls" section of RESULTS.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import platform
import re
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from formkit.intake.gate import inspect  # noqa: E402
from formkit.model.errors import InputFileError  # noqa: E402
from formkit.readers.legacy import convert_many, read_legacy  # noqa: E402
from formkit.readers.xls import NativeRefused, read_xls  # noqa: E402
from formkit.readers.xlsx import read_xlsx  # noqa: E402
from tests.readers.xls_cells import Agreement, agreement, calamine_cells  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "legacy" / "xls"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## Legacy .xls"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for path in sorted(CORPUS.glob("*.xls")):
        data = path.read_bytes()
        try:
            inspect(data, path.name)
        except InputFileError:
            continue  # refused by the gate (encrypted): neither path reads it
        files[path.name] = data
    return files


def native_pass(files: dict[str, bytes]) -> tuple[float, dict[str, object]]:
    docs: dict[str, object] = {}
    start = time.process_time()
    for name, data in files.items():
        try:
            docs[name] = read_xls(data, name)
        except (NativeRefused, InputFileError) as exc:
            docs[name] = exc
    return time.process_time() - start, docs


def office_batch(files: dict[str, bytes]) -> tuple[float, dict[str, object]]:
    start, child = time.process_time(), children_cpu()
    converted = convert_many([(n, d, "xls") for n, d in files.items()])
    docs: dict[str, object] = {}
    for name, out in converted.items():
        docs[name] = out if isinstance(out, InputFileError) else read_xlsx(out, name)
    return time.process_time() - start + children_cpu() - child, docs


def office_single(files: dict[str, bytes], n: int) -> float:
    names = list(files)[:: max(1, len(files) // n)][:n]
    start, child = time.process_time(), children_cpu()
    for name in names:
        with contextlib.suppress(InputFileError):
            read_legacy(files[name], name, "xls")
    return (time.process_time() - start + children_cpu() - child) / len(names)


def cells(files: dict[str, bytes], docs: dict[str, object]) -> tuple[Agreement, int]:
    total, errors = Agreement(), 0
    for name, doc in docs.items():
        if isinstance(doc, Exception):
            continue
        try:
            independent = calamine_cells(files[name])
        except Exception:  # calamine refuses it: nothing to compare against
            continue
        found = agreement(doc, independent, name)  # type: ignore[arg-type]
        total = total.add(found)
        errors += sum(1 for d in found.differ if re.search(r"'#[A-Z/0!?]+'", d))
    return total, errors


def main(argv: Sequence[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    passes = int(args[0]) if args else 5
    single = int(args[1]) if len(args) > 1 else 8
    files = load()
    native_pass(files)  # warm-up: imports, memos
    times = []
    for _ in range(passes):
        spent, docs = native_pass(files)
        times.append(spent)
    native_ms = statistics.median(times) / len(files) * 1000
    refused = sorted(n for n, d in docs.items() if isinstance(d, Exception))
    batch_s, office_docs = office_batch(files)
    batch_ms = batch_s / len(files) * 1000
    single_ms = office_single(files, single) * 1000
    ours, _ = cells(files, docs)
    theirs, _ = cells(files, office_docs)
    machine = (
        f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )
    batch = f"{batch_ms:.0f} | {batch_ms / native_ms:.0f}×"
    one = f"{single_ms:.0f} | {single_ms / native_ms:.0f}×"
    text = f"""{HEADING}

`python benchmarks/bench_xls.py {passes} {single}` — {dt.date.today():%Y-%m-%d}, {machine}, 2 shared
cores; CPU time. Corpus: `shared/corpus/legacy/xls`, {len(files)} Excel-made files the gate
accepts (2 more are encrypted and refused by the gate). Native: `read_xls` in one process,
median of {passes} passes, no start-up. LibreOffice: `soffice` CPU (`RUSAGE_CHILDREN`) + reading
its .xlsx.

| path | CPU ms per file | vs native |
|---|---:|---:|
| native (`read_xls`, xlrd) | {native_ms:.1f} | 1× |
| LibreOffice, all {len(files)} in one batch (start-up shared) | {batch} |
| LibreOffice, one file per call (as `check` read each .xls) | {one} |

| cells vs python-calamine's independent reading | agree | compared | share |
|---|---:|---:|---:|
| native | {ours.agree} | {ours.total} | {ours.share:.2%} |
| LibreOffice path | {theirs.agree} | {theirs.total} | {theirs.share:.2%} |

- Native refusals handed to LibreOffice: {", ".join(refused) or "none"}.
- Target (issue 13): native CPU ≤ 1/10 of the LibreOffice path; agreement ≥ 99.5 %.
- Native cells that differ from calamine are calamine's limits, each checked by hand: a
  1904-date-system workbook calamine reads as plain numbers, a date-only format on a value
  with a time of day (formkit follows the format, as for .xlsx), a sheet calamine stops
  reading early (`WrongFormulaRecordType.xls`). Error cells are left out (calamine reports
  them empty). The LibreOffice path's extra differences are formulas it recalculated instead
  of keeping the value Excel stored (`44958_1.xls`, `48968.xls`, `51498.xls`).
"""
    print(text)
    for line in ours.differ[:10] + theirs.differ[:10]:
        print(line)
    if "--write" in argv:
        old = RESULTS.read_text(encoding="utf-8")
        pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
        new = pattern.sub(lambda _: text, old) if pattern.search(old) else old + "\n" + text
        RESULTS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
