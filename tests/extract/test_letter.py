"""The 市级推荐文件 (city_letter): recognised by its shape and read — city, 发文字号, the
zones in order (numbered paragraphs, a table, or inline), 成文日期."""

from __future__ import annotations

import io

import docx

from formkit.pipeline import Options, process_bytes
from tests.jobs.batch import builders as b

OPTIONS = Options(isolate=False)


def read(data: bytes) -> dict:
    (result,) = process_bytes("推荐函.docx", data, OPTIONS)
    return result.to_dict()


def saved(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_letter_with_numbered_zones_is_read_in_order() -> None:
    data = b.letter_docx(
        "太原市工业和信息化局",
        "并工信函〔2020〕12号",
        ["太原演示工业园区", "太原样例经济技术开发区"],
    )
    result = read(data)
    assert result["form"] == "city_letter"
    assert result["fields"] == {
        "city": "太原市",
        "issuer": "太原市工业和信息化局",
        "doc_no": "并工信函〔2020〕12号",
        "zones": ["太原演示工业园区", "太原样例经济技术开发区"],
        "issue_date": "2020-03-20",
    }
    assert result["sources"]["zones"] == "第6段"
    assert result["findings"] == []


def test_zones_in_a_table_and_the_city_from_a_labelled_line() -> None:
    document = docx.Document()
    for line in (
        "晋中市中小企业发展促进中心",
        "晋中企函〔2020〕3号",
        "推荐地市：晋中市",
        "现将我市推荐的开发区报送如下：",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=2)
    for r, (n, name) in enumerate(
        (
            ("序号", "开发区名称"),
            ("1", "晋中样例经济开发区"),
            ("2", "晋中示范产业园区（载体：融通创新中心）"),
        )
    ):
        table.cell(r, 0).text, table.cell(r, 1).text = n, name
    result = read(saved(document))
    assert result["fields"]["city"] == "晋中市"
    assert result["fields"]["zones"] == ["晋中样例经济开发区", "晋中示范产业园区"]


def test_zones_written_inline_in_the_recommending_paragraph() -> None:
    document = docx.Document()
    for line in (
        "运城市工业和信息化局",
        "运工信函〔2020〕8号",
        "经研究，推荐运城示范经济开发区、运城演示经济开发区申报。",
        "2020年3月2日",
    ):
        document.add_paragraph(line)
    fields = read(saved(document))["fields"]
    assert fields["zones"] == ["运城示范经济开发区", "运城演示经济开发区"]
    assert fields["issue_date"] == "2020-03-02"


def test_a_document_number_in_square_brackets_is_read_and_flagged() -> None:
    result = read(b.letter_docx("大同市工信局", "同工信函[2020]5号", ["大同样例工业园区"]))
    assert result["fields"]["doc_no"] == "同工信函〔2020〕5号"
    assert [(f["code"], f["location"]) for f in result["findings"]] == [("docno-brackets", "第2段")]


def test_forms_are_not_mistaken_for_letters() -> None:
    data = b.documents(b.zone("太原样例经济技术开发区", "S140102", "太原市"))
    forms = {name: process_bytes(name, content, OPTIONS)[0].form for name, content in data.items()}
    assert forms == {
        "申报信息表.docx": "application",
        "绩效目标表.xlsx": "targets",
        "实施方案.docx": "plan",
    }


def test_a_letter_without_a_document_number_is_not_recognised_as_one() -> None:
    document = docx.Document()
    for line in ("关于推荐开发区的说明", "推荐：", "1. 太原样例经济技术开发区"):
        document.add_paragraph(line)
    assert read(saved(document))["form"] != "city_letter"
