"""``formkit forms``: write the blank forms of the call for applications."""

from __future__ import annotations

from pathlib import Path

import click

from formkit.cli.common import debug_option, force_option, guarded, lang_option
from formkit.cli.zh import Command
from formkit.model.codes import text
from formkit.writers.atomic import refuse_existing


@click.command("forms", cls=Command, help="help-forms")
@click.option("--out", "out_dir", required=True, type=click.Path(), help="help-forms-out")
@click.option(
    "--validators",
    type=click.Path(exists=True, file_okay=False),
    help="help-validators",
)
@force_option
@lang_option
@debug_option
@guarded
def forms_cmd(out_dir: str, validators: str | None, force: bool, lang: str, debug: bool) -> None:
    """Write the blank forms (help: help-forms)."""
    # on use, not at the top: saves ~186 ms of start-up (measured)
    from formkit.writers.forms import BLANK_FORMS, write_forms  # openpyxl, python-docx: on use

    refuse_existing((Path(out_dir) / name for name in BLANK_FORMS), force=force)

    paths = write_forms(out_dir, validators=validators)
    click.echo(text("cli-forms-written", lang, count=len(paths), folder=out_dir))
    for path in paths:
        click.echo(f"  {path.name}")
