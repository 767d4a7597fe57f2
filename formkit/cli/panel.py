"""``formkit panel sheets`` and ``formkit panel collect``: the expert panel. Each command
opens the batch output folder, calls the library and prints what it wrote and what it found.
Exit 0 when the outputs were written (findings included), 2 when an input or the
configuration cannot be read or an output would replace a file without ``--force``."""

from __future__ import annotations

from pathlib import Path

import click

from formkit.cli.common import debug_option, guarded, lang_option, report_written
from formkit.cli.cycle import PROGRAMME_HELP, _out_folder
from formkit.programme import load_programme

BATCH_HELP = "formkit batch 的输出目录（其中的登记库给出开发区及其申报数据）。"


@click.group("panel")
def panel_cmd() -> None:
    """专家评审：生成专家评分表（sheets），收回、核验并汇总评分（collect）。"""


@panel_cmd.command("sheets")
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option(
    "--experts",
    required=True,
    type=click.Path(dir_okay=False),
    help="专家名单 CSV（UTF-8 或 GBK）：姓名、工作单位、所在市、回避开发区（用“；”分隔）。",
)
@click.option(
    "--batch", "batch_dir", required=True, type=click.Path(file_okay=False), help=BATCH_HELP
)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="评分表的输出目录。")
@click.option("--force", is_flag=True, help="覆盖已存在的评分表（旧表将不再被接受）。")
@lang_option
@debug_option
@guarded
def sheets_cmd(
    programme: str,
    experts: str,
    batch_dir: str,
    out: str,
    force: bool,
    lang: str,
    debug: bool,
) -> None:
    """为每位专家生成一份评分表（以专家姓名命名）：回避本市及所列开发区。

    退出码：0 已生成；2 名单、配置或 batch 目录无法读取，或评分表已存在（未加 --force）。
    """
    # on use, not at the top: saves ~210 ms of start-up (measured)
    from formkit.jobs.panel.batch import Batch
    from formkit.jobs.panel.experts import read_experts
    from formkit.jobs.panel.sheets import write_sheets

    prog = load_programme(programme)
    listed = read_experts(experts)
    with Batch(batch_dir, prog) as batch:
        result = write_sheets(batch, listed, _out_folder(out), force=force)
    report_written(result.paths, result.findings, lang, places=True)


@panel_cmd.command("collect")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option(
    "--batch", "batch_dir", required=True, type=click.Path(file_okay=False), help=BATCH_HELP
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="输出目录：专家评审汇总表.xlsx、审核意见/、publicity.yaml。",
)
@click.option("--doc-seq", help="公示的发文序号（默认取 programme.yaml 的 panel.publicity）。")
@click.option("--date", "date", help="公示的成文日期 YYYY-MM-DD。")
@click.option("--start", help="公示开始日期 YYYY-MM-DD。")
@click.option("--days", type=int, help="公示工作日数。")
@lang_option
@debug_option
@guarded
def collect_cmd(
    folder: str,
    programme: str,
    batch_dir: str,
    out: str,
    doc_seq: str | None,
    date: str | None,
    start: str | None,
    days: int | None,
    lang: str,
    debug: bool,
) -> None:
    """收回专家评分表：逐表核验，按开发区汇总（平均分、去掉最高最低分后平均分、分差），
    排名并按各市名额提出拟支持名单，写出汇总表、含专家意见的审核意见和公示数据。

    退出码：0 已生成（含问题清单）；2 目录、配置或 batch 目录无法读取。
    """
    # on use, not at the top: saves ~248 ms of start-up (measured)
    from formkit.jobs.panel.run import run_collect

    prog = load_programme(programme)
    options = {"doc_seq": doc_seq, "date": date, "start": start, "days": days}
    paths, findings = run_collect(Path(folder), prog, Path(batch_dir), _out_folder(out), options)
    report_written(paths, findings, lang, places=True)
