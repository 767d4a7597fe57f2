"""The serve command's options and its loopback test (the server itself runs in
test_browser.py and benchmarks/bench_serve.py)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from formkit.cli.serve import is_loopback, serve_cmd


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("127.8.0.1", True), ("0.0.0.0", False), ("192.168.1.5", False), ("forms.example", False)],
)  # fmt: skip
def test_only_loopback_addresses_count_as_this_computer(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_help_names_every_limit_and_the_token() -> None:
    result = CliRunner().invoke(serve_cmd, ["--help"], terminal_width=100)
    assert result.exit_code == 0
    for option in ("--host", "--port", "--token", "--max-file-mb", "--max-request-mb",
                   "--max-files", "--workers", "--timeout", "--memory-mb"):  # fmt: skip
        assert option in result.output
    assert "FORMKIT_TOKEN" in result.output


def test_a_bad_port_is_a_usage_error() -> None:
    result = CliRunner().invoke(serve_cmd, ["--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output
