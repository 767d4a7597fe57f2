"""Files as real offices make them (issue #13, item 4): page headers and footers, text
boxes, pictures instead of text, a stray cell at XFD1048576, a large photo, label variants."""

from __future__ import annotations

import io

import docx

from formkit.pipeline import Options, process_bytes
from formkit.readers.docx import read_docx
from tests.extract import corpus_application as A

OPTIONS = Options(isolate=False)


def _saved(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _application_without(key: str) -> docx.document.Document:
    """Our form as a two-column Word table, without the row of ``key``."""
    document = docx.Document()
    document.add_paragraph(A.TITLE)
    pairs = [pair for k, pair in A.OURS.items() if k != key]
    table = document.add_table(rows=len(pairs), cols=2)
    for row, (label, value) in zip(table.rows, pairs, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    return document


def test_page_headers_and_footers_are_read_into_the_document() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "填报单位：山西示范经济开发区"
    document.sections[0].footer.paragraphs[0].text = "联系电话：0351-1234567"
    document.add_paragraph("正文")
    doc = read_docx(_saved(document), "表.docx")
    assert [(p.text, str(p.location)) for p in doc.headers] == [
        ("填报单位：山西示范经济开发区", "页眉第1段")
    ]
    assert [p.text for p in doc.footers] == ["联系电话：0351-1234567"]
    assert [p.text for p in doc.paragraphs] == ["正文"]


def test_a_field_typed_in_the_page_header_is_found() -> None:
    document = _application_without("zone_name")
    document.sections[0].header.paragraphs[0].text = "开发区名称：山西示范经济开发区"
    (result,) = process_bytes("申报信息表.docx", _saved(document), OPTIONS)
    data = result.to_dict()
    assert data["form"] == "application"
    assert data["fields"]["zone_name"] == "山西示范经济开发区"
    assert data["sources"]["zone_name"] == "页眉第1段"
    assert "missing-field" not in {f["code"] for f in data["findings"]}


def test_the_body_wins_over_the_page_header() -> None:
    document = _application_without("")
    document.sections[0].header.paragraphs[0].text = "开发区名称：页眉里的旧名称"
    (result,) = process_bytes("申报信息表.docx", _saved(document), OPTIONS)
    assert result.to_dict()["fields"]["zone_name"] == "山西示范经济开发区"
