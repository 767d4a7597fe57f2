"""`formkit check` in instructions, taken apart: the parent's main thread, its other threads
(pebble's), and the workers.

    python benchmarks/split_counts.py TREE KIND N

Runs ``formkit check --workers 1`` of the first N files of ``benchmarks/corpus/KIND`` (copied
to a temporary folder, so the check groups them as a folder's dossiers) in checkout TREE (its
own ``.venv``) under callgrind, and prints the millions of instructions of each part. Two runs
of N1 < N2 give the cost per file, (count(N2) − count(N1)) / (N2 − N1), and the start-up.
Callgrind counts user-space instructions only: the system calls and thread hand-offs of the
pool's protocol show in CPU time (``bench_check.py``), not here. Byte-compile TREE first
(``python -m compileall TREE/formkit``) where PYTHONDONTWRITEBYTECODE is set, or the count
includes compiling.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from compare import VALGRIND

CORPUS = Path(__file__).resolve().parent / "corpus"
_SUMMARY = re.compile(rb"^summary: (\d+)$", re.MULTILINE)


def split(tree: Path, kind: str, n: int) -> dict[str, int]:
    files = sorted((CORPUS / kind).glob("*"))[:n]
    with tempfile.TemporaryDirectory() as inbox, tempfile.TemporaryDirectory() as out:
        for f in files:
            shutil.copy(f, Path(inbox) / f.name)
        python = str(tree / ".venv" / "bin" / "python")
        counted = [*VALGRIND, f"--callgrind-out-file={out}/cg.%p", "--log-file=/dev/null"]
        subprocess.run(
            [*counted, python, "-m", "formkit", "check", "--workers", "1", inbox],
            cwd=tree,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            stdout=subprocess.DEVNULL,
            check=False,
        )
        return _parts(sorted(Path(out).glob("cg.*-*")))


def _parts(counts: list[Path]) -> dict[str, int]:
    """Sum the per-thread files (``cg.PID-NN``): the first process is the parent, its
    thread 01 the main thread."""
    parent = min(int(p.name.split(".")[1].split("-")[0]) for p in counts)
    parts = {"parent main thread": 0, "parent's other threads": 0, "workers": 0}
    for path in counts:
        found = _SUMMARY.search(path.read_bytes())
        if found is None:
            continue
        pid, thread = path.name.split(".")[1].split("-")
        if int(pid) != parent:
            parts["workers"] += int(found.group(1))
        elif thread == "01":
            parts["parent main thread"] += int(found.group(1))
        else:
            parts["parent's other threads"] += int(found.group(1))
    return parts


def main() -> None:
    tree, kind, n = Path(sys.argv[1]).resolve(), sys.argv[2], int(sys.argv[3])
    parts = split(tree, kind, n)
    shown = ", ".join(f"{k} {v / 1e6:.1f} M" for k, v in parts.items())
    print(f"{tree} {kind} {n} files: {shown}; total {sum(parts.values()) / 1e6:.1f} M")


if __name__ == "__main__":
    main()
