"""Options and error handling shared by the commands."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

from formkit.cli import zh
from formkit.errors import FormkitError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INPUT = 2

zh.install()  # before any command makes its options


def debug_option(func: F) -> F:
    return click.option(
        "--debug", is_flag=True, help="出错时显示完整的技术细节（供维护人员使用）。"
    )(func)


def force_option(func: F) -> F:
    return click.option(
        "--force",
        is_flag=True,
        help="输出位置已有同名文件时替换它（默认不覆盖，以免替换已填写的文件）。",
    )(func)


def lang_option(func: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default="zh",
        show_default=True,
        help="提示信息的语言。",
    )(func)


class IsoDate(click.ParamType[str, object]):
    """A day that exists, written YYYY-MM-DD (kept as that text); 2021-02-30 is a usage
    error naming the option and the value."""

    name = "日期"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str:
        from formkit.codes import CODES
        from formkit.dates import is_impossible_date, parse_date

        text = str(value).strip()
        field = param.opts[0] if param is not None and param.opts else "日期"
        if is_impossible_date(text):
            self.fail(CODES["date-impossible"].render("zh", field=field, value=text), param, ctx)
        try:
            return parse_date(text).isoformat()
        except ValueError:
            self.fail(
                CODES["bad-value"].render("zh", field=field, raw=text, kind="日期"), param, ctx
            )


def guarded(func: F) -> F:
    """Turn formkit errors and unexpected failures into one Chinese line and exit 2.

    A traceback is printed only with ``--debug``.
    """

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> Any:
        debug = bool(kwargs.get("debug"))
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except FormkitError as exc:
            _fail(str(exc), debug)
        except KeyboardInterrupt:
            click.echo("已中断。", err=True)
            sys.exit(130)
        except Exception as exc:
            _fail(f"内部错误：{type(exc).__name__}: {exc}（加 --debug 查看详情）", debug)

    return wrapper  # type: ignore[return-value]


def _fail(message: str, debug: bool) -> None:
    if debug:
        traceback.print_exc()
    click.echo(f"formkit：{message}", err=True)
    sys.exit(EXIT_INPUT)
