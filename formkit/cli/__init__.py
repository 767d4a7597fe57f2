"""The ``formkit`` command: a thin click layer. Each command lives in its own module here,
parses options, calls one library function and renders the result."""

from __future__ import annotations

import logging

import click

from formkit import __version__
from formkit.cli.batch import batch_cmd
from formkit.cli.check import check_cmd, parse_cmd
from formkit.cli.common import lang_option
from formkit.cli.cycle import allocate_cmd, evaluate_cmd, monitor_cmd
from formkit.cli.forms import forms_cmd
from formkit.cli.notice import notice_cmd
from formkit.cli.panel import panel_cmd
from formkit.cli.read import read_cmd
from formkit.cli.serve import serve_cmd
from formkit.cli.spec import spec_group
from formkit.cli.zh import LANG_KEY, Group
from formkit.intake.worker import limits_enforced
from formkit.model.codes import CODES

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}


# The group speaks the last --lang of the command line (zh.Group), its command's own or the
# group's (formkit --lang en check …), before the command's options are parsed.
@click.group(cls=Group, help="help-formkit", context_settings=HELP_OPTIONS)
@click.version_option(__version__, prog_name="formkit")
@lang_option
@click.pass_context
def main(ctx: click.Context, lang: str) -> None:
    """The group of formkit's commands (its help: the catalogue's help-formkit)."""
    quiet_libraries()
    if not limits_enforced():  # in the command line's language, the command's --lang too
        click.echo(CODES["limits-not-enforced"].render(ctx.meta[LANG_KEY]), err=True)


def quiet_libraries() -> None:
    """Parsing libraries log their complaints about odd files (pdfminer: "Cannot render
    horizontal string…"); formkit reports those files itself, so keep the noise off stderr."""
    for name in ("pdfminer", "pdfplumber", "PIL"):
        logging.getLogger(name).setLevel(logging.ERROR)


main.add_command(allocate_cmd)
main.add_command(batch_cmd)
main.add_command(evaluate_cmd)
main.add_command(monitor_cmd)
main.add_command(parse_cmd)
main.add_command(read_cmd)
main.add_command(check_cmd)
main.add_command(forms_cmd)
main.add_command(notice_cmd)
main.add_command(panel_cmd)
main.add_command(serve_cmd)
main.add_command(spec_group)

# Each command carries the help options itself: click caches a command's help option the first
# time it is built, so a command invoked on its own (tests, other tools) must not cache a
# different one than ``formkit COMMAND --help`` shows.
for _command in main.commands.values():
    _command.context_settings = {**HELP_OPTIONS, **_command.context_settings}
