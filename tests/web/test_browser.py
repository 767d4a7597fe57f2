"""The page in a real browser (Debian's Chromium, headless, driven by Playwright), clicked the
way a clerk clicks: choose files (or drop them), then 检查. Each test asserts what the clerk
sees — the files' names and their findings. One browser and one ``formkit serve`` for the
whole module; a fresh English-locale tab per test, so nothing the page shows can come from
the browser's language. Skipped with a reason when Chromium or Playwright is missing."""

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

from .conftest import BAD_CREDIT_CODE, MISSING_DIMENSION, english_words

CHROMIUM = Path(os.environ.get("FORMKIT_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
AGENCY = "山西省小企业发展促进局"
WAIT = 30_000  # ms; a check takes about a second, the margin is for a loaded machine

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Chromium not installed ({CHROMIUM})"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

APPLICATION = ("太原试点-申报信息表.docx", BAD_CREDIT_CODE.read_bytes())
TARGETS = ("大同样例-绩效目标及评价指标表.xlsx", MISSING_DIMENSION.read_bytes())
BAD_CODE_TEXT = "不是有效的统一社会信用代码"
NO_DIMENSION_TEXT = "一级指标“辐射带动力”下没有任何指标"


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
        "--port", str(port), "--workers", "2", "--max-file-mb", "2", "--agency", AGENCY,
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
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh tab of an English-locale browser on the page."""
    context = browser.new_context(locale="en-US")
    tab = context.new_page()
    tab.goto(server)
    yield tab
    context.close()


def choose(page: Any, *files: tuple[str, bytes]) -> None:
    """What the clerk's file dialog does: the chosen files land in the page's file input."""
    payload = [{"name": n, "mimeType": "application/octet-stream", "buffer": d} for n, d in files]
    page.set_input_files("#files", payload)


def check(page: Any) -> str:
    """Click 检查 and wait for the answer; the text of the results block."""
    page.click("#check")
    page.locator("#upload:not([aria-busy])").wait_for(timeout=WAIT)
    page.locator("#results .summary, #results .refusal").wait_for(timeout=WAIT)
    return str(page.inner_text("#results"))


def shown_names(page: Any) -> list[str]:
    return [str(n) for n in page.locator("#results article .name").all_inner_texts()]


def test_pick_then_check_shows_each_file_with_its_findings(page: Any) -> None:
    choose(page, APPLICATION, ("炸弹.zip", hostile.zip_bomb(1024)))
    assert page.inner_text("#chosen").count(".zip") == 1 and APPLICATION[0] in page.inner_text(
        "#chosen"
    )
    results = check(page)
    assert shown_names(page) == [APPLICATION[0], "炸弹.zip"]
    assert "需修改：共2个文件，其中1个需修改，1个无法读取。" in results
    finding = page.locator("li[data-code=bad-credit-code]").inner_text()
    assert BAD_CODE_TEXT in finding
    assert "栏目：运营主体统一社会信用代码" in finding and "位置：表1" in finding
    assert "如何修改：" in finding
    bomb = page.inner_text("article.unreadable")
    assert "无法读取" in bomb and "疑似压缩炸弹" in bomb


def test_check_clicked_again_after_a_check_shows_the_same_files_again(page: Any) -> None:
    choose(page, APPLICATION)
    page.wait_for_load_state("networkidle")  # had choosing started a check, it is over now
    first = check(page)
    assert "没有收到文件" not in first and BAD_CODE_TEXT in first
    page.click("#check")  # what every clerk does: check once more
    again = check(page)
    assert "没有收到文件" not in again and "未检查" not in again
    assert shown_names(page) == [APPLICATION[0]] and BAD_CODE_TEXT in again


def test_new_files_never_show_the_old_files_results(page: Any) -> None:
    choose(page, APPLICATION)
    assert BAD_CODE_TEXT in check(page)
    choose(page, TARGETS)
    assert page.inner_text("#results").strip() == ""  # A's results went with A
    assert TARGETS[0] in page.inner_text("#chosen") and APPLICATION[0] not in page.inner_text(
        "#chosen"
    )
    results = check(page)
    assert shown_names(page) == [TARGETS[0]]
    assert NO_DIMENSION_TEXT in results and BAD_CODE_TEXT not in results


def test_an_older_answer_never_replaces_a_newer_one(page: Any) -> None:
    held: list[Any] = []

    def hold_first_check(route: Any) -> None:
        # the first check's POST only: a request the browser makes meanwhile (the page's
        # icon) held instead would let A's answer through (timed out once on a clean clone)
        if route.request.method == "POST" and not held:
            held.append(route)
        else:
            route.continue_()

    page.route("**/*", hold_first_check)
    choose(page, APPLICATION)
    page.click("#check")  # A's answer is held back by the route...
    page.locator("#upload[aria-busy]").wait_for(timeout=WAIT)
    choose(page, TARGETS)
    results = check(page)  # ...B is checked meanwhile...
    assert shown_names(page) == [TARGETS[0]]
    held[0].continue_()  # ...and A's answer arrives after B's
    page.wait_for_timeout(1500)
    assert shown_names(page) == [TARGETS[0]] and NO_DIMENSION_TEXT in results
    assert BAD_CODE_TEXT not in page.inner_text("#results")


def test_dropped_files_are_checked_when_the_clerk_clicks_check(page: Any) -> None:
    files = [(name, list(data)) for name, data in (APPLICATION, TARGETS)]
    page.evaluate(
        """(files) => {
            const transfer = new DataTransfer();
            for (const [name, bytes] of files) {
                transfer.items.add(new File([new Uint8Array(bytes)], name));
            }
            const zone = document.getElementById("drop");
            for (const type of ["dragenter", "dragover", "drop"]) {
                zone.dispatchEvent(new DragEvent(type, {
                    dataTransfer: transfer, bubbles: true, cancelable: true,
                }));
            }
        }""",
        files,
    )
    assert page.locator("#chosen li").all_inner_texts() == [APPLICATION[0], TARGETS[0]]
    results = check(page)
    assert shown_names(page) == [APPLICATION[0], TARGETS[0]]
    assert BAD_CODE_TEXT in results and NO_DIMENSION_TEXT in results


def test_a_file_over_the_limit_is_refused_by_the_page_and_by_the_server(page: Any) -> None:
    big = ("大文件.docx", bytes(3 * 1024 * 1024))
    choose(page, big)
    assert check(page).strip() == "未检查：文件“大文件.docx”超过 2 MB 的上限，未检查"
    page.evaluate("document.getElementById('upload').dataset.maxFile = '99999999'")
    page.click("#check")  # the page's own limit lifted: now the server refuses it
    assert check(page).strip() == "未检查：文件“大文件.docx”超过 2 MB 的上限，未检查"
    choose(page, APPLICATION)
    assert BAD_CODE_TEXT in check(page)


def test_without_javascript_the_form_posts_and_the_answer_shows_the_results(
    browser: Any, server: str
) -> None:
    context = browser.new_context(locale="en-US", java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(server)
        choose(tab, APPLICATION, TARGETS)
        with tab.expect_navigation():
            tab.click("#check")
        assert shown_names(tab) == [APPLICATION[0], TARGETS[0]]
        results = tab.inner_text("#results")
        assert "需修改：共2个文件，均需修改。" in results
        assert BAD_CODE_TEXT in results and NO_DIMENSION_TEXT in results
        choose(tab, ("大文件.docx", bytes(3 * 1024 * 1024)))
        with tab.expect_navigation():
            tab.click("#check")
        refusal = tab.inner_text("#results").strip()
        assert refusal == "未检查：文件“大文件.docx”超过 2 MB 的上限，未检查"
    finally:
        context.close()


def test_the_page_is_the_bureaus_own_and_speaks_only_chinese(page: Any, server: str) -> None:
    assert page.title() == f"申报材料自查 · {AGENCY}"
    assert page.inner_text(".banner .agency") == AGENCY
    assert page.locator("#pick").inner_text() == "选择文件" and page.is_visible("#pick")
    native = page.locator("#files").bounding_box()  # its button speaks the browser's language
    assert native["width"] <= 1 and native["height"] <= 1
    icon = page.request.get(server + "favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/svg+xml"
    href = page.get_attribute("link[rel=icon]", "href")
    assert page.request.get(server.rstrip("/") + href).status == 200
    assert english_words(page.inner_text("body")) == []
    choose(page, APPLICATION, TARGETS)
    assert english_words(page.inner_text("body")) == []
    check(page)
    assert english_words(page.inner_text("body")) == []
    links = page.locator("#blank a")
    assert links.count() == len(BLANK_FORMS)
    with page.expect_download() as download:
        links.first.click()
    assert download.value.suggested_filename == "申报信息表.docx"
