"""Legacy .doc: every real Word file of the legacy corpus through the whole pipeline.

Usage: ``python benchmarks/bench_doc.py [--write]``

Corpus: ``../shared/corpus/legacy/doc`` (134 files from Apache POI's test data, written by
Word). Each file is checked alone (``check([file])``: the safety gate, LibreOffice's
conversion in an isolated worker with its 60 s limit, the check against antiword, the form
recognition), one after another, timing the wall clock of each call. Reported: how the files
were answered (read; refused and by which code) and the slowest calls. ``make test`` runs a
sample of these files (``tests/readers/test_doc_corpus.py``); this script runs all of them
(about 9 minutes on 2 shared cores). ``--write`` replaces the "## Legacy .doc" section of
RESULTS.md.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from formkit.pipeline import Options, check  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "legacy" / "doc"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## Legacy .doc"
BAD = {"internal-error", "file-timeout", "file-memory"}


def main(argv: Sequence[str]) -> None:
    files = sorted(CORPUS.glob("*.doc"))
    outcomes: collections.Counter[str] = collections.Counter()
    times: list[tuple[float, str]] = []
    bad: list[str] = []
    for path in files:
        start = time.monotonic()
        (result,) = check([path], Options(workers=1, timeout_s=60))
        times.append((time.monotonic() - start, path.name))
        codes = [f.code for f in result.findings]
        if BAD & set(codes):
            bad.append(f"{path.name}: {codes}")
        outcomes[f"refused: `{codes[0]}`" if result.unreadable else "read"] += 1
        print(f"{times[-1][0]:6.1f} s  {path.name}  {codes[:3]}", flush=True)
    times.sort(reverse=True)
    rows = "\n".join(f"| {what} | {n} |" for what, n in sorted(outcomes.items()))
    slowest = ", ".join(f"{name} {t:.1f} s" for t, name in times[:3])
    text = f"""{HEADING}

`python benchmarks/bench_doc.py` — {dt.date.today():%Y-%m-%d}, 2 shared cores. All
{len(files)} files of `shared/corpus/legacy/doc`, each through `check` alone (a LibreOffice
start each, isolated worker, 60 s limit), then checked against antiword's reading.

| answer | files |
|---|---:|
{rows}

- Internal errors, timeouts, memory refusals: {len(bad)}{": " + "; ".join(bad) if bad else ""}.
- Wall time per file: median {times[len(times) // 2][0]:.1f} s, slowest {slowest}
  (each includes LibreOffice's start, about 1–2 s).
- `doc-tables-lost` / `doc-text-lost`: LibreOffice's conversion lacks a noticeable share of
  the table text or the body text antiword reads in the original (see
  `formkit/readers/doc_check.py`); Word 6/95 files and those antiword declines are read as
  converted, with the `legacy-converted` note. The two refused here were checked by hand:
  `53446.doc` comes out of LibreOffice with a table's cells empty and a heading gone,
  `Bug52032_3.doc` without about a quarter of its text (numbered-list paragraphs).
"""
    print(text)
    if "--write" in argv:
        old = RESULTS.read_text(encoding="utf-8")
        pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
        new = pattern.sub(lambda _: text, old) if pattern.search(old) else old + "\n" + text
        RESULTS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
