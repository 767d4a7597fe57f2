"""The .xlsx reader: one table per worksheet, typed values, spans, formulas."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from formkit.model.document import Cell, Document, Location, Table
from formkit.model.errors import InputFileError
from formkit.readers.xlsx import format_kind, read_xlsx, shift_formula

from .conftest import build_docx, build_xlsx, p, rezip, sheet_data


def save(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def read_book(workbook: Workbook) -> Document:
    return read_xlsx(save(workbook), "绩效目标表.xlsx")


def at(table: Table, address: str) -> Cell:
    found = [c for c in table.cells if str(c.location).endswith("!" + address)]
    assert found, f"no cell at {address}"
    return found[0]


def one_sheet(**cells: object) -> Table:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "指标"
    for address, value in cells.items():
        sheet[address] = value
    (table,) = read_book(workbook).tables
    return table


# --- sheets ---------------------------------------------------------------------------------


def test_one_table_per_worksheet_in_workbook_order() -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "指标"
    first["A1"] = "一级指标"
    notes = workbook.create_sheet("填表说明")
    notes["B2"] = "说明"
    hidden = workbook.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "藏"
    workbook.create_chartsheet("图表")
    doc = read_book(workbook)
    assert doc.kind == "xlsx"
    assert [t.name for t in doc.tables] == ["指标", "填表说明", "隐藏"]
    assert [t.location for t in doc.tables] == [
        Location(sheet=n) for n in ("指标", "填表说明", "隐藏")
    ]


def test_the_table_covers_the_used_cells_from_a1() -> None:
    table = one_sheet(D7="目标值", B3="x")
    assert (table.n_rows, table.n_cols) == (7, 4)
    cell = at(table, "D7")
    assert (cell.row, cell.col) == (6, 3)
    assert str(cell.location) == "指标!D7"
    assert table.grid()[0] == [None, None, None, None]


def test_a_dimension_claiming_the_whole_sheet_is_ignored() -> None:
    inner = '<dimension ref="A1:XFD1048576"/>' + sheet_data(
        '<row r="2"><c r="B2"><v>5</v></c></row>'
    )
    (table,) = read_xlsx(build_xlsx([("S", inner)]), "a.xlsx").tables
    assert (table.n_rows, table.n_cols) == (2, 2)


def test_rows_and_cells_without_references_follow_each_other() -> None:
    inner = sheet_data("<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>")
    (table,) = read_xlsx(build_xlsx([("S", inner)]), "a.xlsx").tables
    assert {str(c.location): c.value for c in table.cells} == {"S!A1": 1, "S!B1": 2, "S!A2": 3}


# --- values ---------------------------------------------------------------------------------


def test_numbers_are_int_when_integral_else_float() -> None:
    table = one_sheet(A1=12, B1=3.0, C1=0.35, D1=-7, E1=1234567.891)
    values = {str(c.location): (c.value, c.text) for c in table.cells}
    assert values == {
        "指标!A1": (12, "12"),
        "指标!B1": (3, "3"),
        "指标!C1": (0.35, "0.35"),
        "指标!D1": (-7, "-7"),
        "指标!E1": (1234567.891, "1234567.891"),
    }
    assert isinstance(at(table, "B1").value, int)


def test_float_text_is_rounded_to_excel_precision() -> None:
    inner = sheet_data('<row r="1"><c r="A1"><v>0.30000000000000004</v></c></row>')
    (table,) = read_xlsx(build_xlsx([("S", inner)]), "a.xlsx").tables
    assert (table.cells[0].value, table.cells[0].text) == (0.30000000000000004, "0.3")


def test_booleans_and_error_values() -> None:
    table = one_sheet(A1=True, B1=False, C1="#N/A")
    assert (at(table, "A1").value, at(table, "A1").text) == (True, "TRUE")
    assert (at(table, "B1").value, at(table, "B1").text) == (False, "FALSE")
    assert (at(table, "C1").value, at(table, "C1").text) == (None, "#N/A")


def test_shared_strings_join_rich_text_runs_and_drop_phonetics() -> None:
    shared = [
        "<si><t>开发区名称</t></si>",
        "<si><r><rPr><b/></rPr><t>太原</t></r><r><t>高新区</t></r>"
        "<rPh sb='0' eb='1'><t>たいげん</t></rPh></si>",
        "<si><t>换行_x000D_符</t></si>",
    ]
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>99</v></c></row>'
    )
    (table,) = read_xlsx(build_xlsx([("S", sheet_data(rows))], shared), "a.xlsx").tables
    assert [c.text for c in table.cells] == ["开发区名称", "太原高新区", "换行\r符", ""]
    assert table.cells[1].value == "太原高新区"


def test_inline_strings() -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c>'
        '<c r="B1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>'
    )
    (table,) = read_xlsx(build_xlsx([("S", sheet_data(rows))]), "a.xlsx").tables
    assert [(c.text, c.value) for c in table.cells] == [("内联", "内联"), ("富文本", "富文本")]


def test_styled_empty_cells_are_not_used_cells() -> None:
    rows = (
        '<row r="1"><c r="A1" s="1"/><c r="B1"><v>1</v></c><c r="C1"><v/></c>'
        '<c r="H9" s="2"/></row>'
    )
    (table,) = read_xlsx(build_xlsx([("S", sheet_data(rows))]), "a.xlsx").tables
    assert (table.n_rows, table.n_cols, len(table.cells)) == (1, 2, 1)


# --- dates ----------------------------------------------------------------------------------


def test_dates_from_builtin_and_custom_formats() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "日期"
    sheet["A1"] = date(2024, 3, 1)
    sheet["B1"] = datetime(2024, 3, 1, 8, 30)
    sheet["C1"] = clock(14, 45)
    sheet["D1"] = 45352
    sheet["D1"].number_format = 'yyyy"年"m"月"d"日"'
    sheet["E1"] = 45352
    sheet["E1"].number_format = "0.00"
    sheet["F1"] = 45352
    sheet["F1"].number_format = "mm-dd-yy"  # built-in id 14
    (table,) = read_book(workbook).tables
    values = [(c.value, c.text) for c in table.cells]
    assert values == [
        (date(2024, 3, 1), "2024-03-01"),
        (datetime(2024, 3, 1, 8, 30), "2024-03-01 08:30:00"),
        (clock(14, 45), "14:45:00"),
        (date(2024, 3, 1), "2024-03-01"),
        (45352, "45352"),
        (date(2024, 3, 1), "2024-03-01"),
    ]


def test_number_format_is_kept_unless_general() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "指标"
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = 0.65, 0.655, 65, 1234.5
    sheet["A1"].number_format = "0%"  # built-in format 9
    sheet["B1"].number_format = "0.0%"  # a custom format
    sheet["D1"].number_format = "#,##0.00"
    (table,) = read_book(workbook).tables
    formats = {str(c.location): c.number_format for c in table.cells}
    assert formats == {"指标!A1": "0%", "指标!B1": "0.0%", "指标!C1": None, "指标!D1": "#,##0.00"}
    assert at(table, "A1").value == 0.65  # the stored value: scaling is the extractor's call


def test_regression_styles_remembered_per_styles_part_not_per_cell_index() -> None:
    """Cell styles are kept per styles part (forms from one template share it); a workbook
    whose style 1 is a date and one whose style 1 is a plain number must not mix up."""

    def book(number_format: str) -> bytes:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet["A1"] = 45352
        sheet["A1"].number_format = number_format
        return save(workbook)

    as_date, as_number = book("yyyy-mm-dd"), book("0.0")
    for _ in range(2):  # the second round reads both from the memo
        assert read_xlsx(as_date, "a.xlsx").tables[0].cells[0].value == date(2024, 3, 1)
        assert read_xlsx(as_number, "b.xlsx").tables[0].cells[0].value == 45352


def test_regression_relationships_remembered_per_part_not_per_package_shape() -> None:
    """Relationships are kept per relationships part (forms from one template share them);
    workbooks whose sheet lists differ must each get their own."""

    def book(titles: list[str]) -> bytes:
        workbook = openpyxl.Workbook()
        first = workbook.active
        assert first is not None
        first.title = titles[0]
        for title in titles[1:]:
            workbook.create_sheet(title)
        for sheet in workbook.worksheets:
            sheet["A1"] = sheet.title
        return save(workbook)

    one, three = book(["指标"]), book(["指标", "附表一", "附表二"])
    for _ in range(2):  # the second round reads both from the memo
        assert [t.name for t in read_xlsx(one, "a.xlsx").tables] == ["指标"]
        assert [t.name for t in read_xlsx(three, "b.xlsx").tables] == ["指标", "附表一", "附表二"]


def test_the_1904_date_system() -> None:
    workbook = openpyxl.Workbook()
    workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = date(2024, 3, 1)
    data = save(workbook)
    (table,) = read_xlsx(data, "mac.xlsx").tables
    assert table.cells[0].value == date(2024, 3, 1)


def test_early_1900_serials_honour_excels_leap_year_bug() -> None:
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    rows = (
        '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>59</v></c>'
        '<c r="C1" s="1"><v>61</v></c></row>'
    )
    (table,) = read_xlsx(build_xlsx([("S", sheet_data(rows))], styles=styles), "a.xlsx").tables
    assert [c.value for c in table.cells] == [date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1)]


def test_iso_date_cells() -> None:
    rows = (
        '<row r="1"><c r="A1" t="d"><v>2024-03-01</v></c>'
        '<c r="B1" t="d"><v>2024-03-01T08:00:00</v></c></row>'
    )
    (table,) = read_xlsx(build_xlsx([("S", sheet_data(rows))]), "a.xlsx").tables
    assert [c.value for c in table.cells] == [date(2024, 3, 1), datetime(2024, 3, 1, 8)]


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("yyyy-mm-dd", "date"),
        ('yyyy"年"m"月"d"日"', "date"),
        ("[$-804]yyyy\\年m\\月", "date"),
        ("[DBNum1][$-804]yyyy年m月d日", "date"),
        ("yyyy/m/d h:mm", "datetime"),
        ("h:mm", "time"),
        ("[h]:mm:ss", "time"),
        ("mm:ss", "time"),
        ('上午/下午h"时"mm"分"', "time"),
        ("0.00", None),
        ('#,##0.00"万元"', None),
        ('0"天"', None),
        ('"day "0', None),
        ("General", None),
        ("[Red]0.00;[Blue]-0.00", None),
        ("0.00_);(0.00)", None),
    ],
)
def test_number_format_kinds(code: str, kind: str | None) -> None:
    assert format_kind(code) == kind


# --- merges and formulas --------------------------------------------------------------------


def test_merged_ranges_keep_only_the_origin_with_spans() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "指标"
    sheet["A1"] = "绩效目标及评价指标表"
    sheet.merge_cells("A1:F1")
    sheet["A3"] = "产业集聚度"
    sheet.merge_cells("A3:A5")
    sheet["B3"], sheet["B4"], sheet["B5"] = "入驻企业数", "中小企业数", "营业收入"
    sheet.merge_cells("C7:D8")  # an empty merged block still has its geometry
    (table,) = read_book(workbook).tables
    assert (table.n_rows, table.n_cols) == (8, 6)
    assert (at(table, "A1").rowspan, at(table, "A1").colspan) == (1, 6)
    assert (at(table, "A3").rowspan, at(table, "A3").colspan) == (3, 1)
    assert table.grid()[4][0] is at(table, "A3")
    empty = at(table, "C7")
    assert (empty.text, empty.rowspan, empty.colspan) == ("", 2, 2)
    assert [c.text for c in table.cells].count("绩效目标及评价指标表") == 1


def test_values_hidden_under_a_merge_are_dropped() -> None:
    rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>'
    merges = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
    (table,) = read_xlsx(build_xlsx([("S", sheet_data(rows, merges))]), "a.xlsx").tables
    assert [(str(c.location), c.value, c.colspan) for c in table.cells] == [
        ("S!A1", 1, 2),
        ("S!C1", 3, 1),
    ]


def test_a_formula_keeps_its_text_and_cached_value() -> None:
    rows = (
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>'
        '<c r="C1"><f>SUM(A1:B1)</f><v>3</v></c>'
        '<c r="D1" t="str"><f>IF(C1&gt;2,"达标","")</f><v>达标</v></c>'
        '<c r="E1" t="str"><f>""</f><v></v></c></row>'
    )
    doc = read_xlsx(build_xlsx([("S", sheet_data(rows))]), "a.xlsx")
    (table,) = doc.tables
    assert (at(table, "C1").formula, at(table, "C1").value) == ("=SUM(A1:B1)", 3)
    assert (at(table, "D1").formula, at(table, "D1").text) == ('=IF(C1>2,"达标","")', "达标")
    assert (at(table, "E1").value, at(table, "E1").text) == ("", "")
    assert doc.notes == []


def test_a_formula_without_a_cached_value_is_empty_and_noted() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "指标"
    sheet["D12"], sheet["E12"] = 1, 2
    sheet["F12"] = "=D12+E12"
    doc = read_book(workbook)
    cell = at(doc.tables[0], "F12")
    assert (cell.value, cell.text, cell.formula) == (None, "", "=D12+E12")
    (note,) = doc.notes
    assert note.code == "formula-no-value"
    assert note.location == "指标!F12"
    assert "指标!F12" in note.message()


def test_many_formulas_without_values_give_one_note() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "指标"
    for row in range(1, 6):
        sheet[f"B{row}"] = f"=A{row}*2"
    (note,) = read_book(workbook).notes
    assert "指标!B1 等 5 处" in note.message()


def test_shared_formulas_are_rebased_on_each_cell() -> None:
    rows = (
        '<row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">A2+$B$1*B2</f><v>1</v></c></row>'
        '<row r="3"><c r="C3"><f t="shared" si="0"/><v>2</v></c></row>'
        '<row r="4"><c r="C4"><f t="shared" si="0"/><v>3</v></c></row>'
    )
    (table,) = read_xlsx(build_xlsx([("S", sheet_data(rows))]), "a.xlsx").tables
    assert [c.formula for c in table.cells] == ["=A2+$B$1*B2", "=A3+$B$1*B3", "=A4+$B$1*B4"]


def test_shift_formula_leaves_strings_functions_and_absolutes_alone() -> None:
    assert shift_formula('LOG10(A1)&"A1"&$A$1&Sheet2!B2', 1, 1) == 'LOG10(B2)&"A1"&$A$1&Sheet2!C3'
    assert shift_formula("A1", -1, 0) == "#REF!"


# --- strict and unreadable workbooks --------------------------------------------------------


def test_strict_workbook_reads_like_transitional() -> None:
    def to_strict(name: str, data: bytes) -> tuple[str, bytes]:
        data = data.replace(
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        ).replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        )
        return name, data

    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>'
    data = rezip(build_xlsx([("严格", sheet_data(rows))], ["<si><t>标签</t></si>"]), to_strict)
    assert b"purl.oclc.org" in zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml")
    (table,) = read_xlsx(data, "strict.xlsx").tables
    assert [(str(c.location), c.value) for c in table.cells] == [
        ("严格!A1", "标签"),
        ("严格!B1", 7),
    ]


def refusal(data: bytes) -> InputFileError:
    with pytest.raises(InputFileError) as caught:
        read_xlsx(data, "坏表.xlsx")
    assert caught.value.file == "坏表.xlsx"
    return caught.value


def test_empty_and_not_a_zip() -> None:
    assert refusal(b"").code == "file-empty"
    assert refusal(b"a,b,c\n1,2,3\n").code == "file-corrupt"


def test_encrypted_workbook() -> None:
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
    assert refusal(cfb).code == "file-encrypted"


def test_a_word_document_is_not_a_workbook() -> None:
    assert refusal(build_docx(p("x"))).code == "file-unknown-type"


def test_a_sheet_with_a_dtd_is_refused() -> None:
    def add_dtd(name: str, data: bytes) -> tuple[str, bytes]:
        if name.endswith("sheet1.xml"):
            data = b'<!DOCTYPE worksheet [<!ENTITY e "x">]>' + data
        return name, data

    data = rezip(build_xlsx([("S", sheet_data(""))]), add_dtd)
    assert refusal(data).code == "file-unsafe"


def test_a_huge_merge_is_refused_not_allocated() -> None:
    merges = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    data = build_xlsx([("S", sheet_data('<row r="1"><c r="A1"><v>1</v></c></row>', merges))])
    started = time.process_time()
    assert refusal(data).code == "file-too-large"
    assert time.process_time() - started < 1


def test_too_many_cells_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import formkit.readers.xlsx as reader

    monkeypatch.setattr(reader, "MAX_CELLS", 10)
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 12))
    assert refusal(build_xlsx([("S", sheet_data(rows))])).code == "file-too-large"


def test_too_many_shared_strings_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import formkit.readers.xlsx_parts as parts

    monkeypatch.setattr(parts, "MAX_SHARED_STRINGS", 3)
    data = build_xlsx([("S", sheet_data(""))], [f"<si><t>{i}</t></si>" for i in range(5)])
    assert refusal(data).code == "file-too-large"


def test_public_names_stay_importable_from_the_reader_module() -> None:
    import formkit.readers.xlsx as reader

    for name in reader.__all__:
        assert hasattr(reader, name), name


# --- the peer corpus ------------------------------------------------------------------------


def test_every_peer_workbook_reads_or_is_refused_cleanly(peers: Path) -> None:
    files = sorted(f for f in peers.rglob("*") if f.suffix in (".xlsx", ".xlsm", ".xltx", ".xltm"))
    assert files
    refused: list[str] = []
    for path in files:
        started = time.process_time()
        try:
            doc = read_xlsx(path, path.name)
        except InputFileError as exc:
            refused.append(f"{path.name}:{exc.code}")
        else:
            assert all(isinstance(t, Table) for t in doc.blocks)
        assert time.process_time() - started < 3, path
    # the 0-byte, the truncated and the password-protected workbook; all others read
    assert sorted(refused) == [
        "null_archive.xlsx:file-corrupt",
        "null_file.xlsx:file-empty",
        "password_protected.xlsx:file-encrypted",
    ]


def test_peer_dates_in_both_date_systems(peers: Path) -> None:
    data = peers / "openpyxl" / "openpyxl" / "reader" / "tests" / "data"
    for name in ("date_1900.xlsx", "date_1904.xlsx"):
        cell = read_xlsx(data / name, name).tables[0].cells[0]
        assert isinstance(cell.value, date), (name, cell.value)
