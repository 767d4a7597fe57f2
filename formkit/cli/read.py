"""``formkit read``: what the readers saw in each file (tables, paragraphs, headers)."""

from __future__ import annotations

import json
import os
import sys

import click

from formkit.cli.common import debug_option, guarded, lang_option
from formkit.cli.zh import Command
from formkit.pipeline import Options
from formkit.pipeline.reading import read_files, render_text


@click.command("read", cls=Command, help="help-read")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="help-json")
@lang_option
@debug_option
@guarded
def read_cmd(files: tuple[str, ...], as_json: bool, lang: str, debug: bool) -> None:
    """What the readers saw in each file (help: help-read)."""
    readings = read_files(files, Options(workers=len(os.sched_getaffinity(0))))
    if as_json:
        payload = [r.to_dict(lang) for r in readings]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(readings, lang), nl=False)
    sys.exit(2 if any(r.unreadable for r in readings) else 0)
