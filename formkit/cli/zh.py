"""click speaks Chinese: its own messages (usage errors, help headings) come from the
catalogue (:data:`formkit.model.codes.CLICK_ZH`), and usage lines and metavars are Chinese.

click looks its texts up through ``gettext`` bound into each of its modules; the process's
locale cannot be relied on (a clerk's machine, a server, a test runner), so :func:`install`
points those look-ups at the catalogue. It runs when :mod:`formkit.cli.common` is imported,
before any command builds its options (a ``click.Path`` names itself when it is made).
"""

from __future__ import annotations

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

from formkit.model.codes import CLICK_ZH

_MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
)
OPTIONS_METAVAR = "[选项]"
COMMAND_METAVAR = "命令 [参数]..."
ARGUMENTS = {"paths": "路径", "files": "文件", "inbox": "收件目录", "kind": "公文种类"}


def gettext(message: str) -> str:
    return CLICK_ZH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def localise(group: click.Group) -> None:
    """Chinese usage lines and metavars for the group and each of its commands."""
    group.subcommand_metavar = COMMAND_METAVAR
    for command in [group, *group.commands.values()]:
        command.options_metavar = OPTIONS_METAVAR
        for param in command.params:
            if param.metavar is None:
                param.metavar = _metavar(param)


def _metavar(param: click.Parameter) -> str | None:
    if isinstance(param, click.Argument):
        name = ARGUMENTS.get(param.name or "", param.human_readable_name)
        return f"{name}..." if param.nargs != 1 else name
    kind = param.type
    if isinstance(kind, click.Path):
        return "文件夹" if not kind.file_okay else "文件" if not kind.dir_okay else "路径"
    if isinstance(kind, click.IntRange | click.FloatRange | click.INT.__class__):
        return "数字"
    if isinstance(kind, click.FloatRange | click.types.FloatParamType):
        return "数字"
    if kind is click.STRING:
        return "文本"
    return None
