"""Recognising the form by content, never by file name."""

from __future__ import annotations

from formkit.extract import recognise
from formkit.spec import FormSpec

from . import corpus_application as A
from . import corpus_targets as B
from .builders import model_doc, read


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
