""".xls/.et read natively (xlrd), without LibreOffice: Excel's stored values, dates, merges,
number formats, hidden sheets — the cells the .xlsx reader gives for the same workbook; and
LibreOffice only for a workbook the native reader refuses."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from formkit.model.document import Cell, Document, Table
from formkit.model.errors import InputFileError
from formkit.pipeline import FileResult, Options, check, process_bytes
from formkit.readers.xls import NativeRefused, read_xls
from formkit.readers.xlsx import read_xlsx

from .pdf_samples import convert, soffice, targets_xlsx
from .xls_cells import Agreement, agreement, calamine_cells

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "legacy" / "xls"
NATIVE = Options(isolate=False)


class Books:
    """Workbooks written by openpyxl, saved as .xls by LibreOffice in one run."""

    def __init__(self, root: Path) -> None:
        sample = root / "样例.xlsx"
        _sample_book().save(sample)
        self.targets = targets_xlsx(root / "绩效目标表.xlsx", 1, rows_per_dimension=2)
        self.sources = [sample, self.targets.path]
        made = convert(self.sources, "xls:MS Excel 97", root / "xls")
        self.sample, self.targets_xls = (p.read_bytes() for p in made)


def _sample_book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "指标"
    sheet.merge_cells("A1:D1")
    sheet["A1"] = "绩效目标表"
    sheet.merge_cells("A2:A4")
    sheet["A2"] = "产出指标"
    sheet["C2"] = date(2024, 3, 31)
    sheet["C2"].number_format = "yyyy-mm-dd"
    sheet["C3"] = 0.85
    sheet["C3"].number_format = "0%"
    sheet["C4"], sheet["D4"] = 12, 3.25
    sheet["C5"] = "0012"
    sheet["C6"] = "=C4*2+D4"
    sheet["C7"] = "=1/0"
    sheet["C8"] = True
    sheet["C9"] = datetime(2024, 3, 31, 14, 30)
    sheet["C9"].number_format = "yyyy-mm-dd hh:mm"
    hidden = book.create_sheet("备注")
    hidden["A1"] = "隐藏的说明"
    hidden.sheet_state = "hidden"
    far = book.create_sheet("远处")
    far["A1"], far["IV65536"] = "起点", "终点"  # the last cell a .xls sheet has
    return book


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Books:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is needed to make the .xls files")
    return Books(tmp_path_factory.mktemp("xls"))


def sheet(doc: Document, name: str) -> Table:
    return next(t for t in doc.tables if t.name == name)


def at(table: Table, address: str) -> Cell:
    found = [c for c in table.cells if str(c.location) == f"{table.name}!{address}"]
    assert found, address
    return found[0]


def test_values_are_read_as_the_xlsx_reader_reads_them(books: Books) -> None:
    table = sheet(read_xls(books.sample, "样例.xls"), "指标")
    expected = {
        "C2": (date(2024, 3, 31), "2024-03-31"),
        "C3": (0.85, "0.85"),
        "C4": (12, "12"),
        "D4": (3.25, "3.25"),
        "C5": ("0012", "0012"),
        "C6": (27.25, "27.25"),  # the formula's stored value
        "C7": (None, "#DIV/0!"),
        "C8": (True, "TRUE"),
        "C9": (datetime(2024, 3, 31, 14, 30), "2024-03-31 14:30:00"),
    }
    assert {a: (at(table, a).value, at(table, a).text) for a in expected} == expected
    assert at(table, "C3").number_format == "0%"
    assert at(table, "C4").number_format is None


def test_merged_ranges_become_spans_on_the_origin_cell(books: Books) -> None:
    table = sheet(read_xls(books.sample, "样例.xls"), "指标")
    title, group = at(table, "A1"), at(table, "A2")
    assert (title.rowspan, title.colspan, group.rowspan, group.colspan) == (1, 4, 3, 1)
    assert not [c for c in table.cells if c.row == 0 and c.col > 0]


def test_hidden_sheets_are_read_and_a_far_cell_costs_only_itself(books: Books) -> None:
    doc = read_xls(books.sample, "样例.xls")
    assert [t.name for t in doc.tables] == ["指标", "备注", "远处"]
    assert [t.hidden for t in doc.tables] == [False, True, False]  # formkit read says so
    assert [c.text for c in sheet(doc, "备注").cells] == ["隐藏的说明"]
    far = sheet(doc, "远处")
    assert [str(c.location) for c in far.cells] == ["远处!A1", "远处!IV65536"]
    assert (far.n_rows, far.n_cols) == (65536, 256)


def test_an_xls_gives_the_cells_its_xlsx_source_gives(books: Books) -> None:
    ours = read_xls(books.targets_xls, "绩效目标表.xls")
    source = read_xlsx(books.targets.path.read_bytes(), "绩效目标表.xlsx")
    assert [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in ours.tables[0].cells] == [
        (c.row, c.col, c.rowspan, c.colspan, c.text) for c in source.tables[0].cells
    ]


def test_the_pipeline_reads_xls_and_et_without_libreoffice(
    books: Books, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORMKIT_SOFFICE", "/nonexistent/soffice")
    xlsx = process_bytes("绩效目标表.xlsx", books.targets.path.read_bytes(), NATIVE)[0]
    for name in ("绩效目标表.xls", "绩效目标表.et"):
        (result,) = process_bytes(name, books.targets_xls, NATIVE)
        assert not result.unreadable
        assert "legacy-converted" not in [f.code for f in result.findings]
        assert result.form == xlsx.form == "targets"
        assert result.record is not None and xlsx.record is not None
        assert result.record.data() == xlsx.record.data()


def test_a_workbook_the_native_reader_refuses_goes_to_libreoffice(books: Books) -> None:
    bof = books.sample.index(b"\x09\x08\x10\x00\x00\x06\x05\x00")  # the Workbook stream's BOF
    damaged = books.sample[:bof] + b"\xff" * 8 + books.sample[bof + 8 :]
    with pytest.raises(NativeRefused):
        read_xls(damaged, "坏表.xls")
    (result,) = process_bytes("坏表.xls", damaged, NATIVE)
    assert [f.code for f in result.findings] == ["file-legacy-unconverted"]
    assert "LibreOffice" in result.findings[0].message()


def test_more_cells_than_the_limit_are_refused_by_code(
    books: Books, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("formkit.readers.xls.MAX_CELLS", 5)
    with pytest.raises(InputFileError) as caught:
        read_xls(books.sample, "样例.xls")
    assert (caught.value.code, caught.value.reason) == ("file-too-many-cells", "5")


# --- the legacy corpus: 108 real Excel-made files --------------------------------------------

corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus/legacy is not here")
REFUSALS = {"file-encrypted", "file-corrupt", "file-legacy-unconverted", "file-too-many-cells"}


@pytest.fixture(scope="module")
def corpus_results() -> list[FileResult]:
    files = sorted(CORPUS.glob("*.xls"))
    return check(files, Options(workers=2, timeout_s=60))


@corpus
@pytest.mark.slow
def test_every_corpus_workbook_is_read_or_refused_with_a_reason(
    corpus_results: list[FileResult],
) -> None:
    assert len(corpus_results) == 108
    for result in corpus_results:
        codes = {f.code for f in result.findings}
        assert not codes & {"internal-error", "file-timeout", "file-memory"}, result.file
        if result.unreadable:
            assert codes <= REFUSALS, result.file
    natively = [r for r in corpus_results if not r.unreadable]
    converted = [r for r in natively if "legacy-converted" in {f.code for f in r.findings}]
    assert len(natively) >= 104 and len(converted) <= 2


@corpus
def test_corpus_cells_agree_with_an_independent_reading() -> None:
    total = Agreement()
    for path in sorted(CORPUS.glob("*.xls")):
        data = path.read_bytes()
        try:
            doc = read_xls(data, path.name)
        except (NativeRefused, InputFileError):
            continue
        total = total.add(agreement(doc, calamine_cells(data), path.name))
    assert total.total > 3000
    assert total.share >= 0.995, total.differ
