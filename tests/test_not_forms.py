"""What formkit says of a document that is not one of the programme's forms: 不是本次申报的表单
with the forms it knows, counted apart in every summary (N 个未识别/非申报材料), never 需修改;
``"form": null`` in JSON (issue #13, item 4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from formkit.cli import main
from formkit.cli.batch import batch_cmd
from formkit.model.findings import Finding
from formkit.model.resources import validators_dir
from formkit.pipeline import Options, process_bytes
from formkit.web.views import results_view
from tests.extract import corpus_unrelated as U
from tests.jobs.batch import builders as b

ROOT = Path(__file__).resolve().parent
CLEAN = ROOT.parent / "samples" / "inbox" / "太原市" / "太原样例经济技术开发区"
VALIDATORS = validators_dir()
KNOWN = "申报信息表、绩效目标及评价指标表、两年期实施方案、进展情况报送表、市级推荐文件、绩效自评表"


def _task_book(folder: Path) -> Path:
    path = folder / "项目任务书.docx"
    path.write_bytes(U.task_book()[0])
    return path


def test_an_unrelated_document_is_not_a_form_with_the_forms_known(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(_task_book(tmp_path))])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[1] == (
        "  错误 [form-unknown] 不是本次申报的表单：未找到任何一种申报表单特有的标签或标题"
        f"（可识别的表单：{KNOWN}）"
    )
    assert lines[-1] == "共1个文件：0个可以提交，0个需修改，0个无法读取，1个未识别/非申报材料"


def test_an_english_report_names_the_forms_known_in_english(tmp_path: Path) -> None:
    """The forms known are catalogue words rendered in the report's language (an English
    report listed them in Chinese); a count of one reads right (it said “1 files”)."""
    result = CliRunner().invoke(main, ["check", "--lang", "en", str(_task_book(tmp_path))])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[1].endswith(
        " (forms known: application form, performance targets form, two-year implementation"
        " plan, progress report form, city recommendation letter, performance"
        " self-evaluation form)"
    )
    assert lines[-1] == (
        "Files: 1 — ready: 0, to be changed: 0, unreadable: 0, "
        "not recognised or not application forms: 1"
    )


def test_a_bureaus_own_form_is_listed_by_its_own_title(tmp_path: Path) -> None:
    """A spec formkit does not ship keeps its title (in every language)."""
    specs = tmp_path / "validators"
    shutil.copytree(VALIDATORS, specs)
    spec = specs / "application.yaml"
    spec.write_text(spec.read_text("utf-8").replace("title: 申报信息表", "title: 申报书"), "utf-8")
    for lang in ("zh", "en"):
        args = ["check", "--lang", lang, "--validators", str(specs), str(_task_book(tmp_path))]
        line = CliRunner().invoke(main, args).output.splitlines()[1]
        assert ("申报书、绩效目标及评价指标表" if lang == "zh" else "申报书, performance") in line


def test_check_counts_unrelated_documents_apart_from_forms_to_fix(tmp_path: Path) -> None:
    task_book = _task_book(tmp_path)
    flawed = CLEAN.parent / "太原试点产业园区" / "申报信息表.docx"
    result = CliRunner().invoke(main, ["check", str(CLEAN), str(flawed), str(task_book)])
    assert result.output.splitlines()[-1] == (
        "共5个文件：3个可以提交，1个需修改，0个无法读取，1个未识别/非申报材料"
    )


def test_json_keeps_form_null_for_an_unrelated_document(tmp_path: Path) -> None:
    for command in ("parse", "check"):
        result = CliRunner().invoke(main, [command, "--json", str(_task_book(tmp_path))])
        (obj,) = json.loads(result.output)
        assert obj["form"] is None
        assert [f["code"] for f in obj["findings"]] == ["form-unknown"]


def test_the_web_page_counts_unrelated_documents_apart() -> None:
    data, _ = U.student_application()
    results = process_bytes("申请书.docx", data, Options(isolate=False))
    view = results_view(results)
    assert (view.verdict, view.counts) == ("fix", [("unknown", 1)])  # never counted 需修改
    assert view.files[0].verdict == "unknown"


def test_batch_counts_unrelated_documents_apart(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    data = b.zone("太原样例经济技术开发区", "S140102", "太原市", "清徐县", seed=1)
    b.write(inbox / "太原样例经开区", b.documents(data))
    stray = {"任务书.docx": U.task_book()[0], "申请书.docx": U.student_application()[0]}
    b.write(inbox / "杂项", stray)
    out = tmp_path / "out"
    result = CliRunner().invoke(batch_cmd, [str(inbox), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "2个未识别/非申报材料" in result.output.splitlines()
    html = (out / "report.html").read_text("utf-8")
    assert "；另有2个未识别/非申报材料。" in html


def test_the_forms_known_are_stored_as_words_not_as_chinese_text(tmp_path: Path) -> None:
    """The registry keeps the list of catalogue words, so a batch's English outputs render it
    in English from what it stored."""
    (result,) = process_bytes("任务书.docx", U.task_book()[0], Options(isolate=False))
    (found,) = result.findings
    stored = found.to_data()
    assert stored["params"]["forms_words"][:2] == ["form-application", "form-targets"]
    again = Finding.from_data(json.loads(json.dumps(stored)))
    assert again.message("en") == found.message("en")
    assert again.message() == found.message()
    assert f"（可识别的表单：{KNOWN}）" in again.message()
