"""Real legacy files written by LibreOffice pass the gate, typed by their streams."""

from __future__ import annotations

import pytest

from formkit.intake import cfb
from formkit.intake.gate import inspect
from formkit.intake.office import convert, soffice_available

from . import hostile as h

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not soffice_available(), reason="LibreOffice (soffice) is not installed"),
]


@pytest.fixture(scope="module")
def legacy(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("legacy")
    (folder / "申报表.docx").write_bytes(h.docx_bytes())
    (folder / "指标表.xlsx").write_bytes(h.xlsx_bytes())
    [doc] = convert([folder / "申报表.docx"], "doc", folder / "out")
    [xls] = convert([folder / "指标表.xlsx"], "xls", folder / "out")
    return {"doc": doc.read_bytes(), "xls": xls.read_bytes()}


@pytest.mark.parametrize("kind", ["doc", "xls"])
def test_a_real_legacy_file_is_typed_and_not_taken_for_encrypted(legacy, kind):
    assert inspect(legacy[kind], f"旧文件.{kind}").kind == kind
    container = cfb.open_container(legacy[kind])
    assert container is not None
    assert cfb.legacy_encrypted(container) is False


def test_a_small_word_stream_is_read_from_the_mini_stream(legacy):
    container = cfb.open_container(legacy["doc"])
    assert container is not None
    head = container.stream_head("WordDocument", 2)
    assert head == b"\xec\xa5"  # the FIB's wIdent, wherever the stream lives
