"""Word's invariants in every .docx formkit writes or ships (word_rules), and the blank and
filled 申报信息表 saved as .doc by LibreOffice read back with their table and values."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from formkit.cli import main
from formkit.intake.office import convert, soffice_available
from formkit.writers.ooxml_common import close_tables

from .conftest import ROOT, SAMPLES
from .word_rules import breaches

SHIPPED = sorted([*SAMPLES.rglob("*.docx"), *(ROOT / "templates").glob("*.docx")])
FILLED = SAMPLES / "inbox" / "太原市" / "太原样例经济技术开发区" / "申报信息表.docx"


def test_written_documents_keep_words_invariants(written: Path) -> None:
    documents = sorted(written.rglob("*.docx"))
    assert len(documents) >= 15
    assert {str(p.relative_to(written)): breaches(p) for p in documents if breaches(p)} == {}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_documents_keep_words_invariants(path: Path) -> None:
    assert breaches(path) == []


def test_red_on_a_body_ending_with_a_table_and_a_cell_ending_with_one(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.add_table(rows=1, cols=1)
    for paragraph in cell.paragraphs:  # python-docx closes the cell itself: undo that
        cell._tc.remove(paragraph._p)
    document.save(tmp_path / "bad.docx")
    found = breaches(tmp_path / "bad.docx")
    assert sorted(f.split(": ", 1)[1] for f in found) == [
        "ends with a table, no paragraph after it",
        "ends with a table, no paragraph after it",
        "the cell does not end with a paragraph",
    ]
    close_tables(document.element.body)
    document.save(tmp_path / "closed.docx")
    assert breaches(tmp_path / "closed.docx") == []
    assert document.element.body[-2].tag == qn("w:p")  # before w:sectPr


def test_red_on_a_repeated_bookmark_id(tmp_path: Path) -> None:
    document = docx.Document()
    for name in ("a", "b"):
        mark = document.add_paragraph()._p.makeelement(qn("w:bookmarkStart"))
        mark.set(qn("w:id"), "0")
        mark.set(qn("w:name"), name)
        document.paragraphs[-1]._p.append(mark)
    document.save(tmp_path / "marks.docx")
    assert breaches(tmp_path / "marks.docx") == ["word/document.xml: bookmark id 0 used 2 times"]


# -- .docx → LibreOffice .doc → formkit ---------------------------------------------------------


def _parse(*paths: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["parse", "--json", *map(str, paths)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


@pytest.mark.libreoffice
@pytest.mark.skipif(not soffice_available(), reason="LibreOffice (soffice) is not installed")
def test_forms_saved_as_doc_by_libreoffice_read_back_the_same(
    written: Path, tmp_path: Path
) -> None:
    blank, filled = tmp_path / "blank.docx", tmp_path / "filled.docx"
    shutil.copy(written / "forms" / "申报信息表.docx", blank)
    shutil.copy(FILLED, filled)
    blank_doc, filled_doc = convert([blank, filled], "doc", tmp_path / "doc")
    from_docx, from_doc, blank_docx, blank_doc_read = _parse(filled, filled_doc, blank, blank_doc)
    assert from_doc["layout"] == from_docx["layout"] == "table-4col"
    assert len(from_docx["fields"]) > 30
    assert from_doc["fields"] == from_docx["fields"]
    assert blank_doc_read["layout"] == blank_docx["layout"] == "table-4col"

    def missing(report: dict) -> list[str]:
        return sorted(f["field"] for f in report["findings"] if f["code"] == "missing-field")

    assert missing(blank_doc_read) == missing(blank_docx) != []
    check = CliRunner().invoke(main, ["check", str(filled_doc)])
    assert check.exit_code == 0, check.output
