"""Where one workbook's check spends its start-up, old against new: the parent's CPU at three
points, and its imports by group.

    python benchmarks/startup_parts.py --baseline OLD_CHECKOUT [--pairs P]
    python benchmarks/startup_parts.py --baseline OLD_CHECKOUT --instructions

The command is bench_check's ``--library`` one (``formkit.check([one workbook],
Options(records=False))``, what 23e5814's ``formkit check`` did), run in each checkout with
its own interpreter, the pairs interleaved as in :mod:`compare`. Per run, in the parent only
(the worker's CPU is not in it):

- ``time.process_time`` after the interpreter has started, after ``import formkit``, and after
  the check;
- the same program under ``-X importtime``, its modules' own times summed in three groups:
  formkit's modules; the modules ``import pebble`` loads in a bare interpreter of the new tree
  (pebble and what it brings: asyncio, ssl, multiprocessing, …), whichever tree imports them;
  the rest. ``-X importtime`` adds its own overhead, so these sums run larger than the CPU
  points: read them old against new.

With ``--instructions`` the same start-up is counted in instructions under callgrind
(:func:`compare.instructions`, less pebble's polling thread; one run per tree, the counts
repeat): the interpreter, ``import formkit`` beyond it, the pool module
(``formkit.intake.pool``: pebble and what it brings in the new tree, the old fork pool in
23e5814) beyond ``import formkit``, and the whole check of the workbook (parent and worker).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench_check import CORPUS, make_corpus
from compare import Checkout, Series, checkouts, instructions, table

POINTS = (
    "import time, sys, json; marks = [time.process_time()]; import formkit; "
    "marks.append(time.process_time()); "
    "formkit.check(sys.argv[1:], formkit.Options(records=False)); "
    "marks.append(time.process_time()); print(json.dumps(marks))"
)
CHECK = "import sys, formkit; formkit.check(sys.argv[1:], formkit.Options(records=False))"


def points_ms(tree: Checkout, book: Path) -> dict[str, float]:
    """The parent's CPU ms: to start, to ``import formkit``, to check the workbook."""
    done = subprocess.run(
        [tree.python, "-c", POINTS, str(book)],
        cwd=tree.root,
        capture_output=True,
        text=True,
        check=True,
    )
    started, imported, checked = json.loads(done.stdout.splitlines()[-1])
    return {
        "interpreter": started * 1000,
        "`import formkit`": (imported - started) * 1000,
        "the check (parent)": (checked - imported) * 1000,
    }


def import_times(tree: Checkout, code: str, *args: str) -> dict[str, int]:
    """Each module's own import time (µs) under ``-X importtime``."""
    done = subprocess.run(
        [tree.python, "-X", "importtime", "-c", code, *args],
        cwd=tree.root,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            own, _, name = line.removeprefix("import time:").split("|")
            found[name.strip()] = found.get(name.strip(), 0) + int(own)
    return found


def import_groups_ms(tree: Checkout, book: Path, pebble: set[str]) -> dict[str, float]:
    groups = {"imports: formkit": 0, "imports: pebble and what it brings": 0, "imports: other": 0}
    for name, own in import_times(tree, CHECK, str(book)).items():
        if name.split(".")[0] == "formkit":
            groups["imports: formkit"] += own
        elif name in pebble:
            groups["imports: pebble and what it brings"] += own
        else:
            groups["imports: other"] += own
    return {group: us / 1000 for group, us in groups.items()}


def counted_parts(tree: Checkout, book: Path) -> dict[str, float]:
    """The start-up's parts in M instructions (each program counted once, differences taken)."""

    def count(code: str, *args: str) -> float:
        return instructions([tree.python, "-c", code, *args], tree.root).work / 1e6

    interpreter = count("pass")
    imported = count("import formkit")
    return {
        "interpreter": interpreter,
        "`import formkit`": imported - interpreter,
        "the pool module (`formkit.intake.pool`) after it": (
            count("import formkit, formkit.intake.pool") - imported
        ),
        "the check of one workbook, parent and worker, all": count(CHECK, str(book)),
    }


def counted(trees: list[Checkout], book: Path, baseline: Path) -> str:
    parts = {tree.label: counted_parts(tree, book) for tree in trees}
    old, new = parts["old"], parts["new"]
    lines = [
        f"`python benchmarks/startup_parts.py --baseline {baseline} --instructions` — old = "
        f"{trees[0].commit()}, new = {trees[-1].commit()}; one workbook "
        f"({book.relative_to(CORPUS.parent.parent)}), M instructions (callgrind, less pebble's "
        "polling thread).\n",
        "| measure | old | new | new − old |",
        "|---|---:|---:|---:|",
    ]
    for name, count in new.items():
        was = old[name]
        lines.append(f"| {name} | {was:.1f} | {count:.1f} | {count - was:+.1f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", type=Path, required=True, help="the old checkout")
    parser.add_argument("--pairs", type=int, help="CPU runs per tree, interleaved (default 9)")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions (callgrind), not CPU"
    )
    args = parser.parse_args()
    if args.instructions and args.pairs is not None:
        parser.error("--instructions counts each program once: --pairs does not apply")
    pairs = 9 if args.pairs is None else args.pairs
    trees = checkouts(args.baseline)
    for tree in trees:
        tree.compile()
    book = make_corpus(1)[1][0]
    if args.instructions:
        print(counted(trees, book, args.baseline))
        return 0
    pebble = set(import_times(trees[-1], "import pebble"))
    found: dict[str, Series] = {}
    for round_ in range(pairs):
        for tree in trees if round_ % 2 == 0 else trees[::-1]:
            parts = points_ms(tree, book) | import_groups_ms(tree, book, pebble)
            for name, value in parts.items():
                found.setdefault(name, Series(name)).add(tree.label, value)
        print(f"round {round_ + 1}/{pairs} done", file=sys.stderr, flush=True)
    print(
        f"`python benchmarks/startup_parts.py --baseline {args.baseline} --pairs {pairs}`"
        f" — old = {trees[0].commit()}, new = {trees[-1].commit()}; one workbook "
        f"({book.relative_to(CORPUS.parent.parent)}), the parent's CPU ms and import ms.\n"
    )
    print("\n".join(table(found, "ms", "{:.1f}")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
