"""``formkit batch``: review everything received in one folder."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from formkit.cli.common import debug_option, guarded, lang_option
from formkit.cli.zh import Command
from formkit.jobs.batch.status import STATUSES, skipped_text
from formkit.model.codes import CODES, text, value_text
from formkit.model.errors import ConfigError

if TYPE_CHECKING:
    from rich.console import Console

    from formkit.jobs.batch.run import BatchSummary

# rich and the batch machinery are imported when the command runs: every other command
# (``check`` over a few hundred files in one call) would otherwise pay ~60 ms to start.


@click.command("batch", cls=Command, help="help-batch")
@click.argument("inbox", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="help-batch-out",
)
@click.option(
    "--programme",
    type=click.Path(exists=True, dir_okay=False),
    help="help-batch-programme",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="help-batch-workers",
)
@click.option(
    "--validators",
    type=click.Path(exists=True, file_okay=False),
    help="help-validators",
)
@click.option(
    "--round",
    "round_no",
    type=click.IntRange(min=1),
    default=None,
    help="help-round",
)
@lang_option
@debug_option
@guarded
def batch_cmd(
    inbox: Path,
    out: Path,
    programme: str | None,
    workers: int | None,
    validators: str | None,
    round_no: int | None,
    lang: str,
    debug: bool,
) -> None:
    """Review an inbox (the text of --help: the catalogue's help-batch)."""
    from rich.console import Console

    # on use, not at the top: saves ~121 ms of start-up (measured)
    from formkit.jobs.batch.run import run_batch

    if not inbox.is_dir():
        raise ConfigError("inbox-missing", path=str(inbox))
    err = Console(stderr=True, markup=False, highlight=False)
    with _progress(err, lang) as progress:
        summary = run_batch(
            inbox,
            out,
            programme=programme,
            validators=validators,
            workers=workers,
            progress=progress,
            round_no=round_no,
            lang=lang,
        )
    _print_summary(Console(markup=False, highlight=False), summary, lang)
    sys.exit(0)


@contextmanager
def _progress(
    console: Console, lang: str = "zh"
) -> Iterator[Callable[[int, int, str], None] | None]:
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
        TextColumn(text("progress-reading", lang)),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(text("progress-elapsed", lang)),
        TimeElapsedColumn(),
        TextColumn(text("progress-left", lang)),
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


def _print_summary(console: Console, summary: BatchSummary, lang: str = "zh") -> None:
    from rich.table import Table

    console.print(text("batch-inbox", lang, path=summary.inbox))
    gone = summary.files_forgotten
    console.print(
        text(
            "batch-files",
            lang,
            seen=summary.files_seen,
            read=summary.files_read,
            reused=summary.files_reused,
            forgotten=text("batch-forgotten", lang, count=gone) if gone else "",
        )
    )
    table = Table(title=text("batch-table", lang))
    city_head = text("col-city", lang)
    statuses = [value_text(s, lang) for s in STATUSES]
    heads = (city_head, text("batch-zones", lang), *(s[:1].upper() + s[1:] for s in statuses))
    for name in heads:
        table.add_column(name, justify="left" if name == city_head else "right")
    cities = sorted({r["city"] for r in summary.dossiers})
    for city in cities:
        rows = [r for r in summary.dossiers if r["city"] == city]
        shown = value_text(city, lang)
        table.add_row(shown, str(len(rows)), *(str(_count(rows, s)) for s in STATUSES))
    table.add_row(
        text("total", lang),
        str(len(summary.dossiers)),
        *(str(_count(summary.dossiers, s)) for s in STATUSES),
    )
    console.print(table)
    if summary.not_forms:
        console.print(CODES["files-not-forms"].render(lang, count=summary.not_forms))
    if summary.skipped_checks:
        console.print(skipped_text(summary.skipped_checks, lang))
    console.print(text("batch-out", lang, path=summary.out))


def _count(rows: list[dict[str, object]], status: str) -> int:
    return sum(r["status"] == status for r in rows)
