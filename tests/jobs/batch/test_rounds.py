"""batch --round 2 against round 1: each earlier finding 已整改 or 未整改, new ones 新发现,
changed values and replaced documents, in the opinion's 上轮意见整改情况 and 汇总表's 轮次对比."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from formkit.jobs.batch.run import run_batch
from formkit.model.codes import CODES
from formkit.model.findings import Finding

from . import builders as b
from .conftest import PROGRAMME, ZONES

NAME, CODE, CITY, COUNTY = ZONES["amounts"]


def _inboxes(root: Path) -> tuple[Path, Path, str, str]:
    data = b.zone(NAME, CODE, CITY, COUNTY, seed=6)
    good = data["application"]["operator_credit_code"]
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    data["plan"]["fund_uses"][0]["amount_wan"] -= 50  # not fixed in round 2
    first = {**data, "application": {**data["application"], "operator_credit_code": bad}}
    b.write(root / "r1" / NAME, b.documents(first))
    second = dict(data)
    second["targets"] = {
        **data["targets"],
        "indicators": [r for r in data["targets"]["indicators"] if r["dimension"] != "辐射带动力"],
    }
    b.write(root / "r2" / NAME, b.documents(second))
    return root / "r1", root / "r2", bad, good


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    root = tmp_path_factory.mktemp("rounds")
    first, second, bad, good = _inboxes(root)
    out = root / "out"
    run_batch(first, out, programme=PROGRAMME, workers=1)
    run_batch(second, out, programme=PROGRAMME, workers=1, round_no=2)
    return out, bad, good


def _section(out: Path) -> list[str]:
    path = out / "审核意见" / CITY / f"{NAME}.docx"
    text = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    start = text.index("四、上轮意见整改情况")
    end = next(n for n, t in enumerate(text) if n > start and not t[0].isdigit())
    return text[start + 1 : end]


def _expected(bad: str, good: str) -> list[str]:
    return [
        "1.【未整改】两年期实施方案（表1第1行第1列）：资金使用方向各项金额合计350万元，"
        "与“申请省级奖补资金（万元）”所填的400万元不一致",
        "2.【已整改】申报信息表（表1第17行第3列）：“运营主体统一社会信用代码”不是有效的"
        f"统一社会信用代码：{bad}（校验位错误，按前17位计算应为 {good[-1]}）",
        "3.【新发现】绩效目标及评价指标表（评价指标!A13）：一级指标“辐射带动力”下没有任何指标",
        f"4.【数据变更】申报信息表（表1第17行第3列）“运营主体统一社会信用代码”：{bad} → {good}",
        f"5.【更换材料】申报信息表：{NAME}/申报信息表.docx",
        f"6.【更换材料】绩效目标及评价指标表：{NAME}/绩效目标表.xlsx",
    ]


def test_the_round_2_opinion_says_what_was_fixed_what_not_and_what_is_new(
    two_rounds: tuple[Path, str, str],
) -> None:
    out, bad, good = two_rounds
    assert _section(out) == _expected(bad, good)


def test_a_wording_change_between_rounds_does_not_make_an_issue_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, *_ = _inboxes(tmp_path)
    out = tmp_path / "out"
    run_batch(first, out, programme=PROGRAMME, workers=1)
    code = "fund-uses-mismatch"  # 未整改 in round 2
    monkeypatch.setitem(CODES, code, dataclasses.replace(CODES[code], zh="改过的措辞「丙」"))
    run_batch(second, out, programme=PROGRAMME, workers=1, round_no=2)
    section = _section(out)
    statuses = [line.split("】")[0] for line in section[:3]]
    assert statuses == ["1.【未整改", "2.【已整改", "3.【新发现"]
    assert section[0] == "1.【未整改】两年期实施方案（表1第1行第1列）：改过的措辞「丙」"


def _as_schema_4(registry: Path) -> None:
    """The registry as formkit wrote it before schema 5: each round's issues with their words
    rendered, no params."""
    with sqlite3.connect(registry) as db:
        for key, value in db.execute("SELECT key, value FROM meta WHERE key GLOB 'round:*'"):
            snapshot = json.loads(value)
            for zone in snapshot.values():
                for i in zone["issues"]:
                    found = Finding(i["code"], i["field"], i["place"] or None, None, i["params"])
                    i["message"] = found.message()
                    del i["params"], i["severity_override"]
            text = json.dumps(snapshot, ensure_ascii=False)
            db.execute("UPDATE meta SET value=? WHERE key=?", (text, key))
        db.execute("PRAGMA user_version=4")


def test_a_round_kept_by_a_schema_4_registry_is_migrated_and_compared(tmp_path: Path) -> None:
    first, second, bad, good = _inboxes(tmp_path)
    out = tmp_path / "out"
    run_batch(first, out, programme=PROGRAMME, workers=1)
    _as_schema_4(out / "formkit.sqlite")
    run_batch(second, out, programme=PROGRAMME, workers=1, round_no=2)
    assert _section(out) == _expected(bad, good)
    with sqlite3.connect(out / "formkit.sqlite") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 5
        [kept] = db.execute("SELECT value FROM meta WHERE key='round:1'").fetchone()
    issue = json.loads(kept)[next(iter(json.loads(kept)))]["issues"][0]
    assert "message" not in issue and issue["wording"] and issue["params"] == {}


def test_the_summary_shows_both_rounds_side_by_side(two_rounds: tuple[Path, str, str]) -> None:
    out, *_ = two_rounds
    ws = load_workbook(out / "汇总表.xlsx")["轮次对比"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (
        "所属市",
        "开发区名称",
        "第1轮审核状态",
        "第2轮审核状态",
        "已整改",
        "未整改",
        "新发现",
    )
    assert rows[1] == (CITY, NAME, "需补正", "需补正", 1, 1, 1)


def test_round_1_has_no_comparison(tmp_path: Path) -> None:
    first, *_ = _inboxes(tmp_path)
    run_batch(first, tmp_path / "out", programme=PROGRAMME, workers=1)
    assert "轮次对比" not in load_workbook(tmp_path / "out" / "汇总表.xlsx").sheetnames


def test_report_html_shows_the_changes(two_rounds: tuple[Path, str, str]) -> None:
    out, bad, good = two_rounds
    html = (out / "report.html").read_text("utf-8")
    assert "上轮意见整改情况" in html
    assert (
        "<li>【数据变更】申报信息表（表1 第17行第3列）"
        f"“运营主体统一社会信用代码”：{bad} → {good}</li>" in html
    )


def test_an_english_run_compares_rounds_in_english_and_leaves_the_opinion_chinese(
    tmp_path: Path,
) -> None:
    """轮次对比 and report.html's 上轮意见整改情况 follow --lang (they stayed Chinese in an
    English report); the opinion is an official document and keeps its Chinese lines."""
    first, second, bad, good = _inboxes(tmp_path)
    out = tmp_path / "out"
    run_batch(first, out, programme=PROGRAMME, workers=1, lang="en")
    run_batch(second, out, programme=PROGRAMME, workers=1, round_no=2, lang="en")
    assert _section(out) == _expected(bad, good)
    ws = load_workbook(out / "汇总表.xlsx")["Rounds"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (
        "City",
        "Zone",
        "Status in round 1",
        "Status in round 2",
        "Fixed",
        "Not fixed",
        "New",
    )
    assert rows[1] == (CITY, NAME, "to be corrected", "to be corrected", 1, 1, 1)
    html = (out / "report.html").read_text("utf-8")
    assert (
        "<li>[value changed] application form (table 1, row 17, column 3) "
        f"“运营主体统一社会信用代码”: {bad} → {good}</li>" in html
    )
    assert "<li>[not fixed] two-year implementation plan (table 1, row 1, column 1): " in html
    assert f"<li>[document replaced] application form: {NAME}/申报信息表.docx</li>" in html
    assert "【" not in html


ROUNDS = Path(__file__).resolve().parents[3] / "samples" / "rounds"


def test_the_committed_two_round_sample_is_what_the_script_makes(tmp_path: Path) -> None:
    import importlib.util

    script = ROUNDS.parents[1] / "scripts" / "make_rounds_sample.py"
    spec = importlib.util.spec_from_file_location("make_rounds_sample", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path / "rounds")
    made = sorted(p.relative_to(tmp_path / "rounds") for p in (tmp_path / "rounds").rglob("*.*"))
    assert made == sorted(p.relative_to(ROUNDS) for p in ROUNDS.rglob("*.*"))
    for rel in made:
        assert (tmp_path / "rounds" / rel).read_bytes() == (ROUNDS / rel).read_bytes(), rel


def test_the_two_round_sample_says_exactly_what_was_fixed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(ROUNDS / "第1轮", out, programme=PROGRAMME, workers=1)
    run_batch(ROUNDS / "第2轮", out, programme=PROGRAMME, workers=1, round_no=2)
    path = out / "审核意见" / "太原市" / "太原演示工业园区.docx"
    text = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    start = text.index("四、上轮意见整改情况")
    statuses = [t.split("】")[0].split("【")[1] for t in text[start + 1 : start + 4]]
    assert statuses == ["未整改", "已整改", "新发现"]
    assert "责任分工" in text[start + 3]
    ws = load_workbook(out / "汇总表.xlsx")["轮次对比"]
    rows = sorted(ws.iter_rows(min_row=2, values_only=True))
    assert rows == [
        ("大同市", "大同样例工业园区", "需补正", "通过", 1, 0, 0),
        ("太原市", "太原演示工业园区", "需补正", "需补正", 1, 1, 1),
    ]


def test_a_rerun_without_round_stays_in_the_last_round(tmp_path: Path) -> None:
    first, second, *_ = _inboxes(tmp_path)
    out = tmp_path / "out"
    run_batch(first, out, programme=PROGRAMME, workers=1)
    run_batch(second, out, programme=PROGRAMME, workers=1, round_no=2)
    (out / "汇总表.xlsx").unlink()  # outputs are rewritten
    run_batch(second, out, programme=PROGRAMME, workers=1)
    assert len(_section(out)) == 6  # still compared with round 1
    assert load_workbook(out / "汇总表.xlsx")["轮次对比"].max_row == 2
