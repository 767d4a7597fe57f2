"""The extractor never raises: every document the readers accept, for every spec."""

from __future__ import annotations

from pathlib import Path

import pytest

from formkit.extract import extract, recognise
from formkit.model.document import Document
from formkit.model.errors import InputFileError
from formkit.spec import FormSpec

from .builders import model_doc

PEERS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "peers"


def _peer_documents() -> list[Document]:
    from formkit.readers.docx import read_docx
    from formkit.readers.xlsx import read_xlsx

    docs = []
    for path in sorted(PEERS.rglob("*.docx")) + sorted(PEERS.rglob("*.xlsx")):
        reader = read_docx if path.suffix == ".docx" else read_xlsx
        try:
            docs.append(reader(path, path.name))
        except InputFileError:
            continue
    return docs


@pytest.mark.slow
@pytest.mark.skipif(not PEERS.is_dir(), reason="needs ../shared/corpus/peers")
def test_peer_corpus_never_raises(specs: dict[str, FormSpec]) -> None:
    docs = _peer_documents()
    assert len(docs) > 100
    for doc in docs:
        recognise(doc, specs)
        for spec in specs.values():
            extract(doc, spec)


def test_degenerate_tables_never_raise(specs: dict[str, FormSpec]) -> None:
    doc = model_doc(
        [],
        [[""]],
        [["所属市"]],
        [["所属市", "所属市"]],
        [["联系人", "姓名"]],
        [["一级指标", "二级指标", "单位"]],
        [["一级指标", "二级指标", "单位"], ["", "", ""]],
        "：",
        "：：",
        "所属市：",
        "一、",
    )
    for spec in specs.values():
        extract(doc, spec)
    recognise(doc, specs)
