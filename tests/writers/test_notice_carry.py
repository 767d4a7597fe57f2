"""What ``render_bytes(..., carry=n)`` changes in the .docx: the layout render_many asks for when
the printed 版记 stood alone on its page (the PDFs are checked in test_print_layout.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from formkit.writers.notice import render_bytes
from formkit.writers.notice_layout import carry_rows

from ..conformance import audit, word_rules
from .notice_counts import SAMPLES, with_rows


def _document(content: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(content))


def _first_cells(table: docx.table.Table) -> list[str]:
    return [row.cells[0].text for row in table.rows]


@pytest.mark.parametrize(("carry", "kept"), [(2, "8"), (4, "6")])
def test_the_last_rows_and_the_total_go_onto_a_page_of_their_own(carry: int, kept: str) -> None:
    plain = _document(render_bytes("funding", with_rows("funding", 10)))
    carried = _document(render_bytes("funding", with_rows("funding", 10), carry=carry))
    assert len(carried.tables) == len(plain.tables) + 1
    *_, head, tail, _imprint = carried.tables
    moved = [str(n) for n in range(11 - carry, 11)]
    assert _first_cells(tail) == ["序号", *moved, "合计"]
    assert _first_cells(head)[-1] == kept
    header = tail.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    # the break: one paragraph between the halves, starting a page
    between = head._tbl.getnext()
    assert between.tag == qn("w:p") and between.getnext() is tail._tbl
    assert between.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None


def test_rows_without_a_total_are_carried_as_asked() -> None:
    carried = _document(render_bytes("evaluation", with_rows("evaluation", 6), carry=2))
    *_, head, tail, _imprint = carried.tables
    assert _first_cells(tail) == ["序号", "5", "6"]
    assert _first_cells(head) == ["序号", "1", "2", "3", "4"]


def test_a_table_too_short_to_split_is_left_whole() -> None:
    """Two rows: carrying both would leave the header alone where the table began."""
    xml = _part(render_bytes("evaluation", with_rows("evaluation", 2)))
    assert carry_rows(xml, 2) is None


def test_without_a_table_before_the_imprint_the_closing_starts_a_page() -> None:
    """An opinion ends in text: its last body paragraph, the 署名, the 成文日期 and the 版记 go
    onto the new page together; pageBreakBefore after keepNext, as the schema orders them."""
    data = yaml.safe_load((SAMPLES / "opinion.yaml").read_text("utf-8"))
    content = render_bytes("opinion", data, carry=2)
    body = _document(content).element.body
    broken = body.findall(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:pageBreakBefore')}")
    assert len(broken) == 1
    paragraph = broken[0].getparent().getparent()
    assert paragraph.getnext().find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) in (
        "GwSignature",
        "GwAttachNote",
    )
    names = [child.tag.split("}")[1] for child in broken[0].getparent()]
    assert names.index("keepNext") < names.index("pageBreakBefore")


@pytest.mark.parametrize("kind", ["funding", "opinion"])
def test_the_carried_layout_is_valid_wordprocessingml(kind: str, tmp_path: Path) -> None:
    """The schemas and Word's own rules (a paragraph after every table) hold for the split."""
    data = (
        with_rows(kind, 10)
        if kind == "funding"
        else yaml.safe_load((SAMPLES / f"{kind}.yaml").read_text("utf-8"))
    )
    path = tmp_path / f"{kind}.docx"
    path.write_bytes(render_bytes(kind, data, carry=2))
    assert audit.findings(path) == []
    assert word_rules.breaches(path) == []


def _part(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("word/document.xml").decode("utf-8")
