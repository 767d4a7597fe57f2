"""The .docx reader: what a clerk sees in Word is what the Document holds."""

from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from formkit.model.document import Document, Location, Paragraph, Table
from formkit.model.errors import InputFileError
from formkit.readers.docx import read_docx

from .conftest import build_docx, p, rezip, run, tbl, tc, tr

W14_BOX = (
    '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{val}"/></w14:checkbox></w:sdtPr>'
    "<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
)


def read(*xml: str, **kwargs: object) -> Document:
    return read_docx(build_docx(*xml, **kwargs), "申报信息表.docx")  # type: ignore[arg-type]


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.paragraphs]


def only_table(doc: Document) -> Table:
    (table,) = doc.tables
    return table


def cell_texts(table: Table) -> dict[tuple[int, int], str]:
    return {(c.row, c.col): c.text for c in table.cells}


def spans(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    return {(c.row, c.col): (c.rowspan, c.colspan) for c in table.cells}


# --- paragraphs and headings ----------------------------------------------------------------


def test_blocks_come_in_body_order_with_paragraph_numbers() -> None:
    def content(d: docx.document.Document) -> None:
        d.add_paragraph("前言")
        d.add_table(rows=1, cols=1).cell(0, 0).text = "表格"
        d.add_paragraph("")
        d.add_paragraph("结语")

    doc = read(before=content)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph", "Paragraph"]
    assert [(b.text, str(b.location)) for b in doc.paragraphs] == [
        ("前言", "第1段"),
        ("", "第2段"),
        ("结语", "第3段"),
    ]
    assert str(only_table(doc).location) == "表1"


def test_heading_level_comes_from_the_style() -> None:
    def content(d: docx.document.Document) -> None:
        d.add_heading("一、总体要求", level=1)
        d.add_heading("（一）建设目标", level=2)
        d.add_paragraph("正文")

    doc = read(before=content)
    assert [(b.text, b.level) for b in doc.paragraphs] == [
        ("一、总体要求", 1),
        ("（一）建设目标", 2),
        ("正文", 0),
    ]
    assert doc.paragraphs[0].style is not None
    assert doc.paragraphs[0].style.lower() == "heading 1"


def test_heading_level_from_a_chinese_style_name_and_from_outline_level() -> None:
    def content(d: docx.document.Document) -> None:
        d.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)
        d.add_paragraph("三级标题", style="标题 3")

    doc = read(
        p(inner='<w:pPr><w:outlineLvl w:val="1"/></w:pPr>' + run("大纲二级")), before=content
    )
    assert [(b.text, b.level) for b in doc.paragraphs] == [("三级标题", 3), ("大纲二级", 2)]


def test_heading_level_is_inherited_through_based_on() -> None:
    def content(d: docx.document.Document) -> None:
        derived = d.styles.add_style("我的标题", WD_STYLE_TYPE.PARAGRAPH)
        derived.base_style = d.styles["Heading 2"]
        d.add_paragraph("派生标题", style="我的标题")

    assert read(before=content).paragraphs[0].level == 2


# --- tables: spans and the grid -------------------------------------------------------------


def test_merged_cells_are_origin_cells_with_spans() -> None:
    def content(d: docx.document.Document) -> None:
        t = d.add_table(rows=3, cols=3)
        t.cell(0, 0).merge(t.cell(0, 2)).text = "基本情况"
        t.cell(1, 0).merge(t.cell(2, 0)).text = "联系人"
        t.cell(1, 1).text = "姓名"
        t.cell(1, 2).text = "赵丽敏"
        t.cell(2, 1).text = "电话"
        t.cell(2, 2).text = "0351-1234567"

    table = only_table(read(before=content))
    assert (table.n_rows, table.n_cols) == (3, 3)
    assert cell_texts(table) == {
        (0, 0): "基本情况",
        (1, 0): "联系人",
        (1, 1): "姓名",
        (1, 2): "赵丽敏",
        (2, 1): "电话",
        (2, 2): "0351-1234567",
    }
    assert spans(table)[(0, 0)] == (1, 3)
    assert spans(table)[(1, 0)] == (2, 1)
    grid = table.grid()
    assert grid[2][0] is grid[1][0]
    phone = next(c for c in table.cells if c.text == "0351-1234567")
    assert str(phone.location) == "表1 第3行第3列"


def test_vertical_merge_of_a_wide_cell_spans_both_ways() -> None:
    span = '<w:gridSpan w:val="2"/>'
    xml = tbl(
        tr(tc("A", span + '<w:vMerge w:val="restart"/>'), tc("B")),
        tr(tc("", span + "<w:vMerge/>"), tc("C")),
        tr(tc("D"), tc("E"), tc("F")),
    )
    table = only_table(read(xml))
    assert spans(table) == {
        (0, 0): (2, 2),
        (0, 2): (1, 1),
        (1, 2): (1, 1),
        (2, 0): (1, 1),
        (2, 1): (1, 1),
        (2, 2): (1, 1),
    }


def test_grid_before_and_after_shift_cells_onto_the_right_columns() -> None:
    xml = tbl(
        tr(tc("标签"), tc("值"), tc("备注")),
        tr(tc("缩进"), tc("值2"), props='<w:gridBefore w:val="1"/>'),
        tr(tc("前"), props='<w:gridAfter w:val="2"/>'),
    )
    table = only_table(read(xml))
    assert cell_texts(table) == {
        (0, 0): "标签",
        (0, 1): "值",
        (0, 2): "备注",
        (1, 1): "缩进",
        (1, 2): "值2",
        (2, 0): "前",
    }
    assert table.n_cols == 3
    assert table.grid()[1][0] is None
    assert str(table.grid()[1][1].location) == "表1 第2行第2列"  # type: ignore[union-attr]


def test_a_row_with_fewer_cells_leaves_the_rest_of_the_grid_empty() -> None:
    table = only_table(read(tbl(tr(tc("a"), tc("b"), tc("c")), tr(tc("d")))))
    assert (table.n_rows, table.n_cols) == (2, 3)
    assert table.grid()[1][1:] == [None, None]


def test_a_vertical_continuation_without_an_origin_becomes_its_own_cell() -> None:
    table = only_table(read(tbl(tr(tc("孤立", "<w:vMerge/>"), tc("b")))))
    assert cell_texts(table) == {(0, 0): "孤立", (0, 1): "b"}


def test_nested_table_is_kept_apart_from_the_outer_cell_text() -> None:
    inner = tbl(tr(tc("内1"), tc("内2")), tr(tc("内3"), tc("内4")), grid=2)
    xml = tbl(tr(tc("外标签"), tc(p("说明") + inner + p("")), tc("x")))
    doc = read(xml)
    outer = only_table(doc)
    holder = outer.grid()[0][1]
    assert holder is not None
    assert holder.text == "说明\n"
    (nested,) = holder.tables
    assert cell_texts(nested) == {(0, 0): "内1", (0, 1): "内2", (1, 0): "内3", (1, 1): "内4"}
    # a nested table and its cells carry the place of the top-level cell that holds them
    assert nested.location == Location(table=1, row=1, col=2)
    assert {str(c.location) for c in nested.cells} == {"表1 第1行第2列"}
    assert doc.all_tables() == [outer, nested]


def test_doubly_nested_tables_point_at_the_top_level_cell() -> None:
    deepest = tbl(tr(tc("最内")), grid=1)
    middle = tbl(tr(tc(p("中") + deepest)), grid=1)
    doc = read(p("前"), tbl(tr(tc("a")), grid=1), tbl(tr(tc("b"), tc(middle)), grid=2))
    second = doc.tables[1]
    (mid,) = second.cells[1].tables
    (low,) = mid.cells[0].tables
    assert low.cells[0].text == "最内"
    assert low.cells[0].location == Location(table=2, row=1, col=2)
    assert mid.cells[0].text == "中"


# --- content controls -----------------------------------------------------------------------


def sdt(content: str, props: str = "") -> str:
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def test_block_level_content_control_around_a_paragraph() -> None:
    assert texts(read(sdt(p("块级控件")))) == ["块级控件"]


def test_block_level_content_control_around_a_table() -> None:
    doc = read(sdt(tbl(tr(tc("在控件中的表")), grid=1)))
    assert cell_texts(only_table(doc)) == {(0, 0): "在控件中的表"}


def test_inline_content_control_in_a_paragraph() -> None:
    doc = read(p(inner=run("项目负责人：") + sdt(run("赵丽敏"))))
    assert texts(doc) == ["项目负责人：赵丽敏"]


def test_content_control_inside_a_cell_around_the_paragraph() -> None:
    table = only_table(read(tbl(tr(tc("标签"), tc(sdt(p("单元格控件")))))))
    assert cell_texts(table) == {(0, 0): "标签", (0, 1): "单元格控件"}


def test_content_control_wrapping_a_whole_row() -> None:
    xml = tbl(tr(tc("h1"), tc("h2")), sdt(tr(tc("r1"), tc("r2"))), tr(tc("t1"), tc("t2")))
    table = only_table(read(xml))
    assert cell_texts(table) == {
        (0, 0): "h1",
        (0, 1): "h2",
        (1, 0): "r1",
        (1, 1): "r2",
        (2, 0): "t1",
        (2, 1): "t2",
    }
    assert str(table.grid()[2][1].location) == "表1 第3行第2列"  # type: ignore[union-attr]


def test_content_control_wrapping_a_cell() -> None:
    table = only_table(read(tbl(tr(tc("标签"), sdt(tc("包裹单元格")), tc("后")))))
    assert cell_texts(table) == {(0, 0): "标签", (0, 1): "包裹单元格", (0, 2): "后"}


def test_nested_content_controls() -> None:
    doc = read(sdt(p(inner=run("外") + sdt(sdt(run("内"))))))
    assert texts(doc) == ["外内"]


def test_an_empty_control_showing_its_placeholder_reads_as_empty() -> None:
    placeholder = "<w:showingPlcHdr/>"
    doc = read(
        p(inner=run("开发区名称：") + sdt(run("单击或点击此处输入文字。"), placeholder)),
        sdt(p("单击此处输入文字"), placeholder),
        tbl(tr(tc("代码"), tc(sdt(p("单击此处输入"), placeholder)))),
    )
    assert texts(doc) == ["开发区名称：", ""]
    assert cell_texts(only_table(doc)) == {(0, 0): "代码", (0, 1): ""}


def test_placeholder_flag_switched_off_keeps_the_text() -> None:
    doc = read(p(inner=sdt(run("已填写"), '<w:showingPlcHdr w:val="0"/>')))
    assert texts(doc) == ["已填写"]


# --- checkboxes and legacy form fields ------------------------------------------------------


def test_w14_checkboxes_become_checked_and_unchecked_glyphs() -> None:
    yes = W14_BOX.format(val="1", glyph="☒")
    no = W14_BOX.format(val="0", glyph="☐")
    doc = read(p(inner=yes + run("是 ") + no + run("否")))
    assert texts(doc) == ["☑是 ☐否"]


def test_w14_checkbox_in_a_table_cell() -> None:
    cell = p(
        inner=W14_BOX.format(val="0", glyph="☐")
        + run("是")
        + W14_BOX.format(val="true", glyph="☒")
        + run("否")
    )
    table = only_table(read(tbl(tr(tc("是否高新技术企业"), tc(cell)))))
    assert table.grid()[0][1].text == "☐是☑否"  # type: ignore[union-attr]


def legacy_box(state: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/>'
        f"<w:enabled/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


@pytest.mark.parametrize(
    ("state", "glyph"),
    [
        ("<w:checked/>", "☑"),
        ('<w:checked w:val="1"/>', "☑"),
        ('<w:checked w:val="true"/>', "☑"),
        ('<w:checked w:val="0"/>', "☐"),
        ('<w:checked w:val="false"/>', "☐"),
        ('<w:default w:val="1"/>', "☑"),
        ('<w:default w:val="0"/>', "☐"),
        ('<w:default w:val="1"/><w:checked w:val="0"/>', "☐"),
        ("", "☐"),
    ],
)
def test_legacy_formcheckbox_state(state: str, glyph: str) -> None:
    assert texts(read(p(inner=legacy_box(state) + run("国有")))) == [f"{glyph}国有"]


def test_legacy_formtext_gives_its_result_and_drops_the_instruction() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:textInput/></w:ffData>'
        "</w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("太原高新区")
        + run("（省级）")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert texts(read(p(inner=run("名称：") + field + run("。")))) == ["名称：太原高新区（省级）。"]


def test_legacy_dropdown_gives_the_chosen_entry() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:ddList><w:result w:val="1"/>'
        '<w:listEntry w:val="国家级"/><w:listEntry w:val="省级"/></w:ddList></w:ffData>'
        "</w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert texts(read(p(inner=field))) == ["省级"]


def test_typed_checkbox_glyphs_stay_as_typed() -> None:
    assert texts(read(p("☑国有 □民营 ☒外资 ■其他 √是"))) == ["☑国有 □民营 ☒外资 ■其他 √是"]


def test_symbol_font_checkbox() -> None:
    sym = '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>'
    empty = '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>'
    assert texts(read(p(inner=sym + run("是") + empty + run("否")))) == ["☑是☐否"]


def test_field_codes_show_their_result_only() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("3")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    simple = '<w:fldSimple w:instr=" DATE "><w:r><w:t>2024年3月1日</w:t></w:r></w:fldSimple>'
    assert texts(read(p(inner=run("第") + field + run("页")), p(inner=simple))) == [
        "第3页",
        "2024年3月1日",
    ]


# --- revisions, breaks and other run content ------------------------------------------------


def test_tracked_changes_read_as_accepted_with_one_note() -> None:
    ins = '<w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">' + run("新") + "</w:ins>"
    dele = '<w:del w:id="2" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del>'
    move_from = '<w:moveFrom w:id="3" w:author="a">' + run("移走") + "</w:moveFrom>"
    move_to = '<w:moveTo w:id="4" w:author="a">' + run("移来") + "</w:moveTo>"
    doc = read(p(inner=run("总投资") + dele + ins + run("元")), p(inner=move_from + move_to))
    assert texts(doc) == ["总投资新元", "移来"]
    assert [n.code for n in doc.notes] == ["tracked-changes"]


def test_a_deleted_table_row_is_skipped() -> None:
    deleted = '<w:del w:id="9" w:author="a"/>'
    xml = tbl(tr(tc("保留")), tr(tc("删除的行"), props=deleted), tr(tc("也保留")), grid=1)
    doc = read(xml)
    assert cell_texts(only_table(doc)) == {(0, 0): "保留", (1, 0): "也保留"}
    assert [n.code for n in doc.notes] == ["tracked-changes"]


def test_no_note_without_revisions() -> None:
    assert read(p("干净的文档")).notes == []


def test_breaks_tabs_hyphens_and_cell_paragraphs() -> None:
    inner = (
        run("甲")
        + "<w:r><w:tab/></w:r>"
        + run("乙")
        + "<w:r><w:br/></w:r>"
        + run("丙")
        + "<w:r><w:cr/></w:r>"
        + run("丁")
        + "<w:r><w:softHyphen/></w:r>"
        + run("戊")
        + "<w:r><w:noBreakHyphen/></w:r>"
        + run("己\u00adx")
    )
    doc = read(p(inner=inner), tbl(tr(tc(p("第一段") + p("第二段"))), grid=1))
    assert texts(doc) == ["甲\t乙\n丙\n丁戊-己x"]
    assert cell_texts(only_table(doc)) == {(0, 0): "第一段\n第二段"}


def test_alternate_content_is_read_once() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>"
    alt = (
        "<w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    assert texts(read(p(inner=run("前") + alt))) == ["前\n文本框"]


def test_a_vml_text_box_is_read_once() -> None:
    box = "<w:txbxContent>" + p("框内一") + p("框内二") + "</w:txbxContent>"
    pict = f"<w:r><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></w:r>"
    assert texts(read(p(inner=pict))) == ["框内一\n框内二"]


def test_math_text_is_kept() -> None:
    math = "<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>"
    assert texts(read(p(inner=run("公式") + math))) == ["公式x=1"]


def test_comments_and_processing_instructions_are_ignored() -> None:
    data = rezip(build_docx(p("正文")), _add_comment)
    assert texts(read_docx(data, "a.docx")) == ["正文"]


def _add_comment(name: str, data: bytes) -> tuple[str, bytes]:
    if name == "word/document.xml":
        data = data.replace(b"<w:body>", b"<w:body><!-- note --><?pi x?>")
    return name, data


def test_deep_nesting_up_to_the_parsers_depth_limit_reads() -> None:
    inline = run("深")
    for _ in range(120):
        inline = sdt(inline)
    cell = tc("底")
    for _ in range(40):
        cell = tc(tbl(tr(cell), grid=1))
    doc = read(p(inner=inline), tbl(tr(cell), grid=1))
    assert texts(doc) == ["深"]
    assert len(doc.all_tables()) == 41
    assert doc.all_tables()[-1].cells[0].text == "底"


def test_styles_read_for_one_document_serve_the_next_one_correctly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import formkit.readers.docx as reader

    monkeypatch.setattr(reader, "_STYLE_CACHE", {})
    template = docx.Document()
    late = template.styles.add_style("章节标题", WD_STYLE_TYPE.PARAGRAPH)  # written last
    late.base_style = template.styles["Heading 3"]
    saved = io.BytesIO()
    template.save(saved)

    def from_template(style: str, text: str) -> Document:
        document = docx.Document(io.BytesIO(saved.getvalue()))
        document.add_paragraph(text, style=style)
        out = io.BytesIO()
        document.save(out)
        return read_docx(out.getvalue(), "a.docx")

    early = from_template("Heading 1", "一级")  # stops reading styles.xml early
    later = from_template("章节标题", "第三章")  # the same styles part, read further
    again = from_template("Heading 2", "二级")
    assert [(b.text, b.level) for b in early.paragraphs + later.paragraphs + again.paragraphs] == [
        ("一级", 1),
        ("第三章", 3),
        ("二级", 2),
    ]
    assert len(reader._STYLE_CACHE) == 1


def test_a_style_missing_from_the_styles_part_keeps_its_id() -> None:
    doc = read(p(inner='<w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr>' + run("x")))
    assert [(b.style, b.level) for b in doc.paragraphs] == [("NoSuchStyle", 0)]


# --- packages -------------------------------------------------------------------------------


def test_reads_from_a_path(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "表.docx"  # type: ignore[operator]
    path.write_bytes(build_docx(p("从路径读取")))
    assert texts(read_docx(path, "表.docx")) == ["从路径读取"]
    assert texts(read_docx(str(path), "表.docx")) == ["从路径读取"]


def test_main_part_is_found_through_relationships_not_by_name() -> None:
    def rename(name: str, data: bytes) -> tuple[str, bytes]:
        data = data.replace(b"word/document.xml", b"word/main_body.xml")
        data = data.replace(b"/word/document.xml", b"/word/main_body.xml")
        if name == "word/_rels/document.xml.rels":
            name = "word/_rels/main_body.xml.rels"
        return name.replace("word/document.xml", "word/main_body.xml"), data

    data = rezip(build_docx(p("改名的正文")), rename)
    assert "word/document.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert texts(read_docx(data, "a.docx")) == ["改名的正文"]


def to_strict(name: str, data: bytes) -> tuple[str, bytes]:
    """Rewrite a transitional package with the ISO 29500 strict namespaces."""
    data = data.replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    ).replace(
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    )
    return name, data


def test_strict_ooxml_reads_like_transitional() -> None:
    def content(d: docx.document.Document) -> None:
        d.add_heading("严格格式", level=1)
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).merge(t.cell(0, 1)).text = "合并"
        t.cell(1, 0).text = "甲"

    data = rezip(build_docx(before=content), to_strict)
    assert b"purl.oclc.org/ooxml/wordprocessingml" in zipfile.ZipFile(io.BytesIO(data)).read(
        "word/document.xml"
    )
    doc = read_docx(data, "strict.docx")
    assert [(b.text, b.level) for b in doc.paragraphs] == [("严格格式", 1)]
    assert spans(only_table(doc))[(0, 0)] == (1, 2)


# --- unreadable input -----------------------------------------------------------------------


def refusal(data: bytes) -> InputFileError:
    with pytest.raises(InputFileError) as caught:
        read_docx(data, "坏文件.docx")
    assert caught.value.file == "坏文件.docx"
    return caught.value


def test_empty_file() -> None:
    assert refusal(b"").code == "file-empty"


def test_not_a_zip() -> None:
    assert refusal(b"%PDF-1.7 not a word file").code == "file-corrupt"


def test_truncated_zip() -> None:
    data = build_docx(p("x"))
    assert refusal(data[: len(data) // 2]).code == "file-corrupt"


def test_encrypted_word_file_in_an_ole_container() -> None:
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
    assert refusal(cfb).code == "file-encrypted"


def test_legacy_doc_is_not_a_docx() -> None:
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le")
    assert refusal(cfb).code == "file-unknown-type"


def test_missing_main_part() -> None:
    def drop_rel(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data.replace(b"relationships/officeDocument", b"relationships/other")

    error = refusal(rezip(build_docx(p("x")), drop_rel))
    assert error.code == "file-corrupt"
    assert "主文档" in error.reason


def test_malformed_xml() -> None:
    def break_xml(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data.replace(b"</w:body>", b"") if name == "word/document.xml" else data

    assert refusal(rezip(build_docx(p("x")), break_xml)).code == "file-corrupt"


def test_a_dtd_is_refused_before_any_entity_is_expanded() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w:document ['
        b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        b"]>"
    )

    def add_dtd(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "word/document.xml":
            body = data.split(b"?>", 1)[1]
            data = bomb + body.replace(b"<w:t>x</w:t>", b"<w:t>&d;</w:t>")
        return name, data

    started = time.process_time()
    error = refusal(rezip(build_docx(p("x")), add_dtd))
    assert error.code == "file-unsafe"
    assert time.process_time() - started < 1


def test_an_external_entity_is_refused() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'

    def add_xxe(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "word/document.xml":
            data = xxe + data.split(b"?>", 1)[1].replace(b"<w:t>x</w:t>", b"<w:t>&x;</w:t>")
        return name, data

    assert refusal(rezip(build_docx(p("x")), add_xxe)).code == "file-unsafe"


def test_a_dtd_in_the_styles_part_is_refused_too() -> None:
    def add_dtd(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "word/styles.xml":
            data = b'<!DOCTYPE w:styles [<!ENTITY e "x">]>' + data.split(b"?>", 1)[1]
        return name, data

    data = rezip(build_docx(before=lambda d: d.add_heading("标题", 1)), add_dtd)
    assert refusal(data).code == "file-unsafe"


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_part_over_the_size_cap_is_refused(monkeypatch: pytest.MonkeyPatch, part: str) -> None:
    import formkit.readers.docx as reader
    import formkit.readers.ooxml as ooxml

    monkeypatch.setattr(reader, "_STYLE_CACHE", {})
    # a style id that styles.xml lacks makes the reader stream the whole styles part
    unknown_style = p(inner='<w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr>' + run("x"))
    data = build_docx(unknown_style)
    size = len(zipfile.ZipFile(io.BytesIO(data)).read(part))
    monkeypatch.setattr(ooxml, "MAX_PART_BYTES", size - 1)
    assert refusal(data).code == "file-too-large"


def test_a_workbook_is_not_a_word_document() -> None:
    import openpyxl

    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    assert refusal(out.getvalue()).code == "file-unknown-type"


def test_a_missing_path_is_reported_as_not_found(tmp_path: pytest.TempPathFactory) -> None:
    with pytest.raises(InputFileError) as caught:
        read_docx(tmp_path / "无.docx", "无.docx")  # type: ignore[operator]
    assert caught.value.code == "file-not-found"


def test_too_many_cells_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import formkit.readers.docx as reader

    monkeypatch.setattr(reader, "MAX_CELLS", 5)
    data = build_docx(tbl(*(tr(tc("a"), tc("b")) for _ in range(3)), grid=2))
    assert refusal(data).code == "file-too-large"


# --- the peer corpus ------------------------------------------------------------------------


def test_every_peer_docx_reads_or_is_refused_cleanly(peers: object) -> None:
    from pathlib import Path

    files = sorted(Path(str(peers)).rglob("*.docx"))
    assert files
    outcomes: dict[str, int] = {"read": 0, "refused": 0}
    for path in files:
        started = time.process_time()
        try:
            doc = read_docx(path, path.name)
        except InputFileError:
            outcomes["refused"] += 1
        else:
            assert isinstance(doc, Document)
            assert all(isinstance(b, Paragraph | Table) for b in doc.blocks)
            outcomes["read"] += 1
        assert time.process_time() - started < 3, path
    assert outcomes["read"] >= len(files) - 2
