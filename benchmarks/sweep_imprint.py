"""Where does the 版记 land? Every row count of the tabled notices, printed and measured.

Usage: ``python benchmarks/sweep_imprint.py [--raw] [--kinds funding,call] [--write]``

Renders 资金下达通知 with 1–40 allocations, 绩效评价结果通报 with 1–30 results, 拟支持名单公示
with 1–30 zones, 申报通知 with 1–25 forms (and as many 附件) and 审核意见 with 1–30 findings
(rows from the samples, ``tests/writers/notice_counts.py``) through
``render_many`` — the .docx, the PDF by LibreOffice, and the re-render when the 版记 stood
alone — and checks each PDF as the print-layout tests do (:mod:`formkit.writers.print_check`:
the 版记 at the foot of the last page under text; the 署名 and 成文日期 on a page with body
text). ``--raw`` converts the .docx as first written, without the re-render: the layout
before the fix. ``--write`` replaces the "## 版记 placement sweep" section of
benchmarks/RESULTS.md with both runs. The counts where the raw layout failed are the
regression cases of tests/writers/test_print_layout.py; the sweep is too slow for make test
(about a minute of LibreOffice).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from formkit.intake import office  # noqa: E402
from formkit.writers.notice import NoticeJob, render_many  # noqa: E402
from formkit.writers.notice_data import prepare  # noqa: E402
from formkit.writers.print_check import imprint_faults, read, signature_faults  # noqa: E402
from tests.writers.notice_counts import with_rows  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## 版记 placement sweep"
CHECK_MS: list[float] = []
COUNTS = {
    "funding": range(1, 41),
    "evaluation": range(1, 31),
    "publicity": range(1, 31),
    "call": range(1, 26),
    "opinion": range(1, 31),
}


def sweep(folder: Path, raw: bool, kinds: list[str]) -> dict[str, list[tuple[int, dict[str, str]]]]:
    jobs = [
        NoticeJob(kind, with_rows(kind, n), folder / f"{kind}-{n:02d}.docx")
        for kind in kinds
        for n in COUNTS[kind]
    ]
    if raw:
        office.convert(render_many(jobs, pdf=False), "pdf", folder)
    else:
        render_many(jobs, pdf=True)
    found: dict[str, list[tuple[int, dict[str, str]]]] = {kind: [] for kind in kinds}
    if not raw:  # what render_many's own check costs: the last page of each PDF
        began = time.process_time()
        for job in jobs:
            imprint_faults(read(job.out.with_suffix(".pdf"), last_only=True))
        CHECK_MS.append(1000 * (time.process_time() - began) / len(jobs))
    for job in jobs:
        printed = read(job.out.with_suffix(".pdf"))
        ctx = prepare(job.kind, job.data)
        faults = {
            **imprint_faults(printed),
            **{
                f"signature-{k}": v
                for k, v in signature_faults(printed, ctx["signature"], ctx["date"]).items()
            },
        }
        found[job.kind].append((int(job.out.stem.rsplit("-", 1)[1]), faults))
    return found


def table(runs: dict[str, dict[str, list[tuple[int, dict[str, str]]]]]) -> str:
    rows = ["| notice | rows | run | passed | failing counts |", "|---|---|---|---:|---|"]
    for kind, counts in COUNTS.items():
        for name, found in runs.items():
            if kind not in found:
                continue
            bad = [n for n, faults in found[kind] if faults]
            rows.append(
                f"| {kind} | {counts.start}–{counts.stop - 1} | {name} "
                f"| {len(counts) - len(bad)}/{len(counts)} | {', '.join(map(str, bad)) or '—'} |"
            )
    return "\n".join(rows)


def write_section(text: str) -> None:
    old = RESULTS.read_text("utf-8")
    start = old.find(HEADING)
    if start < 0:
        RESULTS.write_text(old.rstrip("\n") + "\n\n" + text, "utf-8")
        return
    end = old.find("\n## ", start + len(HEADING))
    RESULTS.write_text(old[:start] + text + (old[end + 1 :] if end >= 0 else ""), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", action="store_true", help="only the layout before the re-render")
    parser.add_argument("--kinds", default=",".join(COUNTS), help="the kinds to sweep")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    runs = {}
    wall: dict[str, float] = {}
    for name, raw in (("first layout", True), ("render_many", False)):
        if name == "render_many" and args.raw:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            began = time.perf_counter()
            runs[name] = sweep(Path(tmp), raw, kinds)
            wall[name] = time.perf_counter() - began
            print(f"{name}: {wall[name]:.0f} s", file=sys.stderr)
    for found in runs.values():
        for kind, results in found.items():
            for n, faults in results:
                if faults:
                    print(kind, n, faults, file=sys.stderr)
    text = table(runs)
    if CHECK_MS:
        text += (
            f"\n\nThe check render_many runs on each PDF (pdfplumber, last page only):"
            f" {CHECK_MS[0]:.0f} ms CPU a document. Wall time on the shared machine, render and"
            " print and check every count: "
            + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in wall.items())
            + "."
        )
    print(text)
    if args.write:
        stamp = dt.date.today().isoformat()
        write_section(
            f"{HEADING}\n\n`python benchmarks/sweep_imprint.py --write` — {stamp}. Each count"
            " printed by LibreOffice and checked with `formkit.writers.print_check` (版记 at the"
            " foot of the last page under text; 署名 and 成文日期 on a page with body text)."
            " *first layout*: the .docx as first written; *render_many*: with the re-render"
            " that carries the table's last rows onto the 版记's page.\n\n" + text + "\n"
        )


if __name__ == "__main__":
    main()
