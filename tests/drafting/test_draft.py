"""``formkit spec draft``: other programmes' blank forms drafted, filled as a clerk fills
them, and read back with the draft; our own blank forms drafted and read in every layout."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner

from formkit.cli import main
from formkit.extract import extract, recognise
from formkit.pipeline import parse, read_document
from formkit.spec import load_all, load_spec
from formkit.writers.forms import form_bytes
from formkit.writers.forms_docx import spec_docx
from formkit.writers.forms_xlsx import spec_xlsx
from tests.extract import corpus_application as A
from tests.extract.builders import read
from tests.extract.scorer import score

from . import forms as F

MIN_RECOVERED = 0.95


def draft(tmp_path: Path, name: str, content: bytes, *args: str) -> tuple[Path, Any]:
    blank = tmp_path / name
    blank.write_bytes(content)
    out = tmp_path / "spec"
    result = CliRunner().invoke(main, ["spec", "draft", str(blank), "--out", str(out), *args])
    return out, result


def recovered(spec_dir: Path, filled: Path, expected: dict[str, object]) -> tuple[float, dict]:
    """Share of typed values read under the right label, and the parse result."""
    (result,) = parse(filled, {"validators": str(spec_dir), "isolate": False})
    (spec,) = load_all(spec_dir).values()
    key_of = {f.label: f.key for f in spec.fields}
    fields = result.record.data() if result.record else {}
    hits = [label for label, want in expected.items() if fields.get(key_of.get(label, "")) == want]
    return len(hits) / len(expected), fields


def test_tech_project_form_drafted_filled_and_read_back(tmp_path: Path) -> None:
    out, result = draft(tmp_path, "科技项目申报表.docx", F.tech_blank())
    assert result.exit_code == 0, result.output
    filled = tmp_path / "filled.docx"
    filled.write_bytes(F.tech_filled())
    share, fields = recovered(out, filled, F.TECH_EXPECTED)
    assert share >= MIN_RECOVERED
    members = fields["indicators"]
    assert [list(row.values()) for row in members] == F.TECH_MEMBER_ROWS


def test_firm_sheet_drafted_filled_and_read_back(tmp_path: Path) -> None:
    out, result = draft(tmp_path, "企业基本情况表.xlsx", F.firm_blank())
    assert result.exit_code == 0, result.output
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(F.firm_filled())
    share, _ = recovered(out, filled, F.FIRM_EXPECTED)
    assert share >= MIN_RECOVERED


def test_draft_guesses_kinds_required_sections_and_table(tmp_path: Path) -> None:
    out, _ = draft(tmp_path, "科技项目申报表.docx", F.tech_blank(), "--form", "tech")
    spec = load_spec("tech", out)
    kinds = {f.label: f.kind for f in spec.fields}
    assert kinds["项目总投资（万元）"] == "money"
    assert kinds["统一社会信用代码"] == "credit_code"
    assert kinds["手机"] == "phone"
    assert kinds["电子邮箱"] == "email"
    assert kinds["是否高新技术企业"] == "bool"
    assert kinds["研发人员数（人）"] == "int"
    assert kinds["申报日期"] == "date"
    assert spec.field("project_type").allowed == ("重点研发", "成果转化", "平台建设")
    assert spec.field("project_name").required and spec.field("applicant").required
    assert not spec.field("leader").required
    assert spec.sections[0] == "项目基本情况"
    assert [c.label for c in spec.columns] == F.TECH_MEMBERS
    assert spec.extra["layout"] == "four-column"


def test_undecided_points_are_printed_and_commented(tmp_path: Path) -> None:
    out, result = draft(tmp_path, "企业基本情况表.xlsx", F.firm_blank(), "--form", "firm")
    note = "待确认：「是否规上企业」不在标签词典中，键名暂用拼音 shi_fou_gui_shang_qi_ye"
    first, *notes = result.output.splitlines()
    assert first == f"已起草 {out / 'firm.yaml'}：14 个字段，3 处待确认（见下，也写在文件的注释中）"
    assert f"  {note}" in notes and len(notes) == 3
    text = (out / "firm.yaml").read_text("utf-8")
    assert f"  # {note}\n  shi_fou_gui_shang_qi_ye:\n" in text


@pytest.fixture(scope="module", params=["docx", "xlsx"])
def our_draft(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """formkit's own blank 申报信息表 (.docx, .xlsx), drafted once per format."""
    tmp = tmp_path_factory.mktemp(f"ours-{request.param}")
    out, result = draft(
        tmp, f"申报信息表.{request.param}", form_bytes("application", request.param)
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("name", sorted(A.LAYOUTS))
def test_draft_of_our_blank_form_reads_our_filled_forms(our_draft: Path, name: str) -> None:
    specs = load_all(our_draft)
    assert sorted(specs["application"].keys) == sorted(load_spec("application").keys)
    data, kind, _ = A.LAYOUTS[name]()
    doc = read(data, kind, name)
    assert recognise(doc, specs) == "application"
    assert score(extract(doc, specs["application"]), A.EXPECTED, name=name).misses == []


def test_drafted_spec_round_trip(tmp_path: Path) -> None:
    out, _ = draft(tmp_path, "企业基本情况表.xlsx", F.firm_blank(), "--form", "firm")
    spec = load_spec("firm", out)
    data = {spec.fields[i].key: v for i, v in enumerate(F.FIRM_EXPECTED.values())}
    assert [f.label for f in spec.fields] == list(F.FIRM_EXPECTED)
    for writer, kind in ((spec_docx, "docx"), (spec_xlsx, "xlsx")):
        doc = read_document(f"firm.{kind}", writer(spec, data), kind)
        assert recognise(doc, {"firm": spec}) == "firm"
        assert extract(doc, spec).data() == data


def test_drafted_table_round_trip(tmp_path: Path) -> None:
    out, _ = draft(tmp_path, "科技项目申报表.docx", F.tech_blank(), "--form", "tech")
    spec = load_spec("tech", out)
    assert spec.table is not None
    rows = [dict(zip((c.key for c in spec.columns), r, strict=True)) for r in F.TECH_MEMBER_ROWS]
    data = {"project_name": "示范项目", "funds_requested": 200, spec.table.key: rows}
    doc = read_document("tech.docx", spec_docx(spec, data), "docx")
    record = extract(doc, spec)
    assert record.data() == {"project_name": "示范项目", "funds_requested": 200, "indicators": rows}


def test_forms_writes_the_drafted_blank_form_and_it_drafts_back(tmp_path: Path) -> None:
    out, _ = draft(tmp_path, "企业基本情况表.xlsx", F.firm_blank(), "--form", "firm")
    forms = tmp_path / "forms"
    result = CliRunner().invoke(main, ["forms", "--validators", str(out), "--out", str(forms)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in forms.iterdir()) == [
        "规模以上工业企业基本情况表.docx",
        "规模以上工业企业基本情况表.xlsx",
    ]
    again = tmp_path / "again"
    for blank in sorted(forms.iterdir()):
        r = CliRunner().invoke(
            main, ["spec", "draft", str(blank), "--form", "firm", "--out", str(again)]
        )
        assert r.exit_code == 0, r.output
        assert load_spec("firm", again).keys == load_spec("firm", out).keys
        (again / "firm.yaml").unlink()


def test_same_form_same_yaml(tmp_path: Path) -> None:
    out, _ = draft(tmp_path, "a.docx", F.tech_blank(), "--form", "tech")
    first = (out / "tech.yaml").read_bytes()
    _, result = draft(tmp_path, "a.docx", F.tech_blank(), "--form", "tech")
    assert result.exit_code == 0
    assert (out / "tech.yaml").read_bytes() == first


def test_an_edited_spec_is_never_replaced_without_force(tmp_path: Path) -> None:
    out, _ = draft(tmp_path, "a.docx", F.tech_blank(), "--form", "tech")
    path = out / "tech.yaml"
    edited = path.read_text("utf-8").replace("label: 传真", "label: 传真号码")
    path.write_text(edited, "utf-8")
    _, result = draft(tmp_path, "a.docx", F.tech_blank(), "--form", "tech")
    assert result.exit_code == 2
    assert f"{path} 已被人工修改，未覆盖；如确需重新起草，请加 --force" in result.output
    assert path.read_text("utf-8") == edited
    _, forced = draft(tmp_path, "a.docx", F.tech_blank(), "--form", "tech", "--force")
    assert forced.exit_code == 0
    assert "label: 传真号码" not in path.read_text("utf-8")


def _docx(*paragraphs: str) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_file_without_labels_is_refused(tmp_path: Path) -> None:
    out, result = draft(
        tmp_path, "通知.docx", _docx("关于开展申报工作的通知", "各有关单位：现将有关事项通知如下。")
    )
    assert result.exit_code == 2
    assert "通知.docx：未找到可生成字段的标签" in result.output
    assert not out.exists()


def test_a_hostile_file_is_refused_by_the_intake(tmp_path: Path) -> None:
    _, result = draft(tmp_path, "坏.docx", F.tech_blank()[:2000])
    assert result.exit_code == 2
    assert "坏.docx" in result.output and "Traceback" not in result.output


def test_check_reads_the_bureaus_filled_form_with_the_draft(tmp_path: Path) -> None:
    out, _ = draft(tmp_path, "科技项目申报表.docx", F.tech_blank(), "--form", "tech")
    filled = tmp_path / "filled.docx"
    filled.write_bytes(F.tech_filled())
    ok = CliRunner().invoke(main, ["check", str(filled), "--validators", str(out)])
    assert ok.exit_code == 0, ok.output
    without_name = {k: v for k, v in F.TECH_TYPED.items() if k != "项目名称"}
    filled.write_bytes(F.tech_filled(without_name))
    bad = CliRunner().invoke(main, ["check", str(filled), "--validators", str(out)])
    assert bad.exit_code == 1
    assert "项目名称" in bad.output
