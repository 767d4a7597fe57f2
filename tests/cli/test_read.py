"""``formkit read``: what the readers saw, as JSON (one object per file) or a readable dump;
exit codes as parse (0 read, 2 unreadable)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from formkit.cli import main
from formkit.intake import office
from tests.readers.pdf_raw import latin_text_pdf


def run(*args: str) -> tuple[int, Any]:
    result = CliRunner().invoke(main, ["read", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def read_json(*paths: Path) -> tuple[int, list[dict[str, Any]]]:
    code, out = run("--json", *map(str, paths))
    return code, json.loads(out)


def cells(table: dict[str, Any]) -> dict[tuple[int, int], str]:
    return {(c["row"], c["col"]): c["text"] for c in table["cells"]}


def word_file(folder: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "填报单位：山西示范经济开发区"
    document.sections[0].footer.paragraphs[0].text = "第 1 页"
    document.add_paragraph("申报信息表")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "开发区基本情况"
    table.cell(1, 0).text, table.cell(1, 1).text = "开发区代码", "007"
    path = folder / "表.docx"
    document.save(path)
    return path


def workbook_file(folder: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "申报表"
    sheet["A1"], sheet["B1"], sheet["C1"] = 1250.0, 500, "007"
    sheet["D1"] = dt.date(2020, 3, 20)
    sheet["E1"] = "=B1*2"
    sheet.merge_cells("A2:C2")
    sheet["A2"] = "合并"
    hidden = book.create_sheet("底稿")
    hidden.sheet_state = "hidden"
    hidden["B3"] = "隐藏的值"
    out = io.BytesIO()
    book.save(out)
    path = folder / "表.xlsx"
    path.write_bytes(_with_cached_value(out.getvalue(), "1000"))
    return path


def _with_cached_value(data: bytes, value: str) -> bytes:
    """openpyxl writes formulas without the value Excel stores beside them: add it."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                raw = re.sub(
                    rb"<f>B1\*2</f><v\s*/?>(</v>)?",
                    b"<f>B1*2</f><v>" + value.encode() + b"</v>",
                    raw,
                )
            dst.writestr(info, raw)
    return out.getvalue()


def test_read_docx_gives_cells_paragraphs_headers_and_footers(tmp_path: Path) -> None:
    code, (obj,) = read_json(word_file(tmp_path))
    assert code == 0
    assert set(obj) == {"file", "kind", "tables", "paragraphs", "headers", "footers", "findings"}
    assert obj["kind"] == "docx"
    assert obj["headers"] == ["填报单位：山西示范经济开发区"]
    assert obj["footers"] == ["第 1 页"]
    assert obj["paragraphs"] == [{"text": "申报信息表", "location": "第1段"}]
    (table,) = obj["tables"]
    assert table["name"] == "表1"
    assert table["cells"][0] == {
        "row": 1,
        "col": 1,
        "rowspan": 1,
        "colspan": 3,
        "text": "开发区基本情况",
    }
    assert cells(table)[(2, 2)] == "007"


def test_read_xlsx_gives_stored_values_and_every_sheet(tmp_path: Path) -> None:
    code, (obj,) = read_json(workbook_file(tmp_path))
    assert code == 0
    first, hidden = obj["tables"]
    assert first["name"] == "申报表" and "hidden" not in first
    got = cells(first)
    assert [got[(1, c)] for c in range(1, 6)] == ["1250", "500", "007", "2020-03-20", "1000"]
    assert first["cells"][-1] == {"row": 2, "col": 1, "rowspan": 1, "colspan": 3, "text": "合并"}
    assert hidden == {
        "name": "底稿",
        "hidden": True,
        "cells": [{"row": 3, "col": 2, "rowspan": 1, "colspan": 1, "text": "隐藏的值"}],
    }


def test_read_pdf_gives_its_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(latin_text_pdf(["Application form", "Zone code: S140102"]))
    code, (obj,) = read_json(path)
    assert code == 0 and obj["kind"] == "pdf"
    texts = " ".join(p["text"] for p in obj["paragraphs"])
    assert "Application form" in texts and "S140102" in texts
    assert all(p["location"].startswith("第1页") for p in obj["paragraphs"])


def test_read_without_json_prints_a_readable_dump(tmp_path: Path) -> None:
    code, out = run(str(workbook_file(tmp_path)))
    assert code == 0
    assert "表格“底稿”（隐藏），1 个单元格" in out
    assert "    第1行第1列：1250" in out
    assert "    第2行第1列（合并 1×3）：合并" in out


def test_an_unreadable_file_exits_2_with_its_finding(tmp_path: Path) -> None:
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    code, objs = read_json(word_file(tmp_path), broken)
    assert code == 2
    assert [o["file"].rsplit("/", 1)[-1] for o in objs] == ["表.docx", "坏.docx"]
    assert objs[1]["kind"] is None
    assert [f["code"] for f in objs[1]["findings"]] == ["file-corrupt"]


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_read_legacy_doc_and_xls(tmp_path: Path) -> None:
    """Word 97 and Excel 97 files as LibreOffice writes them (one soffice call each)."""
    (doc,) = office.convert([word_file(tmp_path)], "doc", tmp_path / "legacy")
    (xls,) = office.convert([workbook_file(tmp_path)], "xls", tmp_path / "legacy")
    code, (d, x) = read_json(doc, xls)
    assert code == 0
    assert (d["kind"], x["kind"]) == ("doc", "xls")
    assert cells(d["tables"][0])[(2, 2)] == "007"
    assert d["headers"] == ["填报单位：山西示范经济开发区"]
    got = cells(x["tables"][0])
    assert [got[(1, c)] for c in range(1, 6)] == ["1250", "500", "007", "2020-03-20", "1000"]
    assert x["tables"][1]["name"] == "底稿"


def test_read_names_a_word_document_of_pictures_only(tmp_path: Path) -> None:
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(picture, "PNG")
    document = docx.Document()
    document.add_picture(picture)
    path = tmp_path / "扫描件.docx"
    document.save(path)
    code, (obj,) = read_json(path)
    assert code == 0
    assert [f["code"] for f in obj["findings"]] == ["file-docx-pictures"]


def test_read_gives_one_object_per_archive_member(tmp_path: Path) -> None:
    archive = tmp_path / "材料.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(word_file(tmp_path), "甲/表.docx")
        z.write(workbook_file(tmp_path), "甲/表.xlsx")
    code, objs = read_json(archive)
    assert code == 0
    assert [(o["file"].rsplit("!", 1)[-1], o["kind"]) for o in objs] == [
        ("甲/表.docx", "docx"),
        ("甲/表.xlsx", "xlsx"),
    ]
