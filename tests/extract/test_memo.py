"""What the extractor remembers between calls never changes what it reads."""

from __future__ import annotations

import pytest

from formkit.extract import extract
from formkit.extract.indicators import all_headers, fiscal_words
from formkit.extract.labels import index_for
from formkit.extract.values import normalized
from formkit.normalize import NormalizeError, normalize
from formkit.spec import FormSpec

from .builders import model_doc

HEADER = ["一级指标", "二级指标", "单位", "指标性质", "第一年目标值", "第二年目标值"]


@pytest.mark.parametrize(
    ("kind", "source", "unit"),
    [
        ("money", "500", "万元"),
        ("money", 500, "万元"),
        ("int", 1, None),
        ("int", 1.0, None),
        ("bool", "是", None),
    ],
)
def test_remembered_values_equal_fresh_ones(kind: str, source: object, unit: str | None) -> None:
    first = normalized(kind, source, unit)
    assert normalized(kind, source, unit) == first == normalize(kind, source, unit=unit)


def test_a_value_that_fails_fails_every_time() -> None:
    for _ in range(2):
        with pytest.raises(NormalizeError):
            normalized("int", "三点五", None)


def test_headers_of_another_document_are_found_afresh(specs: dict[str, FormSpec]) -> None:
    spec = specs["targets"]
    index = index_for(spec, "columns", spec.columns)
    one = model_doc([HEADER, ["产业集聚度", "入驻企业数占比", "%", "≥", "60", "65"]])
    other = model_doc(["说明", "无指标"], [["名称", "内容"]])
    assert len(all_headers(one.all_tables(), index, fiscal_words(spec))) == 1
    assert all_headers(other.all_tables(), index, fiscal_words(spec)) == []
    assert len(all_headers(one.all_tables(), index, fiscal_words(spec))) == 1


def test_the_same_document_extracts_the_same_twice(specs: dict[str, FormSpec]) -> None:
    doc = model_doc([HEADER, ["产业集聚度", "入驻企业数占比", "%", "≥", "60", "65"]])
    first = extract(doc, specs["targets"])
    second = extract(doc, specs["targets"])
    assert first.indicators == second.indicators
    assert first.findings == second.findings
