"""Official documents: rendering CPU per notice and LibreOffice batch against one start per file.

    python benchmarks/bench_notice.py            # print the results
    python benchmarks/bench_notice.py --write    # and replace the "## Official documents"
                                                 # section of benchmarks/RESULTS.md

Rendering is measured on a 资金下达通知 (funding) whose 明细 table has 100 and 1,000 rows, with
CPU time (``time.process_time``) per document, median of rounds, the compiled template warm:

- formkit: ``render_bytes`` (patch + compile once, render + well-formedness check + zip);
- docxtpl: ``DocxTemplate(path).render(ctx, autoescape=True)`` + save, for each document;
- floor: unzip, parse and re-serialise ``document.xml`` with lxml, zip again (no templating).

PDF: the same N notices converted in one ``soffice`` call and one call per document, through
:func:`formkit.intake.office.convert`; CPU is the children's rusage (LibreOffice's own).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from docxtpl import DocxTemplate
from lxml import etree

from formkit.intake import office
from formkit.writers.gongwen import zip_bytes
from formkit.writers.notice import KINDS, environment, render_bytes, template_path
from formkit.writers.notice_data import prepare

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "notices"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## Official documents"


def sample(kind: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((SAMPLES / f"{kind}.yaml").read_text("utf-8"))
    return data


def funding(rows: int) -> dict[str, Any]:
    data = sample("funding")
    base = data["allocations"]
    data["allocations"] = [
        {
            **base[i % len(base)],
            "zone": f"{base[i % len(base)]['zone']}{i + 1}号园",
            "amount": round(100 + (i * 37.77) % 400, 2),
        }
        for i in range(rows)
    ]
    return data


def cpu_ms(func: Callable[[], object], rounds: int, per_round: int) -> float:
    """Median CPU milliseconds per call."""
    func()  # warm: compile, caches
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(per_round):
            func()
        samples.append((time.process_time() - start) / per_round * 1000)
    return statistics.median(samples)


def floor(docx: bytes) -> bytes:
    """Unzip, parse and re-serialise document.xml, zip again: the cost of touching the file."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = [(i.filename, archive.read(i)) for i in archive.infolist()]
    out = [
        (n, etree.tostring(etree.fromstring(d)) if n == "word/document.xml" else d)
        for n, d in parts
    ]
    return zip_bytes(out)


def rendering(rows: int, rounds: int, per_round: int) -> dict[str, float]:
    data = funding(rows)
    context = prepare("funding", data)
    path = template_path("funding")
    rendered = render_bytes("funding", data)
    env = environment()  # docxtpl gets the same context, filters and autoescape
    return {
        "formkit": cpu_ms(lambda: render_bytes("funding", data), rounds, per_round),
        "docxtpl": cpu_ms(lambda: _docxtpl(path, context, env), rounds, max(1, per_round // 4)),
        "floor": cpu_ms(lambda: floor(rendered), rounds, per_round),
    }


def _docxtpl(path: Path, context: dict[str, Any], env: Any) -> bytes:
    template = DocxTemplate(str(path))
    template.render(context, jinja_env=env, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def conversion(copies: int) -> dict[str, float]:
    """CPU seconds of LibreOffice for N notices: one call, and one call per notice."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = []
        for i in range(copies):
            kind = KINDS[i % len(KINDS)]
            path = folder / f"{i:02d}-{kind}.docx"
            path.write_bytes(render_bytes(kind, sample(kind)))
            docs.append(path)
        office.convert(docs[:1], "pdf", folder / "warm")  # page in LibreOffice's files
        start, wall = children_cpu(), time.perf_counter()
        office.convert(docs, "pdf", folder / "batch")
        batch, batch_wall = children_cpu() - start, time.perf_counter() - wall
        start, wall = children_cpu(), time.perf_counter()
        for doc in docs:
            office.convert([doc], "pdf", folder / "single")
        single, single_wall = children_cpu() - start, time.perf_counter() - wall
    return {
        "batch": batch,
        "single": single,
        "batch_wall": batch_wall,
        "single_wall": single_wall,
        "copies": copies,
    }


def report(
    render100: dict[str, float], render1000: dict[str, float], pdf: dict[str, float] | None
) -> str:
    lines = [
        HEADING,
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{_cores()} cores; `python benchmarks/bench_notice.py`. CPU time per document "
        "(median of rounds), template compiled once and cached.",
        "",
        "| 资金下达通知 (funding) | formkit `render_bytes` | docxtpl render+save "
        "| floor (zip+lxml) | goal |",
        "|---|---|---|---|---|",
        f"| 100-row table | **{render100['formkit']:.1f} ms** | {render100['docxtpl']:.1f} ms | "
        f"{render100['floor']:.1f} ms | ≤ 35 ms (≤ 10 ms stretch) |",
        f"| 1,000-row table | **{render1000['formkit']:.1f} ms** | "
        f"{render1000['docxtpl']:.1f} ms | "
        f"{render1000['floor']:.1f} ms | ≤ 150 ms |",
    ]
    if pdf:
        n = int(pdf["copies"])
        ratio = pdf["batch"] / pdf["single"]
        lines += [
            "",
            f"PDF through LibreOffice, {n} notices of all five kinds (2–4 pages each); CPU is "
            "LibreOffice's own (children's rusage), wall time on a shared machine is noisy:",
            "",
            "| conversion | CPU total | CPU per document | wall total |",
            "|---|---|---|---|",
            f"| one `soffice` call for all {n} | **{pdf['batch']:.2f} s** | "
            f"{pdf['batch'] / n * 1000:.0f} ms | {pdf['batch_wall']:.1f} s |",
            f"| one `soffice` call per document | {pdf['single']:.2f} s | "
            f"{pdf['single'] / n * 1000:.0f} ms | {pdf['single_wall']:.1f} s |",
            "",
            f"Batch / one-by-one CPU = **{ratio:.2f}** (goal ≤ 0.33).",
        ]
    return "\n".join(lines) + "\n"


def _cores() -> int:
    return os.cpu_count() or 1


def write_section(text: str) -> None:
    """Replace this benchmark's section of RESULTS.md, leaving the other sections alone."""
    old = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if HEADING in old:
        start = old.index(HEADING)
        nxt = old.find("\n## ", start + len(HEADING))
        new = old[:start] + text + (old[nxt + 1 :] if nxt != -1 else "")
    else:
        new = old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new, "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--copies", type=int, default=10, help="notices in the PDF comparison")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice part")
    args = parser.parse_args(argv)
    render100 = rendering(100, rounds=7, per_round=20)
    render1000 = rendering(1000, rounds=5, per_round=4)
    pdf = None
    if not args.no_pdf and office.soffice_available():
        pdf = conversion(args.copies)
    text = report(render100, render1000, pdf)
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
