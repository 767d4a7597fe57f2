"""The PDF reader: forms exported from Word and Excel by LibreOffice, read back into cells,
spans, joined tables and headings; scans, passwords and broken files refused by code."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest

from formkit.model.document import Document, Table
from formkit.model.errors import InputFileError
from formkit.readers import pdf as pdf_reader
from formkit.readers.pdf import read_pdf

from .pdf_samples import (
    DIMENSIONS,
    EMAIL,
    INDICATOR_HEADER,
    PLAN_HEADINGS,
    SUBHEADINGS,
    Sample,
    application_docx,
    convert,
    field_accuracy,
    plan_docx,
    scanned_pdf,
    soffice,
    targets_xlsx,
    word_corpus,
)

PEERS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "peers"
ROWS_PER_DIMENSION = 6

pytestmark = pytest.mark.libreoffice


class Rendered:
    """The session's sample files: sources and their PDFs, all from one LibreOffice run."""

    def __init__(self, root: Path) -> None:
        self.form = application_docx(root / "申报信息表.docx", 3, ROWS_PER_DIMENSION)
        self.plan = plan_docx(root / "实施方案.docx")
        self.targets = targets_xlsx(root / "绩效目标表.xlsx", 2, rows_per_dimension=5)
        sources = [self.form.path, self.plan.path, self.targets.path]
        self.form_pdf, self.plan_pdf, self.targets_pdf = convert(sources, "pdf", root / "pdf")
        self.scan_pdf = scanned_pdf(self.form_pdf, root / "扫描件.pdf")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    return Rendered(tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def form(rendered: Rendered) -> Document:
    return read_pdf(rendered.form_pdf, "申报信息表.pdf")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def recall(sample: Sample, doc: Document) -> float:
    """Share of distinct non-empty source cell texts found exactly as an extracted cell."""
    wanted = {squeeze(t) for t in sample.cells if squeeze(t)}
    found = {squeeze(c.text) for table in doc.tables for c in table.cells}
    return len(wanted & found) / len(wanted)


def row_texts(table: Table, row: int) -> list[str]:
    return [c.text for c in table.rows()[row]]


# --- ruled tables --------------------------------------------------------------------------


def test_a_word_form_has_its_two_tables(form: Document) -> None:
    assert [t.n_cols for t in form.tables] == [4, 8]
    assert form.kind == "pdf"


def test_merged_cells_are_spans_not_placeholders(form: Document) -> None:
    table = form.tables[0]
    section = table.rows()[0][0]
    assert (section.text, section.colspan, section.rowspan) == ("一、开发区基本情况", 4, 1)
    assert row_texts(table, 2) == ["开发区名称", "长治经济技术开发区"]
    assert table.rows()[2][1].colspan == 3
    assert all(cell is not None for row in table.grid() for cell in row)


def test_a_vertically_merged_group_is_one_cell_over_its_rows(form: Document) -> None:
    table = form.tables[0]
    group = next(c for c in table.cells if c.text == "联系人")
    assert (group.rowspan, group.colspan, group.col) == (3, 1, 0)
    sublabels = [table.grid()[group.row + i][1].text for i in range(3)]  # type: ignore[union-attr]
    assert sublabels == ["姓名", "职务", "联系电话"]


def test_a_table_broken_across_pages_is_one_table_with_one_header(form: Document) -> None:
    table = form.tables[1]
    assert table.n_rows == 1 + len(DIMENSIONS) * ROWS_PER_DIMENSION
    assert tuple(row_texts(table, 0)) == INDICATOR_HEADER
    assert sum(c.text == "一级指标" for c in table.cells) == 1
    pages = {c.location.page for c in table.cells}
    assert len(pages) >= 3


def test_groups_cut_by_a_page_break_stay_one_cell(form: Document) -> None:
    table = form.tables[1]
    groups = [c for c in table.cells if c.col == 0 and c.row > 0]
    assert [c.text for c in groups] == list(DIMENSIONS)
    assert {c.rowspan for c in groups} == {ROWS_PER_DIMENSION}


def test_a_word_longer_than_its_cell_comes_back_without_a_break(form: Document) -> None:
    assert any(cell.text == EMAIL for cell in form.tables[0].cells)


def test_locations_name_page_table_row_and_column(form: Document) -> None:
    table = form.tables[1]
    last = table.rows()[-1][-1]
    assert last.location.table == 2
    assert last.location.row == table.n_rows
    assert last.location.col == 8
    assert str(last.location).startswith(f"第{last.location.page}页 表2 第{table.n_rows}行")


def test_source_cells_come_back_exactly(rendered: Rendered, form: Document) -> None:
    assert recall(rendered.form, form) >= 0.99


def test_text_outside_tables_is_paragraphs_in_reading_order(form: Document) -> None:
    kinds = ["T" if isinstance(b, Table) else "P" for b in form.blocks]
    assert "".join(kinds).startswith("PPT")
    filler = form.paragraphs[1]
    assert filler.text == "填报单位：长治经济技术开发区管理委员会 填报日期：2020年3月5日"
    assert (filler.location.page, filler.location.paragraph) == (1, 2)


def test_reading_from_bytes_equals_reading_from_a_path(rendered: Rendered) -> None:
    from_bytes = read_pdf(rendered.form_pdf.read_bytes(), "a.pdf")
    from_path = read_pdf(rendered.form_pdf, "a.pdf")
    assert from_bytes.blocks == from_path.blocks


@pytest.fixture(scope="session")
def corpus_pdfs(rendered: Rendered, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The extractor's Word layouts exported to PDF (one more LibreOffice run)."""
    root = tmp_path_factory.mktemp("corpus")
    corpus = word_corpus(root)
    return dict(zip(corpus, convert(list(corpus.values()), "pdf", root / "pdf"), strict=True))


@pytest.mark.slow
def test_filled_forms_exported_from_word_parse_to_the_right_values(
    corpus_pdfs: dict[str, Path],
) -> None:
    docs = {name: read_pdf(path, path.name) for name, path in corpus_pdfs.items()}
    right, total, misses = field_accuracy(docs)
    assert right / total >= 0.98, misses


# --- the plan ------------------------------------------------------------------------------


def test_plan_headings_are_found_with_their_levels(rendered: Rendered) -> None:
    doc = read_pdf(rendered.plan_pdf, "实施方案.pdf")
    headings = [(p.text, p.level) for p in doc.paragraphs if p.level]
    assert headings[0] == ("两年期实施方案", 1)
    assert [t for t, level in headings if level == 1][1:] == list(PLAN_HEADINGS)
    assert [t for t, level in headings if level == 2] == list(SUBHEADINGS)


def test_plan_body_paragraphs_are_whole(rendered: Rendered) -> None:
    doc = read_pdf(rendered.plan_pdf, "实施方案.pdf")
    body = [p.text for p in doc.paragraphs if p.level == 0]
    assert body[0].startswith("围绕开发区主导产业")
    assert body[0].endswith("提高资源融通效率与质量。")
    assert "\n" not in body[0]


# --- borderless tables (a spreadsheet printed without grid lines) -------------------------


def test_a_spreadsheet_pdf_without_rulings_is_read_into_cells(rendered: Rendered) -> None:
    with pdfplumber.open(rendered.targets_pdf) as pdf:
        assert not pdf.pages[0].find_tables()  # no rulings: pdfplumber alone finds nothing
    doc = read_pdf(rendered.targets_pdf, "绩效目标表.pdf")
    (table,) = doc.tables
    assert tuple(c.text for c in table.rows()[2]) == INDICATOR_HEADER
    first = table.rows()[0]
    assert [c.text for c in first if c.text] == [
        "开发区名称",
        "阳泉经济技术开发区",
        "特色载体名称",
        "阳泉经济技术开发区融通创新园",
    ]
    assert recall(rendered.targets, doc) >= 0.99


def test_label_value_pairs_of_a_borderless_sheet_sit_side_by_side(rendered: Rendered) -> None:
    doc = read_pdf(rendered.targets_pdf, "绩效目标表.pdf")
    grid = doc.tables[0].grid()
    labels = {
        cell.text: grid[cell.row][cell.end_col + 1]
        for cell in doc.tables[0].rows()[1]
        if cell.text and cell.end_col + 1 < len(grid[0])
    }
    assert labels["实施期（起）"].text == "2020.01"  # type: ignore[union-attr]
    assert labels["实施期（止）"].text == "2021.12"  # type: ignore[union-attr]


# --- refusals ------------------------------------------------------------------------------


def test_a_scanned_pdf_needs_manual_review(rendered: Rendered) -> None:
    with pytest.raises(InputFileError) as caught:
        read_pdf(rendered.scan_pdf, "扫描件.pdf")
    assert caught.value.code == "file-scanned-pdf"
    assert "人工审核" in caught.value.reason


@pytest.mark.skipif(shutil.which("pdfunite") is None, reason="poppler-utils not installed")
def test_a_scanned_page_among_text_pages_is_a_warning(rendered: Rendered, tmp_path: Path) -> None:
    mixed = tmp_path / "附盖章页.pdf"
    subprocess.run(
        ["pdfunite", str(rendered.plan_pdf), str(rendered.scan_pdf), str(mixed)],
        check=True,
        timeout=60,
    )
    doc = read_pdf(mixed, mixed.name)
    assert doc.paragraphs[0].text == "两年期实施方案"
    (note,) = doc.notes
    assert (note.code, note.severity) == ("pdf-scanned-pages", "warning")
    assert "第3页" in note.message()


@pytest.mark.skipif(shutil.which("pdfunite") is None, reason="poppler-utils not installed")
def test_regression_scanned_pages_are_listed_in_the_reports_language(
    rendered: Rendered, tmp_path: Path
) -> None:
    """The scanned pages were joined with 、 when the note was made (English: “3、4”)."""
    mixed = tmp_path / "附两页盖章页.pdf"
    parts = [rendered.plan_pdf, rendered.scan_pdf, rendered.scan_pdf]
    subprocess.run(["pdfunite", *map(str, parts), str(mixed)], check=True, timeout=60)
    (note,) = read_pdf(mixed, mixed.name).notes
    assert note.message("zh").startswith("PDF 第3、4页为扫描图片")
    assert note.message("en").startswith("PDF page(s) 3, 4 are scanned images")


def test_a_truncated_pdf_is_corrupt(rendered: Rendered) -> None:
    data = rendered.form_pdf.read_bytes()
    with pytest.raises(InputFileError) as caught:
        read_pdf(data[:400], "坏.pdf")
    assert caught.value.code == "file-corrupt"
    assert caught.value.file == "坏.pdf"


def test_a_missing_file_is_refused_by_code(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as caught:
        read_pdf(tmp_path / "无.pdf", "无.pdf")
    assert caught.value.code == "file-not-found"


def test_garbage_after_the_pdf_header_is_corrupt() -> None:
    with pytest.raises(InputFileError) as caught:
        read_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 8, "乱码.pdf")
    assert caught.value.code == "file-corrupt"


def test_more_pages_than_the_cap_are_refused(
    rendered: Rendered, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    with pytest.raises(InputFileError) as caught:
        read_pdf(rendered.form_pdf, "长.pdf")
    assert caught.value.code == "file-too-large"


@pytest.mark.skipif(not PEERS.is_dir(), reason="shared/corpus/peers is absent")
@pytest.mark.parametrize("name", ["rc4-40.pdf", "aes-128.pdf", "aes-256-r6.pdf"])
def test_a_password_protected_pdf_is_refused_as_encrypted(name: str) -> None:
    path = PEERS / "pdfminer.six" / "samples" / "encryption" / name
    with pytest.raises(InputFileError) as caught:
        read_pdf(path, name)
    assert caught.value.code == "file-encrypted"


# --- robustness on the peers' own test PDFs -----------------------------------------------


def _peer_pdfs(max_pages: int = 30) -> Iterator[Path]:
    for path in sorted(PEERS.rglob("*.pdf")):
        try:
            with pdfplumber.open(path) as pdf:
                if len(pdf.pages) > max_pages:
                    continue
        except Exception:  # unreadable ones are exactly what the test wants
            pass
        yield path


class _Slow(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Slow


@pytest.mark.slow
@pytest.mark.skipif(not PEERS.is_dir(), reason="shared/corpus/peers is absent")
def test_every_peer_pdf_reads_or_is_refused_by_code_within_a_minute() -> None:
    previous = signal.signal(signal.SIGALRM, _alarm)
    outcomes: dict[str, str] = {}
    try:
        for path in _peer_pdfs():
            started = time.monotonic()
            signal.alarm(60)
            try:
                read_pdf(path, path.name)
                outcomes[path.name] = "read"
            except InputFileError as exc:
                outcomes[path.name] = exc.code
            finally:
                signal.alarm(0)
            assert time.monotonic() - started < 60, path
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert len(outcomes) > 50
    assert outcomes["password-example.pdf"] == "file-encrypted"
    assert outcomes["empty.pdf"] == "file-corrupt"
