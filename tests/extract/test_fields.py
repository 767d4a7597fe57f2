"""Label/value pairing rules, on documents built directly from the neutral model."""

from __future__ import annotations

from formkit.extract import extract
from formkit.model.document import Location
from formkit.spec import FormSpec

from .builders import UP, Span, Workbook, model_doc, read


def test_value_right_of_label_keeps_raw_value_and_place(specs: dict[str, FormSpec]) -> None:
    record = extract(model_doc([["入驻企业数（家）", "１２０家"]]), specs["application"])
    value = record.fields["enterprises_total"]
    assert (value.raw, value.value, str(value.location)) == ("１２０家", 120, "表1 第1行第2列")
    assert str(record.label_locations["enterprises_total"]) == "表1 第1行第1列"


def test_a_value_cell_is_never_read_as_a_label(specs: dict[str, FormSpec]) -> None:
    doc = model_doc([["建设运营主体", "建设运营主体公司", "载体类型", "大中小企业融通型"]])
    record = extract(doc, specs["application"])
    assert record.fields["operator"].value == "建设运营主体公司"
    assert record.fields["carrier_type"].value == "大中小企业融通型"


def test_section_row_spanning_the_table_is_not_a_label(specs: dict[str, FormSpec]) -> None:
    # 联系方式 is both a section name and an alias of 联系电话
    doc = model_doc([[Span("联系方式", 2)], ["联系人", "赵刚"], ["联系电话", "13800000000"]])
    record = extract(doc, specs["application"])
    assert record.fields["contact_name"].value == "赵刚"
    assert record.fields["contact_phone"].value == "13800000000"
    assert str(record.fields["contact_phone"].location) == "表1 第3行第2列"


def test_sub_labels_are_read_under_their_group(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [
            ["联系人", "姓名", "赵刚", "职务", "副主任"],
            [UP, "联系电话", "13800000000", "邮箱", "kfq@example.cn"],
            ["市级中小企业主管部门", "联系人", "钱敏", "联系电话", "0351-1234567"],
        ]
    )
    record = extract(doc, specs["application"])
    assert {k: v.value for k, v in record.fields.items()} == {
        "contact_name": "赵刚",
        "contact_title": "副主任",
        "contact_phone": "13800000000",
        "contact_email": "kfq@example.cn",
        "city_contact_name": "钱敏",
        "city_contact_phone": "0351-1234567",
    }


def test_a_sub_label_foreign_to_its_group_takes_nothing(specs: dict[str, FormSpec]) -> None:
    doc = model_doc([["市级主管部门", "联系人", "钱敏"], [UP, "职务", "科长"], ["职务", "副主任"]])
    record = extract(doc, specs["application"])
    assert record.fields["city_contact_name"].value == "钱敏"
    assert record.fields["contact_title"].value == "副主任"


def test_several_label_value_pairs_in_one_cell(specs: dict[str, FormSpec]) -> None:
    doc = model_doc([["联系人：赵  刚  联系电话：138 0000 0000", "其中：中小企业数（家）：108"]])
    record = extract(doc, specs["application"])
    assert record.fields["contact_name"].value == "赵刚"
    assert record.fields["contact_name"].raw == "赵  刚"
    assert record.fields["contact_phone"].value == "13800000000"
    assert record.fields["sme_count"].value == 108
    assert record.layout == "inline"


def test_paragraph_lines_outside_the_table(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [["开发区名称", "山西示范经济开发区"]],
        "填报单位（盖章）：示范管委会    填报日期：2020年3月20日",
    )
    record = extract(doc, specs["application"])
    assert record.fields["fill_date"].value == "2020-03-20"
    assert record.fields["fill_date"].location == Location(paragraph=1)


def test_hint_text_left_by_the_blank_form_is_no_value(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [
            ["所属市", "（填写设区市全称）"],
            ["批准时间", "如 2006.03"],
            ["是否位于示范县", "☐是 ☐否"],
            ["填报日期", "    年   月   日"],
        ]
    )
    record = extract(doc, specs["application"])
    assert record.fields == {}
    assert set(record.label_locations) == {"city", "approval_date", "in_demo_county", "fill_date"}
    assert str(record.label_locations["city"]) == "表1 第1行第1列"


def test_hint_after_a_typed_value_is_dropped(specs: dict[str, FormSpec]) -> None:
    record = extract(model_doc([["所属市", "太原市（填写设区市全称）"]]), specs["application"])
    assert record.fields["city"].value == "太原市"


def test_checkbox_choices_read_as_bool_and_choice(specs: dict[str, FormSpec]) -> None:
    doc = model_doc([["开发区级别", "☐国家级", "☑省级"], ["是否位于示范县", "☑是 ☐否", ""]])
    record = extract(doc, specs["application"])
    assert record.fields["zone_level"].value == "省级"
    assert record.fields["in_demo_county"].value is True


def test_a_value_that_does_not_read_is_a_finding(specs: dict[str, FormSpec]) -> None:
    record = extract(model_doc([["入驻企业数（家）", "很多"]]), specs["application"])
    assert "enterprises_total" not in record.fields
    assert record.invalid["enterprises_total"].raw == "很多"
    [problem] = record.findings
    assert (problem.code, problem.field, problem.location) == (
        "bad-value",
        "入驻企业数（家）",
        "表1 第1行第2列",
    )
    assert "很多" in problem.message() and "整数" in problem.message()


def test_amount_under_a_label_in_yuan_is_converted(specs: dict[str, FormSpec]) -> None:
    record = extract(model_doc([["申请省级奖补资金（元）", "5000000"]]), specs["application"])
    assert record.fields["subsidy_requested"].value == 500


def test_unknown_rows_of_a_retyped_form_take_nothing(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [
            ["单位地址", "示范路1号", "邮政编码", "030000"],
            ["传真", "0351-7654321", "开发区代码", "S141234"],
        ]
    )
    record = extract(doc, specs["application"])
    assert {k: v.value for k, v in record.fields.items()} == {"zone_code": "S141234"}


def test_value_below_its_label(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [["所属市", "开发区名称", "开发区代码"], ["太原市", "山西示范经济开发区", "S141234"]]
    )
    record = extract(doc, specs["application"])
    assert record.fields["zone_name"].value == "山西示范经济开发区"
    assert str(record.fields["zone_code"].location) == "表1 第2行第3列"
    assert record.layout == "table-below"


def test_first_filled_value_wins_over_a_later_blank(specs: dict[str, FormSpec]) -> None:
    doc = model_doc([["联系人", "赵刚"]], "联系人：")
    record = extract(doc, specs["application"])
    assert record.fields["contact_name"].value == "赵刚"


def test_a_label_merged_down_gathers_one_value_per_row(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [
            ["主导龙头企业", "示范重工集团有限公司"],
            [UP, "示范新材料股份有限公司"],
            ["建设运营主体", "示范创新创业服务有限公司"],
        ]
    )
    record = extract(doc, specs["application"])
    assert record.fields["lead_enterprises"].value == [
        "示范重工集团有限公司",
        "示范新材料股份有限公司",
    ]
    assert record.fields["operator"].value == "示范创新创业服务有限公司"


def test_excel_month_2006_1_is_read_as_october_with_a_warning(
    specs: dict[str, FormSpec],
) -> None:
    """Bug: a number 2006.1 in an Excel form silently became 2006-10."""
    rows = [["批准时间", 2006.1], ["实施期（起）", 2020.03]]
    doc = read(Workbook().sheet("申报信息表", rows).bytes(), "xlsx")
    record = extract(doc, specs["application"])
    assert record.fields["approval_date"].value == "2006-10"
    assert record.fields["period_start"].value == "2020-03"
    [note] = record.findings
    assert (note.code, note.severity, note.field, note.location) == (
        "month-ambiguous",
        "warning",
        "批准时间",
        "申报信息表!B1",
    )
    assert note.message() == (
        "“批准时间”的值2006.1可能是 Excel 把2006.10存成了2006.1，已按2006-10读取，请核对"
    )
