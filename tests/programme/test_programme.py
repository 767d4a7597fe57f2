"""Programme configuration and the zone catalogue."""

import datetime as dt
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from formkit.model.errors import ConfigError
from formkit.programme import load_catalogue, load_programme
from formkit.programme.catalogue import went_through_numbers
from formkit.programme.zonenames import zone_key

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HEADER = "序号,开发区名称,批准时间,核准面积（公顷）,主导产业,开发区代码,级别,所属市\n"
ROWS = (
    "1,太原示范经济开发区,2006.03,1250.5,装备制造、新材料,S140101,省级,太原市\n"
    "2,大同样例高新技术产业开发区,1994.10,800,电子信息,G140201,国家级,大同市\n"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def approval_rows(*months: str) -> str:
    """Catalogue rows that differ only in name and 批准时间."""
    return "".join(
        f"{i},示范{i}经济开发区,{m},1,a,S14000{i},省级,太原市\n" for i, m in enumerate(months, 1)
    )


# --- the catalogue ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_catalogue_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    catalogue = load_catalogue(write(tmp_path, "目录.csv", HEADER + ROWS, encoding))
    first = catalogue.zones[0]
    assert first.name == "太原示范经济开发区"
    assert (first.code, first.level, first.city, first.approved) == (
        "S140101",
        "省级",
        "太原市",
        "2006-03",
    )
    assert first.area_ha == 1250.5
    assert first.industries == ("装备制造", "新材料")
    assert len(catalogue) == 2 and catalogue.notes == ()


def test_xlsx_catalogue_with_a_title_row_and_excel_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["中国开发区审核公告目录（样例）"])
    sheet.append(HEADER.strip().split(","))
    sheet.append(
        [1, "太原示范经济开发区", 2006.03, 1250.5, "装备制造", "S140101", "省级", "太原市"]
    )
    sheet.append([2, "晋中样例经济开发区", 2006.1, 300, "食品加工", "S140401", None, "晋中市"])
    sheet.append(
        [3, "运城演示工业园区", dt.datetime(2012, 5, 1), 120, "新材料", "S140501", "省级", "运城市"]
    )
    path = tmp_path / "目录.xlsx"
    book.save(path)
    catalogue = load_catalogue(path)
    assert [z.approved for z in catalogue.zones] == ["2006-03", "2006-10", "2012-05"]
    assert catalogue.zones[1].level == "省级"  # derived from the code's letter
    (line,) = catalogue.note_lines()
    assert line == "目录.xlsx 第4行：批准时间为数字2006.1（Excel 去掉了末尾的0），按2006-10读取"
    (note,) = catalogue.notes  # the note is data: code, params and the file's row
    assert (note.code, note.severity, note.location) == (
        "catalogue-month-number",
        "warning",
        "第4行",
    )
    assert note.params == {"value": "2006.1", "month": "2006-10"}


def test_xlsx_numbers_2006_2_to_2006_9_are_months_two_to_nine(tmp_path: Path) -> None:
    """Bug: _numeric_month read 2006.2 as month 20 and ignored it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    for i, month in enumerate((2006.2, 2006.9, 2006.12), start=1):
        sheet.append(
            [i, f"样例{i}经济开发区", month, 100, "新材料", f"S14010{i}", "省级", "太原市"]
        )
    path = tmp_path / "目录.xlsx"
    book.save(path)
    catalogue = load_catalogue(path)
    assert [z.approved for z in catalogue.zones] == ["2006-02", "2006-09", "2006-12"]
    assert catalogue.notes == ()


def test_text_2006_1_is_october_when_the_column_went_through_numbers(tmp_path: Path) -> None:
    rows = approval_rows("2006.03", "2006.1")
    catalogue = load_catalogue(write(tmp_path, "c.csv", HEADER + rows))
    assert catalogue.zones[1].approved == "2006-10"
    assert catalogue.note_lines() == [
        "c.csv 第3行：批准时间“2006.1”疑为 Excel 把2006.10存成了数字，按2006-10读取",
    ]
    assert catalogue.note_lines("en") == [
        "c.csv row 3: “批准时间” “2006.1” looks like 2006.10 that Excel stored as a number;"
        " read as 2006-10",
    ]


def test_text_2006_1_is_january_when_the_column_was_typed(tmp_path: Path) -> None:
    rows = approval_rows("2006.3", "2006.1")
    catalogue = load_catalogue(write(tmp_path, "c.csv", HEADER + rows))
    assert [z.approved for z in catalogue.zones] == ["2006-03", "2006-01"]
    assert catalogue.note_lines() == [
        "c.csv 第3行：批准时间“2006.1”按2006-01读取；若原为2006.10请更正目录"
    ]


def test_column_evidence_of_numbers() -> None:
    assert went_through_numbers(["2006.03", "2006.1", "2011.12"])
    assert not went_through_numbers(["2006.03", "2006.1", "2011.10"])  # an October survived
    assert not went_through_numbers(["2006.3", "2006.1"])  # months typed without zero
    assert not went_through_numbers(["2006.1"])  # no evidence either way


def test_unreadable_approval_month_is_a_note_not_an_error(tmp_path: Path) -> None:
    rows = "1,甲示范经济开发区,早年,1,a,S140101,省级,太原市\n"
    catalogue = load_catalogue(write(tmp_path, "c.csv", HEADER + rows))
    assert catalogue.zones[0].approved is None
    assert catalogue.note_lines() == ["c.csv 第2行：批准时间“早年”无法识别，已忽略"]


def test_catalogue_without_name_column_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=re.escape("c.csv：开发区目录缺少“开发区名称”列")):
        load_catalogue(write(tmp_path, "c.csv", "序号,名字\n1,甲\n"))


def test_catalogue_in_an_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xff\xfe" + HEADER.encode("utf-16-le"))
    with pytest.raises(ConfigError, match=re.escape("c.csv")):
        load_catalogue(path)


def test_broken_xlsx_catalogue(tmp_path: Path) -> None:
    path = write(tmp_path, "c.xlsx", "not a workbook")
    with pytest.raises(ConfigError, match=re.escape("c.xlsx：无法读取开发区目录")):
        load_catalogue(path)


def test_lookup_exact_variant_and_code(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, "c.csv", HEADER + ROWS))
    exact = catalogue.lookup("太原示范经济开发区")
    assert exact is not None and exact.kind == "exact"
    for variant in (
        "山西省太原市示范经济技术开发区",
        "太原示范经开区",
        "太原 示范经济开发区"[:0] + "太原市示范开发区",
    ):
        found = catalogue.lookup(variant)
        assert found is not None and (found.kind, found.zone.code) == ("variant", "S140101")
    by_code = catalogue.lookup("完全不同的名字", "G140201")
    assert by_code is not None and (by_code.kind, by_code.zone.name) == (
        "code",
        "大同样例高新技术产业开发区",
    )
    assert catalogue.lookup("不存在的开发区") is None


def test_spaces_inside_a_name_still_match_exactly(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, "c.csv", HEADER + ROWS))
    found = catalogue.lookup("太原示范 经济开发区")
    assert found is not None and found.kind == "exact"


def test_ambiguous_variant_is_not_guessed(tmp_path: Path) -> None:
    rows = (
        "1,太原示范经济开发区,2006.03,1,a,S140101,省级,太原市\n"
        "2,太原示范经济技术开发区,2006.03,1,a,S140102,省级,太原市\n"
    )
    catalogue = load_catalogue(write(tmp_path, "c.csv", HEADER + rows))
    assert catalogue.lookup("太原示范经开区") is None
    found = catalogue.lookup("太原示范经开区", "S140102")
    assert found is not None and found.zone.name == "太原示范经济技术开发区"


def test_zone_key_keeps_suffix_families_apart() -> None:
    assert zone_key("山西省太原市示范经济技术开发区") == ("太原示范", "开发区")
    assert zone_key("太原示范高新技术产业开发区") == ("太原示范", "高新区")
    assert zone_key("太原示范产业园区") == ("太原示范", "园区")


def test_sample_catalogue_is_synthetic_and_complete() -> None:
    catalogue = load_catalogue(SAMPLES / "catalogue.csv")
    assert len(catalogue) == 40 and catalogue.notes == ()
    assert all(z.code and z.level and z.city and z.approved for z in catalogue.zones)
    assert {z.level for z in catalogue.zones} == {"省级", "国家级"}


# --- the programme ----------------------------------------------------------------------------


def test_sample_programme() -> None:
    prog = load_programme(SAMPLES / "programme.yaml")
    assert prog.synthetic and prog.year == 2020
    assert (prog.agency, prog.docno_prefix) == ("山西省小企业发展促进局", "晋企发")
    assert [c.name for c in prog.cities] == [
        "太原市",
        "大同市",
        "长治市",
        "晋中市",
        "运城市",
        "临汾市",
    ]
    assert prog.quota("太原市") == 2 and prog.quota("太原") == 2 and prog.quota("阳泉市") == 0
    assert prog.is_demo_county("清徐县", "太原市") and not prog.is_demo_county("清徐县", "大同市")
    assert prog.catalogue is not None and len(prog.catalogue) == 40
    assert sum(prog.evaluation.weights.values()) == 100
    assert prog.evaluation.grade(85) == "良好" and prog.evaluation.grade(59.9) == "不合格"


def test_2020_holidays_and_adjusted_workdays() -> None:
    prog = load_programme(SAMPLES / "programme.yaml")
    assert not prog.is_workday(dt.date(2020, 10, 5))  # 国庆 on a Monday
    assert prog.is_workday(dt.date(2020, 10, 10))  # 调休 Saturday
    assert not prog.is_workday(dt.date(2020, 10, 11))  # ordinary Sunday
    assert not prog.is_workday(dt.date(2020, 1, 31))  # 春节 extended
    # five working days of 公示 starting after Monday 28 September end on 12 October
    assert prog.add_workdays(dt.date(2020, 9, 28), 5) == dt.date(2020, 10, 12)


def programme_file(tmp_path: Path, body: str) -> Path:
    shutil.copy(SAMPLES / "catalogue.csv", tmp_path / "catalogue.csv")
    return write(tmp_path, "programme.yaml", body)


BASE = "year: 2020\nagency: 省局\ndocno_prefix: 晋企发\n"


def test_minimal_programme_gets_documented_defaults(tmp_path: Path) -> None:
    prog = load_programme(programme_file(tmp_path, BASE + "cities: [{name: 太原市, quota: 1}]\n"))
    assert prog.catalogue is None and prog.publicity_days == 5 and not prog.synthetic
    assert prog.evaluation.weights["产业集聚度"] == 20.0
    assert [g.name for g in prog.evaluation.grades] == ["优秀", "良好", "合格", "不合格"]
    assert prog.is_workday(dt.date(2020, 10, 5))  # no holidays configured


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "agency: 省局\ndocno_prefix: 晋企发\ncities: [{name: 太原市, quota: 1}]\n",
            "programme.yaml：缺少 year",
        ),
        (
            BASE + "cities: [{name: 太原市, quota: 1}, {name: 大同市}]\n",
            "programme.yaml：cities 第2项缺少 quota",
        ),
        (
            BASE + "cities: [{name: 太原市, quota: 两个}]\n",
            "programme.yaml：cities 第1项 quota 应为整数",
        ),
        (BASE, "programme.yaml：缺少 cities"),
        (BASE + "cities: [{name: 太原市, quota: 1}, {name: 太原市, quota: 2}]\n", "重复的地市"),
        (
            BASE + "cities: [{name: 太原市, quota: 1}]\nholidays: [2020-13-01]\n",
            "programme.yaml：holidays 第1项“2020-13-01”应为日期",
        ),
        (
            BASE + "cities: [{name: 太原市, quota: 1}]\ncatalogue: missing.csv\n",
            "programme.yaml：catalogue 指向的文件不存在：missing.csv",
        ),
        (
            BASE + "cities: [{name: 太原市, quota: 1}]\nevaluation: {weights: {创新: 100}}\n",
            "evaluation.weights 含有不是一级指标的项：创新",
        ),
        ("year: [\n", "programme.yaml：第2行 YAML 格式错误"),
        ("- just a list\n", "programme.yaml：应为键值形式的配置"),
    ],
)
def test_bad_configuration_names_file_and_key(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_programme(programme_file(tmp_path, body))


def test_missing_programme_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=re.escape("nothing.yaml：无法读取")):
        load_programme(tmp_path / "nothing.yaml")


def test_a_configuration_error_is_data_worded_in_chinese_and_english(tmp_path: Path) -> None:
    body = BASE + "cities: [{name: 太原市, quota: 两个}]\n"
    with pytest.raises(ConfigError) as caught:
        load_programme(programme_file(tmp_path, body))
    err = caught.value
    assert (err.code, err.params) == (
        "programme-not-integer",
        {
            "file": "programme.yaml",
            "at_word": "programme-at-part",
            "key": "cities",
            "item": 1,
            "part": "quota",
        },
    )
    assert str(err) == "programme.yaml：cities 第1项 quota 应为整数"
    assert err.message("en") == "programme.yaml: quota of cities item 1 must be a whole number"


@pytest.mark.parametrize(
    ("body", "zh", "en"),
    [
        (
            BASE + "cities: [{name: 太原市, quota: 1}]\napproved: [{zone: a}]\n",
            "programme.yaml：approved 第1项缺少 city",
            "programme.yaml: approved item 1 lacks city",
        ),
        (
            BASE + "cities: [{name: 太原市, quota: 1}]\nallocation: {rule: x}\n",
            "programme.yaml：allocation.rule 应为 equal / tiers 之一",
            "programme.yaml: allocation.rule must be one of equal / tiers",
        ),
        (
            BASE + "cities: [{name: 太原市, quota: 1}]\npanel: {margin: x}\n",
            "programme.yaml：panel.margin 应为数字，现为'x'",
            "programme.yaml: panel.margin must be a number, not 'x'",
        ),
    ],
)
def test_each_kind_of_place_reads_in_both_languages(
    tmp_path: Path, body: str, zh: str, en: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_programme(programme_file(tmp_path, body))
    assert (str(caught.value), caught.value.message("en")) == (zh, en)


def test_an_area_that_is_not_a_number_is_a_note(tmp_path: Path) -> None:
    rows = "1,甲示范经济开发区,2006.03,约一千,a,S140101,省级,太原市\n"
    catalogue = load_catalogue(write(tmp_path, "c.csv", HEADER + rows))
    assert catalogue.zones[0].area_ha is None
    assert catalogue.note_lines() == ["c.csv 第2行：核准面积“约一千”不是数字，已忽略"]
    assert catalogue.note_lines("en") == [
        "c.csv row 2: “核准面积” (approved area) “约一千” is not a number; ignored"
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("cities: [太原市]\n", "cities 第1项 应为键值形式，如 {name: 太原市, quota: 2}"),
        (
            "cities: [{name: 太原市, quota: 1}]\ndemo_counties: [清徐县]\n",
            "demo_counties 第1项 应为键值形式，如 {name: 清徐县, city: 太原市}",
        ),
        (
            "cities: [{name: 太原市, quota: 1}]\nevaluation: {grades: [优秀]}\n",
            "evaluation.grades 第1项 应为键值形式，如 {name: 优秀, min: 90}",
        ),
        (
            "cities: [{name: 太原市, quota: 1}]\napproved: [甲]\n",
            "approved 第1项 应为键值形式，如 {zone: 太原样例经济技术开发区, city: 太原市}",
        ),
        (
            "cities: [{name: 太原市, quota: 1}]\npanel: {criteria: [甲]}\n",
            "panel.criteria 第1项 应为键值形式，如 {name: 产业特色与发展基础, weight: 20}",
        ),
    ],
)
def test_an_item_that_is_not_a_mapping_is_shown_an_item_of_its_own_list(
    tmp_path: Path, body: str, message: str
) -> None:
    """Bug: every list was shown a city ({name: 太原市, quota: 2}) as its example."""
    with pytest.raises(ConfigError) as caught:
        load_programme(programme_file(tmp_path, BASE + body))
    assert str(caught.value) == f"programme.yaml：{message}"
