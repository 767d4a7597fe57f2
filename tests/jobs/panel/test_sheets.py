"""The scoring workbook: assigned zones with their figures, validated score cells, locked
formulas, the declaration drop-down and the signed hidden id; never overwritten unasked."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from formkit.cli import main
from formkit.jobs.panel import ident
from formkit.jobs.panel.batch import SECRET_KEY
from formkit.jobs.registry import Registry

from .conftest import PROGRAMME


def _sheets(sample: Path, batch_dir: Path, out: Path, *extra: str) -> tuple[int, str]:
    args = ["panel", "sheets", "--programme", str(PROGRAMME), "--experts"]
    args += [str(sample / "experts.csv"), "--batch", str(batch_dir), "--out", str(out), *extra]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


def test_one_workbook_per_expert_named_after_them(sample: Path) -> None:
    names = sorted(p.name for p in (sample / "sheets").iterdir())
    assert names == ["刘洋.xlsx", "张敏.xlsx", "李红.xlsx", "王建国.xlsx", "陈静.xlsx"]


def test_the_sheet_lists_the_assigned_zones_with_their_figures(sample: Path) -> None:
    ws = load_workbook(sample / "sheets" / "张敏.xlsx")["评分表"]
    header = [c.value for c in ws[6]]
    assert header[:7] == [
        "序号",
        "所属市",
        "开发区名称",
        "特色载体名称",
        "主导产业",
        "入驻企业数（家）",
        "其中：中小企业数（家）",
    ]
    assert header[7] == "产业特色与发展基础（权重20，0–10分）"
    assert header[-2:] == ["总分（自动计算）", "完善建议"]
    zones = [ws.cell(row=r, column=3).value for r in range(7, ws.max_row + 1)]
    assert "长治样例产业园区" not in zones and "临汾样例经济开发区" not in zones
    assert len(zones) == 6


def test_score_cells_are_validated_and_unlocked_and_formulas_locked(sample: Path) -> None:
    ws = load_workbook(sample / "sheets" / "王建国.xlsx")["评分表"]
    assert ws.protection.sheet is True
    checks = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    score = checks["H7:H11"]
    assert (score.type, score.operator, score.formula1, score.formula2) == (
        "decimal",
        "between",
        "0",
        "10",
    )
    assert checks["X4"].type == "list" and checks["X4"].formula1 == '"是,否"'
    assert ws["H7"].protection.locked is False and ws["X7"].protection.locked is False
    assert ws["X4"].protection.locked is False
    assert str(ws["W7"].value).startswith("=IF(COUNT(H7,K7,O7,S7,V7)=5,ROUND(H7*20/10+")
    assert ws["W7"].protection.locked is True and ws["E7"].protection.locked is True


def test_the_hidden_id_ties_the_sheet_to_expert_and_round(sample: Path, batch_dir: Path) -> None:
    book = load_workbook(sample / "sheets" / "李红.xlsx")
    hidden = book["formkit_id"]
    assert hidden.sheet_state == "veryHidden"
    text, digest = str(hidden["A1"].value), str(hidden["A2"].value)
    reg = Registry(batch_dir / "formkit.sqlite")
    try:
        secret = bytes.fromhex(reg.get_meta(SECRET_KEY) or "")
    finally:
        reg.close()
    payload = ident.verify(secret, text, digest)
    assert payload is not None and (payload["expert"], payload["round"]) == ("李红", 1)
    assert (
        ident.verify(secret, text.replace("李红".encode("unicode_escape").decode(), "x"), digest)
        is None
    )
    assert json.loads(text)["zones"][0][1] == "临汾样例经济开发区"


def test_existing_sheets_are_not_overwritten_without_force(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sheets"
    assert _sheets(sample, batch_dir, out)[0] == 0
    before = (out / "王建国.xlsx").read_bytes()
    code, output = _sheets(sample, batch_dir, out)
    assert code == 2
    assert f"{out / '王建国.xlsx'} 已存在，未覆盖" in output
    assert (out / "王建国.xlsx").read_bytes() == before
    assert _sheets(sample, batch_dir, out, "--force")[0] == 0


def test_a_programme_without_rubric_is_refused(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    text = PROGRAMME.read_text("utf-8").split("\npanel:")[0]
    text = text.replace(
        "catalogue: catalogue.csv", f"catalogue: {PROGRAMME.parent / 'catalogue.csv'}"
    )
    programme = tmp_path / "programme.yaml"
    programme.write_text(text, "utf-8")
    args = ["panel", "sheets", "--programme", str(programme), "--experts"]
    args += [str(sample / "experts.csv"), "--batch", str(batch_dir), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "没有专家评审的评审项（panel.criteria）" in result.output
    assert not (tmp_path / "o" / "王建国.xlsx").exists()
