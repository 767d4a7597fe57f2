"""``formkit serve``: the local page to check forms before sending them."""

from __future__ import annotations

import ipaddress
import os

import click

from formkit.cli.common import debug_option, guarded, lang_option
from formkit.model.codes import text
from formkit.programme import load_programme


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="监听地址。默认只接受本机访问；在内网提供服务时请同时设置 --token。",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="监听端口。"
)
@click.option(
    "--token",
    envvar="FORMKIT_TOKEN",
    default=None,
    help="访问口令（也可用环境变量 FORMKIT_TOKEN）。浏览器打开 /?token=口令 一次即可。",
)
@click.option(
    "--max-file-mb",
    default=20.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="每个上传文件的大小上限（MB）。",
)
@click.option(
    "--max-request-mb",
    default=50.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="每次上传的总大小上限（MB）。",
)
@click.option(
    "--max-files",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    help="每次上传的文件个数上限。",
)
@click.option(
    "--workers",
    default=os.cpu_count() or 2,
    show_default=True,
    type=click.IntRange(min=1),
    help="同时检查的文件数（工作进程数）。",
)
@click.option(
    "--timeout",
    "timeout_s",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=1),
    help="每个文件的处理时间上限（秒）。",
)
@click.option(
    "--memory-mb",
    default=1024,
    show_default=True,
    type=click.IntRange(min=64),
    help="每个工作进程的内存上限（MB）。",
)
@click.option(
    "--validators",
    type=click.Path(exists=True, file_okay=False),
    help="使用自定义的表单规格目录（默认使用内置 validators/）。",
)
@click.option(
    "--programme",
    type=click.Path(exists=True, dir_okay=False),
    help="项目配置文件（programme.yaml），启用目录、地市等核对。",
)
@click.option(
    "--agency",
    envvar="FORMKIT_AGENCY",
    default=None,
    help="页面顶部显示的机关名称（默认取 --programme 中的 agency）。",
)
@lang_option
@debug_option
@guarded
def serve_cmd(
    host: str,
    port: int,
    token: str | None,
    max_file_mb: float,
    max_request_mb: float,
    max_files: int,
    workers: int,
    timeout_s: float,
    memory_mb: int,
    validators: str | None,
    programme: str | None,
    agency: str | None,
    lang: str,
    debug: bool,
) -> None:
    """启动表单自查网页：选好文件后点“检查”，即可看到与 formkit check 相同的结果，并提供 JSON 接口
    POST /api/check（说明见 /docs）。按 Ctrl+C 停止。

    上传的文件只在临时文件夹中处理，检查完立即删除。
    """
    try:
        import uvicorn

        # on use, not at the top: saves ~406 ms of start-up (measured)
        from formkit.web.app import Settings, create_app
    except ImportError as exc:
        raise click.ClickException(
            f"缺少网页服务所需的软件包（{exc.name}）：请安装 pip install 'formkit[serve]'"
        ) from None
    prog = None
    if programme:
        prog = load_programme(programme)
    if not is_loopback(host) and not token:
        click.echo(text("serve-open", lang, host=host), err=True)
    settings = Settings(
        host=host,
        port=port,
        token=token or None,
        max_file_mb=max_file_mb,
        max_request_mb=max_request_mb,
        max_files=max_files,
        workers=workers,
        timeout_s=timeout_s,
        memory_mb=memory_mb,
        validators=validators,
        programme=prog,
        agency=agency or None,
        lang=lang,
    )
    shown = f"[{host}]" if ":" in host else host
    url, keys = f"http://{shown}:{port}/", "Ctrl+C"
    click.echo(text("serve-listening", lang, url=url, keys=keys), err=True)
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=True,
        server_header=False,
        date_header=False,
    )
