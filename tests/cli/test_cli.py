"""The parse/check command contracts: JSON shape, exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from formkit.cli import main
from formkit.intake.isolate import start_method
from formkit.model.codes import CODES
from formkit.spec import load_spec
from formkit.writers.forms import write_forms

ROOT = Path(__file__).resolve().parents[2]
INBOX = ROOT / "samples" / "inbox"
CLEAN = INBOX / "太原市" / "太原样例经济技术开发区"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_clean_dossier_checks_with_exit_0() -> None:
    code, out = run("check", str(CLEAN))
    assert code == 0, out
    assert out.strip().endswith("共3个文件：3个可以提交，0个需修改，0个无法读取")


def test_parse_json_has_the_contract_shape() -> None:
    code, out = run("parse", "--json", str(CLEAN / "申报信息表.docx"))
    assert code == 0
    (obj,) = json.loads(out)
    assert set(obj) == {
        "file",
        "form",
        "layout",
        "fields",
        "indicators",
        "sections",
        "sources",
        "findings",
    }
    assert obj["file"] == str(CLEAN / "申报信息表.docx")
    assert obj["form"] == "application"
    assert obj["fields"]["zone_name"] == "太原样例经济技术开发区"
    assert obj["fields"]["period_start"] == "2020-01"
    assert isinstance(obj["fields"]["subsidy_requested"], int | float)
    assert obj["sources"]["zone_name"].startswith("表1 ")


def test_blank_form_is_incomplete_with_one_finding_per_required_field(tmp_path: Path) -> None:
    write_forms(tmp_path)
    code, out = run("check", "--json", str(tmp_path / "申报信息表.docx"))
    assert code == 1
    (obj,) = json.loads(out)
    missing = [f for f in obj["findings"] if f["code"] == "missing-field"]
    spec = load_spec("application")
    # 开发区代码 is required unless a 省政府批准设立文件文号 is given; a blank form has neither.
    required = [f.label for f in spec.fields if f.required] + [spec.field("zone_code").label]
    assert sorted(f["field"] for f in missing) == sorted(required)
    for f in missing:
        assert f["location"].startswith("表1 第")
        assert f["message"] == f"未填写“{f['field']}”"


def test_findings_give_exit_1_and_name_field_and_place() -> None:
    code, out = run("check", str(INBOX / "太原市" / "太原试点产业园区" / "申报信息表.docx"))
    assert code == 1
    assert "错误 [bad-credit-code] 表1 第17行第3列 “运营主体统一社会信用代码”" in out


def test_unreadable_input_wins_over_findings(tmp_path: Path) -> None:
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip")
    flawed = INBOX / "大同市" / "大同样例工业园区" / "绩效目标及评价指标表.xlsx"
    code, out = run("check", str(flawed), str(broken))
    assert code == 2
    assert "坏文件.docx" in out
    assert "共2个文件：0个可以提交，1个需修改，1个无法读取" in out


def test_missing_file_is_exit_2_with_its_name(tmp_path: Path) -> None:
    code, out = run("check", str(tmp_path / "没有这个文件.docx"))
    assert code == 2
    assert "没有这个文件.docx" in out and "找不到文件" in out


def test_usage_error_is_exit_2() -> None:
    code, _ = run("check")
    assert code == 2


def test_english_messages_with_lang_en() -> None:
    code, out = run(
        "check", "--lang", "en", str(INBOX / "长治市" / "长治样例产业园区" / "两年期实施方案.docx")
    )
    assert code == 1
    assert "the plan lacks the section “责任分工”" in out


@pytest.mark.parametrize(
    "path", sorted(p for p in INBOX.rglob("*") if p.is_file()), ids=lambda p: p.name
)
def test_every_sample_is_recognised(path: Path) -> None:
    code, out = run("parse", "--json", str(path))
    assert code == 0
    assert all(obj["form"] in {"application", "targets", "plan"} for obj in json.loads(out))


def test_regression_plan_fund_uses_that_do_not_add_up_are_found() -> None:
    """The extractor keeps the plan's fund-use table as a list field, not as indicators;
    the rule once looked only at indicators and stayed silent."""
    code, out = run("check", "--json", str(INBOX / "晋中市" / "晋中示范产业园区" / "实施方案.docx"))
    assert code == 1
    (obj,) = json.loads(out)
    assert [f["code"] for f in obj["findings"]] == ["fund-uses-mismatch"]


@pytest.mark.skipif(start_method() != "fork", reason="the patch reaches workers only by fork")
def test_an_internal_defect_is_one_line_exit_2_and_details_only_with_debug(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug in formkit while reading one file: the user sees the file, a one-line reason and
    exit 2; the traceback appears only with --debug (workers are forked, so they see the patch)."""

    def broken(*_args: object) -> None:
        raise ZeroDivisionError("a defect")

    monkeypatch.setattr("formkit.pipeline.analyse", broken)
    target = str(CLEAN / "申报信息表.docx")
    result = CliRunner().invoke(main, ["check", target])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "错误 [internal-error] 处理该文件时发生内部错误（ZeroDivisionError）" in result.output
    debug = CliRunner().invoke(main, ["check", "--debug", target])
    assert debug.exit_code == 2
    assert "Traceback" in debug.stderr and "ZeroDivisionError: a defect" in debug.stderr


def test_parse_exits_2_for_an_unreadable_file_and_0_despite_findings(tmp_path: Path) -> None:
    broken = tmp_path / "截断.xlsx"
    broken.write_bytes(b"PK\x03\x04" + bytes(40))
    code, out = run("parse", "--json", str(broken))
    assert code == 2
    assert json.loads(out)[0]["findings"][0]["code"] == "file-corrupt"
    flawed = INBOX / "太原市" / "太原试点产业园区" / "申报信息表.docx"
    assert run("parse", "--json", "--workers", "1", str(flawed))[0] == 0


def test_where_the_os_cannot_cap_memory_formkit_says_so_when_it_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("formkit.cli.limits_enforced", lambda: False)
    result = CliRunner().invoke(main, ["check", str(CLEAN)])
    assert result.exit_code == 0
    assert (
        result.stderr.splitlines()[0]
        == "提示：本系统无法限制单个文件处理所用的内存，只有处理时间的上限有效"
    )
    monkeypatch.setattr("formkit.cli.limits_enforced", lambda: True)
    assert CliRunner().invoke(main, ["check", str(CLEAN)]).stderr == ""


def test_the_memory_limit_note_follows_the_commands_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("formkit.cli.limits_enforced", lambda: False)
    for args in (["--lang", "en"], ["--lang=en"]):
        result = CliRunner().invoke(main, ["check", str(CLEAN), *args])
        assert result.exit_code == 0
        assert result.stderr.splitlines()[0] == CODES["limits-not-enforced"].render("en")
