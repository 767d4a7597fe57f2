"""Progress monitoring: increases, completion against the year's target, missing, late and
out-of-order reports, lagging zones; on the samples, the workbook with a chart per zone."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from formkit.cli.cycle import monitor_cmd
from formkit.jobs.cycle.inbox import read_cycle
from formkit.jobs.cycle.monitor import completion, monitor
from tests.jobs.cycle.conftest import MakeProgramme, zone
from tests.jobs.cycle.test_evaluate import ZONE, progress_file

ROOT = Path(__file__).resolve().parents[3]


def test_completion_is_the_gain_over_the_start_against_the_gain_asked_for() -> None:
    # baseline 50, target 60, value 56 → (56 − 50) / (60 − 50) = 60.0 %
    assert completion(56, 60, 50) == Decimal("60.0")
    # no start: value ÷ target; 2 of 3 → 66.7 %
    assert completion(2, 3, None) == Decimal("66.7")
    # a zero target without a start is met by any value ≥ 0
    assert completion(0, 0, None) == Decimal("100")
    assert completion(None, 3, None) is None


def test_increase_missing_late_out_of_order_and_lagging(
    tmp_path: Path, make_programme: MakeProgramme
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    progress_file(inbox, "q1.xlsx", "一季度", 2, fill="2021-04-10")  # on time
    progress_file(inbox, "q2.xlsx", "二季度", 3, fill="2021-08-01")  # deadline 07-15: late
    progress_file(inbox, "q4.xlsx", "四季度", 2.5, fill="2021-12-01")  # before 12-31; fell
    prog = make_programme(approved=[zone(ZONE, start=2021)])
    result = monitor(read_cycle(inbox, prog, tmp_path / "r.sqlite", workers=1), prog)
    increases = [p.indicators[0].increase for p in result.periods]
    assert increases == [None, 1.0, -0.5]
    # no Form B here: value ÷ 年度目标值 10 → 20 %, 30 %, 25 %
    assert [p.completion for p in result.periods] == [
        Decimal("20.0"),
        Decimal("30.0"),
        Decimal("25.0"),
    ]
    assert [p.late for p in result.periods] == [False, True, False]
    messages = [f.message() for _, f in result.findings]
    assert f"{ZONE}未报送2021年三季度进展情况" in messages
    assert f"{ZONE}2021年二季度进展情况填报日期2021-08-01晚于报送期限2021-07-15" in messages
    assert any("早于该时段结束" in m for m in messages)
    assert any("报送期末值2.5低于上期3.0" in m for m in messages)
    # the last period: 25 % against a time path of 100 % → lagging
    assert f"{ZONE}截至2021年四季度指标平均完成率25.0%，低于时间进度100.0%" in messages


def test_monitor_on_the_samples_writes_a_chart_per_zone(tmp_path: Path) -> None:
    args = [
        "samples/progress",
        "--programme",
        str(ROOT / "samples/programme.yaml"),
        "--out",
        str(tmp_path),
    ]
    done = CliRunner().invoke(monitor_cmd, args)
    assert done.exit_code == 0, done.output
    book = openpyxl.load_workbook(tmp_path / "进展汇总.xlsx")
    assert book.sheetnames == ["进展汇总", "指标明细", "维度完成率", "完成率走势", "问题清单"]
    assert len(book["完成率走势"]._charts) == 5
    codes = {row[5] for row in book["问题清单"].iter_rows(min_row=3, values_only=True)}
    assert {
        "progress-missing",
        "progress-late",
        "progress-lagging",
        "progress-unknown-zone",
        "file-corrupt",
        "progress-out-of-order",
    } <= codes
    lagging = [
        r[1] for r in book["进展汇总"].iter_rows(min_row=3, values_only=True) if r[9] == "滞后"
    ]
    assert "长治样例产业园区" in lagging
