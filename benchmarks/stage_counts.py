"""The worker's per-file stages in instructions: gate, read, recognise, extract, validate.

Run under callgrind, which writes a count each time the process enters ``getppid`` (the
marker between two stages, ~900 instructions):

    PYTHONHASHSEED=0 valgrind --tool=callgrind --dump-before=getppid \\
        --callgrind-out-file=OUT/cg --log-file=/dev/null \\
        .venv/bin/python benchmarks/stage_counts.py docx 30 [CORPUS]
    .venv/bin/python benchmarks/stage_counts.py --report OUT 30

CORPUS is the folder ``bench_check.py`` fills (``benchmarks/corpus``, its ``docx/`` and
``xlsx/``). ``OUT/cg.1`` is the start-up (imports, warm-up), then each file's five stages in
order. One process per tree and kind: the totals of separate runs up to stage K, subtracted,
spread by ±0.5 M per file at 30 files; these counts, from one process, by ±0.03 M (two runs of
one tree).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

STAGES = ("gate", "read", "recognise", "extract", "validate")
CORPUS = Path(__file__).parent / "corpus"


def run(kind: str, n: int, corpus: Path = CORPUS) -> None:
    from formkit.extract import extract, recognise
    from formkit.intake.gate import inspect
    from formkit.pipeline import Options, _specs, read_document, warm_up
    from formkit.validate import validate

    files = sorted((corpus / kind).glob("*"))[:n]
    datas = [(f.name, f.read_bytes()) for f in files]
    warm_up(Options())
    specs = _specs(None)
    mark = os.getppid
    for name, data in datas:
        mark()
        gate = inspect(data, name)
        mark()
        doc = read_document(name, data, gate.kind)
        mark()
        form = recognise(doc, specs)
        assert form is not None, name
        mark()
        record = extract(doc, specs[form])
        mark()
        validate(specs[form], record, programme=None)
    mark()


def report(out: Path, n: int) -> str:
    counts = {}
    for dump in out.glob("cg.*"):
        text = dump.read_text()
        summary = next(line for line in text.splitlines() if line.startswith("summary:"))
        counts[int(dump.suffix[1:])] = int(summary.split()[1])
    per_stage = [sum(counts[2 + 5 * k + s] for k in range(n)) / n / 1e6 for s in range(5)]
    cells = "  ".join(f"{name} {m:.3f}" for name, m in zip(STAGES, per_stage, strict=True))
    return f"start-up {counts[1] / 1e6:.1f} M; per file, M: {cells}; sum {sum(per_stage):.3f}"


if __name__ == "__main__":
    if sys.argv[1] == "--report":
        print(report(Path(sys.argv[2]), int(sys.argv[3])))
    else:
        run(sys.argv[1], int(sys.argv[2]), *(Path(a) for a in sys.argv[3:4]))
