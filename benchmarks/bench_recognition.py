"""Recognition margin: how far our forms stand above the threshold, and unrelated
documents below it.

Usage: ``python benchmarks/bench_recognition.py [--legacy] [--write]``

Own side: every layout the extractor tests build (tests/extract/recognition_corpus.py),
the blank forms formkit writes, the sample inbox and progress folders (samples/), and PDFs
LibreOffice renders from an application and a plan. Unrelated side: the peers corpus's
.docx/.xlsx/.pdf (../shared/corpus/peers), with ``--legacy`` the legacy corpus's .doc/.xls
converted to .docx/.xlsx by one LibreOffice run (minutes), and the unrelated documents the
tests build (a student's application, a company's 任务书 and its PDF, another programme's
forms…).

For each document: its evidence points (``formkit.extract.recognise.evidence``) for the
form it is (own) or the best of all forms (unrelated). ``--write`` replaces the
"## Recognition margin" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import platform
import re
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from formkit.extract.recognise import MIN_EVIDENCE, evidence  # noqa: E402
from formkit.intake import office  # noqa: E402
from formkit.intake.archive import iter_members  # noqa: E402
from formkit.intake.gate import inspect  # noqa: E402
from formkit.model.document import Document  # noqa: E402
from formkit.model.errors import InputFileError  # noqa: E402
from formkit.pipeline import read_document  # noqa: E402
from formkit.spec import load_all  # noqa: E402
from tests.extract import corpus_application as A  # noqa: E402
from tests.extract import corpus_plan as C  # noqa: E402
from tests.extract import corpus_unrelated as U  # noqa: E402
from tests.extract.recognition_corpus import own_documents, unrelated_documents  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## Recognition margin"
SHARED = ROOT.parent / "shared" / "corpus"
KINDS = ("docx", "xlsx", "pdf")
FORM_OF_NAME = (  # samples/ file names → the form they are (the samples are ours)
    ("进展情况报送表", "progress"),
    ("绩效自评表", "self_eval"),
    ("绩效目标", "targets"),
    ("实施方案", "plan"),
    ("申报", "application"),
)


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Timeout


def read_file(path: Path, name: str) -> Iterator[tuple[str, Document]]:
    """The documents in one file (archive members too); unreadable ones are skipped."""
    data = path.read_bytes()
    try:
        gate = inspect(data, name)
        if gate.kind == "zip":
            members = [
                (m.name, m.data, inspect(m.data, m.name).kind) for m in iter_members(data, name)
            ]
        else:
            members = [(name, data, gate.kind)]
    except InputFileError:
        return
    for member, content, kind in members:
        if kind not in KINDS:
            continue
        signal.alarm(60)
        try:
            yield member, read_document(member, content, kind)
        except (InputFileError, _Timeout):
            continue
        finally:
            signal.alarm(0)


def samples() -> Iterator[tuple[str, str, Document]]:
    for path in sorted((ROOT / "samples").rglob("*")):
        if path.suffix.lower() not in (".docx", ".xlsx", ".pdf", ".zip"):
            continue
        for name, doc in read_file(path, str(path.relative_to(ROOT))):
            base = Path(name.split("!")[-1]).name
            form = next((f for word, f in FORM_OF_NAME if word in base), None)
            if form is not None:
                yield name, form, doc


def rendered_pdfs(tmp: Path) -> tuple[list[tuple[str, str, Document]], list[tuple[str, Document]]]:
    sources = {
        "own-application": A.ours_4col()[0],
        "own-plan": C.numbered_plan(),
        "task_book": U.task_book()[0],
        "student_application": U.student_application()[0],
    }
    paths = []
    for stem, data in sources.items():
        (tmp / f"{stem}.docx").write_bytes(data)
        paths.append(tmp / f"{stem}.docx")
    pdfs = office.convert(paths, "pdf", tmp / "pdf")
    docs = {p.stem: read_document(p.name, p.read_bytes(), "pdf") for p in pdfs}
    own = [
        ("pdf/application", "application", docs["own-application"]),
        ("pdf/plan", "plan", docs["own-plan"]),
    ]
    other = [(f"pdf/{k}", d) for k, d in docs.items() if not k.startswith("own-")]
    return own, other


def corpus_files(root: Path) -> Iterator[tuple[str, Document]]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower().lstrip(".") in (*KINDS, "xlsm", "docm"):
            yield from read_file(path, str(path.relative_to(root.parent)))


def legacy_files(tmp: Path) -> Iterator[tuple[str, Document]]:
    """The legacy corpus as LibreOffice converts it (.doc → .docx, .xls → .xlsx)."""
    for folder, fmt in (("doc", "docx"), ("xls", "xlsx")):
        sources = sorted(p for p in (SHARED / "legacy" / folder).iterdir() if p.is_file())
        outdir = tmp / folder
        try:
            office.convert(sources, fmt, outdir, timeout=60, retries=0)
        except Exception as exc:  # some files LibreOffice refuses: measure the others
            print(f"legacy {folder}: {exc}", file=sys.stderr)
        for path in sorted(outdir.glob(f"*.{fmt}")):
            yield from read_file(path, f"legacy/{folder}/{path.name}")


def main(argv: Sequence[str]) -> None:
    signal.signal(signal.SIGALRM, _alarm)
    specs = load_all()
    own: list[tuple[str, str, int]] = []
    unrelated: list[tuple[str, str, int]] = []
    legacy: list[tuple[str, Document]] = []
    with tempfile.TemporaryDirectory(prefix="bench-recog-") as tmp:
        pdf_own, pdf_other = rendered_pdfs(Path(tmp))
        if "--legacy" in argv:
            legacy = list(legacy_files(Path(tmp)))
    for name, form, doc in [*own_documents(), *samples(), *pdf_own]:
        points = {e.form: e.points for e in evidence(doc, specs)}
        own.append((name, form, points[form]))
    others = [*unrelated_documents(), *pdf_other, *legacy, *corpus_files(SHARED / "peers")]
    for name, doc in others:
        best = max(evidence(doc, specs), key=lambda e: e.points)
        unrelated.append((name, best.form, best.points))
    report = render(own, unrelated, len(legacy))
    print(report)
    if "--write" in argv:
        write(report)


def render(
    own: list[tuple[str, str, int]], unrelated: list[tuple[str, str, int]], legacy: int
) -> str:
    worst = min(own, key=lambda r: r[2])
    best = max(unrelated, key=lambda r: r[2])
    wrong_own = sum(1 for r in own if r[2] < MIN_EVIDENCE)
    wrong_other = sum(1 for r in unrelated if r[2] >= MIN_EVIDENCE)
    spread = Counter(r[2] for r in unrelated)
    lines = [
        HEADING,
        "",
        f"Measured {dt.date.today()} on {platform.machine()}, CPython {platform.python_version()};"
        " `python benchmarks/bench_recognition.py`. Points are the evidence"
        " `formkit.extract.recognise.evidence` finds for a form (specific labels, part headings,"
        " indicator columns and 一级指标 names, the printed heading); generic words score 0."
        f" A document is recognised at **{MIN_EVIDENCE}** points or more.",
        "",
        "| side | documents | misjudged | points: lowest / highest | worst case |",
        "|---|---:|---:|---|---|",
        f"| our forms (every test layout, blanks, samples/, PDFs) | {len(own)} | {wrong_own} |"
        f" {worst[2]} / {max(r[2] for r in own)} | {worst[0]} ({worst[1]}) |",
        f"| unrelated (peers and legacy corpora, made documents and PDFs) | {len(unrelated)} |"
        f" {wrong_other} |"
        f" {min(r[2] for r in unrelated)} / {best[2]} | {best[0]} (as {best[1]}) |",
        "",
        f"Margin: best unrelated **{best[2]}** < threshold {MIN_EVIDENCE} ≤ worst own"
        f" **{worst[2]}**.",
        "",
        "Unrelated documents by points: "
        + ", ".join(f"{p}: {n}" for p, n in sorted(spread.items()))
        + f". Of them {legacy} are the legacy corpus's .doc/.xls as LibreOffice converts them"
        " (`--legacy`).",
        "",
        "Lowest of our own, by form: "
        + ", ".join(
            f"{form} {min(r[2] for r in own if r[1] == form)}"
            for form in sorted({r[1] for r in own})
        )
        + ".",
        "",
        "Before this scoring (label hits of any kind, a short title worth 5, threshold 4;"
        " commit 23e5814), 6 of the 7 made unrelated documents were taken for forms: the"
        " student's application, the 任务书 and the county's work plan as 两年期实施方案,"
        " the other programme's 申报信息表, 绩效目标表 and 进展情况报送表 as ours.",
    ]
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    old = RESULTS.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
