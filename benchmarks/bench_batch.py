"""Batch review benchmark: ``formkit batch`` end to end on generated inboxes of N zones × 3
files (申报信息表.docx, 绩效目标表.xlsx, 实施方案.docx), with a programme and a catalogue of
those zones.

    python benchmarks/bench_batch.py [N ...] [--work DIR] [--workers W]
    python benchmarks/bench_batch.py [N ...] --baseline OLD_CHECKOUT [--pairs P] [--new DIR]

For each N (default 100 and 1000): a first run on a fresh output folder, then a re-run with
nothing changed. Measured: wall time, and peak memory of the whole process tree (the
command and its workers), sampled every 20 ms from /proc — RSS summed over the processes
(pages shared between the forked workers are counted once per process, so this overstates)
and PSS summed (shared pages split between the processes sharing them: the real footprint);
and CPU time of the whole tree (user + system), which a busy machine disturbs less than wall.

With ``--baseline`` the same inbox goes through the old checkout's ``formkit batch`` and this
one's alternately (:mod:`compare`), P pairs of (first run on a fresh output folder, re-run),
and the CPU of the tree is compared (``--new`` names a copy of this tree to measure instead,
so the tree can be edited while a long comparison runs).

The inbox is built with formkit's own form writers: a few seeded dossiers are written, and
each zone's files are copies of one of them with the zone's name, code and carrier put into
the document XML (writing every file with the writers would take ~0.3 s a zone).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare import Checkout, Series, checkouts, interleave, table  # noqa: E402

from formkit.spec import load_spec  # noqa: E402
from formkit.writers.forms_docx import application_docx, plan_docx  # noqa: E402
from formkit.writers.forms_xlsx import targets_xlsx  # noqa: E402
from tests import sampledata  # noqa: E402

CITIES = ("太原市", "大同市", "长治市", "晋中市", "运城市", "临汾市", "吕梁市", "阳泉市")
TEMPLATE = ("模板样例经济开发区", "S149999", "模板样例融通创新特色载体")
SEEDS = 8
SECTION = "本部分按编制提纲要求填写，内容充实具体，围绕特色载体建设的目标、任务和保障展开，" * 2


def template_files(seed: int) -> dict[str, bytes]:
    """One dossier written by the form writers, naming the placeholder zone."""
    rnd = random.Random(seed)
    name, code, carrier = TEMPLATE
    app = sampledata.application({"name": name, "code": code, "city": "太原市"}, rnd)
    app["carrier_name"] = carrier
    tg = sampledata.targets(app, rnd)
    subsidy = app["subsidy_requested"]
    plan = {
        "zone_name": name,
        "carrier_name": carrier,
        "subsidy_requested": subsidy,
        "year1_goal": tg["year1_goal"],
        "year2_goal": tg["year2_goal"],
        "sections": {p.key: SECTION for p in load_spec("plan").parts},
        "fund_uses": [
            {"use": "直接补助", "amount_wan": subsidy - 100},
            {"use": "购买服务", "amount_wan": 100},
        ],
    }
    return {
        "申报信息表.docx": application_docx(load_spec("application"), app),
        "绩效目标表.xlsx": targets_xlsx(load_spec("targets"), tg),
        "实施方案.docx": plan_docx(load_spec("plan"), plan),
    }


def renamed(package: bytes, swaps: dict[str, str]) -> bytes:
    """The package with each placeholder replaced in its XML parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.endswith(".xml") and _mentions(body, swaps):
                body = _swap_text(body, swaps)
            dst.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


def _mentions(xml: bytes, swaps: dict[str, str]) -> bool:
    """Whether a part names a placeholder, as UTF-8 or as character references."""
    return any(
        old.encode() in xml or "".join(f"&#{ord(c)};" for c in old).encode() in xml for old in swaps
    )


def _swap_text(xml: bytes, swaps: dict[str, str]) -> bytes:
    root = etree.fromstring(xml)
    for element in root.iter():
        for attr in ("text", "tail"):
            value = getattr(element, attr)
            if value and any(old in value for old in swaps):
                for old, new in swaps.items():
                    value = value.replace(old, new)
                setattr(element, attr, value)
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def zone_of(i: int) -> tuple[str, str, str, str]:
    city = CITIES[i % len(CITIES)]
    name = f"{city[:-1]}第{i:04d}号经济开发区"
    return city, name, f"S14{i:04d}", f"{city[:-1]}第{i:04d}号融通创新特色载体"


def build(root: Path, n: int) -> Path:
    """``root/inbox`` with n zones, plus programme.yaml and catalogue.csv beside it."""
    inbox = root / "inbox"
    if (root / "done").exists():
        return inbox
    shutil.rmtree(root, ignore_errors=True)
    templates = [template_files(s) for s in range(SEEDS)]
    rows = ["序号,开发区名称,批准时间,核准面积（公顷）,主导产业,开发区代码,级别,所属市"]
    for i in range(n):
        city, name, code, carrier = zone_of(i)
        swaps = dict(zip(TEMPLATE, (name, code, carrier), strict=True)) | {"太原市": city}
        folder = inbox / city / name
        folder.mkdir(parents=True)
        for file, data in templates[i % SEEDS].items():
            (folder / file).write_bytes(renamed(data, swaps))
        rows.append(f"{i + 1},{name},2010.05,1000,装备制造,{code},省级,{city}")
    (root / "catalogue.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    quota = n // len(CITIES) + 1
    cities = "\n".join(f"  - {{name: {c}, quota: {quota}}}" for c in CITIES)
    (root / "programme.yaml").write_text(
        "year: 2020\nagency: 山西省小企业发展促进局\ndocno_prefix: 晋企发\n"
        f"cities:\n{cities}\ncatalogue: catalogue.csv\n",
        encoding="utf-8",
    )
    (root / "done").write_text("ok")
    return inbox


# --- measuring ---------------------------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return found


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in kB of the process."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def run(args: list[str], cwd: Path = ROOT) -> dict[str, Any]:
    """Wall time and peak memory of one command and all its descendants."""
    start = time.perf_counter()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    peak = {"rss": 0, "pss": 0, "procs": 0}

    def sample() -> None:
        while proc.poll() is None:
            pids = _tree(proc.pid)
            mem = [_memory(p) for p in pids]
            peak["rss"] = max(peak["rss"], sum(m[0] for m in mem))
            peak["pss"] = max(peak["pss"], sum(m[1] for m in mem))
            peak["procs"] = max(peak["procs"], len(pids))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"formkit batch failed ({proc.returncode}): {err.decode()[-2000:]}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "peak_rss_mb": round(peak["rss"] / 1024),
        "peak_pss_mb": round(peak["pss"] / 1024),
        "processes": peak["procs"],
    }


def batch_command(python: str, root: Path, out: Path, workers: int | None) -> list[str]:
    command = [
        python,
        "-c",
        "from formkit.cli.batch import batch_cmd; batch_cmd()",
        str(root / "inbox"),
        "--out",
        str(out),
        "--programme",
        str(root / "programme.yaml"),
    ]
    return command + (["--workers", str(workers)] if workers else [])


def bench(n: int, work: Path, workers: int | None) -> dict[str, Any]:
    root = work / f"zones-{n}"
    t = time.perf_counter()
    build(root, n)
    built = time.perf_counter() - t
    out = root / "out"
    shutil.rmtree(out, ignore_errors=True)
    command = batch_command(sys.executable, root, out, workers)
    first = run(command)
    again = run(command)
    return {"zones": n, "files": 3 * n, "build_s": round(built, 1), "first": first, "rerun": again}


def against(
    n: int, work: Path, workers: int | None, trees: list[Checkout], pairs: int
) -> dict[str, Series]:
    """First run and re-run of the same inbox in each checkout, interleaved."""
    root = work / f"zones-{n}"
    build(root, n)
    for tree in trees:
        tree.compile()

    def first(tree: Checkout) -> float:
        out = root / f"out-{tree.label}"
        shutil.rmtree(out, ignore_errors=True)
        got = run(batch_command(tree.python, root, out, workers), tree.root)
        print(json.dumps({"zones": n, "tree": tree.label, "first": got}), flush=True)
        return float(got["cpu_s"])

    def rerun(tree: Checkout) -> float:
        got = run(batch_command(tree.python, root, root / f"out-{tree.label}", workers), tree.root)
        print(json.dumps({"zones": n, "tree": tree.label, "rerun": got}), flush=True)
        return float(got["cpu_s"])

    measures = {f"{n:,} zones, first run": first, f"{n:,} zones, re-run, nothing changed": rerun}
    return interleave(trees, pairs, measures)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("zones", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/formkit-bench-batch"))
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--new", type=Path, help="a copy of this tree to measure instead")
    parser.add_argument("--pairs", type=int, default=7)
    opts = parser.parse_args()
    print(
        json.dumps(
            {
                "machine": platform.machine(),
                "python": platform.python_version(),
                "cores": len(os.sched_getaffinity(0)),
                "load": os.getloadavg(),
            }
        )
    )
    if opts.baseline:
        trees = checkouts(opts.baseline)
        if opts.new:
            trees[-1] = Checkout("new", opts.new.resolve())
        found: dict[str, Series] = {}
        for n in opts.zones:
            found |= against(n, opts.work, opts.workers, trees, opts.pairs)
        heads = ", ".join(f"{t.label} = {t.commit()} ({t.root})" for t in trees)
        print(f"\n{heads}; {opts.pairs} pairs; CPU s of the tree\n")
        print("\n".join(table(found, "CPU s")))
        return
    for n in opts.zones:
        print(json.dumps(bench(n, opts.work, opts.workers), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
