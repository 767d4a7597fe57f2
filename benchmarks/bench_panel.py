"""Expert panel benchmark: ``formkit panel collect`` for E experts × Z zones (default 50 × 200).

The batch registry is built directly (one stored 申报信息表 result per zone, as ``formkit batch``
stores it) — reading 600 generated files is ``bench_batch.py``'s business, not this one's. Then
``panel sheets`` issues the sheets (every expert scores the zones of the other cities), each is
filled with openpyxl as an expert would, and ``formkit panel collect`` runs as a command:
wall time and CPU time of the process, median of the runs, with the checks, the aggregation,
专家评审汇总表.xlsx, one 审核意见 per zone and publicity.yaml included.

    python benchmarks/bench_panel.py [--experts 50] [--zones 200] [--runs 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from formkit.jobs.panel.batch import Batch  # noqa: E402
from formkit.jobs.panel.experts import read_experts  # noqa: E402
from formkit.jobs.panel.sample import fill  # noqa: E402
from formkit.jobs.panel.sheets import write_sheets  # noqa: E402
from formkit.jobs.registry import Registry, StoredFile  # noqa: E402
from formkit.programme import load_programme  # noqa: E402

PROGRAMME = ROOT / "samples" / "programme.yaml"
CITIES = ("太原市", "大同市", "长治市", "晋中市", "运城市", "临汾市")


def registry(folder: Path, zones: int) -> None:
    folder.mkdir(parents=True)
    reg = Registry(folder / "formkit.sqlite")
    run = reg.start_run("bench")
    for n in range(zones):
        name = f"基准{n:03d}经济开发区"
        fields = {
            "zone_name": name,
            "city": CITIES[n % len(CITIES)],
            "carrier_name": f"{name}融通创新特色载体",
            "leading_industries": ["装备制造", "新材料"],
            "enterprises_total": 100 + n,
            "sme_count": 80 + n,
            "carrier_area_m2": 20000 + n,
            "employees": 3000 + n,
            "service_platforms": 5,
            "mentors": 20,
            "capital_partners": 6,
            "subsidy_requested": 500,
            "local_funds": 200,
            "other_funds": 100,
            "lead_enterprises": ["龙头企业甲"],
            "in_demo_county": n % 3 == 0,
            "fill_date": "2020-03-20",
        }
        result = {"file": f"{name}/申报信息表.docx", "form": "application", "fields": fields}
        stored = StoredFile(result["file"], f"{n:064x}", 1000, 0)
        reg.store(stored, run, [{**result, "findings": []}], [False])
    reg.close()


def experts_csv(path: Path, experts: int) -> None:
    rows = ["姓名,工作单位,所在市,回避开发区"]
    rows += [f"专家{n:02d},单位{n:02d},{CITIES[n % len(CITIES)]}," for n in range(experts)]
    path.write_text("\n".join(rows) + "\n", "utf-8")


def prepare(work: Path, experts: int, zones: int) -> tuple[Path, Path]:
    batch_dir, returned = work / "batch", work / "returned"
    registry(batch_dir, zones)
    experts_csv(work / "experts.csv", experts)
    programme = load_programme(PROGRAMME)
    with Batch(batch_dir, programme) as batch:
        sheets = write_sheets(batch, read_experts(work / "experts.csv"), work / "sheets")
    returned.mkdir()
    count = len(programme.panel.criteria)
    for n, path in enumerate(sheets.paths):
        body = fill(path, lambda zone, row, n=n: [5 + (row + n) % 5] * count)
        (returned / path.name).write_bytes(body)
    return batch_dir, returned


def collect_once(batch_dir: Path, returned: Path, out: Path) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "formkit",
            "panel",
            "collect",
            str(returned),
            "--programme",
            str(PROGRAMME),
            "--batch",
            str(batch_dir),
            "--out",
            str(out),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--experts", type=int, default=50)
    parser.add_argument("--zones", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-panel-"))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    batch_dir, returned = prepare(work, args.experts, args.zones)
    runs = [collect_once(batch_dir, returned, work / "panel") for _ in range(args.runs)]
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    print(f"{platform.machine()}, CPython {platform.python_version()}")
    print(f"panel collect, {args.experts} experts × {args.zones} zones, {args.runs} runs")
    for label, values in (("wall s", walls), ("CPU s", cpus)):
        low, mid, high = min(values), statistics.median(values), max(values)
        print(f"{label}: median {mid:.2f} (min {low:.2f}, max {high:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
