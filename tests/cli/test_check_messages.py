"""The command line speaks the clerk's language: click's usage errors in Chinese, a 如何修改
line under each finding, the cell to fill named, nothing to check said so (exit 2), approximate
figures and credit codes Excel turned into numbers warned about, ``parse`` printing what it
read — and no English word in any Chinese message."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from formkit.cli import main
from formkit.cli.spec import spec_group
from formkit.model.codes import CLICK_ZH, CODES, REPORT_TEXTS
from formkit.spec import KINDS, load_spec
from formkit.writers.forms import write_forms
from formkit.writers.forms_docx import application_docx
from formkit.writers.forms_xlsx import application_xlsx
from formkit.writers.notice import KINDS as NOTICE_KINDS
from tests.jobs.batch import builders as b

ROOT = Path(__file__).resolve().parents[2]
BAD_CODE = ROOT / "samples" / "inbox" / "太原市" / "太原试点产业园区" / "申报信息表.docx"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), prog_name="formkit")
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def application() -> dict[str, Any]:
    return copy.deepcopy(
        b.zone("太原样例经济技术开发区", "S140102", "太原市", "清徐县")["application"]
    )


# --- click's messages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["check"], "错误：缺少参数 '路径...'"),
        (["chek"], "错误：没有 'chek' 这个命令。 是否要输入 'check'？"),
        (["allocate", "--out", "x"], "错误：缺少选项 '--programme'"),
        (["check", "--nope", "x"], "错误：没有 '--nope' 这个选项。"),
        (["check", "--lang", "fr", "x"], "错误：'--lang' 的值无效：'fr' 不在可选值"),
    ],
    ids=["missing-argument", "no-such-command", "missing-option", "no-such-option", "choice"],
)
def test_usage_errors_are_chinese_and_exit_2(args: list[str], wanted: str) -> None:
    code, out = run(*args)
    assert code == 2
    assert wanted in out
    assert "用法： formkit" in out and "查看帮助" in out
    assert not re.search(r"\b(Usage|Error|Missing|Try|such|mean)\b", out)


def test_help_is_chinese() -> None:
    code, out = run("check", "--help")
    assert code == 0
    assert "用法： formkit check [选项] 路径..." in out
    assert "显示本帮助并退出。" in out and "[默认：zh]" in out
    assert "Show this message" not in out and "Options" not in out


# --- the text report ---------------------------------------------------------------------------


def test_each_finding_carries_its_how_to_fix_line() -> None:
    code, out = run("check", str(BAD_CODE))
    assert code == 1
    lines = out.splitlines()
    at = next(n for n, line in enumerate(lines) if "[bad-credit-code]" in line)
    assert lines[at + 1] == f"    如何修改：{CODES['bad-credit-code'].hint}"


def test_a_form_whose_layout_was_not_told_has_no_made_up_label() -> None:
    from formkit.model.record import Record
    from formkit.pipeline import FileResult
    from formkit.pipeline.report_text import render_results

    result = FileResult("申报信息表.docx", "application", Record("application", "unknown"))
    head = render_results([result]).splitlines()[0]
    assert head == "申报信息表.docx  申报信息表"


def test_missing_field_names_the_cell_to_fill_not_the_label(tmp_path: Path) -> None:
    write_forms(tmp_path)
    for name, wanted in (
        ("申报信息表.docx", "表1 第2行第3列"),
        ("申报信息表.xlsx", "申报信息表!C4"),
    ):
        code, out = run("check", "--json", str(tmp_path / name))
        assert code == 1
        (obj,) = json.loads(out)
        (city,) = [f for f in obj["findings"] if f["field"] == "所属市"]
        assert city["code"] == "missing-field" and city["location"] == wanted, name


def test_an_empty_folder_is_exit_2_with_nothing_to_check(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert f"未找到可检查的文件：{tmp_path} 中没有表单文件" in result.output
    assert "共 0 个文件" not in result.output


def test_a_folder_without_form_files_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "说明.txt").write_text("材料稍后补交", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "未找到可检查的文件" in result.output


def test_approximate_figures_are_read_but_warned(tmp_path: Path) -> None:
    data = application()
    data.update(subsidy_requested="约600", enterprises_total="近百家", capital_partners="超过30家")
    path = tmp_path / "申报信息表.docx"
    path.write_bytes(application_docx(load_spec("application"), data))
    code, out = run("check", "--json", str(path))
    (obj,) = json.loads(out)
    warned = {f["field"]: f for f in obj["findings"] if f["code"] == "value-approximate"}
    assert set(warned) == {
        "申请省级奖补资金（万元）",
        "入驻企业数（家）",
        "合作资本服务机构数（个）",
    }
    assert {f["severity"] for f in warned.values()} == {"warning"}
    assert (
        warned["入驻企业数（家）"]["message"]
        == "“入驻企业数（家）”填写的是约数“近百家”，暂按100读取"
    )
    assert obj["fields"]["subsidy_requested"] == 600 and obj["fields"]["enterprises_total"] == 100
    assert code == 0, out  # warnings only
    _, text = run("check", str(path))
    assert "请填写确数" in text


def test_a_credit_code_excel_stored_as_a_number_gets_its_own_message(tmp_path: Path) -> None:
    data = application()
    book = openpyxl.load_workbook(io.BytesIO(application_xlsx(load_spec("application"), data)))
    (cell,) = [
        c
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value == data["operator_credit_code"]
    ]
    cell.value = 9.11402001234568e17
    path = tmp_path / "申报信息表.xlsx"
    book.save(path)
    code, out = run("check", "--json", str(path))
    assert code == 1
    (obj,) = json.loads(out)
    (found,) = [f for f in obj["findings"] if f["field"] == "运营主体统一社会信用代码"]
    assert found["code"] == "credit-code-number"
    assert found["location"] == f"{cell.parent.title}!{cell.coordinate}"
    assert "已丢失位数" in found["message"]
    _, text = run("check", str(path))
    assert "设为“文本”格式" in text


def test_parse_without_json_prints_label_value_and_place() -> None:
    code, out = run("parse", str(BAD_CODE))
    assert code == 0
    assert "  开发区名称：太原试点产业园区  [表1 第3行第3列]" in out.splitlines()
    assert "  是否位于小微企业创业创新基地示范县：否  [表1 第10行第5列]" in out.splitlines()


# --- no English in Chinese messages ------------------------------------------------------------

# What may stand in Chinese text: placeholders, product and format names, file extensions,
# option names and paths a clerk types, config keys in brackets, an example address.
ALLOWED = re.compile(
    r"\{[^}]*\}|%\([a-z]+\)s|--[a-z-]+|\.(?:docx|xlsx|pdf|zip|xlsb|odt|ods)\b|"
    r"\b(?:Word|WPS|Excel|PDF|LibreOffice|VBA|ToUnicode|cid|MB|UTF-8|YAML|JSON|formkit|SHA-256)\b|"
    # what a file really is (file-unknown-type's type-… lines)
    r"\b(?:PowerPoint|OpenDocument|Office|PNG|JPEG|GIF|BMP|TIFF|Windows|Linux|HTML|RTF)\b|"
    r"\b(?:gzip|bzip2|xz)\b|"
    r"[\w-]+(?:/[\w.-]+)+|[a-z]+\.[a-z]+|（[a-z_]+）|\([a-z_]+\)|[\w.]+@[\w.]+|"
    r"libreoffice-writer-nogui|"
    r"pip install '[^']*'"  # a command to type
)
# messages for a program calling the JSON interface, not for a clerk (the page's own token
# texts are issue 11 item 3, another change)
API_ONLY = {"upload-not-multipart", "token-missing"}


# What a bureau's clerk types in a spec or programme.yaml, and the commands: the messages about
# those files must name them as typed (snake_case field keys are allowed by ALLOWED_KEY).
SPEC_WORDS = {
    *KINDS,
    *("form", "schema", "title", "sections", "meta", "label", "aliases", "kind", "unit"),
    "section",
    *("hint", "example", "type", "required", "allowed", "min", "max", "regex", "Cerberus"),
    *("panel", "criteria", "figures", "targets", "CSV", "GBK", "sqlite", "YYYY", "MM", "DD"),
    *main.commands,  # type: ignore[attr-defined]
    *spec_group.commands,
}
ALLOWED_KEY = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
# What --help names besides (help-* lines): option values, folders, keys and keys to press
HELP_WORDS = {
    *NOTICE_KINDS,
    *("zh", "en", "README", "validators", "templates", "yaml", "zip", "CPU", "SQLite"),
    *("POST", "docs", "Ctrl", "FORMKIT", "TOKEN", "token", "agency"),
}


def english_words(text: str, allowed: set[str] = SPEC_WORDS) -> list[str]:
    words = re.findall(r"[A-Za-z]{2,}", ALLOWED.sub("", ALLOWED_KEY.sub("", text)))
    return [w for w in words if w not in allowed]


def test_no_english_word_in_any_chinese_message() -> None:
    texts = {
        **{f"{c.code}.zh": c.zh for c in CODES.values() if c.code not in API_ONLY},
        **{f"{c.code}.hint": c.hint for c in CODES.values() if c.code not in API_ONLY},
        **{f"click:{k}": v for k, v in CLICK_ZH.items()},
        **{f"report:{k}": zh for k, (zh, _) in REPORT_TEXTS.items()},
    }
    leaks = {
        where: words
        for where, text in texts.items()
        if (words := english_words(text, _allowed(where)))
    }
    assert leaks == {}


def _allowed(where: str) -> set[str]:
    return SPEC_WORDS | HELP_WORDS if where.startswith("report:help-") else SPEC_WORDS
