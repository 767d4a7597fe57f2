"""``--lang`` on every command: each command that prints or writes takes it, its printed lines
and its ``--help`` speak the language, and what it writes for a bureau (workbooks, official
documents, blank forms) does not change (test_lang.py: check, batch, allocate, spec check,
read; tests/jobs/panel/test_lang.py: the panel).

"formkit's own words" as in test_lang.py: a line less its file paths, “quoted” spans, sheet
names and the sample's city names, and less the form's own words a command shows as given
(labels and values read, the file or zone a finding is about)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from formkit.cli import main

from .test_lang import INBOX, PROGRAMME, ROOT, chinese_left

PROGRESS = ROOT / "samples" / "progress"


def run(*args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(main, list(args), prog_name="formkit")
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines(), result.stderr


def data_less(lines: list[str], *paths: Path) -> list[str]:
    """The lines without the paths and the file or zone a finding line names before its
    message."""
    out = []
    for line in lines:
        line = re.sub(r"^(  \[\w+\] )[^:]*: ", r"\1", line)
        for path in paths:
            line = line.replace(str(path), "")
        line = re.sub(r"\S+\.(?:xlsx|docx|yaml|pdf)\b", "", line)  # a file named by its path
        out.append(line)
    return out


def commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in sorted(group.commands.items()):
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


ALL = list(commands(main))


def test_every_command_that_prints_or_writes_takes_lang() -> None:
    """Every command, and the groups too (their --lang is their commands' default)."""
    lacking = []
    for path in ALL:
        command: click.Command = main
        for name in path:
            assert isinstance(command, click.Group)
            command = command.commands[name]
        if "lang" not in {p.name for p in command.params}:
            lacking.append(" ".join(path))
    assert lacking == [] and "lang" in {p.name for p in main.params}
    assert len(ALL) == 16


@pytest.mark.parametrize("path", ALL, ids=" ".join)
def test_help_speaks_the_language_of_lang(path: tuple[str, ...]) -> None:
    code, en, _ = run(*path, "--lang", "en", "--help")
    assert code == 0
    assert en[0].startswith(f"Usage: formkit {' '.join(path)} [OPTIONS]")
    assert chinese_left(en) == []
    code, zh, _ = run(*path, "--help")
    assert code == 0
    assert zh[0].startswith(f"用法： formkit {' '.join(path)} [选项]")
    assert re.search("[\u4e00-\u9fff]", zh[2])  # the command's help, in Chinese


def test_the_group_lists_its_commands_in_english() -> None:
    code, lines, _ = run("--lang", "en", "--help")
    assert code == 0
    assert "  check     Check forms (files, folders or zip archives)." in lines
    assert lines[0] == "Usage: formkit [OPTIONS] COMMAND [ARGS]..."
    assert chinese_left(lines) == []


def test_the_help_after_an_english_one_is_chinese_again() -> None:
    """click caches a command's help option: the language is put back on each run."""
    run("check", "--lang", "en", "--help")
    code, lines, _ = run("check", "--help")
    assert code == 0
    assert any(re.fullmatch(r"  -h, --help +显示本帮助并退出。", line) for line in lines)
    assert any(line.startswith("  --workers 数字") for line in lines)


def test_a_groups_lang_is_its_commands_default(tmp_path: Path) -> None:
    code, lines, _ = run("--lang", "en", "forms", "--out", str(tmp_path / "a"))
    assert code == 0 and lines[0].startswith("Blank forms written to ")
    code, lines, _ = run("--lang", "en", "forms", "--out", str(tmp_path / "b"), "--lang", "zh")
    assert code == 0 and lines[0].startswith("已生成 6 份空白表单")
    code, lines, _ = run("--lang", "en", "spec", "check", str(ROOT / "validators"))
    assert code == 0 and re.search(r" \(fields: \d+\)$", lines[0])  # never "1 fields"
    code, lines, _ = run("--lang", "en", "check", "--help")
    assert "[default: en]" in "".join(lines)
    code, lines, _ = run("check", "--lang", "en", "--help")
    assert "[default: zh]" in "".join(lines)


def test_a_usage_error_in_english_exits_2() -> None:
    code, _, err = run("check", "--lang", "en", "--bogus")
    assert code == 2
    assert err.splitlines()[-1] == "Error: No such option '--bogus'."
    assert chinese_left(err.splitlines()) == []
    code, _, err = run("evaluate", str(PROGRESS), "--lang", "en", "--programme", str(PROGRAMME),
                       "--out", "x", "--date", "2021-02-30")  # fmt: skip
    assert code == 2
    assert err.splitlines()[-1] == (
        "Error: Invalid value for '--date': “--date”: the date “2021-02-30” does not exist"
    )
    code, _, err = run("check", "--bogus")
    assert (code, err.splitlines()[-1]) == (2, "错误：没有 '--bogus' 这个选项。")


def test_regression_a_refusal_under_lang_en_is_english(tmp_path: Path) -> None:
    """guarded printed ``str(exc)``, the Chinese message, whatever --lang said."""
    missing = tmp_path / "nothere.yaml"
    args = ["notice", "funding", "--data", str(missing), "--out", str(tmp_path / "n.docx")]
    code, _, err = run(*args, "--lang", "en")
    assert code == 2
    assert err == (
        f"formkit: {missing}: the notice data file nothere.yaml cannot be read: file not found\n"
    )
    code, _, err = run(*args)
    assert code == 2 and err.startswith(f"formkit：{missing}：")


def test_parse_in_english() -> None:
    plan = INBOX / "长治市" / "长治样例产业园区" / "两年期实施方案.docx"
    code, lines, _ = run("parse", str(plan), "--lang", "en")
    assert code == 0
    assert lines[0] == f"{plan}  two-year implementation plan (sections by heading)"
    assert "  开发区名称: 长治样例产业园区  [paragraph 2]" in lines
    # a value line: the form's label and value, then formkit's place
    places = [line.rsplit("  [", 1)[1] for line in lines[1:] if line.endswith("]")]
    assert len(places) > 5 and chinese_left(places) == []
    parts = [line for line in lines if line.startswith("  part “")]
    assert parts and chinese_left(parts) == []


@pytest.mark.parametrize("command", ["evaluate", "monitor"])
def test_the_cycle_commands_in_english_write_what_they_write_in_chinese(
    command: str, tmp_path: Path
) -> None:
    args = [command, str(PROGRESS), "--programme", str(PROGRAMME)]
    if command == "evaluate":
        args += ["--date", "2022-03-15"]
    zh, zh_lines, _ = run(*args, "--out", str(tmp_path / "zh"))
    en, lines, _ = run(*args, "--out", str(tmp_path / "en"), "--lang", "en")
    assert (zh, en) == (0, 0)
    assert lines[0].startswith(f"Written: {tmp_path / 'en'}")
    assert zh_lines[0].startswith("已生成：")
    counts = [line for line in lines if line.startswith("Errors found: ")]
    assert len(counts) == 1
    findings = [line for line in lines if line.startswith("  [")]
    assert findings and all(re.match(r"  \[(error|warning)\] ", line) for line in findings)
    assert chinese_left(data_less(lines, tmp_path, PROGRESS)) == []
    # the workbook is the bureau's document: the same words in either language
    for path in (tmp_path / "zh").iterdir():
        if path.suffix == ".yaml":
            assert path.read_bytes() == (tmp_path / "en" / path.name).read_bytes()


def test_forms_in_english_names_the_chinese_forms_it_wrote(tmp_path: Path) -> None:
    code, lines, _ = run("forms", "--out", str(tmp_path / "en"), "--lang", "en")
    assert code == 0
    assert lines[0] == f"Blank forms written to {tmp_path / 'en'} (6):"
    assert "  申报信息表.docx" in lines
    assert chinese_left(data_less(lines, tmp_path)) == []
    code, zh, _ = run("forms", "--out", str(tmp_path / "zh"))
    assert code == 0 and zh[0] == f"已生成 6 份空白表单，保存在 {tmp_path / 'zh'}："


def test_notice_in_english_writes_the_chinese_document(tmp_path: Path) -> None:
    data = ROOT / "samples" / "notices" / "funding.yaml"
    for lang in ("zh", "en"):
        out = tmp_path / lang / "资金下达通知.docx"
        code, lines, _ = run("notice", "funding", "--data", str(data), "--out", str(out),
                             "--lang", lang)  # fmt: skip
        assert code == 0
        assert lines == [f"{'Written: ' if lang == 'en' else '已生成：'}{out}"]


def test_spec_draft_in_english(tmp_path: Path) -> None:
    assert run("forms", "--out", str(tmp_path / "forms"))[0] == 0
    blank = tmp_path / "forms" / "绩效目标及评价指标表.xlsx"
    code, lines, _ = run("spec", "draft", str(blank), "--out", str(tmp_path / "spec"),
                         "--lang", "en")  # fmt: skip
    assert code == 0
    assert re.fullmatch(
        rf"drafted {tmp_path}/spec/\w+\.yaml: fields: \d+, points to review: \d+ .*", lines[0]
    )
    assert chinese_left(data_less(lines, tmp_path)) == []


def _refusal(url: str) -> urllib.error.HTTPError:
    """The HTTP error ``url`` answers with, once the server is up."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
        except urllib.error.HTTPError as exc:
            return exc
        except urllib.error.URLError:
            time.sleep(0.1)
    raise AssertionError(f"no refusal from {url}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_in_english_says_where_it_listens_and_its_404_is_english() -> None:
    port = _free_port()
    command = [sys.executable, "-m", "formkit", "serve", "--port", str(port), "--workers", "1",
               "--lang", "en"]  # fmt: skip
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line == f"formkit self-check: http://127.0.0.1:{port}/  (press Ctrl+C to stop)\n"
        answer = _refusal(f"http://127.0.0.1:{port}/forms/none")
        assert answer.code == 404
        assert answer.read().decode() == "No such blank form"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if proc.stderr is not None:
            proc.stderr.close()


# --- words that were Chinese literals in the code, now catalogue lines ---------------------


def test_regression_a_bad_amount_of_a_notice_item_is_named_in_each_language(
    tmp_path: Path,
) -> None:
    """notice_data built ``allocations 第2项 amount`` in the code: English said it in Chinese."""
    data = (ROOT / "samples" / "notices" / "funding.yaml").read_text("utf-8")
    bad = tmp_path / "funding.yaml"
    bad.write_text(data.replace("amount: 450.5", "amount: 很多"), "utf-8")
    args = ["notice", "funding", "--data", str(bad), "--out", str(tmp_path / "n.docx")]
    code, _, err = run(*args, "--lang", "en")
    assert code == 2
    assert "notice data “allocations, item 2, amount”: must be an amount" in err
    code, _, err = run(*args)
    assert code == 2
    assert "公文数据“allocations 第2项 amount”有误：应为金额（万元），现为 '很多'" in err


def test_a_file_whose_content_is_another_kind_is_named_in_each_language() -> None:
    from formkit.intake.gate import inspect
    from tests.intake import hostile

    note = inspect(hostile.ordinary_pdf(), "申报表.docx").notes[0]
    assert note.message("zh") == "文件扩展名为 .docx，但内容是 .pdf 文件，已按实际内容读取"
    assert note.message("en") == (
        "the file's extension does not match its content (.docx, but the content is a .pdf "
        "file); read by content"
    )


def test_the_other_words_moved_out_of_the_code_follow_lang() -> None:
    """The params the code now gives (NAME_word) render in each language."""
    from formkit.model.findings import finding
    from formkit.web.uploads import UploadRefused

    unnamed = finding("progress-unknown-zone", zone_word="not-given")
    assert unnamed.message("zh") == "进展情况报送表的开发区“（未填写）”不在支持名单中，未登记"
    assert unnamed.message("en") == (
        "progress report of “(not filled in)”, which is not on the approved list; not stored"
    )
    cut = UploadRefused(400, "upload-malformed", detail_word="upload-unterminated")
    assert cut.message == "上传内容不完整或格式有误（未收到结束分隔符），请重新上传"
    assert cut.message_in("en") == (
        "the upload is incomplete or malformed (the closing boundary never came)"
    )
