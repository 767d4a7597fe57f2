"""A Word document set up the way a Chinese office prints a form: A4 portrait, named Chinese
fonts in the East Asian slot of every style, and a small set of paragraph styles.

Styles (names as Word shows them): ``Form Title`` (方正小标宋简体, centred), ``Form Label``,
``Form Value`` and ``Form Section`` (table text), ``Form Hint`` (grey small text for
instructions), ``Heading 1``/``Heading 2`` (黑体 / 楷体_GB2312, black) and ``Normal``
(仿宋_GB2312). The caller picks the sizes: a form table uses 小四 (12 pt), a plan 三号 (16 pt).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import docx
from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from formkit.model.resources import text_map
from formkit.writers.ooxml_common import (
    deterministic_package,
    drop_theme_color,
    set_chinese_language,
    set_fonts,
)

FANGSONG, HEITI, KAITI, XIAOBIAOSONG = (
    text_map("writers", "typefaces")[k] for k in ("fangsong", "heiti", "kaiti", "xiaobiaosong")
)
HINT_GREY = RGBColor(0x80, 0x80, 0x80)
# Style names as Word shows them; paragraphs refer to styles by id, set directly (assigning
# a style by name makes python-docx scan every style of the document, ~10 ms a paragraph).
TITLE, LABEL, VALUE = "Form Title", "Form Label", "Form Value"
SECTION, HINT = "Form Section", "Form Hint"
HEADING_1, HEADING_2 = "Heading1", "Heading2"


def style_id(name: str) -> str:
    return name.replace(" ", "")


def styled(paragraph: Paragraph, name_or_id: str) -> Paragraph:
    """Give ``paragraph`` a paragraph style by id (or by name without its spaces)."""
    paragraph._p.get_or_add_pPr().style = style_id(name_or_id)
    return paragraph


def add_text(
    container: Document | BlockItemContainer, text: str = "", style: str | None = None
) -> Paragraph:
    """A new paragraph at the end of ``container`` (document or cell), optionally styled."""
    paragraph = container.add_paragraph(text)
    return styled(paragraph, style) if style else paragraph


def hint_run(paragraph: Paragraph, text: str) -> Run:
    """Grey small text (the ``Form Hint`` character style)."""
    run = paragraph.add_run(text)
    run._r.get_or_add_rPr().style = style_id(HINT)
    return run


@dataclass(frozen=True)
class Page:
    """A4 portrait margins in millimetres."""

    top: float = 30
    bottom: float = 25
    left: float = 28
    right: float = 26

    @property
    def text_width(self) -> float:
        return 210 - self.left - self.right


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points: body, title, table text, hints; ``line`` an exact body line
    pitch (None: single spacing)."""

    body: float = 16
    title: float = 18
    table: float = 12
    hint: float = 9
    line: float | None = None
    indent: bool = False  # body paragraphs indented two characters


def new_document(page: Page = Page(), sizes: Sizes = Sizes()) -> Document:
    document = docx.Document()
    _page_setup(document, page)
    _defaults(document)
    _base_styles(document, sizes)
    _form_styles(document, sizes)
    return document


def title_lines(heading: str, title: str, size: float, width_mm: float) -> list[str]:
    """The heading on one line when it fits, else broken before the form's own name
    (``省级……特色载体`` / ``申报信息表``), as a 公文 title is broken by meaning."""
    per_line = int(width_mm / (size * 25.4 / 72))
    if len(heading) <= per_line or title not in heading[1:]:
        return [heading]
    cut = heading.rindex(title)
    return [heading[:cut], heading[cut:]]


def add_title(document: Document, heading: str, title: str, size: float, page: Page) -> None:
    paragraph = add_text(document, style=TITLE)
    for n, line in enumerate(title_lines(heading, title, size, page.text_width)):
        if n:
            paragraph.runs[-1].add_break()
        paragraph.add_run(line)


def save(document: Document, title: str) -> bytes:
    document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    return deterministic_package(out.getvalue(), title)


def _page_setup(document: Document, page: Page) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
    section.header_distance, section.footer_distance = Mm(15), Mm(15)


def _defaults(document: Document) -> None:
    """docDefaults: explicit fonts instead of theme fonts, zh-CN, no spacing after."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, FANGSONG)
    set_chinese_language(rpr)
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None:
        ppr.remove(spacing)


def _base_styles(document: Document, sizes: Sizes) -> None:
    normal = cast(ParagraphStyle, document.styles["Normal"])
    _font(normal, FANGSONG, sizes.body)
    normal.paragraph_format.space_after = Pt(0)
    if sizes.line is None:
        normal.paragraph_format.line_spacing = 1.0
    else:
        normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        normal.paragraph_format.line_spacing = Pt(sizes.line)
    if sizes.indent:
        normal.paragraph_format.first_line_indent = Pt(2 * sizes.body)
    for name, face in (("Heading 1", HEITI), ("Heading 2", KAITI)):
        style = cast(ParagraphStyle, document.styles[name])
        _font(style, face, sizes.body, bold=False)
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.keep_with_next = True
        fmt.first_line_indent = Pt(2 * sizes.body)


def _form_styles(document: Document, sizes: Sizes) -> None:
    title = _paragraph_style(document, TITLE, XIAOBIAOSONG, sizes.title)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = Pt(sizes.title)
    label = _paragraph_style(document, LABEL, FANGSONG, sizes.table)
    label.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(document, VALUE, FANGSONG, sizes.table)
    _paragraph_style(document, SECTION, HEITI, sizes.table)
    hint = cast(CharacterStyle, document.styles.add_style(HINT, WD_STYLE_TYPE.CHARACTER))
    _font(hint, FANGSONG, sizes.hint)
    hint.font.color.rgb = HINT_GREY


def _paragraph_style(document: Document, name: str, face: str, size: float) -> ParagraphStyle:
    style = cast(ParagraphStyle, document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
    style.base_style = document.styles["Normal"]
    _font(style, face, size)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    return style


def _font(style: CharacterStyle, face: str, size: float, bold: bool | None = None) -> None:
    font = style.font
    font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, face)
    drop_theme_color(rpr)


# -- tables ---------------------------------------------------------------------------------


def new_table(document: Document, widths_mm: Sequence[float], outer: bool = True) -> Table:
    """An empty fixed-layout table on a grid of ``widths_mm``, ruled 0.5 pt (1.5 pt outside
    when ``outer``), centred."""
    table: Table = document.add_table(rows=0, cols=len(widths_mm))  # add_table is unannotated
    tbl_pr = table._tbl.tblPr
    tbl_pr.style = "TableGrid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    borders = cast(BaseOxmlElement, OxmlElement("w:tblBorders"))  # made by docx's parser
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "12" if outer and not edge.startswith("inside") else "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    successors = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    tbl_pr.insert_element_before(borders, *successors)
    return table


def add_row(
    table: Table, widths_mm: Sequence[float], spans: Sequence[int], height_mm: float
) -> list[_Cell]:
    """A row of cells spanning ``spans`` grid columns each (``w:gridSpan``), at least
    ``height_mm`` high, never split across pages, text centred vertically."""
    tr = table._tbl.add_tr()
    tr_pr = tr.get_or_add_trPr()
    tr_pr.insert(0, OxmlElement("w:cantSplit"))
    row = _Row(tr, table)
    row.height, row.height_rule = Mm(height_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
    cells, col = [], 0
    for span in spans:
        tc = tr.add_tc()
        tc.width = Mm(sum(widths_mm[col : col + span]))
        if span > 1:
            tc.grid_span = span
        cell = _Cell(tc, table)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cells.append(cell)
        col += span
    return cells


def merge_down(cell: _Cell, first: bool) -> None:
    """Vertical merge: the first cell starts it, the cells below continue it."""
    cell._tc.vMerge = "restart" if first else "continue"


def shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    successors = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *successors)  # type: ignore[arg-type]
