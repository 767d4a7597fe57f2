"""Dossier checks (documents, agreement between documents, fund uses, yearly targets) and the
programme's rules (quota, 示范县, the city letter), on dossiers built from stored results."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from formkit.jobs.batch.dossier import Identify, group, submissions
from formkit.jobs.batch.review import for_review, review
from formkit.jobs.entries import Entry
from formkit.programme import load_programme
from formkit.spec import load_all

from . import builders as b
from .conftest import PROGRAMME

SPECS = load_all()


def entries_of(folder: str, data: dict[str, Any]) -> list[Entry]:
    out = []
    for form, values in data.items():
        fields = {k: v for k, v in values.items() if k not in ("indicators", "sections")}
        result = {
            "file": f"{folder}/{form}.docx",
            "form": form,
            "fields": fields,
            "indicators": values.get("indicators", []),
            "sources": {},
            "findings": [],
        }
        out.append(Entry(result["file"], 0, result, False, None, 0, "0" * 64, 1))
    return out


def valid(
    name: str = "太原样例经济技术开发区",
    code: str = "S140102",
    city: str = "太原市",
    county: str = "小店区",
    seed: int = 1,
) -> dict[str, Any]:
    return copy.deepcopy(b.zone(name, code, city, county, seed))


def codes_of(data: dict[str, Any], *more: Entry, programme: Any = None) -> list[str]:
    rev = review([*entries_of("z", data), *more], programme, SPECS)
    (zone,) = rev.zones
    return [i.code for i in zone.issues]


def test_a_complete_consistent_dossier_has_no_dossier_issue() -> None:
    assert codes_of(valid()) == []


def test_each_missing_document_is_named() -> None:
    data = valid()
    del data["plan"]
    rev = review(entries_of("z", data), None, SPECS)
    (missing,) = [i for i in rev.zones[0].issues if i.code == "document-missing"]
    assert missing.message == "未提交“两年期实施方案”"
    assert rev.zones[0].status == "需补正"


@pytest.mark.parametrize(
    ("form", "key", "value"),
    [
        ("targets", "carrier_name", "另一个特色载体"),
        ("targets", "period_end", "2022-12"),
        ("targets", "subsidy", 450),
        ("plan", "subsidy_requested", 450),
    ],
)
def test_facts_that_differ_between_documents_are_errors(form: str, key: str, value: Any) -> None:
    data = valid()
    data[form][key] = value
    rev = review(entries_of("z", data), None, SPECS)
    (found,) = [i for i in rev.zones[0].issues if i.code == "field-mismatch"]
    assert found.severity == "error" and found.file == f"z/{form}.docx"
    assert "申报信息表" in found.message and str(value) in found.message


def test_a_zone_name_in_other_words_is_a_warning_not_an_error() -> None:
    data = valid()
    data["targets"]["zone_name"] = "山西太原样例经济技术开发区"
    rev = review(entries_of("z", data), None, SPECS)
    (found,) = [i for i in rev.zones[0].issues if i.code == "field-mismatch"]
    assert found.severity == "warning" and rev.zones[0].status == "通过"


def test_fund_uses_are_checked_against_the_amount_of_form_a() -> None:
    data = valid()
    data["plan"].pop("subsidy_requested")  # the plan itself states no amount
    data["plan"]["fund_uses"][0]["amount_wan"] -= 50
    rev = review(entries_of("z", data), None, SPECS)
    (found,) = [i for i in rev.zones[0].issues if i.code == "fund-uses-mismatch"]
    total = data["application"]["subsidy_requested"] - 50
    assert f"合计{total}万元" in found.message and "申报信息表" in found.message


def test_a_plan_without_fund_amounts_is_a_warning() -> None:
    data = valid()
    del data["plan"]["fund_uses"]
    assert "fund-uses-missing" in codes_of(data)


def test_yearly_targets_in_the_plan_must_match_form_b() -> None:
    data = valid()
    row = data["targets"]["indicators"][4]  # 创业导师数
    data["plan"]["year1_goal"] = f"{row['indicator']}达到{row['target_y1']}人，新增平台两个。"
    data["plan"]["year2_goal"] = f"{row['indicator']}达到{row['target_y2'] + 5}人。"
    rev = review(entries_of("z", data), None, SPECS)
    (found,) = [i for i in rev.zones[0].issues if i.code == "plan-targets-mismatch"]
    assert "第二年" in found.message and str(row["target_y2"] + 5) in found.message


def test_the_review_of_results_cut_for_it_is_the_review_of_the_whole_results() -> None:
    data = valid()
    row = data["targets"]["indicators"][4]
    data["plan"]["year2_goal"] = f"{row['indicator']}达到{row['target_y2'] + 5}人。"
    data["plan"].pop("subsidy_requested")
    data["plan"]["fund_uses"][0]["amount_wan"] -= 50
    data["application"]["carrier_name"] = "另一载体"
    data["application"]["in_demo_county"] = True
    whole = [*entries_of("z", data), letter("太原市", ["别的开发区"])]
    for e in whole:
        e.result.update(layout=e.result["form"], sections={"content": "正文" * 500})
        e.result["sources"] = {k: f"第{n}段" for n, k in enumerate(e.result["fields"])}
    cut = [dataclasses.replace(e, result=for_review(e.result)) for e in whole]
    assert "sections" not in cut[0].result and "layout" not in cut[0].result
    programme = load_programme(PROGRAMME)
    full, slim = review(whole, programme, SPECS), review(cut, programme, SPECS)
    assert {"plan-targets-mismatch", "fund-uses-mismatch", "field-mismatch"} <= {
        i.code for i in full.zones[0].issues
    }
    assert {"letter-zone-missing"} <= {i.code for i in full.other_issues}
    (z,), (y,) = full.zones, slim.zones
    assert (y.issues, y.city, y.zone, y.carrier(), y.subsidy(), y.dossier.zone_code) == (
        z.issues,
        z.city,
        z.zone,
        z.carrier(),
        z.subsidy(),
        z.dossier.zone_code,
    )
    assert (slim.other_issues, slim.files, slim.date) == (full.other_issues, full.files, full.date)


def letter(city: str, zones: list[str], docno: str = "并工信函〔2020〕1号") -> Entry:
    result: dict[str, Any] = {
        "file": f"{city}/推荐函.docx",
        "form": "city_letter",
        "sources": {"zones": "第6段"},
        "fields": {"city": city, "doc_no": docno, "zones": zones},
        "findings": [],
    }
    return Entry(result["file"], 0, result, False, None, 0, "0" * 64, 1)


def three_taiyuan_zones() -> list[Entry]:
    out = []
    for n, (name, code) in enumerate(
        (
            ("太原样例经济技术开发区", "S140102"),
            ("太原演示工业园区", "S140103"),
            ("太原试点产业园区", "S140104"),
        )
    ):
        out += entries_of(f"太原市/{n}", valid(name, code, seed=n))
    return out


def test_zones_past_the_quota_in_the_letters_order_exceed_it() -> None:
    programme = load_programme(PROGRAMME)  # 太原市: quota 2
    order = ["太原试点产业园区", "太原样例经济技术开发区", "太原演示工业园区"]
    rev = review([*three_taiyuan_zones(), letter("太原市", order)], programme, SPECS)
    over = [z.zone for z in rev.zones if any(i.code == "quota-exceeded" for i in z.issues)]
    assert over == ["太原演示工业园区"]
    (found,) = [i for z in rev.zones for i in z.issues if i.code == "quota-exceeded"]
    assert found.message == "太原市分配名额2个，推荐3个，超出1个"


def test_without_a_letter_every_zone_of_a_city_over_quota_is_flagged() -> None:
    rev = review(three_taiyuan_zones(), load_programme(PROGRAMME), SPECS)
    assert all(any(i.code == "quota-exceeded" for i in z.issues) for z in rev.zones)


def test_the_letter_must_list_exactly_the_zones_received() -> None:
    entries = entries_of("太原市/0", valid())
    extra = entries_of("太原市/1", valid("太原演示工业园区", "S140103", seed=2))
    rev = review(
        [*entries, *extra, letter("太原市", ["太原样例经开区", "太原范例经济开发区"])], None, SPECS
    )
    missing = [i for i in rev.other_issues if i.code == "letter-zone-missing"]
    assert [i.message for i in missing] == [
        "市级推荐文件推荐了“太原范例经济开发区”，但未收到该开发区的申报材料"
    ]
    assert missing[0].location == "第6段"
    flagged = {z.zone: [i.code for i in z.issues] for z in rev.zones}
    assert flagged == {"太原样例经济技术开发区": [], "太原演示工业园区": ["letter-zone-extra"]}


def test_a_zone_in_a_demonstration_county_is_noted_for_priority() -> None:
    programme = load_programme(PROGRAMME)
    rev = review(entries_of("z", valid(county="清徐县")), programme, SPECS)
    (note,) = rev.zones[0].issues
    assert (note.code, note.severity) == ("demo-county-priority", "info")
    assert rev.zones[0].status == "通过"


def test_claiming_a_demonstration_county_not_on_the_list_is_a_warning() -> None:
    data = valid(county="小店区")
    data["application"]["in_demo_county"] = True
    assert codes_of(data, programme=load_programme(PROGRAMME)) == ["demo-county-unlisted"]


def test_without_a_programme_its_checks_are_listed_as_skipped() -> None:
    rev = review(three_taiyuan_zones(), None, SPECS)
    assert rev.skipped == ["开发区目录核对", "申报地市核对", "地市推荐名额", "示范县优先"]
    assert not any(i.code == "quota-exceeded" for z in rev.zones for i in z.issues)


def test_identify_uses_the_catalogue_name_for_short_names() -> None:
    ident = Identify(load_programme(PROGRAMME))
    assert ident.key("太原样例经开区") == ident.key("太原样例经济技术开发区")
    assert group(submissions([]), None).dossiers == []


def test_the_batchs_own_words_in_an_issue_follow_the_language() -> None:
    """The year, a letter without a document number, a county left blank and why a file fits
    no zone are catalogue words filled when a message is rendered: an English report said
    第二年, 文号未识别, （未填写） and 未识别出表单类型 inside English sentences."""
    data = valid(county="")
    row = data["targets"]["indicators"][4]
    data["plan"]["year2_goal"] = f"{row['indicator']}达到{row['target_y2'] + 5}人。"
    data["application"]["in_demo_county"] = True
    stray: dict[str, Any] = {"file": "杂项/说明.docx", "form": None, "fields": {}}
    stray |= {"sources": {}, "findings": []}
    more = [
        letter("太原市", ["别的开发区"], docno=""),
        Entry(stray["file"], 0, stray, False, None, 0, "0" * 64, 1),
    ]
    rev = review([*entries_of("太原市/z", data), *more], load_programme(PROGRAMME), SPECS)
    found = {i.code: i for i in [*rev.zones[0].issues, *rev.other_issues]}
    said = {
        code: (found[code].message_in("zh"), found[code].message_in("en"))
        for code in ("plan-targets-mismatch", "letter-zone-extra", "demo-county-unlisted")
    }
    assert "的第二年目标值" in said["plan-targets-mismatch"][0]
    assert "the plan's second-year target" in said["plan-targets-mismatch"][1]
    assert said["letter-zone-extra"] == (
        "该开发区未列入太原市市级推荐文件（文号未识别）的推荐名单",
        "the zone is not on “太原市”'s recommendation letter (document number not recognised)",
    )
    assert "“（未填写）”不在" in said["demo-county-unlisted"][0]
    assert "but “(not filled in)” is not" in said["demo-county-unlisted"][1]
    unassigned = found["file-unassigned"]
    assert "（未识别出表单类型）" in unassigned.message_in("zh")
    assert "(the form was not recognised)" in unassigned.message_in("en")
