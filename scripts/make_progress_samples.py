"""Generate samples/progress: two years (2020–2021) of quarterly 进展情况报送表 of the five
approved zones of samples/programme.yaml, their 绩效目标表 and their 绩效自评表 (synthetic).

What a bureau meets is in it: a late report (临汾 2020 三季度), a zone behind the time path
(长治), a missing report (大同 2021 二季度), a broken file (晋中 2021 三季度), a report dated
before its period ended (太原 2021 四季度), a report of a zone not on the approved list
(运城), an indicator marked 不适用 (大同), and a zone without self-evaluation (临汾, scored
from its progress reports). Deterministic: the same script gives the same files.

    .venv/bin/python scripts/make_progress_samples.py     # rewrites samples/progress
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_samples

from formkit.spec import load_spec
from formkit.writers.forms_xlsx import progress_xlsx, targets_xlsx
from formkit.writers.self_eval_xlsx import self_eval_xlsx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "progress"
QUARTERS = ("一季度", "二季度", "三季度", "四季度")
WEIGHTS = {
    "产业集聚度": 20,
    "资源聚集力": 15,
    "持续发展力": 15,
    "产出与效益": 20,
    "改革创新力": 15,
    "辐射带动力": 15,
}
QUALITATIVE = {
    "dimension": "辐射带动力",
    "indicator": "融通发展模式总结推广情况",
    "unit": "",
    "direction": "定性",
}
# code → (pace: share of the year's gain reached by year end, yearly budget in 万元)
APPROVED = {
    "S140102": (1.15, 250),
    "S140401": (1.0, 214.29),
    "S140202": (0.95, 214.29),
    "S140302": (0.55, 171.43),
    "S140602": (1.05, 150),
}
BROKEN = ("S140401", 2021, "三季度")
MISSING = ("S140202", 2021, "二季度")
LATE = ("S140602", 2020, "三季度")
EARLY = ("S140102", 2021, "四季度")
NOT_APPLICABLE = ("S140202", "入驻企业新增知识产权数")


def period_end(year: int, quarter: int) -> dt.date:
    month = 3 * quarter
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def value_at(row: dict[str, Any], year: int, share: float) -> float:
    start = row["baseline"] if year == 2020 else row["target_y1"]
    target = row["target_y1"] if year == 2020 else row["target_y2"]
    value = start + (target - start) * share
    return round(value, 1) if row["unit"] in ("%", "万元") else round(value)


def progress(code: str, d: dict[str, Any], year: int, q: int) -> dict[str, Any]:
    pace, budget = APPROVED.get(code, (1.0, 100))
    share = pace * q / 4
    end = period_end(year, q)
    fill = end + dt.timedelta(days=40 if (code, year, QUARTERS[q - 1]) == LATE else 10)
    if (code, year, QUARTERS[q - 1]) == EARLY:
        fill = end - dt.timedelta(days=25)
    rows = [
        {
            "dimension": r["dimension"],
            "indicator": r["indicator"],
            "unit": r["unit"],
            "target_year": r["target_y1"] if year == 2020 else r["target_y2"],
            "value_end": value_at(r, year, share),
        }
        for r in d["targets"]["indicators"]
    ]
    return {
        "zone_name": d["application"]["zone_name"],
        "zone_code": code,
        "period": QUARTERS[q - 1],
        "report_year": year,
        "fill_date": fill.isoformat(),
        "budget": budget,
        "spent": round(budget * min(1.0, pace * q / 4 * 0.9), 2),
        "execution_rate": round(min(1.0, pace * q / 4 * 0.9) * 100, 1),
        "indicators": rows,
    }


def self_eval(code: str, d: dict[str, Any], year: int) -> dict[str, Any]:
    pace, budget = APPROVED[code]
    counts = {dim: 0 for dim in WEIGHTS}
    for r in d["targets"]["indicators"]:
        counts[r["dimension"]] += 1
    counts["辐射带动力"] += 1
    rows = []
    for r in d["targets"]["indicators"]:
        na = (code, r["indicator"]) == NOT_APPLICABLE
        rows.append(
            {
                "dimension": r["dimension"],
                "indicator": r["indicator"],
                "unit": r["unit"],
                "direction": r["direction"],
                "target": r["target_y1"] if year == 2020 else r["target_y2"],
                "actual": "不适用" if na else value_at(r, year, pace),
                "points": WEIGHTS[r["dimension"]] / counts[r["dimension"]],
            }
        )
    points = WEIGHTS["辐射带动力"] / counts["辐射带动力"]
    rows.append({**QUALITATIVE, "points": points, "score": round(points * min(1.0, pace), 1)})
    return {
        "zone_name": d["application"]["zone_name"],
        "carrier_name": d["application"]["carrier_name"],
        "eval_year": year,
        "fill_date": f"{year + 1}-01-15",
        "budget": budget,
        "spent": round(budget * min(1.0, pace * 0.9), 2),
        "indicators": rows,
    }


def main() -> int:
    for old in OUT.glob("*/"):  # the zone folders (the notes on them are in samples/README.md)
        shutil.rmtree(old)
    write_progress(OUT)
    print(f"wrote {sum(1 for p in OUT.rglob('*') if p.is_file())} files under {OUT}")
    return 0


def write_progress(out: Path) -> None:
    """The zone folders of samples/progress under ``out``."""
    specs = {n: load_spec(n) for n in ("progress", "targets", "self_eval")}
    seeds = {code: seed for seed, code in enumerate(make_samples.ZONES, start=11)}
    for code in [*APPROVED, "S140501"]:
        d = make_samples.dossier(code, seeds[code])
        app = d["application"]
        folder = out / app["city"] / app["zone_name"]
        folder.mkdir(parents=True, exist_ok=True)
        if code in APPROVED:
            (folder / "绩效目标表.xlsx").write_bytes(targets_xlsx(specs["targets"], d["targets"]))
        for year in (2020, 2021):
            for q in range(1, 5):
                key = (code, year, QUARTERS[q - 1])
                if key == MISSING or (code not in APPROVED and (year, q) != (2020, 1)):
                    continue
                content = progress_xlsx(specs["progress"], progress(code, d, year, q))
                if key == BROKEN:
                    content = content[: len(content) // 3]
                (folder / f"{year}年{QUARTERS[q - 1]}进展情况报送表.xlsx").write_bytes(content)
            if code in APPROVED and code != "S140602":
                data = self_eval(code, d, year)
                (folder / f"{year}年度绩效自评表.xlsx").write_bytes(
                    self_eval_xlsx(specs["self_eval"], data)
                )


if __name__ == "__main__":
    raise SystemExit(main())
