"""What the province sends out reads right: the quota sentence, no spaces around numbers in
Chinese text, an opinion's count matching its list, findings in natural order."""

from __future__ import annotations

import re

from formkit.jobs.batch.opinions import conclusion, opinion_data
from formkit.jobs.batch.review import review
from formkit.jobs.batch.status import Issue, issue
from formkit.model.codes import CODES
from formkit.programme import load_programme

from .conftest import PROGRAMME
from .test_checks import SPECS, entries_of, valid

CJK = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]"
NUMBER = r"(?:\{(?:count|quota|excess|total|expected|value|year|seconds|pages)\}|(?<![A-Za-z-])\d+)"
# the upload refusals are the page's (issue 11 item 3, another change)
PAGE_ONLY = {"upload-too-many-files", "upload-file-too-large", "upload-request-too-large"}


def test_the_quota_sentence_states_quota_recommended_and_excess() -> None:
    found = issue("quota-exceeded", city="太原市", count=3, quota=2, excess=1)
    assert found.message == "太原市分配名额2个，推荐3个，超出1个"


def test_no_space_around_a_number_in_chinese_catalogue_text() -> None:
    spaced = re.compile(rf"{CJK} +{NUMBER}|{NUMBER} +{CJK}")
    leaks = {
        c.code: text
        for c in CODES.values()
        if c.code not in PAGE_ONLY
        for text in (c.zh, c.hint)
        if spaced.search(text)
    }
    assert leaks == {}


def test_an_opinion_counts_errors_and_warnings_apart_as_its_list_shows() -> None:
    data = valid()
    data["targets"]["subsidy"] = 450  # an error
    data["targets"]["zone_name"] = "山西太原样例经济技术开发区"  # a warning
    data["plan"]["subsidy_requested"] = 480  # an error
    rev = review(entries_of("z", data), load_programme(PROGRAMME), SPECS)
    (zone,) = rev.zones
    assert (zone.errors, zone.warnings) == (2, 1)
    text = conclusion(zone)
    assert text == "申报材料存在2处需要补正的问题、1处需要核实的问题，请按以下意见补正后重新报送。"
    listed = opinion_data(zone, agency=None, date="2020-04-01")["findings"]
    assert len(listed) == zone.errors + zone.warnings


def test_findings_are_in_natural_order() -> None:
    places = ["表1 第14行第3列", "表1 第9行第3列", "指标!D10", "指标!D9"]
    issues = [Issue("a.docx", "申报信息表", "bad-value", "error", "x", None, p) for p in places]
    ordered = [i.location for i in sorted(issues, key=Issue.sort_key)]
    assert ordered == ["指标!D9", "指标!D10", "表1 第9行第3列", "表1 第14行第3列"]
