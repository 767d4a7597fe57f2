"""Validation of records against the specs: one passing and one failing case per rule, with the
exact finding code, the printed label and the place."""

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from formkit.model.document import Location
from formkit.model.findings import Finding
from formkit.model.record import Record, Value
from formkit.pipeline import Options, analyse, read_document
from formkit.programme import Programme, load_programme
from formkit.spec import load_spec
from formkit.validate import Validators, validate
from formkit.writers.forms import form_bytes
from tests.extract.corpus_targets import xlsx_fiscal

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DIMENSIONS = ["产业集聚度", "资源聚集力", "持续发展力", "产出与效益", "改革创新力", "辐射带动力"]


@pytest.fixture(scope="module")
def programme() -> Programme:
    return load_programme(SAMPLES / "programme.yaml")


def plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def cell(row: int, col: int) -> Location:
    return Location(table=1, row=row, col=col)


def header(form: str, **changes: Any) -> dict[str, Value]:
    """The spec's examples as a record's fields (each at 表1 第n行第2列), then ``changes``;
    a change to None removes the field."""
    spec = load_spec(form)
    values = {f.key: plain(f.example) for f in spec.fields if f.example is not None}
    values.update(changes)
    places = {f.key: cell(i + 1, 2) for i, f in enumerate(spec.fields)}
    return {
        k: Value(raw=str(v), value=v, location=places[k])
        for k, v in values.items()
        if v is not None
    }


GOOD_APPLICATION = {
    "operator_credit_code": "91140100MA0GRXQ12Y",  # the spec's example has a wrong check digit
    "approval_doc": "晋政函〔2019〕12号",
    "city_contact_phone": "0351-1234567",
}


def application(**changes: Any) -> Record:
    return Record("application", fields=header("application", **{**GOOD_APPLICATION, **changes}))


def check(record: Record, programme: Programme | None = None) -> list[Finding]:
    assert record.form is not None
    return validate(load_spec(record.form), record, programme=programme)


def codes(findings: list[Finding]) -> list[tuple[str, str | None]]:
    return [(f.code, f.field) for f in findings]


# --- Form A ---------------------------------------------------------------------------------


def test_the_spec_examples_make_a_clean_application(programme: Programme) -> None:
    assert check(application(), programme) == []


def test_missing_required_field_names_label_and_where_the_label_is() -> None:
    record = application(operator=None)
    record.label_locations["operator"] = cell(16, 1)
    [found] = check(record)
    assert (found.code, found.field, found.location) == (
        "missing-field",
        "建设运营主体",
        "表1 第16行第1列",
    )
    assert found.message() == "未填写“建设运营主体”"


def test_a_value_the_extractor_could_not_read_is_not_also_missing() -> None:
    record = application(enterprises_total=None)
    record.invalid["enterprises_total"] = Value("一百多", None)
    assert check(record) == []


def test_an_empty_list_counts_as_missing() -> None:
    assert codes(check(application(key_industries=[]))) == [("missing-field", "聚焦区域重点产业")]


def test_type_error_becomes_bad_value_in_chinese() -> None:
    [found] = check(application(enterprises_total="一百多", sme_count=None))
    assert (found.code, found.field) == ("bad-value", "入驻企业数（家）")
    assert found.message() == "“入驻企业数（家）”的值“一百多”无法识别为整数"


def test_month_that_is_not_normalised_is_a_bad_value() -> None:
    [found] = check(application(approval_date="2006年3月"))
    assert (found.code, found.field) == ("bad-value", "批准时间")


def test_allowed_values() -> None:
    [found] = check(application(zone_level="国家"))
    assert (found.code, found.field) == ("not-allowed", "开发区级别")
    assert found.message() == "“开发区级别”应为 国家级、省级 之一，实际为“国家”"


def test_minimum_values() -> None:
    found = check(application(approved_area_ha=0, mentors=-1))
    assert codes(found) == [
        ("out-of-range", "核准面积（公顷）"),
        ("out-of-range", "创业导师数（人）"),
    ]
    assert found[1].message() == "“创业导师数（人）”的值-1超出允许范围（不小于 0）"
    # the bound's words are data, so they follow the report's language (regression: they were
    # Chinese text made with the finding, shown inside English reports)
    assert found[1].message("en") == "“创业导师数（人）” value -1 out of range (at least 0)"
    assert found[1].to_data()["params"]["detail_word"] == "at-least"


@pytest.mark.parametrize(
    ("code", "detail"),
    [
        ("91140100MA0GRXQ12B", "校验位错误，按前17位计算应为 Y"),
        ("91140100MA0GRXQ1", "长度应为18位，实为16位"),
        ("91140100MA0GRXQ1ZB", "含有不允许的字符 Z（不使用 I、O、S、V、Z）"),
    ],
)
def test_credit_code_says_what_failed(code: str, detail: str) -> None:
    [found] = check(application(operator_credit_code=code))
    assert (found.code, found.field) == ("bad-credit-code", "运营主体统一社会信用代码")
    assert found.message().endswith(f"（{detail}）")


def test_zone_code_pattern_is_reported_once() -> None:
    [found] = check(application(zone_code="S14123"))
    assert (found.code, found.field, found.location) == (
        "bad-zone-code",
        "开发区代码",
        "表1 第4行第2列",
    )


@pytest.mark.parametrize("phone", ["13800000000", "0351-1234567", "0351-1234567转801"])
def test_good_phones(phone: str) -> None:
    assert check(application(contact_phone=phone)) == []


def test_bad_phones_name_their_field() -> None:
    found = check(application(contact_phone="138000", city_contact_phone="351-12"))
    assert codes(found) == [("bad-phone", "联系电话"), ("bad-phone", "市级主管部门联系电话")]


def test_email() -> None:
    assert codes(check(application(contact_email="kfq#example.cn"))) == [("bad-email", "电子邮箱")]


@pytest.mark.parametrize(
    ("docno", "code"),
    [
        ("晋政函[2019]12号", "docno-brackets"),
        ("晋政函（2019）12号", "docno-brackets"),
        ("晋政函〔2019〕012号", "docno-nonstandard"),
        ("晋政函2019年12号", "bad-docno"),
    ],
)
def test_approval_document_number(docno: str, code: str) -> None:
    assert codes(check(application(approval_doc=docno))) == [(code, "省政府批准设立文件文号")]


def test_docno_severities() -> None:
    [brackets] = check(application(approval_doc="晋政函【2019】12号"))
    [bad] = check(application(approval_doc="晋政函12号"))
    assert (brackets.severity, bad.severity) == ("warning", "error")


def test_sme_count_within_total() -> None:
    assert check(application(enterprises_total=100, sme_count=100)) == []
    [found] = check(application(enterprises_total=100, sme_count=101))
    assert (found.code, found.field) == ("sme-exceeds-total", "其中：中小企业数（家）")
    assert found.message() == "“其中：中小企业数（家）”（101）大于入驻企业数（100）"


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2020-01", "2022-12"),
        ("2020-01", "2020-12"),
        ("2021-12", "2020-01"),
        ("2020-03", "2022-03"),
    ],
)
def test_period_must_be_two_years(start: str, end: str) -> None:
    [found] = check(application(period_start=start, period_end=end))
    assert (found.code, found.field) == ("period-not-two-years", "实施期（止）")
    assert found.message() == f"实施期应为两年（24个月），实际为{start}至{end}"


def test_two_years_not_starting_in_january() -> None:
    assert check(application(period_start="2020-07", period_end="2022-06")) == []


def test_carrier_type() -> None:
    assert check(application(carrier_type="大中小企业 融通型")) == []
    assert codes(check(application(carrier_type="专业资本集聚型"))) == [
        ("wrong-carrier-type", "载体类型")
    ]


def test_key_industries_one_or_two() -> None:
    assert check(application(key_industries=["装备制造", "新材料"])) == []
    [found] = check(application(key_industries=["装备制造", "新材料", "物流"]))
    assert (found.code, found.params["count"]) == ("key-industries-count", 3)


def test_zone_level_must_be_provincial() -> None:
    [found] = check(application(zone_level="国家级"))
    assert (found.code, found.field) == ("zone-level-not-provincial", "开发区级别")


def test_zone_code_needed_unless_approval_document() -> None:
    assert check(application(zone_code=None)) == []  # the approval document stands in
    assert codes(check(application(zone_code=None, approval_doc=None))) == [
        ("missing-field", "开发区代码")
    ]


# --- Form A against the programme -------------------------------------------------------------


def test_catalogue_exact_match(programme: Programme) -> None:
    assert check(application(approval_doc=None), programme) == []


def test_catalogue_name_variant_is_a_warning(programme: Programme) -> None:
    [found] = check(application(zone_name="山西示范经开区", approval_doc=None), programme)
    assert (found.code, found.severity) == ("zone-name-variant", "warning")
    assert found.message() == "开发区名称“山西示范经开区”与目录中的“山西示范经济开发区”不完全一致"


def test_catalogue_code_mismatch(programme: Programme) -> None:
    [found] = check(application(zone_code="S140102"), programme)
    assert (found.code, found.field) == ("zone-code-mismatch", "开发区代码")
    assert found.params["expected"] == "S141234"


def test_zone_not_in_catalogue_without_approval_document(programme: Programme) -> None:
    found = check(
        application(zone_name="阳曲新设开发区", zone_code="S149999", approval_doc=None), programme
    )
    assert codes(found) == [("zone-not-in-catalogue", "开发区名称")]
    assert found[0].message() == (
        "开发区“阳曲新设开发区”不在《中国开发区审核公告目录》中，且未填写省政府批准设立文件文号"
    )
    found = check(
        application(zone_name="阳曲新设开发区", zone_code=None, approval_doc=None), programme
    )
    assert codes(found) == [
        ("zone-not-in-catalogue", "开发区名称"),
        ("missing-field", "开发区代码"),
    ]


def test_unknown_name_with_a_catalogue_code_names_the_catalogue_zone(programme: Programme) -> None:
    """A name unlike the code's zone is no mere variant (the message said 不完全一致)."""
    [found] = check(application(zone_name="阳曲新设开发区", approval_doc=None), programme)
    assert (found.code, found.params["expected"]) == ("zone-name-mismatch", "山西示范经济开发区")
    assert found.message() == (
        "开发区名称“阳曲新设开发区”与目录中代码 S141234 对应的“山西示范经济开发区”不一致"
    )


def test_malformed_zone_code_is_not_also_a_catalogue_mismatch(programme: Programme) -> None:
    """A code already reported as malformed was reported again as differing from the
    catalogue."""
    found = check(application(zone_code="14-1234"), programme)
    assert codes(found) == [("bad-zone-code", "开发区代码")]


def test_zone_not_in_catalogue_with_approval_document_is_fine(programme: Programme) -> None:
    assert check(application(zone_name="阳曲新设开发区", zone_code=None), programme) == []


def test_national_zone_in_catalogue(programme: Programme) -> None:
    record = application(zone_name="太原示范经济开发区", zone_code="G140101")
    [found] = check(record, programme)
    assert (found.code, found.params["raw"]) == ("zone-level-not-provincial", "国家级（目录）")


def test_city_must_be_configured(programme: Programme) -> None:
    assert check(application(city="太原"), programme) == []
    [found] = check(application(city="阳泉市"), programme)
    assert (found.code, found.field) == ("unknown-city", "所属市")


def test_without_programme_no_catalogue_or_city_checks() -> None:
    assert check(application(city="阳泉市", zone_name="阳曲新设开发区")) == []


def test_findings_follow_the_form_order_and_speak_chinese(programme: Programme) -> None:
    record = application(
        city="阳泉市",
        contact_email="x",
        sme_count=999,
        zone_level="国家",
        operator_credit_code="1",
        period_end="2020-06",
    )
    found = check(record, programme)
    assert [f.field for f in found] == [
        "所属市",
        "开发区级别",
        "运营主体统一社会信用代码",
        "其中：中小企业数（家）",
        "实施期（止）",
        "电子邮箱",
    ]
    assert found == check(record, programme)
    for f in found:
        assert not re.search(r"\b(must|required|value|type|field)\b", f.message()), f.message()


# --- Form B -----------------------------------------------------------------------------------


def indicator(dimension: str, row: int, **changes: Any) -> dict[str, Value]:
    values = {
        "dimension": dimension,
        "indicator": f"{dimension}指标{row}",
        "unit": "个",
        "direction": "≥",
        "baseline": 5,
        "target_y1": 8,
        "target_y2": 10,
        "frequency": "年报",
    }
    values.update(changes)
    columns = list(values)
    return {
        k: Value(str(v), v, Location(sheet="指标", row=row, col=columns.index(k) + 1))
        for k, v in values.items()
        if v is not None
    }


def targets(*rows: dict[str, Value], layout: str = "xlsx") -> Record:
    if not rows:
        rows = tuple(indicator(d, 4 + i) for i, d in enumerate(DIMENSIONS))
    return Record("targets", layout=layout, fields=header("targets"), indicators=list(rows))


def six(**changes_for_first: Any) -> list[dict[str, Value]]:
    """One good indicator per dimension (rows 4–9), the first changed by ``changes``."""
    rows = [indicator(d, 4 + i) for i, d in enumerate(DIMENSIONS)]
    first = {"dimension": DIMENSIONS[0], **changes_for_first}
    rows[0] = indicator(first.pop("dimension"), 4, **first)
    return rows


def test_six_quantitative_dimensions_are_clean() -> None:
    assert check(targets()) == []


def test_dimension_missing() -> None:
    rows = six()[:-1]
    [found] = check(targets(*rows))
    assert (found.code, found.field, found.params["dimension"]) == (
        "dimension-missing",
        "一级指标",
        "辐射带动力",
    )


def test_dimension_without_a_quantitative_indicator() -> None:
    [found] = check(targets(*six(direction="定性", target_y1="完成", target_y2="完成")))
    assert (found.code, found.location) == ("dimension-not-quantitative", "指标!A4")
    assert found.message() == "一级指标“产业集聚度”下没有可量化、可考核的定量指标"


def test_a_qualitative_indicator_beside_a_quantitative_one_is_fine() -> None:
    extra = indicator(
        "产业集聚度", 10, direction="定性", unit=None, target_y1="完成", target_y2="完成"
    )
    assert check(targets(*six(), extra)) == []


def test_dimension_cells_are_read_tolerantly() -> None:
    rows = six(dimension="一、产业集聚度（20分）")
    assert check(targets(*rows)) == []


def test_unknown_dimension_is_a_warning_at_its_cell() -> None:
    [found] = check(targets(*six(), indicator("产业水平", 10)))
    assert (found.code, found.severity, found.location) == (
        "unknown-dimension",
        "warning",
        "指标!A10",
    )


def test_fiscal_layout_is_one_error_not_one_per_dimension_and_row() -> None:
    """Bug: a fiscal table (产出/效益/满意度) gave dimension-missing six times and
    indicator-incomplete on every row, besides the layout warning."""
    rows = [indicator("产出指标", 4 + i, target_y2=None, frequency=None) for i in range(3)]
    record = targets(*rows, layout="fiscal")
    record.label_locations["indicators"] = Location(sheet="指标", row=3, col=1)
    [found] = check(record)
    assert (found.code, found.severity, found.field, found.location) == (
        "fiscal-layout-not-accepted",
        "error",
        "绩效评价指标",
        "指标!A3",
    )
    assert found.message() == (
        "“绩效评价指标”未按本项目要求的六个一级指标填报（现为“产出/效益/满意度”财政绩效格式），"
        "其中的指标未予核对"
    )


def test_fiscal_table_in_a_file_gives_the_warning_and_one_error() -> None:
    data, kind, _ = xlsx_fiscal()
    result = analyse(read_document("fiscal.xlsx", data, kind), Options())
    assert [f.code for f in result.findings if f.code != "missing-field"] == [
        "layout-fiscal",
        "fiscal-layout-not-accepted",
    ]


def test_target_decreasing_for_more_is_better() -> None:
    [found] = check(targets(*six(target_y1=10, target_y2=8)))
    assert (found.code, found.field, found.location) == (
        "target-decreasing",
        "第二年目标值",
        "指标!G4",
    )
    assert found.message() == "指标“产业集聚度指标4”第二年目标值（8）低于第一年（10）"


def test_falling_target_of_less_is_better_is_fine() -> None:
    assert check(targets(*six(direction="≤", target_y1=10, target_y2=8))) == []


def test_incomplete_indicator_names_row_and_column() -> None:
    [found] = check(targets(*six(target_y2=None)))
    assert (found.code, found.field, found.location) == (
        "indicator-incomplete",
        "第二年目标值",
        "指标!第4行",
    )
    assert found.message() == "指标“产业集聚度指标4”未填写“第二年目标值”"


def test_quantitative_indicator_without_unit() -> None:
    [found] = check(targets(*six(unit=None)))
    assert (found.code, found.severity) == ("unit-missing", "warning")


def test_direction_must_be_one_of_four() -> None:
    found = check(targets(*six(direction="越大越好")))
    assert ("not-allowed", "指标性质") in codes(found)


def test_no_indicator_rows() -> None:
    record = Record("targets", fields=header("targets"))
    assert codes(check(record)) == [("no-indicators", "绩效评价指标")]


def blank(form: str, fmt: str) -> list[Finding]:
    """What ``formkit check`` finds in the blank form ``formkit forms`` writes."""
    doc = read_document(f"{form}.{fmt}", form_bytes(form, fmt), fmt)
    return analyse(doc, Options()).findings


@pytest.mark.parametrize(("form", "sheet"), [("targets", "评价指标"), ("progress", "指标进展")])
def test_blank_indicator_table_misses_each_dimension(form: str, sheet: str) -> None:
    """Bug: the blank table (six pre-printed 一级指标, no indicators) gave one no-indicators;
    the table is there, its pre-printed rows are blank, and each dimension is missing."""
    found = [f for f in blank(form, "xlsx") if f.code != "missing-field"]
    assert [(f.code, f.params.get("dimension")) for f in found] == [
        ("dimension-missing", d) for d in DIMENSIONS
    ]
    # each at its own pre-printed row (rows 3, 5, … 13), where its indicators belong
    assert [f.location for f in found] == [f"{sheet}!A{r}" for r in range(3, 15, 2)]


def test_targets_header_period() -> None:
    record = Record("targets", fields=header("targets", period_end="2020-12"), indicators=six())
    assert codes(check(record)) == [("period-not-two-years", "实施期（止）")]


# --- the plan ---------------------------------------------------------------------------------

PARTS = ["existing_work", "carrier_status", "targets", "content", "fund_use", "responsibilities"]
TEXT = "开发区围绕装备制造产业链，建设公共技术服务平台，组织大中小企业对接活动，" * 2


def plan(
    parts: dict[str, str] | None = None, uses: tuple[tuple[str, float], ...] = (), **changes: Any
) -> Record:
    parts = {p: TEXT for p in PARTS} if parts is None else parts
    sections = {
        k: Value(v, v, Location(paragraph=10 * (i + 1))) for i, (k, v) in enumerate(parts.items())
    }
    rows = [{"use": Value(u, u), "amount_wan": Value(str(a), a)} for u, a in uses]
    return Record("plan", fields=header("plan", **changes), sections=sections, indicators=rows)


def test_complete_plan_is_clean() -> None:
    assert check(plan(uses=(("直接补助", 200), ("绩效奖励", 200), ("购买服务", 100)))) == []


def test_missing_part_names_the_canonical_heading() -> None:
    parts = {p: TEXT for p in PARTS if p != "fund_use"}
    [found] = check(plan(parts))
    assert (found.code, found.field) == ("section-missing", "资金使用方向")
    assert found.message() == "实施方案缺少“资金使用方向”部分"


def test_plan_without_any_heading_misses_all_six_parts_in_order() -> None:
    found = check(plan({}))
    assert [f.field for f in found] == [
        "开发区既有双创工作开展情况",
        "融通型特色载体发展现状",
        "实施目标",
        "具体实施内容",
        "资金使用方向",
        "责任分工",
    ]


def test_thin_part_is_a_warning_with_its_length() -> None:
    parts = {p: TEXT for p in PARTS} | {"content": "见附件。"}
    [found] = check(plan(parts))
    assert (found.code, found.field, found.location) == ("section-thin", "具体实施内容", "第40段")
    assert found.params["count"] == 4


def test_fund_uses_must_add_up_to_the_subsidy() -> None:
    [found] = check(plan(uses=(("直接补助", 200), ("绩效奖励", 200))))
    assert found.code == "fund-uses-mismatch"
    assert found.field == "申请省级奖补资金（万元）"
    assert found.message() == (
        "资金使用方向各项金额合计400万元，与“申请省级奖补资金（万元）”所填的500万元不一致"
    )


def test_blank_outline_misses_each_part() -> None:
    """Bug: the blank outline checked as section-thin for the parts holding sub-headings or
    the pre-printed fund-use table."""
    found = [f for f in blank("plan", "docx") if f.code != "missing-field"]
    assert [(f.code, f.field) for f in found] == [
        ("section-missing", spec_part.label) for spec_part in load_spec("plan").parts
    ]


def test_incomplete_fund_use_row_is_no_indicator() -> None:
    """Bug: a fund-use row without an amount read 指标“第1项”未填写“金额（万元）”."""
    record = plan(uses=(("直接补助", 500),))
    record.indicators.insert(0, {"use": Value("购买服务", "购买服务")})
    [found] = check(record)
    assert (found.code, found.field) == ("row-incomplete", "金额（万元）")
    assert found.message() == "资金使用计划表第1行未填写“金额（万元）”"


def test_fund_use_of_an_extracted_plan_quotes_the_value_typed() -> None:
    """The plan's fund uses are a list field, not indicator rows: the message quoted an
    empty “” where the use typed belongs."""
    record = plan()
    rows = [{"use": "直接补助", "amount_wan": 300}, {"use": "发放奖金", "amount_wan": 200}]
    record.fields["fund_uses"] = Value("直接补助 300；发放奖金 200", rows, cell(30, 1))
    [found] = check(record)
    assert (found.code, found.location) == ("not-allowed", "表1 第30行第1列")
    assert found.message().endswith("实际为“发放奖金”")


def test_fund_use_kind() -> None:
    found = check(plan(uses=(("直接补助", 300), ("发放奖金", 200))))
    assert codes(found) == [("not-allowed", "用途")]


# --- progress ---------------------------------------------------------------------------------


def progress(**changes: Any) -> Record:
    rows = [
        {
            "dimension": Value(d, d),
            "indicator": Value(f"{d}指标", f"{d}指标"),
            "value_end": Value("6", 6),
        }
        for d in DIMENSIONS
    ]
    return Record("progress", fields=header("progress", **changes), indicators=rows)


def test_progress_report_is_clean() -> None:
    assert check(progress()) == []


def test_progress_rows_name_known_dimensions_and_need_no_direction() -> None:
    """Bug: progress.yaml lacked form.dimensions (every row got unknown-dimension), and once
    it had them every dimension got dimension-not-quantitative — a progress report has no
    指标性质 column."""
    found = check(progress())
    assert "unknown-dimension" not in {f.code for f in found}
    assert "dimension-not-quantitative" not in {f.code for f in found}


def test_progress_report_misses_a_dimension() -> None:
    record = progress()
    record.indicators.pop()
    assert [(f.code, f.params["dimension"]) for f in check(record)] == [
        ("dimension-missing", "辐射带动力")
    ]


def test_self_evaluation_target_makes_an_indicator_quantitative() -> None:
    rows = [
        {
            "dimension": Value(d, d),
            "indicator": Value(f"{d}指标", f"{d}指标"),
            "unit": Value("个", "个"),
            "direction": Value("≥", "≥"),
            "target": Value("10", 10),
            "actual": Value("12", 12),
        }
        for d in DIMENSIONS
    ]
    record = Record("self_eval", fields=header("self_eval"), indicators=rows)
    assert "dimension-not-quantitative" not in {f.code for f in check(record)}


def test_execution_rate_must_match_spent_over_budget() -> None:
    [found] = check(progress(execution_rate=30))
    assert (found.code, found.params["expected"]) == ("execution-rate-mismatch", "25")


def test_spent_over_budget() -> None:
    found = check(progress(spent=600, execution_rate=120))
    assert codes(found) == [("spent-exceeds-budget", "执行数（万元）"), ("out-of-range", "执行率")]


def test_spent_over_budget_names_the_unit_once() -> None:
    """The message read “执行数（万元）”（600 万元）: the unit twice."""
    [found, _] = check(progress(spent=600, execution_rate=120))
    assert found.message() == "“执行数（万元）”填报为600，大于预算数500"


def test_report_period_is_one_of_the_boxes() -> None:
    assert codes(check(progress(period="第一季度"))) == [("not-allowed", "报送时间段")]
    assert codes(check(progress(zone_code="14-1234"))) == [("bad-zone-code", "开发区代码")]


# --- how messages read ------------------------------------------------------------------------

_ENGLISH = re.compile(r"\b(?!Excel\b)[A-Za-z]{3,}\b")
_UNIT_TWICE = re.compile(r"（([^（）]+)）”[（\s]*[\d.]+\s*\1")


def flawed_records() -> list[Record]:
    fund_uses = plan()
    rows = [{"use": "直接补助", "amount_wan": 200}, {"use": "发放奖金", "amount_wan": 100}]
    rows.append({"use": "购买服务"})
    fund_uses.fields["fund_uses"] = Value("直接补助 200；发放奖金 100；购买服务", rows, cell(30, 1))
    return [
        application(zone_code="14-1234", contact_phone="123", contact_email="a@"),
        application(approval_doc="晋政函〔2019〕第012号", approved_area_ha=-5),
        application(sme_count=500, enterprises_total=100, period_end="2022-12"),
        application(carrier_type="孵化器", key_industries=["甲", "乙", "丙"], city="北京市"),
        application(zone_name="阳曲新设开发区", approval_doc=None),
        targets(*six(target_y1=10, target_y2=8, unit=None), indicator("产业水平", 10)),
        targets(*six(direction="越大越好", frequency="月报", target_y2=None)),
        progress(spent=600, execution_rate=120, period="第一季度"),
        plan({p: TEXT for p in PARTS} | {"content": "见附件。"}),
        fund_uses,
    ]


def test_every_message_reads_as_one_chinese_sentence(programme: Programme) -> None:
    found = [f for r in flawed_records() for f in check(r, programme)]
    found += blank("plan", "docx") + blank("targets", "xlsx") + blank("application", "xlsx")
    assert len({f.code for f in found}) >= 20
    for f in found:
        message = f.message()
        assert not re.search(r"[{}]|“”|（）|\(\)", message), message
        assert not _ENGLISH.search(message), message
        assert not _UNIT_TWICE.search(message), message
        assert f.location, (f.code, message)


# --- table rows without Cerberus' nested lists -------------------------------------------

ODD_ROWS = [
    indicator("产业集聚度", 4, direction="越大越好", frequency="月报"),
    indicator("不存在的维度", 5, target_y1=None, unit=12),
    {k: v for k, v in indicator("资源聚集力", 6, baseline=True).items() if k != "dimension"},
    indicator("持续发展力", 7, unit=["个", "%"], direction="大于"),  # a list: left to Cerberus
    indicator("产出与效益", 8, target_y2=1.5, baseline="约 5", frequency="年报"),
    {},
]


def nested_cerberus(self: Validators, doc: dict[str, Any]) -> list[Any]:
    """What Cerberus reports validating the whole table as one nested list-of-dict rule."""
    whole = self.whole()
    whole.validate(doc, normalize=False)
    return list(whole._errors)


@pytest.mark.parametrize("form", ["targets", "progress", "self_eval"])
def test_rows_checked_one_by_one_give_the_findings_of_the_nested_schema(
    form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = Record(form, layout="xlsx", fields=header(form), indicators=list(ODD_ROWS))
    fast = check(record)
    monkeypatch.setattr(Validators, "run", nested_cerberus)
    reference = check(record)
    assert [(f.code, f.field, f.location, f.message()) for f in fast] == [
        (f.code, f.field, f.location, f.message()) for f in reference
    ]
    assert len(fast) > 4


def test_odd_rows_give_each_finding_at_its_cell() -> None:
    found = codes(check(targets(*ODD_ROWS)))
    assert ("not-allowed", "指标性质") in found
    assert ("not-allowed", "报送频率") in found
    assert ("bad-value", "基期值") in found  # a yes/no is not a number
    assert ("unknown-dimension", "一级指标") in found
    assert ("bad-value", "单位") in found
