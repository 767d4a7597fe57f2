"""PDFs with nothing a form reader can use — no text at all, or glyphs that map to no
characters — are refused by code for manual review; a PDF with ordinary text that is simply
not one of the programme's forms still reads, and the pipeline calls it ``form-unknown``.

Every file here is a real PDF written by hand (:mod:`tests.readers.pdf_raw`); the checks on
pdfplumber's own output show each file is what its name says.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from formkit.model.errors import InputFileError
from formkit.readers.pdf import read_pdf

from . import pdf_raw
from .pdf_raw import RawPdf

LETTER = ["Dear colleagues,", "the meeting on the budget is moved to Friday, 10 am.", "Regards"]


def refusal(data: bytes, name: str = "提交.pdf") -> InputFileError:
    with pytest.raises(InputFileError) as caught:
        read_pdf(data, name)
    return caught.value


def page_texts(data: bytes) -> list[list[str]]:
    """pdfplumber's characters, page by page: what the reader is given."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [[c["text"] for c in page.chars] for page in pdf.pages]


def formkit_check(path: Path) -> tuple[int, list[dict[str, object]], str]:
    done = subprocess.run(
        [sys.executable, "-m", "formkit", "check", "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stdout + done.stderr
    (result,) = json.loads(done.stdout)
    return done.returncode, result["findings"], done.stderr


def with_page(content: bytes, *resources: str) -> bytes:
    pdf = RawPdf()
    if "helvetica" in resources:
        pdf_raw.add_helvetica(pdf)
    if "cid" in resources:
        pdf_raw.add_cid_font(pdf)
    if "picture" in resources:
        pdf_raw.add_picture(pdf)
    return pdf.page(content).build()


# --- no text at all -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pdf_raw.blank_pdf(),
        pdf_raw.blank_pdf(pages=3),
        with_page(pdf_raw.rulings()),
        with_page(pdf_raw.picture(72, 600, 200, 100), "picture"),
        RawPdf().build(),
    ],
    ids=["blank-page", "three-blank-pages", "rulings-only", "small-picture-only", "no-pages"],
)
def test_a_pdf_without_text_needs_manual_review(data: bytes) -> None:
    assert not any(page_texts(data))
    caught = refusal(data, "空白.pdf")
    assert (caught.file, caught.code) == ("空白.pdf", "file-pdf-empty")
    assert caught.reason == "PDF 中没有可读取的文字，需人工审核"


def test_a_page_covered_by_a_picture_is_still_a_scan() -> None:
    data = with_page(pdf_raw.picture(0, 0, *pdf_raw.A4), "picture")
    assert refusal(data).code == "file-scanned-pdf"


def test_blank_pages_among_text_pages_are_not_refused() -> None:
    pdf = RawPdf()
    pdf_raw.add_helvetica(pdf)
    data = pdf.page().page(pdf_raw.latin_lines(LETTER)).page().build()
    doc = read_pdf(data, "信.pdf")
    assert doc.paragraphs[0].text == "Dear colleagues,"
    assert doc.notes == []


# --- glyphs without characters --------------------------------------------------------------


def test_cid_glyphs_without_to_unicode_are_refused_as_unmapped() -> None:
    data = pdf_raw.cid_text_pdf([[100, 200, 300, 400], [17, 18, 19]])
    (chars,) = page_texts(data)
    assert chars == [f"(cid:{n})" for n in (100, 200, 300, 400, 17, 18, 19)]
    caught = refusal(data)
    assert caught.code == "file-pdf-unmapped"
    assert caught.reason == "PDF 中的文字无法还原为字符（字体缺少 ToUnicode 映射），需人工审核"


def test_glyphs_mapped_into_the_private_use_area_are_refused_as_unmapped() -> None:
    pdf = RawPdf()
    pdf_raw.add_cid_font(pdf, to_unicode=pdf_raw.private_use_cmap(1, 999))
    data = pdf.page(pdf_raw.glyph_lines([[35, 36, 37, 38, 39], [40, 41]])).build()
    (chars,) = page_texts(data)
    assert chars[:2] == ["\ue022", "\ue023"]
    assert refusal(data).code == "file-pdf-unmapped"


def test_mostly_unmapped_text_is_refused() -> None:
    content = pdf_raw.latin_lines(["No 12"]) + b"\n" + pdf_raw.glyph_lines([list(range(1, 9))])
    data = with_page(content, "helvetica", "cid")
    assert refusal(data).code == "file-pdf-unmapped"  # 4 characters, 8 unmapped glyphs


def test_a_few_unmapped_glyphs_in_readable_text_do_not_refuse_the_file() -> None:
    content = pdf_raw.latin_lines(LETTER) + b"\n" + pdf_raw.glyph_lines([[5, 6, 7]])
    doc = read_pdf(with_page(content, "helvetica", "cid"), "信.pdf")
    assert doc.paragraphs[0].text == "Dear colleagues,"
    assert "(cid:5)" in " ".join(p.text for p in doc.paragraphs)
    # but the reader is told which page holds characters it could not read
    assert [(n.code, n.params["pages_words"]) for n in doc.notes] == [("pdf-unmapped-pages", ["1"])]
    shown = doc.notes[0].to_dict()
    assert (shown["severity"], shown["message"]) == (
        "warning",
        "PDF 第1页有文字的字体缺少字符映射，这些字符无法识别（显示为 (cid:…)），需人工核对",
    )


def test_regression_readable_text_gives_no_unmapped_warning() -> None:
    doc = read_pdf(with_page(pdf_raw.latin_lines(LETTER), "helvetica"), "信.pdf")
    assert doc.notes == []


# --- what the user sees ---------------------------------------------------------------------


def test_formkit_check_refuses_a_blank_pdf_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "空白.pdf"
    path.write_bytes(pdf_raw.blank_pdf())
    code, findings, _ = formkit_check(path)
    assert code == 2
    assert [(f["code"], f["severity"], f["message"]) for f in findings] == [
        ("file-pdf-empty", "error", "PDF 中没有可读取的文字，需人工审核")
    ]


def test_formkit_check_refuses_an_unmapped_pdf_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "乱码.pdf"
    path.write_bytes(pdf_raw.cid_text_pdf([[100, 200, 300, 400], [17, 18, 19]]))
    code, findings, _ = formkit_check(path)
    assert code == 2
    (only,) = findings
    assert (only["code"], only["severity"]) == ("file-pdf-unmapped", "error")
    assert only["message"] == "PDF 中的文字无法还原为字符（字体缺少 ToUnicode 映射），需人工审核"


def test_a_pdf_with_text_that_is_no_programme_form_is_form_unknown(tmp_path: Path) -> None:
    path = tmp_path / "通知.pdf"
    path.write_bytes(pdf_raw.latin_text_pdf(LETTER))
    code, findings, _ = formkit_check(path)
    assert code == 1
    assert [f["code"] for f in findings] == ["form-unknown"]
