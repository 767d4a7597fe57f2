"""``formkit allocate``, ``formkit monitor`` and ``formkit evaluate``: the cycle after the
approved list. Each command calls one library function, writes its outputs and prints what
it wrote and how many findings there are. Exit 0 when the outputs were written (findings
included), 2 when an input or the configuration cannot be read."""

from __future__ import annotations

from pathlib import Path

import click

from formkit.cli.common import (
    IsoDate,
    debug_option,
    force_option,
    guarded,
    lang_option,
    report_written,
)
from formkit.model.errors import OutputFileError
from formkit.programme import load_programme
from formkit.writers.atomic import refuse_existing

PROGRAMME_HELP = "项目配置（programme.yaml）：支持名单、年度预算与分配规则、评价权重与等次。"


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
@force_option
@lang_option
@debug_option
@guarded
def allocate_cmd(
    programme: str, out: str, evaluation: str | None, force: bool, lang: str, debug: bool
) -> None:
    """按规则把年度预算分配到支持名单中的开发区，并按市汇总切块下达。

    退出码：0 已生成（含问题清单）；2 配置无法读取。
    """
    # on use, not at the top: saves ~212 ms of start-up (measured)
    from formkit.jobs.cycle.allocate import allocate
    from formkit.jobs.cycle.allocate_out import FUNDING, WORKBOOK, write_allocation

    refuse_existing([Path(out) / WORKBOOK, Path(out) / FUNDING], force=force)

    prog = load_programme(programme)
    decisions = None
    if evaluation:
        # on use, not at the top: saves ~298 ms of start-up (measured)
        from formkit.jobs.cycle.evaluate_out import read_decisions

        decisions = read_decisions(Path(evaluation))
    result = allocate(prog, decisions)
    report_written(write_allocation(result, prog, Path(out)), result.findings, lang, see_sheet=True)


INBOX_HELP = "报送材料目录：进展情况报送表、绩效自评表、绩效目标表（可按市/开发区分文件夹）。"
REGISTRY_HELP = "登记库（SQLite）；默认 OUT/formkit.sqlite。已登记的报送材料在后续运行中保留。"


@click.command("evaluate")
@click.argument("inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False), help="输出目录。")
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option("--year", type=int, help="评价年度；默认为材料中最近的年度。")
@click.option("--date", "date", type=IsoDate(), help="通报的成文日期（YYYY-MM-DD）；默认今天。")
@click.option("--doc-seq", default="1", show_default=True, help="通报的发文序号。")
@click.option("--registry", type=click.Path(dir_okay=False), help=REGISTRY_HELP)
@force_option
@lang_option
@debug_option
@guarded
def evaluate_cmd(
    inbox: str,
    out: str,
    programme: str,
    year: int | None,
    date: str | None,
    doc_seq: str,
    registry: str | None,
    force: bool,
    lang: str,
    debug: bool,
) -> None:
    """终期绩效评价：按绩效自评表（或进展数据对照绩效目标表）计算指标得分、一级指标得分、
    总分、等次和是否滚动支持，写出 绩效评价结果.xlsx 与 evaluation.yaml。

    退出码：0 已生成（含问题清单）；2 目录或配置无法读取。
    """
    # on use, not at the top: saves ~334 ms of start-up (measured)
    from formkit.jobs.cycle.evaluate import evaluate
    from formkit.jobs.cycle.evaluate_out import DATA, WORKBOOK, write_evaluation
    from formkit.jobs.cycle.inbox import read_cycle

    refuse_existing([Path(out) / WORKBOOK, Path(out) / DATA], force=force)

    prog = load_programme(programme)
    folder = _out_folder(out)
    data = read_cycle(inbox, prog, registry or folder / "formkit.sqlite")
    result = evaluate(data, prog, year)
    paths = write_evaluation(result, prog, folder, date=date, doc_seq=doc_seq)
    report_written(paths, result.findings, lang, see_sheet=True)


def _out_folder(out: str) -> Path:
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFileError(
            "out-folder-uncreatable", path=str(folder), detail=exc.strerror or str(exc)
        ) from exc
    return folder


@click.command("monitor")
@click.argument("inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False), help="输出目录。")
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option("--registry", type=click.Path(dir_okay=False), help=REGISTRY_HELP)
@force_option
@lang_option
@debug_option
@guarded
def monitor_cmd(
    inbox: str,
    out: str,
    programme: str,
    registry: str | None,
    force: bool,
    lang: str,
    debug: bool,
) -> None:
    """进展监测：读取各开发区各时段的进展情况报送表，计算比上季度增加值和年度目标完成率，
    标出进度滞后、逾期和未报送，写出 进展汇总.xlsx（每个开发区一张走势图）。

    退出码：0 已生成（含问题清单）；2 目录或配置无法读取。
    """
    # on use, not at the top: saves ~370 ms of start-up (measured)
    from formkit.jobs.cycle.inbox import read_cycle
    from formkit.jobs.cycle.monitor import monitor
    from formkit.jobs.cycle.monitor_out import WORKBOOK, write_monitor

    refuse_existing([Path(out) / WORKBOOK], force=force)

    prog = load_programme(programme)
    folder = _out_folder(out)
    result = monitor(read_cycle(inbox, prog, registry or folder / "formkit.sqlite"), prog)
    report_written(write_monitor(result, folder), result.findings, lang, see_sheet=True)
