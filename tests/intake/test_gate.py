"""The safety gate refuses every hostile input with the right code, quickly, in bounded
memory, without touching the original; ordinary files pass with their warnings."""

from __future__ import annotations

import hashlib
import io
import os
import re
import resource
import struct
import time
import zipfile

import pytest

from formkit.intake.gate import GateResult, Limits, inspect
from formkit.intake.isolate import run_isolated
from formkit.model.errors import InputFileError

from . import hostile as h

GUARD_S = 60


def refusal(data: bytes, name: str = "申报表.docx") -> InputFileError:
    with pytest.raises(InputFileError) as info:
        inspect(data, name)
    return info.value


def codes(result: GateResult) -> list[str]:
    return [f.code for f in result.notes]


def _inspect_measured(data: bytes, name: str) -> tuple[str, int]:
    """In the worker: the gate's answer and the worker's peak RSS (KiB)."""
    try:
        answer = inspect(data, name).kind
    except InputFileError as exc:
        answer = exc.code
    return answer, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def assert_refused_in_worker(data: bytes, name: str, code: str) -> None:
    """Refused with ``code`` inside a 1 GiB worker, fast, and the bytes are unchanged."""
    digest = hashlib.sha256(data).hexdigest()
    start = time.monotonic()
    answer, peak_kib = run_isolated(
        _inspect_measured, data, name, timeout_s=GUARD_S, memory_mb=1024, name=name
    )
    assert answer == code
    assert time.monotonic() - start < GUARD_S
    assert peak_kib < 1024 * 1024
    assert hashlib.sha256(data).hexdigest() == digest


# --- ordinary files -----------------------------------------------------------------------


def test_an_ordinary_docx_passes_without_notes():
    assert inspect(h.docx_bytes(), "申报信息表.docx") == GateResult("docx", [], "docx")


def test_an_ordinary_xlsx_passes_without_notes():
    assert inspect(h.xlsx_bytes(), "指标表.xlsx").kind == "xlsx"


def test_an_ordinary_pdf_passes():
    assert inspect(h.ordinary_pdf(), "申报表.pdf").kind == "pdf"


def test_a_zip_of_forms_is_handed_to_the_archive_reader():
    data = h.zip_of({"申报表.docx": h.docx_bytes()})
    assert inspect(data, "材料.zip").kind == "zip"


def test_a_plain_zip_named_like_an_office_file_is_corrupt():
    err = refusal(h.zip_of({"sheet.xml": b"<x/>"}), "指标表.xlsx")
    assert (err.code, err.reason) == (
        "file-corrupt",
        "扩展名为 .xlsx，但缺少 Office 文档结构（[Content_Types].xml）",
    )


def test_legacy_containers_are_typed_by_their_streams():
    assert inspect(h.tiny_cfb(["WordDocument"]), "旧.doc").kind == "doc"
    assert inspect(h.tiny_cfb(["Workbook"]), "旧.xls").kind == "xls"
    assert inspect(h.tiny_cfb(["WordDocument", "WpsCustomData"]), "旧.wps").kind == "wps"


# --- bombs ------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_inflating(zip_bomb):
    err = refusal(zip_bomb, "材料.zip")
    assert (err.code, err.place) == ("file-unsafe", "zeros.bin")
    assert "疑似压缩炸弹" in err.reason
    assert_refused_in_worker(zip_bomb, "材料.zip", "file-unsafe")


def test_an_office_bomb_is_refused_before_inflating(office_bomb):
    err = refusal(office_bomb)
    assert (err.code, err.place) == ("file-unsafe", "word/document.xml")
    assert_refused_in_worker(office_bomb, "申报表.docx", "file-unsafe")


def test_a_high_ratio_member_is_refused_even_under_the_size_limits():
    data = h.zip_of({"word.bin": bytes(8 * h.MiB)})
    err = refusal(data, "材料.zip")
    assert err.code == "file-unsafe"
    assert "压缩比" in err.reason


def test_a_small_high_ratio_member_is_harmless_and_passes():
    data = h.zip_of({"printerSettings.bin": bytes(64 * 1024), "a.docx": h.docx_bytes()})
    assert inspect(data, "材料.zip").kind == "zip"


def test_a_bomb_whose_sizes_lie_never_inflates_past_its_declared_size():
    """Declared 10 KB, really 64 MiB: the prolog scan reads 256 bytes and zipfile stops at
    the declared size (then fails its CRC), so memory stays bounded either way."""
    lying = h.office_bomb(64)
    with zipfile.ZipFile(io.BytesIO(lying)) as archive:
        assert archive.getinfo("word/document.xml").file_size > 64 * h.MiB
    entries = []
    for info, raw in _raw_entries(lying):
        if info.filename == "word/document.xml":
            raw.size = 10_000
        entries.append(raw)
    data = h.raw_zip(entries)
    assert inspect(data, "申报表.docx").kind == "docx"
    with (
        zipfile.ZipFile(io.BytesIO(data)) as archive,
        pytest.raises(zipfile.BadZipFile),
    ):
        archive.read("word/document.xml")


def _raw_entries(data: bytes) -> list[tuple[zipfile.ZipInfo, h.RawEntry]]:
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            n, m = struct.unpack_from("<HH", data, info.header_offset + 26)
            start = info.header_offset + 30 + n + m
            raw = data[start : start + info.compress_size]
            out.append((info, h.RawEntry(info.filename.encode(), raw, info.file_size, info.CRC)))
    return out


def test_too_many_members_are_refused_before_zipfile_lists_them():
    data = h.zip_of({f"f{i}.txt": b"x" for i in range(2001)})
    err = refusal(data, "材料.zip")
    assert err.code == "file-unsafe"
    assert "2000" in err.reason
    assert inspect(data, "材料.zip", Limits(max_members=3000)).kind == "zip"


def test_overlapping_entries_are_refused():
    first = h.raw_entry("a.xml", b"<a/>")
    twin = h.raw_entry("b.xml", b"<a/>")
    data = h.raw_zip([first], central=[(0, first), (0, twin)])
    err = refusal(data, "材料.zip")
    assert err.code == "file-unsafe"
    assert "重叠" in err.reason


# --- XML attacks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [h.billion_laughs(), h.xxe(), h.xxe("utf-16")],
    ids=["billion-laughs", "xxe", "xxe-utf16"],
)
def test_a_dtd_in_the_main_part_is_refused(document):
    data = h.docx_with_document(document)
    err = refusal(data)
    assert (err.code, err.place) == ("file-unsafe", "word/document.xml")
    assert "DTD" in err.reason
    assert_refused_in_worker(data, "申报表.docx", "file-unsafe")


def test_a_dtd_behind_comments_and_processing_instructions_is_found():
    doc = b'<?xml version="1.0"?><!-- hi --><?pi x?>\n<!DOCTYPE x [<!ENTITY a "b">]><x/>'
    assert refusal(h.docx_with_document(doc)).code == "file-unsafe"


def test_a_dtd_in_a_relationships_part_is_refused():
    data = h.rezip(h.docx_bytes(), {"_rels/.rels": b'<!DOCTYPE r SYSTEM "http://x/"><r/>'})
    err = refusal(data)
    assert (err.code, err.place) == ("file-unsafe", "_rels/.rels")


def test_a_dtd_in_a_part_with_an_innocent_name_is_refused():
    data = h.rezip(h.docx_bytes(), add={"word/media/image9.png": b"<!DOCTYPE x><x/>"})
    assert refusal(data).place == "word/media/image9.png"


def test_an_encoding_that_hides_markup_is_refused():
    doc = b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<x/>'
    err = refusal(h.docx_with_document(doc))
    assert err.code == "file-unsafe"
    assert "编码" in err.reason


def test_a_prolog_padded_past_the_budget_is_refused():
    doc = b'<?xml version="1.0"?>' + b" " * 100_000 + b"<!DOCTYPE x><x/>"
    assert "序言" in refusal(h.docx_with_document(doc)).reason


# --- encrypted, broken, disguised -------------------------------------------------------------


def test_an_encrypted_ooxml_container_is_refused_with_the_password_message():
    err = refusal(h.tiny_cfb(["EncryptionInfo", "EncryptedPackage"]), "申报表.xlsx")
    assert (err.code, err.reason) == ("file-encrypted", "文件已加密，请去除密码后提交")


@pytest.mark.parametrize(
    ("streams", "name"),
    [
        ({"WordDocument": h.word_stream(encrypted=True)}, "旧.doc"),
        ({"Workbook": h.workbook_stream(encrypted=True)}, "旧.xls"),
    ],
)
def test_password_protected_legacy_files_are_refused_as_encrypted(streams, name):
    assert refusal(h.tiny_cfb(streams), name).code == "file-encrypted"


@pytest.mark.parametrize(
    ("streams", "kind"),
    [
        ({"WordDocument": h.word_stream(encrypted=False)}, "doc"),
        ({"Workbook": h.workbook_stream(encrypted=False)}, "xls"),
    ],
)
def test_unprotected_legacy_files_pass(streams, kind):
    assert inspect(h.tiny_cfb(streams), "旧文件").kind == kind


def test_a_legacy_file_with_macros_is_a_macro_warning():
    data = h.tiny_cfb({"WordDocument": h.word_stream(False), "Macros": bytes(4096)})
    assert codes(inspect(data, "旧.doc")) == ["macro-present"]


def test_an_encrypted_zip_is_refused():
    entry = h.raw_entry("申报表.docx", b"x", flags=0x1)
    err = refusal(h.raw_zip([entry]), "材料.zip")
    assert (err.code, err.reason) == ("archive-refused", "压缩包设置了密码")


def test_an_ooxml_package_with_encrypted_members_is_refused_as_encrypted():
    entries = [raw for _, raw in _raw_entries(h.docx_bytes())]
    entries[-1].flags |= 0x1
    assert refusal(h.raw_zip(entries)).code == "file-encrypted"


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.99])
def test_a_truncated_docx_is_corrupt(cut):
    data = h.docx_bytes()
    err = refusal(data[: int(len(data) * cut)])
    assert err.code == "file-corrupt"


def test_damaged_compressed_data_is_corrupt():
    entries = [raw for _, raw in _raw_entries(h.docx_bytes())]
    for raw in entries:
        raw.data = b"\xff" * len(raw.data)
    assert refusal(h.raw_zip(entries)).code == "file-corrupt"


def test_an_unsupported_compression_method_is_refused():
    entry = h.raw_entry("a.docx", b"xyz", method=0)
    entry.method = 9  # deflate64
    assert refusal(h.raw_zip([entry]), "材料.zip").code == "archive-refused"


def test_the_empty_file_is_named_as_empty():
    assert refusal(b"").code == "file-empty"


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG 图片（扩展名为 .docx）"),
        (b"MZ\x90\x00" + bytes(100), "Windows 可执行程序（扩展名为 .docx）"),
        (b"just some text", "未知格式（扩展名为 .docx）"),
    ],
)
def test_a_disguised_file_is_refused_naming_what_it_really_is(data, shown):
    err = refusal(data)
    assert (err.code, err.reason) == ("file-unknown-type", shown)


def test_a_pdf_named_docx_is_read_as_pdf_with_a_warning():
    result = inspect(h.ordinary_pdf(), "申报表.docx")
    assert result.kind == "pdf"
    assert codes(result) == ["extension-mismatch"]
    assert result.notes[0].message() == "文件扩展名为 .docx，但内容是 .pdf 文件，已按实际内容读取"


def test_a_docx_saved_as_doc_is_read_as_docx():
    result = inspect(h.docx_bytes(), "申报表.doc")
    assert (result.kind, codes(result)) == ("docx", ["extension-mismatch"])


@pytest.mark.parametrize(
    ("magic", "fmt"),
    [(b"Rar!\x1a\x07\x00", "RAR"), (b"Rar!\x1a\x07\x01\x00", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7z")],
)
def test_other_archive_formats_are_refused_clearly(magic, fmt):
    err = refusal(magic + bytes(64), "材料.rar")
    assert err.code == "archive-refused"
    assert err.reason == f"不支持 {fmt} 压缩格式，请改用 .zip 压缩后提交"


def test_a_pptx_is_named_as_a_presentation():
    data = h.with_content_type(
        h.docx_bytes(),
        h.DOCX_MAIN,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    )
    assert "PowerPoint" in refusal(data, "a.pptx").reason


# --- zip-slip and duplicates ----------------------------------------------------------------


@pytest.mark.parametrize(
    "evil",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "C:\\Windows\\x.docx",
        "..\\..\\x.docx",
        "a/../../x.docx",
        "C:x.docx",
    ],
)
def test_member_names_that_escape_a_folder_are_refused(evil):
    data = h.raw_zip([h.raw_entry(evil, b"x"), h.raw_entry("ok.docx", b"y")])
    err = refusal(data, "材料.zip")
    assert err.code == "file-unsafe"
    assert err.reason.startswith("成员路径不安全：")


def test_duplicate_member_names_are_refused():
    data = h.raw_zip([h.raw_entry("申报表.docx", b"x"), h.raw_entry("申报表.docx", b"y")])
    err = refusal(data, "材料.zip")
    assert (err.code, err.reason) == ("file-unsafe", "成员名称重复：申报表.docx")


def test_duplicate_parts_differing_only_in_case_are_refused():
    data = h.rezip(h.docx_bytes(), add={"Word/Document.xml": b"<x/>"})
    assert "重复" in refusal(data).reason


# --- warnings --------------------------------------------------------------------------------


def test_a_docm_is_read_as_docx_with_a_macro_warning():
    data = h.with_content_type(h.docx_bytes(), h.DOCX_MAIN, h.DOCM_MAIN)
    result = inspect(data, "申报表.docm")
    assert (result.kind, result.sniffed, codes(result)) == ("docx", "docm", ["macro-present"])


def test_a_vba_project_inside_a_docx_is_a_macro_warning():
    data = h.rezip(h.docx_bytes(), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    assert codes(inspect(data, "申报表.docx")) == ["macro-present"]


def test_an_external_template_is_a_warning_naming_it():
    result = inspect(h.external_template_docx(), "申报表.docx")
    assert codes(result) == ["external-reference"]
    assert result.notes[0].params["detail"] == "attachedTemplate → http://evil.example/t.dotm"


def test_external_hyperlinks_are_not_warned_about():
    assert codes(inspect(h.hyperlink_docx(), "申报表.docx")) == []


def test_an_xlsx_claiming_a_huge_dimension_passes_the_gate_quickly():
    """The claim is harmless to the gate (nothing is allocated from it); the xlsx reader
    reads cells, not the declared dimension."""
    sheet = h.part(h.xlsx_bytes(), "xl/worksheets/sheet1.xml")
    huge = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet)
    assert huge != sheet
    data = h.rezip(h.xlsx_bytes(), {"xl/worksheets/sheet1.xml": huge})
    start = time.perf_counter()
    assert inspect(data, "指标表.xlsx").kind == "xlsx"
    assert time.perf_counter() - start < 1


def test_a_name_with_an_rtl_override_and_newline_is_shown_escaped_in_reasons():
    evil = "../申报\u202excod.exe\n伪造的第二行"
    err = refusal(h.raw_zip([h.raw_entry(evil, b"x")]), "材料.zip")
    assert "\u202e" not in err.reason and "\n" not in err.reason
    assert "\\u202e" in err.reason and "\\n" in err.reason


def test_the_total_and_member_size_limits_are_applied_to_declared_sizes():
    data = h.zip_of({"a.bin": os.urandom(600_000), "b.bin": os.urandom(600_000)})
    with pytest.raises(InputFileError) as info:
        inspect(data, "材料.zip", Limits(max_total=1_000_000))
    assert info.value.code == "file-unsafe" and "总大小" in info.value.reason
    with pytest.raises(InputFileError) as info:
        inspect(data, "材料.zip", Limits(max_member=500_000))
    assert (info.value.code, info.value.place) == ("file-unsafe", "a.bin")
    assert inspect(data, "材料.zip").kind == "zip"


def test_an_input_over_the_file_size_limit_is_too_large():
    with pytest.raises(InputFileError) as err:
        inspect(b"%PDF-" + bytes(2000), "a.pdf", Limits(max_file_bytes=1000))
    assert err.value.code == "file-too-large"
