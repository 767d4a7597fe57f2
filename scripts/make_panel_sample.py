"""Generate samples/panel: an expert panel over the zones of samples/inbox (synthetic).

Five experts (experts.csv, GBK as Excel on Chinese Windows saves it), the sheets formkit
issues them (sheets/) and the sheets as they come back (returned/), with the flaws a
reviewer meets: one expert declares a conflict of interest (否 in the declaration), one
score is out of range, one sheet comes back with the declaration unticked, and the experts
clearly disagree on one zone. One expert is also listed to avoid a zone.

The sheets are signed with a fixed sample key written into the batch registry, so the same
script gives the same files and a batch folder prepared by it verifies them:

    .venv/bin/python scripts/make_panel_sample.py OUT     # batch → OUT, rewrites samples/panel
    formkit panel collect samples/panel/returned --programme samples/programme.yaml \\
        --batch OUT --out OUT/专家评审
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from formkit.jobs.batch.run import run_batch
from formkit.jobs.panel.batch import SECRET_KEY, Batch
from formkit.jobs.panel.experts import read_experts
from formkit.jobs.panel.sample import Scores, fill
from formkit.jobs.panel.sheets import write_sheets
from formkit.programme import load_programme

ROOT = Path(__file__).resolve().parent.parent
PROGRAMME = ROOT / "samples" / "programme.yaml"
INBOX = ROOT / "samples" / "inbox"
SAMPLE = ROOT / "samples" / "panel"
SAMPLE_KEY = "73616d706c652d6b65792d6e6f742d7365637265742d666f726d6b6974"  # sample only

EXPERTS = (  # 姓名, 工作单位, 所在市, 回避开发区
    ("王建国", "山西大学", "太原市", ""),
    ("李红", "太原理工大学", "大同市", ""),
    ("张敏", "中北大学", "长治市", "临汾样例经济开发区"),
    ("刘洋", "山西财经大学", "晋中市", ""),
    ("陈静", "运城学院", "临汾市", ""),
)
BASE = {  # zone → the score every criterion gets from a typical expert
    "太原样例经济技术开发区": 8.5,
    "太原演示工业园区": 7.0,
    "太原试点产业园区": 6.5,
    "大同样例工业园区": 7.5,
    "长治样例产业园区": 6.0,
    "晋中示范产业园区": 8.0,
    "运城示范经济开发区": 8.5,
    "临汾样例经济开发区": 7.5,
}
OFFSET = {"王建国": 0.5, "李红": 0.0, "张敏": -0.5, "刘洋": 0.0, "陈静": 0.0}
CONFLICT, UNTICKED, OUT_OF_RANGE, DISSENT = "李红", "刘洋", "张敏", "陈静"
DISPUTED, MISSCORED = "运城示范经济开发区", "太原演示工业园区"
ADVICE = {
    "王建国": {"长治样例产业园区": "实施方案应补充责任分工和保障措施，明确牵头单位。"},
    "张敏": {"大同样例工业园区": "补充辐射带动力方面的量化指标，如带动周边中小企业数。"},
    "陈静": {
        "晋中示范产业园区": "资金使用方向应细化到具体项目，并与申请金额一致。",
        "运城示范经济开发区": "龙头企业与中小企业的协作机制描述较笼统，建议补充已签订的合作协议。",
    },
}


def scores(expert: str, count: int) -> Scores:
    def given(zone: str, _row: int) -> list[object]:
        value: object = BASE[zone] + OFFSET[expert]
        if expert == DISSENT and zone == DISPUTED:
            value = 2
        row: list[object] = [value] * count
        if expert == OUT_OF_RANGE and zone == MISSCORED:
            row[2] = 12
        return row

    return given


def experts_csv() -> bytes:
    lines = ["姓名,工作单位,所在市,回避开发区", *(",".join(e) for e in EXPERTS)]
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def prepare(batch_dir: Path) -> None:
    """batch over samples/inbox into ``batch_dir`` with the sample key."""
    run_batch(INBOX, batch_dir, programme=PROGRAMME, workers=1)
    programme = load_programme(PROGRAMME)
    with Batch(batch_dir, programme) as batch:
        batch.registry.set_meta(SECRET_KEY, SAMPLE_KEY)


def build(batch_dir: Path, sample: Path = SAMPLE) -> None:
    prepare(batch_dir)
    shutil.rmtree(sample, ignore_errors=True)
    (sample / "returned").mkdir(parents=True)
    (sample / "experts.csv").write_bytes(experts_csv())
    programme = load_programme(PROGRAMME)
    count = len(programme.panel.criteria)
    with Batch(batch_dir, programme) as batch:
        write_sheets(batch, read_experts(sample / "experts.csv"), sample / "sheets")
    for name, *_ in EXPERTS:
        declaration = {CONFLICT: "否", UNTICKED: ""}.get(name)
        body = fill(
            sample / "sheets" / f"{name}.xlsx",
            scores(name, count),
            declaration=declaration,
            advice=ADVICE.get(name),
        )
        (sample / "returned" / sheet_name_for(name)).write_bytes(body)


def sheet_name_for(name: str) -> str:
    """Returned files are renamed by mail programs and people; keep the expert's name."""
    return f"回复-{name}.xlsx"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    build(Path(sys.argv[1]))
    print(SAMPLE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
