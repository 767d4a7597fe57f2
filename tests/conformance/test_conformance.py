"""Every .docx/.xlsx formkit writes or ships conforms to ISO/IEC 29500 transitional and to the
element order Word and Excel enforce (openxml-audit; tolerated rules in audit.TOLERATED)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import etree
from openxml_audit import ValidationError, ValidationErrorType

from .audit import TOLERATED, findings, tolerated_names
from .conftest import ROOT, SAMPLES

OFFICE = (".docx", ".xlsx")
# What the commands write (conftest.written), by kind: every written file is one of these.
WRITTEN = {
    "blank forms (formkit forms)": "forms/*",
    "汇总表 (formkit batch)": "review/汇总表.xlsx",
    "审核意见 (formkit batch)": "review/审核意见/*/*.docx",
    "notices (formkit notice, each kind)": "notices/*.docx",
    "资金分配表 (formkit allocate)": "allocate/资金分配表.xlsx",
    "资金下达通知 from the allocation": "allocate/funding.docx",
    "进展汇总 (formkit monitor)": "monitor/进展汇总.xlsx",
    "绩效评价结果 (formkit evaluate)": "evaluate/绩效评价结果.xlsx",
    "绩效评价结果通报 from the evaluation": "evaluate/evaluation.docx",
}
TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))
# samples/README.md: a truncated report, the file a bureau meets that cannot be opened at all.
BROKEN_ON_PURPOSE = SAMPLES / "progress/晋中市/晋中示范产业园区/2021年三季度进展情况报送表.xlsx"
SHIPPED = sorted(p for p in SAMPLES.rglob("*") if p.suffix in OFFICE and p != BROKEN_ON_PURPOSE)


def office_files(folder: Path, pattern: str) -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.suffix in OFFICE)


def assert_conforms(paths: list[Path]) -> None:
    assert paths, "nothing to validate"
    bad = {str(p): found for p in paths if (found := findings(p))}
    assert not bad, "\n".join(f"{p}\n  " + "\n  ".join(f) for p, f in bad.items())


# -- written ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", WRITTEN)
def test_written_files_conform(written: Path, kind: str) -> None:
    assert_conforms(office_files(written, WRITTEN[kind]))


def test_every_written_file_is_of_a_validated_kind(written: Path) -> None:
    every = {p for p in written.rglob("*") if p.suffix in OFFICE}
    covered = {p for pattern in WRITTEN.values() for p in office_files(written, pattern)}
    assert every - covered == set()
    assert len(office_files(written, WRITTEN["blank forms (formkit forms)"])) == 6
    assert len(office_files(written, WRITTEN["notices (formkit notice, each kind)"])) == 5


# -- shipped ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_conform(path: Path) -> None:
    """No tag in a typed attribute (Word would repair it away), nothing else amiss."""
    assert_conforms([path])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_shipped_samples_conform(path: Path) -> None:
    assert_conforms([path])


def test_the_sample_broken_on_purpose_is_red() -> None:
    (found,) = findings(BROKEN_ON_PURPOSE)
    assert "not a valid ZIP archive" in found


def test_forms_inside_the_sample_zips_conform(zipped_samples: Path) -> None:
    assert_conforms(office_files(zipped_samples, "*"))


# -- calibration: the validator's verdict on files known to open ------------------------------


def test_calibration_python_docx_default_document_passes(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("正文")
    document.add_table(rows=2, cols=2).style = "Table Grid"
    document.add_paragraph()
    document.save(tmp_path / "default.docx")
    assert findings(tmp_path / "default.docx") == []


def test_calibration_openpyxl_default_workbook_passes(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "文字"
    book.active["A1"].font = openpyxl.styles.Font(bold=True, color="FF0000", size=14)
    book.save(tmp_path / "default.xlsx")
    assert findings(tmp_path / "default.xlsx") == []


def test_each_tolerated_rule_is_needed_by_a_default_file_or_a_notice(
    tmp_path: Path, written: Path
) -> None:
    """A tolerated rule no file needs any more is dead weight: drop it."""
    docx.Document().save(tmp_path / "d.docx")
    book = openpyxl.Workbook()
    book.active["A1"] = "文字"
    book.save(tmp_path / "x.xlsx")
    fired = set().union(
        *(
            tolerated_names(p)
            for p in (tmp_path / "d.docx", tmp_path / "x.xlsx", written / "notices/call.docx")
        )
    )
    assert fired == {rule.name for rule in TOLERATED}
    assert all(rule.reason for rule in TOLERATED)


# -- red on a broken copy -------------------------------------------------------------------------


def _rewrite_part(source: Path, target: Path, part: str, edit: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, edit(data) if info.filename == part else data)


def test_red_on_shd_after_valign_in_cell_properties(written: Path, tmp_path: Path) -> None:
    """Word's order in w:tcPr is … w:shd, w:noWrap, w:tcMar, w:textDirection, w:tcFitText,
    w:vAlign …; the five old samples had w:shd after w:vAlign."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def swap(data: bytes) -> bytes:
        root = etree.fromstring(data)
        for tc_pr in root.iter(f"{w}tcPr"):
            shd, valign = tc_pr.find(f"{w}shd"), tc_pr.find(f"{w}vAlign")
            if shd is not None and valign is not None:
                valign.addnext(shd)
                break
        else:
            raise AssertionError("no cell with both w:shd and w:vAlign")
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    source = written / "forms" / "申报信息表.docx"  # conforms: test_written_files_conform
    _rewrite_part(source, tmp_path / "broken.docx", "word/document.xml", swap)
    (found,) = findings(tmp_path / "broken.docx")
    assert "/tcPr[1]: Unexpected element 'shd' found" in found


def test_red_on_a_worksheet_part_out_of_order(written: Path, tmp_path: Path) -> None:
    """CT_Worksheet is a sequence: w:pageMargins after w:sheetData, never before."""

    def misplace(data: bytes) -> bytes:
        start = data.index(b"<pageMargins")
        end = data.index(b"/>", start) + 2
        margins, rest = data[start:end], data[:start] + data[end:]
        at = rest.index(b"<sheetData")
        return rest[:at] + margins + rest[at:]

    source = written / "review" / "汇总表.xlsx"
    _rewrite_part(source, tmp_path / "broken.xlsx", "xl/worksheets/sheet1.xml", misplace)
    found = findings(tmp_path / "broken.xlsx")
    assert any("Unexpected element" in f and "sheet1.xml" in f for f in found), found


def test_red_on_a_tolerated_finding_outside_its_part(tmp_path: Path) -> None:
    """The tolerances are narrow: a font out of order in a drawing would still fail."""
    rule = next(r for r in TOLERATED if r.name == "xlsx-font-child-order")
    elsewhere = ValidationError(
        ValidationErrorType.SCHEMA, "Unexpected element 'sz' found", "/xl/sharedStrings.xml"
    )
    unknown = ValidationError(
        ValidationErrorType.SCHEMA, "Unexpected element 'blink' found", "/xl/styles.xml"
    )
    assert not rule.covers(elsewhere)
    assert not rule.covers(unknown)


def test_formkits_own_forms_need_no_tolerated_rule(written: Path) -> None:
    """The Word forms carry no stale stylesWithEffects.xml and have their theme."""
    for name in ("申报信息表.docx", "两年期实施方案编制提纲.docx"):
        assert tolerated_names(written / "forms" / name) == set()
