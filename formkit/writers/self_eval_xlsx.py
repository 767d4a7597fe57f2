"""绩效自评表 as .xlsx, blank or filled: a 自评信息 sheet (header fields) and a landscape
自评指标 sheet (one row per indicator), laid out like the other Excel forms."""

from __future__ import annotations

import io
from collections.abc import Mapping

from openpyxl import Workbook

from formkit.model.resources import text_map, word_section
from formkit.spec import FormSpec
from formkit.writers.excel_limits import fit
from formkit.writers.forms_xlsx import field_sheet, table_rows, table_sheet
from formkit.writers.ooxml_common import deterministic_package

SELF_EVAL_NOTE: str = text_map("writers", "notes")["self_eval"]
_SHEETS: list[str] = word_section("writers", "sheets", dict[str, list[str]])["self_eval"]


def self_eval_xlsx(spec: FormSpec, data: Mapping[str, object] | None = None) -> bytes:
    """绩效自评表: blank without ``data``, else filled with the normalised values."""
    book = Workbook()
    field_sheet(book, _SHEETS[0], spec.heading, spec.by_section(), data)
    if spec.table is not None:
        rows = table_rows(data, spec.table.key) or None
        table_sheet(
            book.create_sheet(_SHEETS[1]), spec.table.label, spec.columns, rows, SELF_EVAL_NOTE
        )
    book.properties.title = spec.title
    book.properties.creator = "formkit"
    fit(book)
    out = io.BytesIO()
    book.save(out)
    return deterministic_package(out.getvalue(), spec.title)
