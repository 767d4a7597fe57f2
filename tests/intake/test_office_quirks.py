"""Files as real offices make them (issue #13, item 4): page headers and footers, text
boxes, pictures instead of text, a stray cell at XFD1048576, a large photo, label variants."""

from __future__ import annotations

import io
import os
from typing import Any

import docx
import openpyxl
import pytest

from formkit.extract import extract, recognise
from formkit.intake.gate import Limits, inspect
from formkit.model.errors import InputFileError
from formkit.pipeline import Options, process_bytes, unreadable
from formkit.readers.docx import read_docx
from formkit.readers.xlsx import read_xlsx
from formkit.spec import load_all
from tests.extract import corpus_application as A
from tests.extract.builders import UP, Span, WordDoc, read
from tests.intake import hostile as h

OPTIONS = Options(isolate=False)
MiB = 1024 * 1024
SPECS = load_all()


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


# --- a large picture is not a zip bomb ----------------------------------------------------


def test_a_large_picture_is_refused_as_too_large_naming_size_and_limit() -> None:
    photo = os.urandom(3 * MiB)  # a photo: image data does not deflate
    data = h.rezip(h.docx_bytes(), add={"word/media/image99.jpeg": photo})
    with pytest.raises(InputFileError) as info:
        inspect(data, "申报表.docx", Limits(max_member=2 * MiB))
    err = info.value
    assert (err.code, err.place, err.reason) == (
        "file-image-too-large",
        "word/media/image99.jpeg",
        "3 MB，上限2 MB",
    )
    (result,) = [unreadable("申报表.docx", err)]
    assert result.findings[0].message() == "文档中的图片过大（3 MB，上限2 MB），超出处理上限"


def test_a_bomb_named_as_a_picture_is_still_a_bomb() -> None:
    data = h.rezip(h.docx_bytes(), add={"word/media/image1.png": bytes(8 * MiB)})
    with pytest.raises(InputFileError) as info:
        inspect(data, "申报表.docx")
    assert (info.value.code, info.value.place) == ("file-unsafe", "word/media/image1.png")
    assert "疑似压缩炸弹" in info.value.reason


def test_an_ordinary_photo_in_a_document_is_read() -> None:
    data = h.rezip(h.docx_bytes(), add={"word/media/image1.jpeg": os.urandom(MiB)})
    assert inspect(data, "申报表.docx").kind == "docx"


# --- a stray cell far away ----------------------------------------------------------------


def _with_stray_cell(data: bytes, ref: str = "XFD1048576") -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.worksheets[0][ref] = "x"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_with_one_stray_cell_at_xfd1048576_is_read() -> None:
    data, _, _ = A.excel_form()
    (result,) = process_bytes("申报信息表.xlsx", _with_stray_cell(data), OPTIONS)
    out = result.to_dict()
    assert not result.unreadable
    assert out["form"] == "application"
    assert out["fields"]["zone_name"] == "山西示范经济开发区"
    doc = read_xlsx(_with_stray_cell(data), "申报信息表.xlsx")
    stray = doc.tables[-1]
    place = str(stray.cells[0].location)
    assert (stray.n_rows, stray.n_cols, place) == (1, 1, "申报信息表!XFD1048576")
    assert doc.tables[0].n_rows * doc.tables[0].n_cols < 10_000


def test_a_sheet_truly_full_of_cells_is_still_refused() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in range(1, 2500, 2):  # blocks too close to split, spanning 2,500 × 2,500
        sheet.cell(row=row, column=row, value=1)
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(InputFileError) as info:
        read_xlsx(out.getvalue(), "大表.xlsx")
    assert info.value.code == "file-too-large"


# --- a Word document of pictures only -----------------------------------------------------


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(out, "PNG")
    return out.getvalue()


def test_a_word_document_of_pictures_only_goes_to_manual_review() -> None:
    document = docx.Document()
    document.add_picture(io.BytesIO(_png()))
    document.add_picture(io.BytesIO(_png()))
    (result,) = process_bytes("扫描件.docx", _saved(document), OPTIONS)
    assert result.unreadable
    (f,) = result.findings
    assert f.code == "file-docx-pictures"
    assert f.message() == "Word 文档中没有文字，内容全是图片（1 张），需人工审核"


def test_a_picture_beside_text_is_read_as_usual() -> None:
    document = _application_without("")
    document.add_picture(io.BytesIO(_png()))
    (result,) = process_bytes("申报信息表.docx", _saved(document), OPTIONS)
    assert result.form == "application"


# --- label variants and group labels ------------------------------------------------------


def _application(rows: list[list[object]]) -> dict[str, Any]:
    doc = read(WordDoc().para(A.TITLE).table(rows).bytes(), "docx", "变体")
    assert recognise(doc, SPECS) == "application"
    record = extract(doc, SPECS["application"])
    return {k: v.value for k, v in record.fields.items()}


@pytest.mark.parametrize(
    "label",
    ["核准面积/公顷", "核准面积／公顷", "核准面积(公顷)", "核准面积（公顷）", "核准面积 / ha"],
)
def test_a_unit_after_a_slash_or_in_brackets_names_the_field(label: str) -> None:
    rows: list[list[object]] = [["开发区名称", "山西示范经济开发区"], [label, "1250.5"]]
    rows += [["特色载体名称", "示范载体"], ["建设运营主体", "示范公司"]]
    assert _application(rows)["approved_area_ha"] == 1250.5


def test_a_unit_after_a_slash_converts_the_value() -> None:
    rows: list[list[object]] = [["开发区名称", "山西示范经济开发区"], ["特色载体名称", "示范载体"]]
    rows += [["建设运营主体", "示范公司"], ["申请省级奖补资金/元", "5000000"]]
    assert _application(rows)["subsidy_requested"] == 500


def test_a_group_label_merged_down_its_rows_is_never_taken_for_a_value() -> None:
    """开发区 merged over 名称 / 代码 / 级别: the rows read as 开发区名称 …, so the zone's
    name is the value beside 名称, not the word 名称."""
    rows: list[list[object]] = [
        ["开发区", "名称", "山西示范经济开发区"],
        [UP, "代码", "S141234"],
        [UP, "级别", "☑省级 ☐国家级"],
        ["特色载体", "名称", "示范装备制造融通创新特色载体"],
        [UP, "类型", "大中小企业融通型"],
        ["建设运营主体", Span("示范创新创业服务有限公司", 2)],
    ]
    got = _application(rows)
    assert (got["zone_name"], got["zone_code"], got["zone_level"]) == (
        "山西示范经济开发区",
        "S141234",
        "省级",
    )
    assert (got["carrier_name"], got["carrier_type"]) == (
        "示范装备制造融通创新特色载体",
        "大中小企业融通型",
    )


def test_a_field_typed_in_a_text_box_is_found() -> None:
    from docx.oxml import parse_xml

    document = _application_without("zone_name")
    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>开发区名称：山西示范经济开发区</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    document.paragraphs[0]._p.append(parse_xml(box))
    (result,) = process_bytes("申报信息表.docx", _saved(document), OPTIONS)
    assert result.to_dict()["fields"]["zone_name"] == "山西示范经济开发区"
