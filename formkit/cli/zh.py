"""click speaks the command's ``--lang``: its help texts, usage lines and metavars are lines
of the catalogue (:data:`formkit.model.codes.REPORT_TEXTS`, ``help-*`` and ``metavar-*``), and
click's own messages (usage errors, help headings) are Chinese from
:data:`formkit.model.codes.CLICK_ZH`, or click's English ones with ``--lang en``.

A command is declared with catalogue keys (``help="help-workers"``); :class:`Command` and
:class:`Group` put the words of the language in place when they parse their arguments, before
``--help`` or a usage error shows them. click looks its texts up through ``gettext`` bound
into each of its modules; the process's locale cannot be relied on (a clerk's machine, a
server, a test runner), so :func:`install` points those look-ups at the catalogue. It runs
when :mod:`formkit.cli.common` is imported, before any command builds its options (a
``click.Path`` names itself when it is made).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

from formkit.model.codes import CLICK_ZH, REPORT_TEXTS, text

_MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
)
LANG_KEY = "formkit.lang"  # the command line's --lang, in the context's meta
# the language click's look-ups answer in: a usage error is shown after its context closed,
# so the words cannot be looked up from the context
_spoken = ["zh"]
_GIVEN = (click.core.ParameterSource.COMMANDLINE, click.core.ParameterSource.DEFAULT_MAP)
_CLICK_EN = {zh: en for en, zh in CLICK_ZH.items()}
# the catalogue keys a command and each of its parameters were declared with
_keys: weakref.WeakKeyDictionary[object, tuple[str | None, str | None]] = (
    weakref.WeakKeyDictionary()
)


def gettext(message: str) -> str:
    return message if _spoken[0] == "en" else CLICK_ZH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def lang_of(args: Sequence[str], default: str = "zh") -> str:
    """The value of the last ``--lang`` among ``args`` (``default`` without one): a group
    sees its command's arguments too, and the command's own --lang is the one it obeys."""
    found = default
    for n, arg in enumerate(args):
        if arg.startswith("--lang="):
            found = arg.partition("=")[2]
        elif arg == "--lang" and n + 1 < len(args):
            found = args[n + 1]
    return found


class Command(click.Command):
    """A command that speaks its ``--lang`` (help, usage, click's messages)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        speak(ctx, lang_of(args, ctx.meta.get(LANG_KEY, "zh")), [self])
        return super().parse_args(ctx, args)


class Group(click.Group):
    """A group that speaks the ``--lang`` of its command line, and so do its commands."""

    command_class = Command
    group_class = type  # its groups are Groups too

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        speak(ctx, lang_of(args, ctx.meta.get(LANG_KEY, "zh")), [self, *self.commands.values()])
        rest = super().parse_args(ctx, args)
        if ctx.get_parameter_source("lang") in _GIVEN:
            # the group's own --lang (or its group's) is its commands' default; a command's
            # own --lang wins
            given = ctx.default_map or {}
            lang = {"lang": ctx.params["lang"]}
            ctx.default_map = {**given, **{n: {**given.get(n, {}), **lang} for n in self.commands}}
        return rest


def speak(ctx: click.Context, lang: str, commands: Sequence[click.Command]) -> None:
    """Put the words of ``lang`` in the ``commands`` and click's look-ups."""
    lang = "en" if lang == "en" else "zh"
    ctx.meta[LANG_KEY] = _spoken[0] = lang
    for command in commands:
        _dress(command, lang)
        help_option = command.get_help_option(ctx)
        if help_option is not None:  # made and cached by click in the language of its day
            help_option.help = gettext("Show this message and exit.")


def _dress(command: click.Command, lang: str) -> None:
    command.help = _word(command, command.help, None, lang)
    command.options_metavar = text("metavar-options", lang)
    if isinstance(command, click.Group):
        command.subcommand_metavar = text("metavar-command", lang)
    for param in command.params:
        metavar = _metavar(param) if param.metavar is None else None
        if isinstance(param, click.Option):
            param.help = _word(param, param.help, metavar, lang)
        else:
            _word(param, None, metavar, lang)
        _, metavar = _keys[param]
        if metavar is not None:
            param.metavar = text(metavar, lang)


def _word(owner: object, given: str | None, metavar: str | None, lang: str) -> str | None:
    """``owner``'s help in ``lang``: a catalogue key the first time, then the key it was
    declared with (click's own help texts, such as --version's, in click's words)."""
    if owner not in _keys:
        _keys[owner] = (given if given in REPORT_TEXTS else None, metavar)
    key, _ = _keys[owner]
    if key is not None:
        return text(key, lang)
    english = _CLICK_EN.get(given or "", given)
    return gettext(english) if english in CLICK_ZH else given


def _metavar(param: click.Parameter) -> str | None:
    """The catalogue key of the metavar a parameter shows."""
    if isinstance(param, click.Argument):
        key = f"metavar-arg-{param.name}"  # "..." in the line of an argument of many values
        return key if key in REPORT_TEXTS else None
    kind = param.type
    if isinstance(kind, click.Path):
        if not kind.file_okay:
            return "metavar-folder"
        return "metavar-file" if not kind.dir_okay else "metavar-path"
    if isinstance(kind, click.types.IntParamType | click.types.FloatParamType):
        return "metavar-number"
    if kind.name == "date":
        return "metavar-date"
    if kind is click.STRING:
        return "metavar-text"
    return None
