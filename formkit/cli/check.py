"""``formkit parse`` and ``formkit check``."""

from __future__ import annotations

import json
import os
import sys
from typing import TypedDict, Unpack

import click

import formkit.programme  # its names load on use (see formkit.programme)
from formkit.cli.common import EXIT_INPUT, F, debug_option, guarded, lang_option, say
from formkit.cli.zh import Command
from formkit.jobs.batch.precheck import check_paths, without_forms
from formkit.pipeline import FileResult, Options, check, exit_code
from formkit.pipeline.report_text import Labels, render_results, render_values
from formkit.spec import labeller


class CommonOptions(TypedDict):
    """The options :func:`_common` adds, as click passes them."""

    as_json: bool
    validators: str | None
    programme: str | None
    workers: int | None
    lang: str
    debug: bool


def _common(func: F) -> F:
    """The options parse and check share (shown in this order: --json first)."""
    func = lang_option(debug_option(func))
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        help="help-workers-check",
    )(func)
    func = click.option(
        "--validators",
        type=click.Path(exists=True, file_okay=False),
        help="help-validators",
    )(func)
    func = click.option(
        "--programme",
        type=click.Path(exists=True, dir_okay=False),
        help="help-programme-checks",
    )(func)
    return click.option("--json", "as_json", is_flag=True, help="help-json")(func)


def _options(
    validators: str | None, programme: str | None, workers: int | None, records: bool
) -> Options:
    prog = None
    if programme:
        prog = formkit.programme.load_programme(programme)
    workers = workers or len(os.sched_getaffinity(0))
    return Options(validators=validators, programme=prog, workers=workers, records=records)


def _emit(
    results: list[FileResult], as_json: bool, lang: str, debug: bool, values: Labels | None
) -> None:
    if as_json:
        payload = [r.to_dict(lang) for r in results]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif not results:
        return  # nothing was checked: the command says why
    elif values is not None:
        click.echo(render_values(results, values, lang), nl=False)
    else:
        click.echo(render_results(results, lang), nl=False)
    if debug:
        for r in results:
            if r.debug:
                click.echo(f"--- {r.file}\n{r.debug}", err=True)


def _run(
    paths: tuple[str, ...],
    *,
    as_json: bool,
    validators: str | None,
    programme: str | None,
    workers: int | None,
    lang: str,
    debug: bool,
    dossiers: bool = False,
    values: bool = False,
) -> list[FileResult]:
    # the text report shows findings and layouts only: the values read stay in the workers
    # (but dossiers are compared on them: check_paths brings them back)
    options = _options(validators, programme, workers, records=as_json or values)
    results = check_paths(paths, options) if dossiers else check(paths, options)
    _emit(results, as_json, lang, debug, labeller(validators) if values else None)
    return results


@click.command("parse", cls=Command, help="help-parse")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@_common
@guarded
def parse_cmd(files: tuple[str, ...], **options: Unpack[CommonOptions]) -> None:
    """Print the values read from forms (help: help-parse)."""
    results = _run(files, values=True, **options)
    sys.exit(2 if any(r.unreadable for r in results) else 0)


@click.command("check", cls=Command, help="help-check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_common
@guarded
def check_cmd(paths: tuple[str, ...], **options: Unpack[CommonOptions]) -> None:
    """Check forms, files, folders or archives (help: help-check)."""
    results = _run(paths, dossiers=True, **options)
    empty = without_forms(paths, results)
    for found in empty if not (results and options["as_json"]) else []:
        say(found.message(options["lang"]), options["lang"])
    sys.exit(EXIT_INPUT if empty else exit_code(results))
