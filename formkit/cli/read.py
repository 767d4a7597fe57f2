"""``formkit read``: what the readers saw in each file (tables, paragraphs, headers)."""

from __future__ import annotations

import json
import os
import sys

import click

from formkit.cli.common import debug_option, guarded, lang_option
from formkit.pipeline import Options
from formkit.pipeline.reading import read_files, render_text


@click.command("read")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（每个文件一个对象）。")
@lang_option
@debug_option
@guarded
def read_cmd(files: tuple[str, ...], as_json: bool, lang: str, debug: bool) -> None:
    """显示读取到的内容：表格单元格、段落、页眉页脚，用于查明表单为何未能识别。

    退出码：0 全部读取；2 有文件无法读取或用法错误。
    """
    readings = read_files(files, Options(workers=len(os.sched_getaffinity(0))))
    if as_json:
        payload = [r.to_dict(lang) for r in readings]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(readings, lang), nl=False)
    sys.exit(2 if any(r.unreadable for r in readings) else 0)
