"""The look of the tables in the workbooks the bureau sends out (汇总表, 专家评审汇总表):
thin grey boxes, wrapped text, a bold 黑体 header on light blue. Named styles, so a
write-only workbook looks each up once rather than hashing a style per cell."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from formkit.model.resources import text_map

THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
HEAD_FONT = Font(name=text_map("writers", "typefaces")["heiti"], bold=True)


def head_style(name: str) -> NamedStyle:
    fill = PatternFill("solid", fgColor="DDEBF7")
    return NamedStyle(name, font=HEAD_FONT, border=BOX, alignment=WRAP, fill=fill)


def body_style(name: str, fill: str | None = None) -> NamedStyle:
    """A boxed, wrapped cell; ``fill`` an RGB colour to shade it (a status, say)."""
    if fill is None:
        return NamedStyle(name, border=BOX, alignment=WRAP)
    return NamedStyle(name, border=BOX, alignment=WRAP, fill=PatternFill("solid", fgColor=fill))
