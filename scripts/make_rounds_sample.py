"""Generate samples/rounds: two review rounds of two zones (synthetic), for ``batch --round``.

第1轮/: 太原演示工业园区 with a wrong credit-code check digit and fund uses 50 万元 short of the
request; 大同样例工业园区 without any 辐射带动力 indicator.
第2轮/ (the resubmission): 太原 fixes the credit code but not the fund uses, and its new plan
lacks the 责任分工 part (a new finding); 大同 adds the missing indicator (fixed).
Deterministic: the same script gives the same files.

    .venv/bin/python scripts/make_rounds_sample.py        # rewrites samples/rounds
    formkit batch samples/rounds/第1轮 --out OUT --programme samples/programme.yaml
    formkit batch samples/rounds/第2轮 --out OUT --programme samples/programme.yaml --round 2
"""

from __future__ import annotations

import copy
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_samples as ms

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "rounds"
TAIYUAN, DATONG = "S140103", "S140202"


def files(d: dict[str, Any]) -> dict[str, bytes]:
    return {
        "申报信息表.docx": ms.application_docx(ms.APP, d["application"]),
        "绩效目标及评价指标表.xlsx": ms.targets_xlsx(ms.TARGETS, d["targets"]),
        "两年期实施方案.docx": ms.plan_docx(ms.PLAN, d["plan"]),
    }


def put(folder: Path, code: str, d: dict[str, Any]) -> None:
    zone, city, _ = ms.ZONES[code]
    for name, content in files(d).items():
        ms.write(folder / city / zone / name, content)


def rounds() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    taiyuan, datong = ms.dossier(TAIYUAN, 21), ms.dossier(DATONG, 22)
    taiyuan["plan"]["fund_uses"][0]["amount_wan"] -= 50  # not fixed in round 2
    first = {TAIYUAN: copy.deepcopy(taiyuan), DATONG: copy.deepcopy(datong)}
    code = taiyuan["application"]["operator_credit_code"]
    first[TAIYUAN]["application"]["operator_credit_code"] = code[:-1] + (
        "0" if code[-1] != "0" else "1"
    )
    first[DATONG]["targets"]["indicators"] = [
        r for r in datong["targets"]["indicators"] if r["dimension"] != "辐射带动力"
    ]
    second = {TAIYUAN: copy.deepcopy(taiyuan), DATONG: datong}
    del second[TAIYUAN]["plan"]["sections"]["responsibilities"]  # new in round 2
    for d in second.values():
        d["application"]["fill_date"] = "2020-04-20"
    return first, second


def build(out: Path = OUT) -> None:
    shutil.rmtree(out, ignore_errors=True)
    first, second = rounds()
    for folder, data in (("第1轮", first), ("第2轮", second)):
        for code, d in data.items():
            put(out / folder, code, d)


def main() -> int:
    build()
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
