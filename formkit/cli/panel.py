"""``formkit panel sheets`` and ``formkit panel collect``: the expert panel. Each command
opens the batch output folder, calls the library and prints what it wrote and what it found.
Exit 0 when the outputs were written (findings included), 2 when an input or the
configuration cannot be read or an output would replace a file without ``--force``."""

from __future__ import annotations

from pathlib import Path

import click

import formkit.programme  # its names load on use (see formkit.programme)
from formkit.cli.common import debug_option, guarded, lang_option, report_written
from formkit.cli.cycle import PROGRAMME_HELP, _out_folder
from formkit.cli.zh import Group

BATCH_HELP = "help-panel-batch"


@click.group("panel", cls=Group, help="help-panel")
@lang_option
def panel_cmd(lang: str) -> None:
    """The expert panel's commands (help: help-panel)."""


@panel_cmd.command("sheets", help="help-sheets")
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option(
    "--experts",
    required=True,
    type=click.Path(dir_okay=False),
    help="help-experts",
)
@click.option(
    "--batch", "batch_dir", required=True, type=click.Path(file_okay=False), help=BATCH_HELP
)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="help-sheets-out")
@click.option("--force", is_flag=True, help="help-sheets-force")
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
    """Write the experts' scoring sheets (help: help-sheets)."""
    # on use, not at the top: saves ~210 ms of start-up (measured)
    from formkit.jobs.panel.batch import Batch
    from formkit.jobs.panel.experts import read_experts
    from formkit.jobs.panel.sheets import write_sheets

    prog = formkit.programme.load_programme(programme)
    listed = read_experts(experts)
    with Batch(batch_dir, prog) as batch:
        result = write_sheets(batch, listed, _out_folder(out), force=force)
    report_written(result.paths, result.findings, lang, places=True)


@panel_cmd.command("collect", help="help-collect")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option(
    "--batch", "batch_dir", required=True, type=click.Path(file_okay=False), help=BATCH_HELP
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="help-collect-out",
)
@click.option("--doc-seq", help="help-publicity-seq")
@click.option("--date", "date", help="help-publicity-date")
@click.option("--start", help="help-publicity-start")
@click.option("--days", type=int, help="help-publicity-days")
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
    """Collect and total the scoring sheets (help: help-collect)."""
    # on use, not at the top: saves ~248 ms of start-up (measured)
    from formkit.jobs.panel.run import run_collect

    prog = formkit.programme.load_programme(programme)
    options = {"doc_seq": doc_seq, "date": date, "start": start, "days": days}
    paths, findings = run_collect(Path(folder), prog, Path(batch_dir), _out_folder(out), options)
    report_written(paths, findings, lang, places=True)
