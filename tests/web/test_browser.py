"""The page in a real browser (Debian's Chromium, headless, driven by Playwright): upload a
flawed form and see its findings; upload a zip bomb and see a clear refusal; the page
still works afterwards. Skipped with a reason when Chromium or Playwright is missing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from formkit.writers.forms import BLANK_FORMS
from tests.intake import hostile

from .conftest import BAD_CREDIT_CODE, MISSING_DIMENSION

CHROMIUM = Path(os.environ.get("FORMKIT_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Chromium not installed ({CHROMIUM})"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"formkit serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url + "healthz", timeout=1) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("formkit serve did not start")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``formkit serve`` in its own process on a free loopback port."""
    port = free_port()
    command = [
        sys.executable, "-c", "from formkit.cli.serve import serve_cmd; serve_cmd()",
        "--port", str(port), "--workers", "2", "--max-file-mb", "2",
    ]  # fmt: skip
    env = {**os.environ, "TMPDIR": str(tmp_path_factory.mktemp("serve-tmp"))}
    proc = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        assert proc.stderr is not None
        proc.stderr.close()


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        tab = browser.new_page()
        tab.goto(server)
        yield tab
        browser.close()


def choose(page: Any, *files: tuple[str, bytes]) -> None:
    payload = [{"name": n, "mimeType": "application/octet-stream", "buffer": d} for n, d in files]
    page.set_input_files("#files", payload)


def test_the_page_offers_a_drop_zone_the_limits_and_the_blank_forms(page: Any) -> None:
    assert page.title() == "表单自查 · formkit"
    assert page.locator("#drop").is_visible()
    assert "每个文件不超过 2 MB" in page.inner_text(".limits")
    links = page.locator("#blank a")
    assert links.count() == len(BLANK_FORMS)
    with page.expect_download() as download:
        links.first.click()
    assert download.value.suggested_filename == "申报信息表.docx"


def test_a_flawed_form_shows_its_findings_with_field_place_and_hint(page: Any) -> None:
    choose(page, (BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()))
    finding = page.locator("li[data-code=bad-credit-code]")
    finding.wait_for(timeout=20_000)
    assert "需修改" in page.inner_text(".summary")
    text = finding.inner_text()
    assert "不是有效的统一社会信用代码" in text
    assert "栏目：运营主体统一社会信用代码" in text and "位置：表1" in text
    assert "如何修改：" in text
    assert page.inner_text("article .form").startswith("申报信息表")


def test_a_zip_bomb_gets_a_clear_refusal_and_the_page_still_works(page: Any) -> None:
    choose(page, ("炸弹.zip", hostile.zip_bomb(1024)))
    page.locator("article.unreadable").wait_for(timeout=20_000)
    article = page.inner_text("article.unreadable")
    assert "无法读取" in article and "疑似压缩炸弹" in article
    choose(page, (MISSING_DIMENSION.name, MISSING_DIMENSION.read_bytes()))
    page.locator("li[data-code=dimension-missing]").first.wait_for(timeout=20_000)
    assert "绩效目标及评价指标表" in page.inner_text("article .form")


def test_an_oversized_file_is_refused_before_sending_and_by_the_server(
    page: Any, server: str
) -> None:
    choose(page, ("大文件.docx", bytes(3 * 1024 * 1024)))
    page.locator(".refusal").wait_for(timeout=10_000)
    assert "超过 2 MB 的上限" in page.inner_text(".refusal")
    page.evaluate("document.getElementById('upload').dataset.maxFile = '99999999'")
    choose(page, ("大文件.docx", bytes(3 * 1024 * 1024)))
    page.locator(".refusal").wait_for(timeout=10_000)
    page.wait_for_function("!document.getElementById('upload').hasAttribute('aria-busy')")
    assert "文件“大文件.docx”超过 2 MB 的上限，未检查" in page.inner_text(".refusal")
    choose(page, (BAD_CREDIT_CODE.name, BAD_CREDIT_CODE.read_bytes()))
    page.locator("li[data-code=bad-credit-code]").wait_for(timeout=20_000)
