"""The cycle on the samples, end to end through the commands: allocate → notice funding and
evaluate → notice evaluation; the amounts and scores in the rendered notices equal those in
the workbooks."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from formkit.cli.cycle import allocate_cmd
from formkit.cli.notice import notice_cmd
from tests.jobs.cycle.conftest import docx_text

ROOT = Path(__file__).resolve().parents[3]
PROGRAMME = ROOT / "samples" / "programme.yaml"


def sheet_rows(path: Path, sheet: str) -> list[tuple]:  # type: ignore[type-arg]
    book = openpyxl.load_workbook(path)
    return [r for r in book[sheet].iter_rows(min_row=3, values_only=True)]


def test_allocate_then_notice_funding_on_the_samples(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(allocate_cmd, ["--programme", str(PROGRAMME), "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert "资金分配表.xlsx" in done.output
    detail = sheet_rows(tmp_path / "资金分配表.xlsx", "分配明细")
    zones = {r[2]: Decimal(str(r[7])).quantize(Decimal("0.01")) for r in detail if r[0] != "合计"}
    total = Decimal(str(detail[-1][7])).quantize(Decimal("0.01"))
    assert sum(zones.values()) == total == Decimal("2000.00")
    blocks = sheet_rows(tmp_path / "资金分配表.xlsx", "切块下达")
    assert sum(Decimal(str(r[3])) for r in blocks[:-1]).quantize(Decimal("0.01")) == total

    notice = tmp_path / "资金下达通知.docx"
    rendered = runner.invoke(
        notice_cmd, ["funding", "--data", str(tmp_path / "funding.yaml"), "--out", str(notice)]
    )
    assert rendered.exit_code == 0, rendered.output
    text = docx_text(notice)
    for zone_name, amount in zones.items():
        row = re.search(re.escape(zone_name) + r"\n(?:.*\n)*?(\d+\.\d\d)", text)
        assert row is not None and Decimal(row.group(1)) == amount, zone_name
    assert f"{total:.2f}" in text
    assert "晋企发〔2020〕95号" in text


def test_allocate_with_an_unreadable_programme_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "programme.yaml"
    bad.write_text("year: [", encoding="utf-8")
    done = CliRunner().invoke(allocate_cmd, ["--programme", str(bad), "--out", str(tmp_path / "o")])
    assert done.exit_code == 2
    assert "YAML 格式错误" in done.output


def test_evaluate_then_notice_evaluation_on_the_samples(tmp_path: Path) -> None:
    from formkit.cli.cycle import evaluate_cmd

    runner = CliRunner()
    out = tmp_path / "评价"
    args = [
        "samples/progress",
        "--programme",
        str(PROGRAMME),
        "--out",
        str(out),
        "--date",
        "2022-03-15",
    ]
    done = runner.invoke(evaluate_cmd, args)
    assert done.exit_code == 0, done.output
    assert "文件已损坏" in done.output and "不在支持名单中" in done.output
    results = sheet_rows(out / "绩效评价结果.xlsx", "评价结果")
    totals = {r[2]: (f"{r[10]:.1f}", r[11]) for r in results}
    assert len(totals) == 5
    assert {r[3] for r in results} == {"自评表", "监测数据"}
    book = openpyxl.load_workbook(out / "绩效评价结果.xlsx")
    assert len(book["维度得分率"]._charts) == 5

    notice = out / "通报.docx"
    rendered = runner.invoke(
        notice_cmd, ["evaluation", "--data", str(out / "evaluation.yaml"), "--out", str(notice)]
    )
    assert rendered.exit_code == 0, rendered.output
    text = docx_text(notice)
    for zone_name, (score, grade) in totals.items():
        row = re.search(re.escape(zone_name) + r"\n(?:.*\n)*?(\d+\.\d)\n(\S+)", text)
        assert row is not None and (row.group(1), row.group(2)) == (score, grade), zone_name


def test_allocate_with_the_evaluation_leaves_out_zones_that_do_not_roll_on(tmp_path: Path) -> None:
    from formkit.cli.cycle import evaluate_cmd

    runner = CliRunner()
    args = ["samples/progress", "--programme", str(PROGRAMME), "--out", str(tmp_path / "e")]
    assert runner.invoke(evaluate_cmd, [*args, "--date", "2022-03-15"]).exit_code == 0
    results = sheet_rows(tmp_path / "e" / "绩效评价结果.xlsx", "评价结果")
    stopped = {r[2] for r in results if r[13] == "否"}
    assert stopped  # the samples' 长治 spends too little to roll on
    done = runner.invoke(
        allocate_cmd,
        [
            "--programme",
            str(PROGRAMME),
            "--out",
            str(tmp_path / "a"),
            "--evaluation",
            str(tmp_path / "e" / "evaluation.yaml"),
        ],
    )
    assert done.exit_code == 0, done.output
    detail = sheet_rows(tmp_path / "a" / "资金分配表.xlsx", "分配明细")
    assert {r[2] for r in detail if r[7] == 0} == stopped
    # the four others are all capped by their requests: 500 + 500 + 600 + 300 = 1900
    assert Decimal(str(detail[-1][7])).quantize(Decimal("0.01")) == Decimal("1900.00")
    assert "有100.00万元未分配" in done.output
