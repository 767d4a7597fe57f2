"""``formkit spec check``: a hand-edited spec's problems, each naming file, line and key."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from formkit.cli import main

from . import forms as F

GOOD = """\
form:
  name: firm
  title: 企业基本情况表
  sections: [基本信息]
schema:
  applicant:
    type: string
    required: true
    meta: {label: 企业名称, kind: text, section: 基本信息}
  staff:
    type: integer
    meta: {label: 职工人数（人）, kind: int, unit: 人, section: 基本信息}
"""


def check(tmp_path: Path, text: str) -> tuple[int, str, Path]:
    folder = tmp_path / "spec"
    folder.mkdir(exist_ok=True)
    path = folder / "firm.yaml"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["spec", "check", str(folder)])
    return result.exit_code, result.output, path


def test_a_good_spec_passes(tmp_path: Path) -> None:
    code, output, path = check(tmp_path, GOOD)
    assert code == 0
    assert output == f"{path}：表单规格无误（2 个字段）\n"


def test_each_problem_names_file_line_and_key(tmp_path: Path) -> None:
    bad = (
        GOOD.replace("kind: int,", "kind: integer,")
        .replace("section: 基本信息}\n  staff", "section: 经营情况}\n  staff")
        .replace("  staff:\n    type: integer", "  Staff-2:\n    type: integr")
    )
    bad += "  applicant:\n    type: string\n    meta: {label: 企业名称}\n"
    code, output, path = check(tmp_path, bad)
    assert code == 1
    lines = output.splitlines()
    assert lines == [
        f"{path} 第9行：字段 applicant 的 section「经营情况」不在 form.sections 中",
        f"{path} 第10行：字段键名 Staff-2 应为英文字母开头、只含小写字母、数字和下划线",
        f"{path} 第12行：字段 Staff-2 的 kind「integer」不存在；可用：bool, choice, credit_code, "
        "date, docno, email, int, list, longtext, money, month, number, period, phone, target, "
        "text, zone_code",
        f"{path} 第10行：字段 Staff-2 的规则有误：type: Unsupported types: integr",
        f"{path} 第13行：字段键名 applicant 重复",
    ]


def test_two_fields_with_one_label_are_reported(tmp_path: Path) -> None:
    text = GOOD.replace("label: 职工人数（人）", "label: 企业名称")
    code, output, path = check(tmp_path, text)
    assert code == 1
    assert output == (
        f"{path} 第12行：字段 staff 的标签「企业名称」与字段 applicant 相同，读表时无法区分\n"
    )


def test_broken_yaml_names_its_line(tmp_path: Path) -> None:
    code, output, path = check(tmp_path, GOOD.replace("  staff:", "  staff: [", 1))
    assert code == 1
    assert output.startswith(f"{path} 第")
    assert "不是有效的 YAML" in output


def test_missing_label_and_title(tmp_path: Path) -> None:
    text = GOOD.replace("  title: 企业基本情况表\n", "").replace("label: 企业名称, ", "")
    code, output, path = check(tmp_path, text)
    assert code == 1
    assert output.splitlines() == [
        f"{path} 第2行：form 缺少 title（表单名称）",
        f"{path} 第8行：字段 applicant 缺少 meta.label（表上印的标签）",
    ]


def test_a_drafted_spec_passes_the_check(tmp_path: Path) -> None:
    blank = tmp_path / "科技项目申报表.docx"
    blank.write_bytes(F.tech_blank())
    out = tmp_path / "drafted"
    CliRunner().invoke(main, ["spec", "draft", str(blank), "--out", str(out), "--form", "tech"])
    result = CliRunner().invoke(main, ["spec", "check", str(out)])
    assert result.exit_code == 0, result.output


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["spec", "check", str(tmp_path)])
    assert result.exit_code == 2


def test_the_drafting_vocabulary_is_lists_of_words() -> None:
    """Regression: ``如:`` unquoted in a YAML flow list is a mapping, not a word."""
    from formkit.drafting.vocabulary import vocabulary

    for name, words in vocabulary().items():
        if isinstance(words, list):
            assert all(isinstance(w, str) and w for w in words), name
