"""Legacy Word files are verified, not trusted: LibreOffice's conversion is compared with
antiword's independent reading, and a conversion that lost tables or text is refused by code,
naming the loss — never read as if it were the file (no false 未填写, no wrong values)."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from formkit.model.document import Cell, Document, Location, Table
from formkit.model.errors import InputFileError
from formkit.pipeline import Options, process_bytes
from formkit.readers.doc_check import antiword_reading, verify
from formkit.spec import load_all
from formkit.writers import forms_docx
from tests import sampledata

from .pdf_samples import application_docx, convert, soffice

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "legacy" / "doc"
NATIVE = Options(isolate=False)
ZONE = {"name": "太原经济技术开发区", "code": "S141234", "city": "太原市", "county": "小店区"}


def ending_with_its_table(data: bytes) -> bytes:
    """The form as a Word file made elsewhere (or by formkit before it kept Word's invariant)
    may be: its body ends with the table, with no paragraph after it."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    last = body[-2]  # the one before sectPr
    if last.tag == qn("w:p") and last.getprevious().tag == qn("w:tbl"):
        body.remove(last)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class Docs:
    """Our own forms saved as .doc by LibreOffice (one run): the blank and a filled
    申报信息表 whose body ends with the table (which LibreOffice's .doc import then drops),
    and a filled form whose table is followed by text (kept by the import)."""

    def __init__(self, root: Path) -> None:
        spec = load_all()["application"]
        data = sampledata.application(ZONE, random.Random(1))
        blank, filled = forms_docx.application_docx(spec), forms_docx.application_docx(spec, data)
        (root / "空白申报信息表.docx").write_bytes(ending_with_its_table(blank))
        (root / "申报信息表.docx").write_bytes(ending_with_its_table(filled))
        kept = application_docx(root / "带指标表的申报表.docx", 3, rows_per_dimension=2)
        (root / "提纲.docx").write_bytes(forms_docx.plan_docx(load_all()["plan"]))
        names = ("空白申报信息表", "申报信息表", kept.path.stem, "提纲")
        sources = [root / f"{name}.docx" for name in names]
        self.kept_docx = kept.path.read_bytes()
        self.blank, self.filled, self.kept, self.plan = (
            p.read_bytes() for p in convert(sources, "doc", root / "doc")
        )


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Docs:
    if soffice() is None or shutil.which("antiword") is None:
        pytest.skip("LibreOffice and antiword are needed: scripts/setup-system.sh")
    return Docs(tmp_path_factory.mktemp("doc"))


@pytest.mark.parametrize("which", ["blank", "filled"])
def test_a_doc_whose_table_the_import_drops_is_refused_naming_the_loss(
    docs: Docs, which: str
) -> None:
    (result,) = process_bytes(f"{which}.doc", getattr(docs, which), NATIVE)
    assert result.unreadable and result.form is None and result.record is None
    assert [f.code for f in result.findings] == ["doc-tables-lost"]
    message = result.findings[0].message()
    assert "表格丢失" in message and "请另存为 .docx 后重新提交" in message
    assert "未填写" not in message


def test_antiword_sees_the_table_libreoffice_lost(docs: Docs) -> None:
    reading = antiword_reading(docs.filled)
    assert reading is not None
    assert sum(reading.table.values()) > 300  # the form table's labels and values
    assert reading.table["开"] >= 1


def test_a_doc_whose_tables_survive_is_read_as_its_docx_is(docs: Docs) -> None:
    (result,) = process_bytes("带指标表的申报表.doc", docs.kept, NATIVE)
    (source,) = process_bytes("带指标表的申报表.docx", docs.kept_docx, NATIVE)
    codes = [f.code for f in result.findings]
    assert not result.unreadable and result.form == source.form == "application"
    assert codes == ["legacy-converted", *(f.code for f in source.findings)]


def test_a_conversion_that_lost_most_of_the_text_is_refused(docs: Docs) -> None:
    reading = antiword_reading(docs.plan)  # the 提纲: headings and prose, one small table
    assert reading is not None
    table_text = "".join(reading.table.elements())
    only_tables = Document("残缺.doc", "docx", [_one_cell(table_text)])
    with pytest.raises(InputFileError) as caught:
        verify(only_tables, docs.plan)
    assert caught.value.code == "doc-text-lost"
    assert 50 <= int(caught.value.reason) < 100


def _one_cell(text: str) -> Table:
    cell = Cell(text, 0, 0, Location(table=1, row=1, col=1))
    return Table([cell], 1, 1, Location(table=1))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus/legacy is not here")
def test_word_95_is_not_compared_in_antiwords_western_codepage() -> None:
    assert antiword_reading((CORPUS / "Bug49933.doc").read_bytes()) is None  # Russian, Word 95
    assert antiword_reading((CORPUS / "Bug51834.doc").read_bytes()) is not None  # Word 97
