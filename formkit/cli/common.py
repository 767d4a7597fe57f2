"""Options and error handling shared by the commands."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, ParamSpec, TypeVar

import click

from formkit.cli import zh
from formkit.model.codes import CODES, place_text, text
from formkit.model.dates import is_impossible_date, parse_date
from formkit.model.errors import FormkitError
from formkit.model.findings import Finding

F = TypeVar("F", bound=Callable[..., Any])
P = ParamSpec("P")
R = TypeVar("R")

EXIT_INPUT = 2

zh.install()  # before any command makes its options


def debug_option(func: F) -> F:
    return click.option("--debug", is_flag=True, help="help-debug")(func)


def force_option(func: F) -> F:
    return click.option("--force", is_flag=True, help="help-force")(func)


def lang_option(func: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default="zh",  # or a group's --lang (formkit --lang en check …): zh.Group
        show_default=True,
        help="help-lang",
    )(func)


class IsoDate(click.ParamType[str, object]):
    """A day that exists, written YYYY-MM-DD (kept as that text); 2021-02-30 is a usage
    error naming the option and the value."""

    name = "date"  # its metavar: the catalogue's metavar-date

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str:
        typed = str(value).strip()
        field = param.opts[0] if param is not None and param.opts else text("kind-day", _lang(ctx))
        if is_impossible_date(typed):
            said = CODES["date-impossible"].render(_lang(ctx), field=field, value=typed)
            self.fail(said, param, ctx)
        try:
            return parse_date(typed).isoformat()
        except ValueError:
            code = CODES["bad-value"]
            bad = code.render(_lang(ctx), field=field, raw=typed, kind_word="kind-day")
            self.fail(bad, param, ctx)


def _lang(ctx: click.Context | None) -> str:
    return str(ctx.meta.get(zh.LANG_KEY, "zh")) if ctx is not None else "zh"


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Turn formkit errors and unexpected failures into one line (in the command's
    ``--lang``) and exit 2.

    A traceback is printed only with ``--debug``.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        debug = bool(kwargs.get("debug"))
        lang = str(kwargs.get("lang") or "zh")
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except FormkitError as exc:
            _fail(exc.message(lang), debug, lang)
        except KeyboardInterrupt:
            click.echo(text("interrupted", lang), err=True)
            sys.exit(130)
        except Exception as exc:
            _fail(text("internal-error", lang, kind=type(exc).__name__, detail=exc), debug, lang)

    return wrapper


def say(message: str, lang: str = "zh") -> None:
    """One line on stderr, ``formkit：`` before it."""
    click.echo(text("cli-line", lang, message=message), err=True)


def report_written(
    paths: Sequence[Path],
    findings: Sequence[tuple[str, Finding]],
    lang: str = "zh",
    *,
    places: bool = False,
    see_sheet: bool = False,
) -> None:
    """What an output command wrote, how many errors and warnings it found, then each of
    them with its file (and, with ``places``, its cell)."""
    for path in paths:
        click.echo(text("cli-written", lang, path=path))
    errors = sum(f.severity == "error" for _, f in findings)
    warnings = sum(f.severity == "warning" for _, f in findings)
    counted = "cli-findings-sheet" if see_sheet else "cli-findings"
    click.echo(text(counted, lang, errors=errors, warnings=warnings))
    for source, f in findings:
        if f.severity not in ("error", "warning"):
            continue
        at = place_text(f.location, lang) if places else ""
        where = " ".join(p for p in (source, at) if p)
        severity = text(f"severity-{f.severity}", lang)
        key = "cli-finding-at" if where or places else "cli-finding"
        click.echo(text(key, lang, severity=severity, where=where, message=f.message(lang)))


def _fail(message: str, debug: bool, lang: str = "zh") -> NoReturn:
    if debug:
        traceback.print_exc()
    say(message, lang)
    sys.exit(EXIT_INPUT)
