"""The panel sample end to end: collect reports each planted flaw at its cell, and its
publicity.yaml feeds ``formkit notice publicity``."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from formkit.cli import main

from .conftest import PROGRAMME, ROOT


def _collect(sample: Path, batch_dir: Path, out: Path) -> tuple[int, str]:
    args = ["panel", "collect", str(sample / "returned"), "--programme", str(PROGRAMME)]
    result = CliRunner().invoke(main, [*args, "--batch", str(batch_dir), "--out", str(out)])
    return result.exit_code, result.output


def test_the_committed_sample_is_what_the_script_makes(sample: Path) -> None:
    committed = ROOT / "samples" / "panel"
    for folder in ("sheets", "returned"):
        names = sorted(p.name for p in (committed / folder).iterdir())
        assert names == sorted(p.name for p in (sample / folder).iterdir())
        for name in names:
            assert (committed / folder / name).read_bytes() == (
                sample / folder / name
            ).read_bytes(), name
    assert (committed / "experts.csv").read_bytes() == (sample / "experts.csv").read_bytes()


def test_collect_reports_each_flaw_at_its_cell(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    code, output = _collect(sample, batch_dir, tmp_path / "panel")
    assert code == 0, output
    lines = [line.strip() for line in output.splitlines() if line.strip().startswith("[")]
    assert lines == [
        "[错误] 回复-刘洋.xlsx 评分表!X4：专家“刘洋”未在无利害关系声明处选择“是”，评分表未计入",
        "[错误] 回复-张敏.xlsx 评分表!O9：专家“张敏”给“太原演示工业园区”的“服务资源聚集”打分12，"
        "超出0–10分的范围，该开发区的评分未计入",
        "[错误] 回复-李红.xlsx 评分表!X4：专家“李红”声明与所评开发区存在利害关系（选择了“否”），"
        "评分表未计入",
        "[警告] 运城示范经济开发区：“运城示范经济开发区”专家评分相差 70.00 分（最高 90.00，"
        "最低 20.00），超过 15 分，请复核",
    ]


def test_the_summary_ranks_within_quota_and_flags_the_disagreement(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    _collect(sample, batch_dir, tmp_path / "panel")
    book = load_workbook(tmp_path / "panel" / "专家评审汇总表.xlsx")
    assert book.sheetnames == ["评审结果", "专家评分", "问题清单"]
    rows = [r for r in book["评审结果"].iter_rows(min_row=2, values_only=True)]
    by_zone = {r[2]: r for r in rows}
    # 运城: three counted experts (王建国 90, 张敏 80, 陈静 20): mean 63.33, spread 70
    assert by_zone["运城示范经济开发区"][5:13] == (3, 63.33, None, 63.33, 90, 20, 70, "分歧较大")
    # 太原市 has quota 2: its third zone is ranked but not proposed
    taiyuan = sorted((r[13], r[15]) for r in rows if r[1] == "太原市")
    assert taiyuan == [(1, "拟支持"), (2, "拟支持"), (3, None)]
    assert sum(r[15] == "拟支持" for r in rows) == 5  # target_zones


def test_opinions_carry_the_experts_advice_without_names(
    sample: Path, batch_dir: Path, tmp_path: Path
) -> None:
    _collect(sample, batch_dir, tmp_path / "panel")
    path = tmp_path / "panel" / "审核意见" / "运城市" / "运城示范经济开发区.docx"
    text = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    start = text.index("四、专家意见")
    assert text[start + 1] == (
        "1.专家3：龙头企业与中小企业的协作机制描述较笼统，建议补充已签订的合作协议。"
    )
    assert not any("陈静" in t for t in text)


def test_publicity_yaml_feeds_the_notice(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    _collect(sample, batch_dir, tmp_path / "panel")
    data = yaml.safe_load((tmp_path / "panel" / "publicity.yaml").read_text("utf-8"))
    assert [z["zone"] for z in data["zones"]] == [
        "太原样例经济技术开发区",
        "临汾样例经济开发区",
        "晋中示范产业园区",
        "大同样例工业园区",
        "太原演示工业园区",
    ]
    out = tmp_path / "公示.docx"
    args = ["notice", "publicity", "--data", str(tmp_path / "panel" / "publicity.yaml")]
    result = CliRunner().invoke(main, [*args, "--programme", str(PROGRAMME), "--out", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    cells = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert cells[1] == ["1", "太原市", "太原样例经济技术开发区", "太原样例现代物流融通创新特色载体"]
    assert any("晋企发〔2020〕41号" in p.text for p in document.paragraphs)


def test_collect_is_deterministic(sample: Path, batch_dir: Path, tmp_path: Path) -> None:
    _collect(sample, batch_dir, tmp_path / "a")
    _collect(sample, batch_dir, tmp_path / "b")
    for rel in ("专家评审汇总表.xlsx", "publicity.yaml", "审核意见/运城市/运城示范经济开发区.docx"):
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_unreadable_inputs_exit_2_without_a_traceback(sample: Path, tmp_path: Path) -> None:
    missing = _collect(tmp_path / "nowhere", tmp_path / "no-batch", tmp_path / "out")
    assert missing[0] == 2 and "Traceback" not in missing[1]
    (tmp_path / "returned").mkdir()
    code, output = _collect(tmp_path, tmp_path / "no-batch", tmp_path / "out")
    assert code == 2
    assert f"{tmp_path / 'no-batch'} 不是 formkit batch 的输出目录（没有 formkit.sqlite）" in output
