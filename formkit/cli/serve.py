"""``formkit serve``: the local page to check forms before sending them."""

from __future__ import annotations

import ipaddress
import os

import click

import formkit.programme  # its names load on use (see formkit.programme)
from formkit.cli.common import debug_option, guarded, lang_option
from formkit.cli.zh import Command
from formkit.model.codes import text
from formkit.model.errors import ConfigError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve", cls=Command, help="help-serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="help-host",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="help-port"
)
@click.option(
    "--token",
    envvar="FORMKIT_TOKEN",
    default=None,
    help="help-token",
)
@click.option(
    "--max-file-mb",
    default=20.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="help-max-file-mb",
)
@click.option(
    "--max-request-mb",
    default=50.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="help-max-request-mb",
)
@click.option(
    "--max-files",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    help="help-max-files",
)
@click.option(
    "--workers",
    default=os.cpu_count() or 2,
    show_default=True,
    type=click.IntRange(min=1),
    help="help-serve-workers",
)
@click.option(
    "--timeout",
    "timeout_s",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=1),
    help="help-timeout",
)
@click.option(
    "--memory-mb",
    default=1024,
    show_default=True,
    type=click.IntRange(min=64),
    help="help-memory-mb",
)
@click.option(
    "--validators",
    type=click.Path(exists=True, file_okay=False),
    help="help-validators",
)
@click.option(
    "--programme",
    type=click.Path(exists=True, dir_okay=False),
    help="help-programme-checks",
)
@click.option(
    "--agency",
    envvar="FORMKIT_AGENCY",
    default=None,
    help="help-agency",
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
    """Serve the self-check page (help: help-serve)."""
    try:
        import uvicorn

        # on use, not at the top: saves ~406 ms of start-up (measured)
        from formkit.web.app import Settings, create_app
    except ImportError as exc:
        raise ConfigError("serve-missing-package", package=exc.name) from None
    prog = None
    if programme:
        prog = formkit.programme.load_programme(programme)
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
