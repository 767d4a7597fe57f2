"""Files are typed by their content, never by their extension."""

from __future__ import annotations

import pytest

from formkit.intake.sniff import sniff

from . import hostile as h

XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def test_ooxml_is_typed_by_its_main_part_content_type():
    assert sniff(h.docx_bytes()) == "docx"
    assert sniff(h.xlsx_bytes()) == "xlsx"
    assert sniff(h.with_content_type(h.docx_bytes(), h.DOCX_MAIN, h.DOCM_MAIN)) == "docm"
    assert sniff(h.with_content_type(h.xlsx_bytes(), XLSX_MAIN, XLSM_MAIN)) == "xlsm"


def test_the_main_part_may_have_any_name():
    """A docx whose document part is not word/document.xml (a peer-corpus case)."""
    data = h.docx_bytes()
    types = h.part(data, "[Content_Types].xml").replace(b"/word/document.xml", b"/word/main.xml")
    rels = h.part(data, "_rels/.rels").replace(b"word/document.xml", b"word/main.xml")
    renamed = h.rezip(data, {"[Content_Types].xml": types, "_rels/.rels": rels})
    assert sniff(renamed) == "docx"


def test_a_zip_without_content_types_is_an_archive():
    assert sniff(h.zip_of({"a.docx": h.docx_bytes()})) == "zip"


def test_a_zip_that_will_not_open_is_still_called_a_zip():
    assert sniff(h.docx_bytes()[:100]) == "zip"


@pytest.mark.parametrize(
    ("streams", "kind"),
    [
        (["EncryptionInfo", "EncryptedPackage"], "cfb-encrypted"),
        (["WordDocument", "1Table"], "doc"),
        (["WordDocument", "WpsCustomData"], "wps"),
        (["Workbook"], "xls"),
        (["Book"], "xls"),
        (["Workbook", "ETExtData"], "et"),
        (["PowerPoint Document"], "ppt"),
        (["Something"], "cfb"),
        ([f"s{i}" for i in range(9)] + ["WordDocument"], "doc"),  # a directory over 3 sectors
    ],
)
def test_cfb_containers_are_typed_by_their_stream_names(streams, kind):
    assert sniff(h.tiny_cfb(streams)) == kind


def test_a_truncated_cfb_is_not_mistaken_for_a_document():
    assert sniff(h.tiny_cfb(["WordDocument"])[:600]) == "cfb"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf junk before the header %PDF-1.4", "pdf"),
        (b"Rar!\x1a\x07\x01\x00", "rar"),
        (b"7z\xbc\xaf\x27\x1c", "7z"),
        (b"\x89PNG\r\n\x1a\n", "png"),
        (b"\xff\xd8\xff\xe0", "jpeg"),
        (b"MZ\x90\x00", "exe"),
        (b"{\\rtf1\\ansi", "rtf"),
        (b"<html><body>", "html"),
        (b"\x00\x01\x02", "unknown"),
    ],
)
def test_magic_bytes_name_the_format(head, kind):
    assert sniff(head + bytes(32)) == kind


def test_a_path_is_read_and_sniffed(tmp_path):
    path = tmp_path / "看起来像.pdf"
    path.write_bytes(h.docx_bytes())
    assert sniff(path) == "docx"
    assert sniff(str(path)) == "docx"
