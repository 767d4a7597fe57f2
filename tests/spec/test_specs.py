"""The specs in validators/: they load, every field is labelled, and Form A has every key of
FORMS.md §2 (the contract other tools rely on)."""

import re
from pathlib import Path

import cerberus
import pytest

from formkit.model.errors import SpecError
from formkit.spec import FORMS, KINDS, FormSpec, load_all, load_spec
from formkit.validate.checksum import credit_code_problem

FORMS_MD = Path(__file__).resolve().parents[3] / "shared" / "FORMS.md"
DIMENSIONS = ["产业集聚度", "资源聚集力", "持续发展力", "产出与效益", "改革创新力", "辐射带动力"]


def forms_md_keys(section: str) -> list[str]:
    """The field keys of one FORMS.md section's table (first column, split on /)."""
    text = FORMS_MD.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}", 1)[1].split("\n## ", 1)[0]
    keys: list[str] = []
    for line in body.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells and re.fullmatch(r"[a-z_0-9 /]+", cells[0]):
            keys += [k.strip() for k in cells[0].split("/") if k.strip() and k.strip() != "key"]
    return keys


@pytest.mark.skipif(not FORMS_MD.exists(), reason="../shared/FORMS.md is not present")
def test_every_key_of_forms_md_section_2_is_in_the_application_spec() -> None:
    keys = forms_md_keys("2.")
    assert len(keys) >= 38  # the table was read
    assert [k for k in keys if k not in load_spec("application").keys] == []


@pytest.mark.skipif(not FORMS_MD.exists(), reason="../shared/FORMS.md is not present")
def test_application_spec_has_no_key_beyond_forms_md() -> None:
    keys = set(forms_md_keys("2."))
    assert [k for k in load_spec("application").keys if k not in keys] == []


def test_all_four_forms_load() -> None:
    specs = load_all()
    assert list(specs) == list(FORMS)


def every_field(spec: FormSpec) -> list:
    extra = [spec.table] if spec.table else []
    extra += [spec.outline] if spec.outline else []
    return [*spec.fields, *spec.columns, *spec.parts, *extra]


@pytest.mark.parametrize("name", FORMS)
def test_every_field_has_a_label_and_a_known_kind(name: str) -> None:
    for f in every_field(load_spec(name)):
        assert f.label, f.key
        assert f.kind in KINDS or f.kind in ("table", "sections"), f.key


@pytest.mark.parametrize("name", FORMS)
def test_every_field_is_in_a_declared_section(name: str) -> None:
    spec = load_spec(name)
    for f in spec.fields:
        assert f.section in spec.sections, f.key


@pytest.mark.parametrize("name", FORMS)
def test_no_printed_label_names_two_fields(name: str) -> None:
    owner: dict[str, str] = {}
    for f in every_field(load_spec(name)):
        for label in f.labels:
            assert owner.setdefault(label, f.key) == f.key, (label, owner[label], f.key)


EXAMPLE_FORMS = ["application", "targets", "plan", "progress"]


@pytest.mark.parametrize("name", EXAMPLE_FORMS)
def test_examples_pass_their_own_field_rules(name: str) -> None:
    spec = load_spec(name)
    for f in [*spec.fields, *spec.columns]:
        if f.example is None:
            continue
        rules = {k: v for k, v in f.rules.items() if k != "required"}
        validator = cerberus.Validator({f.key: rules})
        assert validator.validate({f.key: f.example}), (f.key, f.example)
        if f.kind == "credit_code":
            assert credit_code_problem(f.example) is None, (f.key, f.example)


def test_form_b_columns_and_layout_words() -> None:
    spec = load_spec("targets")
    assert spec.table is not None and spec.table.key == "indicators"
    assert [c.key for c in spec.columns] == [
        "dimension",
        "indicator",
        "unit",
        "formula",
        "direction",
        "baseline",
        "target_y1",
        "target_y2",
        "frequency",
    ]
    assert spec.field("dimension").allowed == tuple(DIMENSIONS)
    assert spec.extra["dimensions"] == DIMENSIONS
    assert "服务对象满意度指标" in spec.extra["fiscal_layout"]["level2"]
    assert spec.field("direction").allowed == ("≥", "≤", "=", "定性")
    assert spec.field("frequency").allowed == ("季报", "半年报", "年报")


def test_plan_parts_are_the_six_required_headings() -> None:
    spec = load_spec("plan")
    assert spec.outline is not None and spec.outline.key == "sections"
    assert [p.label for p in spec.parts] == [
        "开发区既有双创工作开展情况",
        "融通型特色载体发展现状",
        "实施目标",
        "具体实施内容",
        "资金使用方向",
        "责任分工",
    ]
    assert "双创工作基础" in spec.field("existing_work").aliases
    assert spec.table is not None and spec.table.key == "fund_uses"
    assert spec.field("use").allowed == ("直接补助", "绩效奖励", "购买服务", "其他")
    assert "sections" not in spec.keys  # the outline is not a header field


def test_progress_spec() -> None:
    spec = load_spec("progress")
    assert spec.field("period").allowed == (
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "上半年",
        "全年",
    )
    assert [c.key for c in spec.columns] == [
        "dimension",
        "indicator",
        "unit",
        "target_year",
        "value_end",
        "increase",
        "note",
    ]


@pytest.mark.parametrize("name", FORMS)
def test_every_shipped_schema_passes_cerberus_own_check(name: str) -> None:
    # loading skips this check for the shipped folder (start-up cost), so it is made here
    cerberus.Validator(load_spec(name).schema)


@pytest.mark.parametrize(("rule", "refused"), [("nosuchtype", True), ("string", False)])
def test_a_spec_outside_the_shipped_folder_has_its_schema_checked(
    tmp_path: Path, rule: str, refused: bool
) -> None:
    # named as a shipped spec: what counts is the folder it comes from
    (tmp_path / "application.yaml").write_text(
        f"form: {{title: T}}\nschema:\n  zone_name: {{type: {rule}, meta: {{label: Name}}}}\n",
        encoding="utf-8",
    )
    if refused:
        with pytest.raises(SpecError) as info:
            load_spec("application", tmp_path)
        assert info.value.code == "spec-schema-invalid"
        assert "application.yaml" in str(info.value) and "nosuchtype" in str(info.value)
    else:
        assert load_spec("application", tmp_path).field("zone_name").label == "Name"
