"""``formkit allocate``, ``formkit monitor`` and ``formkit evaluate``: the cycle after the
approved list. Each command calls one library function, writes its outputs and prints what
it wrote and how many findings there are. Exit 0 when the outputs were written (findings
included), 2 when an input or the configuration cannot be read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from formkit.cli.common import debug_option, guarded
from formkit.findings import Finding

PROGRAMME_HELP = "项目配置（programme.yaml）：支持名单、年度预算与分配规则、评价权重与等次。"


def _report(paths: Sequence[Path], findings: Sequence[tuple[str, Finding]]) -> None:
    for path in paths:
        click.echo(f"已生成：{path}")
    errors = sum(f.severity == "error" for _, f in findings)
    warnings = sum(f.severity == "warning" for _, f in findings)
    click.echo(f"发现问题 {errors} 个错误、{warnings} 个警告（详见工作簿“问题清单”）。")
    for source, f in findings:
        if f.severity != "info":
            where = f"{source}：" if source else ""
            click.echo(f"  [{'错误' if f.severity == 'error' else '警告'}] {where}{f.message()}")


@click.command("allocate")
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="输出目录：资金分配表.xlsx、funding.yaml。",
)
@click.option(
    "--evaluation",
    type=click.Path(dir_okay=False),
    help="绩效评价结果（evaluate 生成的 evaluation.yaml）：按评价等次分档，未滚动支持的不安排。",
)
@debug_option
@guarded
def allocate_cmd(programme: str, out: str, evaluation: str | None, debug: bool) -> None:
    """按规则把年度预算分配到支持名单中的开发区，并按市汇总切块下达。

    退出码：0 已生成（含问题清单）；2 配置无法读取。
    """
    from formkit.cycle.allocate import allocate
    from formkit.cycle.allocate_out import write_allocation
    from formkit.programme import load_programme

    prog = load_programme(programme)
    decisions = None
    if evaluation:
        from formkit.cycle.evaluate_out import read_decisions

        decisions = read_decisions(Path(evaluation))
    result = allocate(prog, decisions)
    _report(write_allocation(result, prog, Path(out)), result.findings)
