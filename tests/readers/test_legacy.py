"""Legacy .doc/.xls (and WPS .wps/.et) through LibreOffice: converted in one batch, read by
the .docx/.xlsx readers to the same cells and fields as the originals; refused by code when
LibreOffice is absent or the content is not what the name says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from formkit.model.document import Document
from formkit.model.errors import InputFileError
from formkit.model.findings import finding
from formkit.readers.legacy import convert_legacy, convert_many, read_converted, read_legacy

from .pdf_samples import (
    Sample,
    application_docx,
    convert,
    field_accuracy,
    soffice,
    targets_xlsx,
    word_corpus,
)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]  # LibreOffice runs: ~20–60 s


class Legacy:
    """Sources, their .doc/.xls renderings by LibreOffice, and one convert_many over all."""

    def __init__(self, root: Path) -> None:
        self.form = application_docx(root / "申报信息表.docx", 5, rows_per_dimension=2)
        self.targets = targets_xlsx(root / "绩效目标表.xlsx", 1, rows_per_dimension=2)
        self.corpus = word_corpus(root / "corpus")
        words = [self.form.path, *self.corpus.values()]
        docs = convert(words, "doc", root / "doc")
        (xls,) = convert([self.targets.path], "xls", root / "xls")
        self.doc_bytes = docs[0].read_bytes()
        self.xls_bytes = xls.read_bytes()
        items = [
            ("申报信息表.doc", self.doc_bytes, "doc"),
            ("绩效目标表.xls", self.xls_bytes, "xls"),
            ("申报信息表.wps", self.doc_bytes, "wps"),
            ("绩效目标表.et", self.xls_bytes, "et"),
        ]
        items += [(f"{p.stem}.doc", p.read_bytes(), "doc") for p in docs[1:]]
        self.originals = {name: data for name, data, _ in items}
        self.converted = convert_many(items)


@pytest.fixture(scope="session")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> Legacy:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    return Legacy(tmp_path_factory.mktemp("legacy"))


def read(legacy: Legacy, name: str) -> Document:
    converted = legacy.converted[name]
    assert isinstance(converted, bytes), converted
    return read_converted(name, converted, name.rsplit(".", 1)[1])


def texts(sample: Sample) -> set[str]:
    return {re.sub(r"\s+", "", t) for t in sample.cells if t.strip()}


def cell_texts(doc: Document) -> set[str]:
    return {re.sub(r"\s+", "", c.text) for t in doc.all_tables() for c in t.cells}


def test_one_batch_converts_every_legacy_kind(legacy: Legacy) -> None:
    assert all(isinstance(v, bytes) for v in legacy.converted.values())
    assert len(legacy.converted) == 4 + len(legacy.corpus)


def test_a_doc_reads_to_the_same_cells_as_its_source(legacy: Legacy) -> None:
    doc = read(legacy, "申报信息表.doc")
    assert texts(legacy.form) <= cell_texts(doc)
    assert doc.name == "申报信息表.doc"
    group = next(c for c in doc.tables[0].cells if c.text == "联系人")
    assert group.rowspan == 3


def test_an_xls_reads_to_the_same_cells_as_its_source(legacy: Legacy) -> None:
    assert texts(legacy.targets) <= cell_texts(read(legacy, "绩效目标表.xls"))


def test_wps_and_et_files_convert_like_doc_and_xls(legacy: Legacy) -> None:
    assert cell_texts(read(legacy, "申报信息表.wps")) == cell_texts(read(legacy, "申报信息表.doc"))
    assert cell_texts(read(legacy, "绩效目标表.et")) == cell_texts(read(legacy, "绩效目标表.xls"))


def test_a_converted_file_says_it_was_converted(legacy: Legacy) -> None:
    doc = read(legacy, "申报信息表.doc")
    assert [n.code for n in doc.notes][-1] == "legacy-converted"


def test_filled_forms_sent_as_doc_parse_to_the_right_values(legacy: Legacy) -> None:
    docs = {name: read(legacy, f"{name}.doc") for name in legacy.corpus}
    right, total, misses = field_accuracy(docs)
    assert right / total >= 0.98, misses


def test_no_loss_is_found_in_conversions_that_kept_everything(legacy: Legacy) -> None:
    """The layouts corpus as .doc: LibreOffice reads every one right (the test above), so
    checking against antiword must not refuse any (no false doc-tables-lost/doc-text-lost)."""
    for name in ["申报信息表.doc", *(f"{n}.doc" for n in legacy.corpus)]:
        converted = legacy.converted[name]
        assert isinstance(converted, bytes)
        read_converted(name, converted, "doc", original=legacy.originals[name])


def test_read_legacy_converts_and_reads_one_file(legacy: Legacy) -> None:
    doc = read_legacy(legacy.xls_bytes, "单个.xls", "xls")
    assert doc.kind == "xlsx"
    assert texts(legacy.targets) <= cell_texts(doc)


# --- refusals ------------------------------------------------------------------------------


def test_without_libreoffice_the_clerk_is_asked_to_save_as_docx(
    legacy: Legacy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORMKIT_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(InputFileError) as caught:
        convert_legacy(legacy.doc_bytes, "旧表.doc", "doc")
    error = caught.value
    assert error.code == "file-legacy-unconverted"
    message = finding(error.code, detail=error.reason).message()
    assert "请另存为 .docx/.xlsx 后重新提交" in message
    assert "LibreOffice" in message


def test_content_that_is_not_a_legacy_file_is_refused_without_converting() -> None:
    results = convert_many([("假.doc", b"not a word file" * 50, "doc"), ("怪.txt", b"x", "txt")])
    assert {name: r.code for name, r in results.items() if isinstance(r, InputFileError)} == {
        "假.doc": "file-legacy-unconverted",
        "怪.txt": "file-legacy-unconverted",
    }
