"""``formkit batch``: review everything received in one folder."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from formkit.cli.common import debug_option, guarded
from formkit.errors import ConfigError

if TYPE_CHECKING:
    from rich.console import Console

    from formkit.batch.run import BatchSummary

# rich and the batch machinery are imported when the command runs: every other command
# (``check`` over a few hundred files in one call) would otherwise pay ~60 ms to start.


@click.command("batch")
@click.argument("inbox", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="输出目录：汇总表.xlsx、审核意见/、report.html 和登记库 formkit.sqlite。",
)
@click.option(
    "--programme",
    type=click.Path(exists=True, dir_okay=False),
    help="项目配置文件（programme.yaml）：启用目录、地市、名额和示范县核对。",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="并行读取文件的进程数（默认每个 CPU 核一个）。",
)
@click.option(
    "--validators",
    type=click.Path(exists=True, file_okay=False),
    help="使用自定义的表单规格目录（默认使用内置 validators/）。",
)
@click.option(
    "--round",
    "round_no",
    type=click.IntRange(min=1),
    default=None,
    help="审核轮次：第2轮起与上一轮比对（已整改/未整改/新发现、数据变更、材料增删换）；"
    "默认沿用该输出目录上次的轮次（首次为第1轮）。",
)
@debug_option
@guarded
def batch_cmd(
    inbox: Path,
    out: Path,
    programme: str | None,
    workers: int | None,
    validators: str | None,
    round_no: int | None,
    debug: bool,
) -> None:
    """批量审核收件目录中的全部申报材料（合规性审核）。

    按开发区归集材料，逐份并整体核对，写出汇总表、每个开发区的审核意见和 report.html。
    收件目录不会被改动。退出码：0 已完成（发现的问题是结果的一部分）；2 收件目录无法读取、
    配置有误或输出目录正被另一次运行使用。
    """
    from rich.console import Console

    from formkit.batch.run import run_batch

    if not inbox.is_dir():
        raise ConfigError(f"收件目录不存在或不是文件夹：{inbox}")
    err = Console(stderr=True, markup=False, highlight=False)
    with _progress(err) as progress:
        summary = run_batch(
            inbox,
            out,
            programme=programme,
            validators=validators,
            workers=workers,
            progress=progress,
            round_no=round_no,
        )
    _print_summary(Console(markup=False, highlight=False), summary)
    sys.exit(0)


@contextmanager
def _progress(console: Console) -> Iterator[Callable[[int, int, str], None] | None]:
    """A rich progress bar (counts and ETA) on stderr when it is a terminal."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if not console.is_terminal:
        yield None
        return
    bar = Progress(
        TextColumn("读取文件"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("已用"),
        TimeElapsedColumn(),
        TextColumn("剩余"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        auto_refresh=False,  # no refresh thread: the run forks worker processes
    )
    task = bar.add_task("read", total=None)

    def update(done: int, total: int, _path: str) -> None:
        bar.update(task, completed=done, total=total, refresh=True)

    with bar:
        yield update


def _print_summary(console: Console, summary: BatchSummary) -> None:
    from rich.table import Table

    from formkit.batch.status import STATUSES
    from formkit.codes import CODES

    console.print(f"收件目录：{summary.inbox}")
    forgotten = f"，不再存在 {summary.files_forgotten} 个" if summary.files_forgotten else ""
    console.print(
        f"文件 {summary.files_seen} 个：本次读取 {summary.files_read} 个，"
        f"沿用上次结果 {summary.files_reused} 个{forgotten}"
        "（按收件目录中的文件计数，压缩包计为 1 个）"
    )
    table = Table(title="审核结果（按地市）")
    for name in ("所属市", "开发区", *STATUSES):
        table.add_column(name, justify="left" if name == "所属市" else "right")
    cities = sorted({r["city"] for r in summary.dossiers})
    for city in cities:
        rows = [r for r in summary.dossiers if r["city"] == city]
        table.add_row(city, str(len(rows)), *(str(_count(rows, s)) for s in STATUSES))
    table.add_row(
        "合计", str(len(summary.dossiers)), *(str(_count(summary.dossiers, s)) for s in STATUSES)
    )
    console.print(table)
    if summary.not_forms:
        console.print(CODES["files-not-forms"].render("zh", count=summary.not_forms))
    if summary.skipped_checks:
        checks = "、".join(summary.skipped_checks)
        console.print(CODES["checks-skipped"].render("zh", checks=checks))
    console.print(f"输出目录：{summary.out}（汇总表.xlsx、审核意见/、report.html）")


def _count(rows: list[dict[str, object]], status: str) -> int:
    return sum(r["status"] == status for r in rows)
