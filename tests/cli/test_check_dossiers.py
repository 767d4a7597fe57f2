"""``formkit check`` of a folder: the files are grouped into dossiers the way ``batch`` does and
each dossier gets the province's dossier checks — same codes, wording and places."""

from __future__ import annotations

import copy
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from formkit.cli import main
from formkit.jobs.batch.review import for_review, review
from formkit.jobs.batch.run import run_batch
from formkit.jobs.registry import Registry
from formkit.programme import load_programme
from formkit.spec import load_all
from tests.jobs.batch import builders as b

ROOT = Path(__file__).resolve().parents[2]
INBOX = ROOT / "samples" / "inbox"
PROGRAMME = ROOT / "samples" / "programme.yaml"
ZONE = ("大同演示产业园区", "S140203", "大同市", "云冈区")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def valid() -> dict[str, Any]:
    return copy.deepcopy(b.zone(*ZONE))


def disagreeing() -> dict[str, Any]:
    """500 / 480 / 450 万元 in the three documents, and the zone written three ways."""
    data = valid()
    data["application"]["subsidy_requested"] = 500
    data["targets"]["subsidy"] = 480
    data["plan"]["subsidy_requested"] = 450
    data["plan"]["fund_uses"] = [
        {"use": "直接补助", "amount_wan": 250},
        {"use": "绩效奖励", "amount_wan": 100},
        {"use": "购买服务", "amount_wan": 100},
    ]
    data["targets"]["zone_name"] = "大同演示产业园区（省级）"
    data["plan"]["zone_name"] = "大同市大同演示产业园区"
    return data


def by_file(out: str) -> dict[str, dict[str, Any]]:
    return {Path(o["file"]).name: o for o in json.loads(out)}


def test_a_dossier_whose_documents_disagree_exits_1_naming_each_disagreement_at_its_place(
    tmp_path: Path,
) -> None:
    b.write(tmp_path, b.documents(disagreeing()))
    code, out = run("check", "--json", str(tmp_path))
    assert code == 1, out
    objs = by_file(out)
    targets, plan = objs["绩效目标表.xlsx"], objs["实施方案.docx"]

    def mismatch(obj: dict[str, Any], severity: str, source: str) -> dict[str, Any]:
        (found,) = [
            f
            for f in obj["findings"]
            if f["code"] == "field-mismatch" and f["location"] == obj["sources"][source]
        ]
        assert found["severity"] == severity
        return found

    assert mismatch(targets, "error", "subsidy")["message"] == (
        "“申请省级奖补资金（万元）”在申报信息表中为“500”，在绩效目标及评价指标表中为“480”，两处不一致"
    )
    assert "“450”" in mismatch(plan, "error", "subsidy_requested")["message"]
    assert "大同演示产业园区（省级）" in mismatch(targets, "warning", "zone_name")["message"]
    assert "大同市大同演示产业园区" in mismatch(plan, "warning", "zone_name")["message"]
    (fund,) = [f for f in plan["findings"] if f["code"] == "fund-uses-mismatch"]
    assert fund["location"] == plan["sources"]["fund_uses"] and "450" in fund["message"]
    # one zone, not three: no document is reported missing
    assert not [f for o in objs.values() for f in o["findings"] if f["code"] == "document-missing"]


def test_the_text_report_shows_the_dossier_findings_with_their_places(tmp_path: Path) -> None:
    b.write(tmp_path, b.documents(disagreeing()))
    code, out = run("check", str(tmp_path))
    assert code == 1
    assert "错误 [field-mismatch] 绩效目标!" in out
    assert "在绩效目标及评价指标表中为“480”" in out


def test_a_consistent_dossier_exits_0(tmp_path: Path) -> None:
    b.write(tmp_path, b.documents(valid()))
    code, out = run("check", str(tmp_path))
    assert code == 0, out


def test_a_document_missing_from_the_folder_is_an_error_on_the_dossier(tmp_path: Path) -> None:
    files = b.documents(valid())
    del files["实施方案.docx"]
    b.write(tmp_path, files)
    code, out = run("check", "--json", str(tmp_path))
    assert code == 1
    found = [f for o in json.loads(out) for f in o["findings"]]
    (missing,) = [f for f in found if f["code"] == "document-missing"]
    assert missing["message"] == "未提交“两年期实施方案”"


def test_a_single_file_is_checked_alone(tmp_path: Path) -> None:
    b.write(tmp_path, b.documents(valid()))
    code, out = run("check", "--json", str(tmp_path / "申报信息表.docx"))
    assert code == 0, out
    (obj,) = json.loads(out)
    assert obj["findings"] == []


def _batch_issues(inbox: Path, out: Path, programme: Path | None) -> Counter[tuple[Any, ...]]:
    run_batch(inbox, out, programme=programme, workers=1)
    reg = Registry(out / "formkit.sqlite")
    try:
        prog = load_programme(programme) if programme else None
        rev = review(reg.entries(for_review), prog, load_all())
    finally:
        reg.close()
    issues = [*(i for z in rev.zones for i in z.issues), *rev.other_issues]
    return Counter((i.code, i.severity, i.location, i.message) for i in issues)


@pytest.mark.parametrize("programme", [None, PROGRAMME], ids=["no-programme", "programme"])
def test_on_the_sample_inbox_check_reports_what_batch_reports(
    tmp_path: Path, programme: Path | None
) -> None:
    wanted = _batch_issues(INBOX, tmp_path / "out", programme)
    args = ["check", "--json", "--workers", "1", str(INBOX)]
    code, out = run(*args, *(["--programme", str(programme)] if programme else []))
    assert code == 1
    got = Counter(
        (f["code"], f["severity"], f["location"], f["message"])
        for o in json.loads(out)
        for f in o["findings"]
        if f["severity"] != "info"
    )
    wanted = Counter({k: n for k, n in wanted.items() if k[1] != "info"})
    assert got == wanted
    if programme:
        assert [k for k in got if k[0] == "quota-exceeded"]


def test_batch_keeps_one_zone_written_with_its_city_or_its_level(tmp_path: Path) -> None:
    data = valid()
    data["targets"]["zone_name"] = "大同演示产业园区（省级）"
    data["plan"]["zone_name"] = "大同市 大同演示产业园区"
    b.write(tmp_path / "inbox" / "大同市" / "演示园区", b.documents(data))
    run_batch(tmp_path / "inbox", tmp_path / "out", programme=PROGRAMME, workers=1)
    reg = Registry(tmp_path / "out" / "formkit.sqlite")
    try:
        rev = review(reg.entries(for_review), load_programme(PROGRAMME), load_all())
    finally:
        reg.close()
    (zone,) = rev.zones
    codes = {i.code: i for i in zone.issues}
    assert "document-missing" not in codes and "quota-exceeded" not in codes
    spelled = [i for i in zone.issues if i.code == "field-mismatch"]
    assert {i.severity for i in spelled} == {"warning"} and len(spelled) == 2
    assert any("大同市" in i.message for i in spelled)
    assert zone.status == "通过"


@pytest.mark.parametrize(
    "spelling",
    [
        "大同市大同演示产业园区",
        "山西省大同市大同演示产业园区",
        "大同演示产业园区（省级）",
        "大同演示产业园区(省级)",
        "大同 演示产业园区",
        "大同演示产业园",
    ],
)
def test_spellings_people_write_are_one_zone(spelling: str) -> None:
    from formkit.programme.zonenames import zone_key

    assert zone_key(spelling) == zone_key("大同演示产业园区")


def test_regression_check_skips_what_batch_skips_hidden_folders_locks_and_mac_forks(
    tmp_path: Path,
) -> None:
    """check walked into hidden folders and __MACOSX (it skipped only hidden *names*), so a
    copy in ``.backup/`` became a second version (a false duplicate-version) that batch, which
    skips them, never saw."""
    files = b.documents(valid())
    b.write(tmp_path, files)
    for name, data in files.items():
        for litter in (f".backup/{name}", f"__MACOSX/{name}", f"~${name}"):
            (tmp_path / litter).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / litter).write_bytes(data)
    code, out = run("check", "--json", str(tmp_path))
    assert code == 0, out
    objs = json.loads(out)
    assert sorted(Path(o["file"]).relative_to(tmp_path).as_posix() for o in objs) == sorted(files)
    assert not [f for o in objs for f in o["findings"] if f["code"] == "duplicate-version"]


@pytest.mark.parametrize("given", [".", "./", "../dossier"])
def test_regression_check_of_the_current_folder_finds_its_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """``formkit check .`` (a clerk in the dossier's folder) said the folder held no forms
    (input-no-forms) and exited 2: the forms were named ``申报信息表.docx``, which does not
    start with ``./``."""
    folder = tmp_path / "dossier"
    folder.mkdir()
    b.write(folder, b.documents(valid()))
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["check", given])
    assert result.exit_code == 0, result.output
    assert "未找到可检查的文件" not in result.output


def test_regression_the_versions_not_used_are_listed_in_the_reports_language(
    tmp_path: Path,
) -> None:
    """duplicate-version joined the files not used with 、 when the issue was made, so the
    English report read “a.docx、b.docx”; they are a list, joined in the output's language."""
    files = b.documents(valid())
    b.write(tmp_path, files)
    for age, name in enumerate(["申报信息表-初稿.docx", "申报信息表-二稿.docx"], start=1):
        (tmp_path / name).write_bytes(files["申报信息表.docx"])
        os.utime(tmp_path / name, (1_600_000_000 + age, 1_600_000_000 + age))

    def not_used(lang: str) -> str:
        code, out = run("check", "--json", "--lang", lang, str(tmp_path))
        assert code in (0, 1), out
        (found,) = [
            f for o in json.loads(out) for f in o["findings"] if f["code"] == "duplicate-version"
        ]
        return str(found["message"])

    older = [str(tmp_path / "申报信息表-二稿.docx"), str(tmp_path / "申报信息表-初稿.docx")]
    assert not_used("en").endswith(f"not used: {', '.join(sorted(older))}")
    assert not_used("zh").endswith(f"未采用：{'、'.join(sorted(older))}")
