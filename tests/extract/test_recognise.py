"""Recognising the form by content, never by file name, and never by generic words."""

from __future__ import annotations

import pytest

from formkit.extract import recognise
from formkit.extract.labels import GENERIC_LABELS
from formkit.extract.recognise import MIN_EVIDENCE, evidence
from formkit.spec import FormSpec

from . import corpus_application as A
from . import corpus_targets as B
from .builders import model_doc, read
from .recognition_corpus import own_documents, unrelated_documents

# Points our worst form must keep above the threshold, and the best unrelated document
# below it (measured: 7 and 2 around 5; benchmarks/RESULTS.md "Recognition margin").
MARGIN = 2


def test_each_form_is_recognised_by_its_content(specs: dict[str, FormSpec]) -> None:
    data, kind, _ = A.ours_4col()
    assert recognise(read(data, kind, "随便起的名字"), specs) == "application"
    data, kind, _ = B.xlsx_two_sheets()
    assert recognise(read(data, kind, "申报信息表"), specs) == "targets"
    data, kind, _ = B.xlsx_progress()
    assert recognise(read(data, kind, "绩效目标表"), specs) == "progress"


def test_an_unrelated_document_is_not_recognised(specs: dict[str, FormSpec]) -> None:
    doc = model_doc("会议纪要", [["时间", "2020年3月1日"], ["地点", "三楼会议室"]])
    assert recognise(doc, specs) is None


def test_a_form_without_title_is_recognised_by_labels(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [
            ["开发区名称", "X"],
            ["特色载体名称", "Y"],
            ["建设运营主体", "Z"],
            ["载体类型", "大中小企业融通型"],
            ["主导龙头企业", "W"],
        ]
    )
    assert recognise(doc, specs) == "application"


def test_every_layout_of_our_forms_is_recognised_with_margin(
    specs: dict[str, FormSpec],
) -> None:
    low: list[tuple[str, int]] = []
    for name, form, doc in own_documents():
        points = {e.form: e.points for e in evidence(doc, specs)}
        assert recognise(doc, specs) == form, name
        low.append((name, points[form]))
    assert min(p for _, p in low) >= MIN_EVIDENCE + MARGIN, sorted(low, key=lambda x: x[1])[:3]


def test_unrelated_documents_are_unknown_with_margin(specs: dict[str, FormSpec]) -> None:
    for name, doc in unrelated_documents():
        assert recognise(doc, specs) is None, name
        best = max(evidence(doc, specs), key=lambda e: e.points)
        assert best.points <= MIN_EVIDENCE - MARGIN, (name, best)


@pytest.mark.parametrize("where", ["cells", "headings"])
def test_generic_words_alone_never_reach_a_form(where: str, specs: dict[str, FormSpec]) -> None:
    """All the generic words at once (基本情况, 项目名称, 申请单位, 联系人, 电话, 资金安排 …),
    as a form's label cells or as numbered headings, earn no point for any form."""
    words = sorted(GENERIC_LABELS)
    if where == "cells":
        doc = model_doc([[w, "某某"] for w in words])
    else:
        doc = model_doc(*[f"{i}. {w}" for i, w in enumerate(words, 1)])
    assert {e.form: e.points for e in evidence(doc, specs)} == {name: 0 for name in specs}
    assert recognise(doc, specs) is None


def test_a_title_alone_is_not_enough(specs: dict[str, FormSpec]) -> None:
    """Another programme's 申报信息表 prints our short title: one point, never a form."""
    doc = model_doc("某某奖学金申报信息表", [["姓名", "王小明"], ["学号", "2020001"]])
    assert max(e.points for e in evidence(doc, specs)) == 1
    assert recognise(doc, specs) is None
