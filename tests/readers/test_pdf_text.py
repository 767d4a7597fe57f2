"""Checkbox glyphs of symbol fonts in a PDF reach the model as ☑ / ☐, whether the PDF maps
them to private-use characters or not at all; other text is left alone."""

from __future__ import annotations

import pytest

from formkit.model.document import symbol_family
from formkit.readers.pdf import read_pdf
from formkit.readers.pdf_text import checkbox_text

from . import pdf_raw
from .pdf_raw import RawPdf

LABEL = "是否位于示范县："


@pytest.mark.parametrize(
    ("fontname", "family"),
    [
        ("ABCDEF+Wingdings-Regular", "wingdings"),
        ("Wingdings", "wingdings"),
        ("Wingdings2", "wingdings2"),
        ("QWERTY+Wingdings 2", "wingdings2"),
        ("Wingdings3", ""),
        ("ABCDEF+SimSun", ""),
    ],
)
def test_symbol_fonts_are_told_by_name_without_the_subset_tag(fontname: str, family: str) -> None:
    assert symbol_family(fontname) == family


@pytest.mark.parametrize(
    ("text", "fontname", "glyph"),
    [
        ("\uf0fe", "ABCDEF+Wingdings-Regular", "☑"),
        ("þ", "Wingdings", "☑"),
        ("\uf0a8", "Wingdings-Regular", "☐"),
        ("¨", "Wingdings", "☐"),
        ("R", "Wingdings2", "☑"),
        ("£", "Wingdings2", "☐"),
        ("\uf054", "Wingdings2", "☒"),
        ("R", "ABCDEF+SimSun", "R"),
        ("\uf0fe", "ABCDEF+DejaVuSans", "\uf0fe"),
        ("\ue0fe", "Wingdings", "\ue0fe"),
        ("\uf041", "Wingdings", "\uf041"),
    ],
)
def test_checkbox_glyphs_of_symbol_fonts_become_boxes(text: str, fontname: str, glyph: str) -> None:
    assert checkbox_text(text, fontname) == glyph


def _form_line() -> bytes:
    """``是否位于示范县：☑是 ☐否`` with the label in a CJK font, one box in a Wingdings font
    mapped to U+F0FE and one in a Wingdings 2 font without any map."""
    pdf = RawPdf()
    text = LABEL + "是否"
    pdf_raw.add_cid_font(pdf, "F2", pdf_raw.text_cmap(text))
    pdf_raw.add_cid_font(pdf, "F3", pdf_raw.private_use_cmap(0xFE, 0xFE, 0xF0FE), "Wingdings")
    pdf_raw.add_symbol_font(pdf, "F4", "Wingdings2")
    label = list(range(1, len(LABEL) + 1))
    content = b"\n".join(
        [
            b"BT /F2 14 Tf 72 700 Td <%s> Tj ET" % b"".join(b"%04X" % cid for cid in label),
            b"BT /F3 14 Tf 184 700 Td <00FE> Tj ET",
            b"BT /F2 14 Tf 198 700 Td <%04X> Tj ET" % (len(LABEL) + 1),
            b"BT /F4 14 Tf 226 700 Td <A3> Tj ET",
            b"BT /F2 14 Tf 240 700 Td <%04X> Tj ET" % (len(LABEL) + 2),
        ]
    )
    return pdf.page(content).build()


def test_checkboxes_in_a_pdf_form_line_read_as_boxes() -> None:
    doc = read_pdf(_form_line(), "申报信息表.pdf")
    assert [p.text for p in doc.paragraphs] == [LABEL + "☑是 ☐否"]


def test_checkbox_glyphs_do_not_count_as_unmapped_text() -> None:
    pdf = RawPdf()
    pdf_raw.add_cid_font(pdf, "F2", pdf_raw.text_cmap("是否"))
    pdf_raw.add_cid_font(pdf, "F3", pdf_raw.private_use_cmap(0xA8, 0xFE, 0xF0A8), "Wingdings")
    boxes = b"BT /F3 14 Tf 72 700 Td <00FE00A800A800A800FE> Tj ET"
    label = b"BT /F2 14 Tf 72 680 Td <00010002> Tj ET"
    doc = read_pdf(pdf.page(boxes + b"\n" + label).build(), "勾选.pdf")
    assert "".join(p.text for p in doc.paragraphs) == "☑☐☐☐☑是否"  # read, not refused
