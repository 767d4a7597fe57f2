"""The plan: required parts found by headings, goals and the fund-use table."""

from __future__ import annotations

from formkit.extract import extract, recognise
from formkit.spec import FormSpec

from . import corpus_plan as C
from .builders import read

PARTS = ("existing_work", "carrier_status", "targets", "content", "fund_use", "responsibilities")


def test_numbered_headings_delimit_the_parts(specs: dict[str, FormSpec]) -> None:
    doc = read(C.numbered_plan(), "docx", "plan")
    assert recognise(doc, specs) == "plan"
    record = extract(doc, specs["plan"])
    assert tuple(record.sections) == PARTS
    assert record.sections["existing_work"].value == C.EXISTING
    assert record.sections["carrier_status"].value == C.CARRIER
    targets = record.sections["targets"].value
    assert C.OVERALL in targets and C.YEAR1 in targets and C.YEAR2 in targets
    assert C.CONTENT in record.sections["content"].value
    assert "直接补助" in record.sections["fund_use"].value
    assert record.sections["responsibilities"].value == C.DUTIES
    assert str(record.sections["existing_work"].location) == "第4段"
    assert record.layout == "plan"


def test_goals_amount_and_fund_uses_are_fields(specs: dict[str, FormSpec]) -> None:
    record = extract(read(C.numbered_plan(), "docx", "plan"), specs["plan"])
    assert record.fields["year1_goal"].value == C.YEAR1
    assert record.fields["year2_goal"].value == C.YEAR2
    assert record.fields["zone_name"].value == "山西示范经济开发区"
    assert record.fields["subsidy_requested"].value == 500
    assert record.fields["fund_uses"].value == C.FUND_USES


def test_styled_and_reworded_headings(specs: dict[str, FormSpec]) -> None:
    doc = read(C.styled_plan(), "docx", "plan")
    assert recognise(doc, specs) == "plan"
    record = extract(doc, specs["plan"])
    assert tuple(record.sections) == PARTS
    assert record.sections["content"].value == C.CONTENT
    assert record.fields["year1_goal"].value == C.YEAR1
    assert record.fields["fund_uses"].value == C.FUND_USES


def test_a_missing_part_is_absent(specs: dict[str, FormSpec]) -> None:
    from .builders import model_doc

    doc = model_doc("一、开发区既有双创工作开展情况", C.EXISTING, "二、实施目标", C.OVERALL)
    record = extract(doc, specs["plan"])
    assert set(record.sections) == {"existing_work", "targets"}


def test_amounts_written_in_running_text(specs: dict[str, FormSpec]) -> None:
    from .builders import model_doc

    doc = model_doc(
        "一、实施目标",
        C.OVERALL,
        "二、资金使用方向",
        "本项目申请省级奖补资金500万元，其中直接补助200万元、绩效奖励150万元，购买服务 150 万元。",
    )
    record = extract(doc, specs["plan"])
    assert record.fields["subsidy_requested"].value == 500
    assert str(record.fields["subsidy_requested"].location) == "第4段"
    assert record.fields["fund_uses"].value == C.FUND_USES


def test_blank_outline_has_no_parts(specs: dict[str, FormSpec]) -> None:
    """Bug: the blank 编制提纲 gave 实施目标 its two sub-headings and 资金使用方向 its
    pre-printed fund-use table as content (section-thin instead of section-missing)."""
    from formkit.writers.forms import form_bytes

    record = extract(read(form_bytes("plan", "docx"), "docx", "plan"), specs["plan"])
    assert record.sections == {}
    assert "fund_uses" not in record.fields
    assert set(PARTS) <= set(record.label_locations)


def test_a_hint_in_brackets_is_no_content_but_text_under_a_sub_heading_is(
    specs: dict[str, FormSpec],
) -> None:
    from .builders import model_doc

    hint = specs["plan"].parts[0].hint
    doc = model_doc(
        "一、开发区既有双创工作开展情况",
        f"（{hint}。）",
        "二、实施目标",
        "（一）第一年目标",
        C.YEAR1,
        "三、资金使用方向",
        [["用途", "金额（万元）"], ["直接补助", ""], ["绩效奖励", ""]],
        "四、责任分工",
        [["直接补助", "200"]],
    )
    record = extract(doc, specs["plan"])
    assert set(record.sections) == {"targets", "responsibilities"}
    assert record.sections["targets"].value == f"（一）第一年目标\n{C.YEAR1}"
