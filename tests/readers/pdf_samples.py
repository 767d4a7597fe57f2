"""Real sample files for the PDF and legacy readers' tests and benchmark.

Forms are built with python-docx / openpyxl the way a clerk's Word or Excel would hold
them, then rendered by LibreOffice (one ``soffice`` call per batch, private profile) into
PDF, .doc or .xls. Every builder returns the source cell texts so a test can measure
exactly how many came back.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as DocxTable
from openpyxl import Workbook

from formkit.intake import office
from formkit.intake.office import soffice_path

DIMENSIONS = ("产业集聚度", "资源聚集力", "持续发展力", "产出与效益", "改革创新力", "辐射带动力")
INDICATORS = (
    ("载体在主要服务行业领域入驻企业数占比", "%", "年报"),
    ("载体从业人员数", "万人", "半年报"),
    ("合作的资本服务机构数", "个", "季报"),
    ("拥有或合作的专业公共技术服务平台数", "个", "季报"),
    ("创业导师数", "人", "半年报"),
    ("组织创新创业大赛和项目路演次数", "次", "季报"),
    ("已达成合作的行业龙头企业数", "家", "季报"),
    ("载体亩均收入", "万元", "年报"),
)
INDICATOR_HEADER = (
    "一级指标",
    "二级指标",
    "单位",
    "指标性质",
    "基期值",
    "第一年目标值",
    "第二年目标值",
    "报送频率",
)
PLAN_HEADINGS = (
    "一、开发区既有双创工作开展情况",
    "二、融通型特色载体发展现状",
    "三、实施目标",
    "四、具体实施内容",
    "五、资金使用方向",
    "六、责任分工与保障措施",
)
SUBHEADINGS = ("（一）总体目标", "（二）第一年目标", "（三）第二年目标")
PROSE = (
    "围绕开发区主导产业，依托龙头企业开放研发、制造和市场资源，带动中小企业专业化发展。"
    "载体已建成公共技术服务平台，为入驻企业提供检验检测、知识产权和融资对接服务。"
    "下一步将完善创业导师队伍，组织创新创业大赛和项目路演，提高资源融通效率与质量。"
)


@dataclass
class Sample:
    """A source file and the texts of its table cells (what a reader must give back)."""

    path: Path
    cells: list[str]


# --- Word ---------------------------------------------------------------------------------


def _merge_right(table: DocxTable, row: int, first: int, last: int, text: str) -> None:
    cell = table.cell(row, first).merge(table.cell(row, last))
    cell.text = text


def _repeat_header(table: DocxTable) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


EMAIL = "zhaolimin.kfq@changzhi-zone.example.cn"  # longer than its cell is wide
FORM_ROWS: tuple[tuple[str, ...], ...] = (
    ("一、开发区基本情况",),
    ("所属市", "{city}", "所在县（市、区）", "{county}"),
    ("开发区名称", "{zone}"),
    ("开发区代码", "{code}", "开发区级别", "省级"),
    ("批准时间", "2006.03", "核准面积（公顷）", "{area}"),
    ("主导产业", "装备制造、新材料"),
    ("管理机构名称", "{zone}管理委员会"),
    ("是否位于小微企业创业创新基地示范县", "☑是  ☐否"),
    ("二、特色载体情况",),
    ("特色载体名称", "{zone}融通创新园"),
    ("载体类型", "大中小企业融通型", "聚焦区域重点产业", "装备制造"),
    ("建设运营主体", "{city}融通科技发展有限公司"),
    ("运营主体统一社会信用代码", "91140100MA0K{seq:06d}"),
    ("载体面积（平方米）", "{m2}", "入驻企业数（家）", "{firms}"),
    ("其中：中小企业数（家）", "{smes}", "从业人员数（人）", "{staff}"),
    ("申请省级奖补资金（万元）", "{money}", "地方配套资金（万元）", "300.00"),
    ("实施期（起）", "2020.01", "实施期（止）", "2021.12"),
    ("电子邮箱", EMAIL, "传真", "0351-7654321"),
)
CITIES = ("太原市", "大同市", "阳泉市", "长治市", "晋城市", "朔州市", "晋中市", "运城市")


def _form_values(seq: int) -> dict[str, object]:
    city = CITIES[seq % len(CITIES)]
    return {
        "city": city,
        "county": f"{city[:2]}县",
        "zone": f"{city[:2]}经济技术开发区",
        "code": f"S14{seq:04d}",
        "area": f"{1200 + seq * 7.5:.2f}",
        "seq": seq,
        "m2": str(52000 + seq * 100),
        "firms": str(120 + seq),
        "smes": str(95 + seq),
        "staff": str(3400 + seq * 3),
        "money": f"{500 + seq:.2f}",
    }


def _form_table(doc: object, seq: int) -> list[str]:
    values = _form_values(seq)
    texts: list[str] = []
    table = doc.add_table(rows=len(FORM_ROWS) + 3, cols=4)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(FORM_ROWS):
        cells = [text.format(**values) for text in row]
        texts += cells
        if len(cells) == 1:
            _merge_right(table, r, 0, 3, cells[0])
        elif len(cells) == 2:
            table.cell(r, 0).text = cells[0]
            _merge_right(table, r, 1, 3, cells[1])
        else:
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
    base = len(FORM_ROWS)
    group = table.cell(base, 0).merge(table.cell(base + 2, 0))
    group.text = "联系人"
    texts.append("联系人")
    for i, (label, value) in enumerate(
        (("姓名", "赵丽敏"), ("职务", "副主任"), ("联系电话", f"0351-{7000000 + seq}"))
    ):
        table.cell(base + i, 1).text = label
        _merge_right(table, base + i, 2, 3, value)
        texts += [label, value]
    return texts


def _indicator_table(doc: object, seq: int, rows_per_dimension: int) -> list[str]:
    n_rows = 1 + len(DIMENSIONS) * rows_per_dimension
    table = doc.add_table(rows=n_rows, cols=len(INDICATOR_HEADER))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    _repeat_header(table)
    texts = list(INDICATOR_HEADER)
    for c, text in enumerate(INDICATOR_HEADER):
        table.cell(0, c).text = text
    r = 1
    for d, dimension in enumerate(DIMENSIONS):
        group = table.cell(r, 0).merge(table.cell(r + rows_per_dimension - 1, 0))
        group.text = dimension
        texts.append(dimension)
        for i in range(rows_per_dimension):
            name, unit, freq = INDICATORS[(d + i) % len(INDICATORS)]
            base = (seq + d * 7 + i * 3) % 90 + 10
            row = (f"{name}{i + 1}", unit, "≥", str(base), str(base + 5), str(base + 12), freq)
            for c, text in enumerate(row, start=1):
                table.cell(r, c).text = text
            texts += row
            r += 1
    return texts


def application_docx(path: Path, seq: int = 0, rows_per_dimension: int = 6) -> Sample:
    """申报信息表 + 绩效指标表 in one .docx; the indicator table spans pages."""
    doc = new_docx()
    doc.add_heading("省级开发区大中小企业融通型特色载体申报信息表", level=1)
    doc.add_paragraph(f"填报单位：{_form_values(seq)['zone']}管理委员会    填报日期：2020年3月5日")
    texts = _form_table(doc, seq)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("绩效目标及评价指标表", level=1)
    texts += _indicator_table(doc, seq, rows_per_dimension)
    doc.add_paragraph()  # Word always ends a body with a paragraph (LibreOffice's .doc needs it)
    doc.save(str(path))
    return Sample(path, texts)


def plan_docx(path: Path) -> Sample:
    """两年期实施方案: numbered headings (Heading styles) over body prose."""
    doc = new_docx()
    title = doc.add_paragraph()
    run = title.add_run("两年期实施方案")
    run.bold = True
    run.font.size = Pt(22)
    for heading in PLAN_HEADINGS:
        doc.add_heading(heading, level=1)
        if heading.startswith("三"):
            for sub in SUBHEADINGS:
                doc.add_heading(sub, level=2)
                doc.add_paragraph(PROSE)
        else:
            doc.add_paragraph(PROSE)
            doc.add_paragraph(PROSE[:60])
    doc.save(str(path))
    return Sample(path, [])


# --- Excel --------------------------------------------------------------------------------


def targets_xlsx(path: Path, seq: int = 0, rows_per_dimension: int = 3) -> Sample:
    """绩效目标表 as a clerk keeps it in Excel: no cell borders, merged title."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "指标"
    values = _form_values(seq)
    sheet.merge_cells("A1:H1")
    sheet["A1"] = "绩效目标及评价指标表"
    pairs = (
        ("开发区名称", values["zone"], "特色载体名称", f"{values['zone']}融通创新园"),
        ("实施期（起）", "2020.01", "实施期（止）", "2021.12"),
    )
    texts: list[str] = []
    for r, (l1, v1, l2, v2) in enumerate(pairs, start=2):
        sheet.cell(r, 1, l1)
        sheet.cell(r, 2, str(v1))
        sheet.cell(r, 5, l2)
        sheet.cell(r, 6, str(v2))
        texts += [l1, str(v1), l2, str(v2)]
    for c, text in enumerate(INDICATOR_HEADER, start=1):
        sheet.cell(5, c, text)
    texts += INDICATOR_HEADER
    r = 6
    for d, dimension in enumerate(DIMENSIONS):
        sheet.cell(r, 1, dimension)
        texts.append(dimension)
        for i in range(rows_per_dimension):
            name, unit, freq = INDICATORS[(d + i) % len(INDICATORS)]
            base = (seq + d * 5 + i) % 80 + 10
            row = (f"{name}{i + 1}", unit, "≥", str(base), str(base + 4), str(base + 9), freq)
            for c, text in enumerate(row, start=2):
                sheet.cell(r, c, text)
            texts += row
            r += 1
    widths = {"A": 14, "B": 40, "C": 8, "D": 10, "E": 10, "F": 14, "G": 14, "H": 10}
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    assert sheet.sheet_properties.pageSetUpPr is not None
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(str(path))
    return Sample(path, texts)


# --- LibreOffice --------------------------------------------------------------------------


def soffice() -> str | None:
    return soffice_path()


def convert(paths: Sequence[Path], fmt: str, outdir: Path) -> list[Path]:
    """Render files with one soffice call in a private profile; the outputs, in order."""
    return office.convert(paths, fmt, outdir, timeout=120)


def scanned_pdf(pdf: Path, out: Path) -> Path:
    """An image-only PDF: the first page of ``pdf`` rendered to PNG, wrapped again as PDF."""
    from PIL import Image

    png_base = out.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(png_base),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with Image.open(f"{png_base}.png") as image:
        image.convert("RGB").save(out, "PDF", resolution=60.0)
    return out


# --- the extractor's corpus, for field-level checks ------------------------------------------

# Word layouts of the extractor's corpus (tests/extract): form A and form B
APPLICATION_LAYOUTS = (
    "ours_4col",
    "grouped_contacts",
    "section_bands",
    "checkbox_cells",
    "paragraphs_outside",
)
TARGETS_LAYOUTS = ("docx_year_children", "docx_reordered")


def word_corpus(folder: Path) -> dict[str, Path]:
    """The extractor's Word layouts as .docx files, each ending with a paragraph as Word
    writes it (LibreOffice drops a table that ends a body when it writes .doc)."""
    import io

    from ..extract import corpus_application, corpus_targets

    folder.mkdir(parents=True, exist_ok=True)
    layouts = {
        **{n: corpus_application.LAYOUTS[n] for n in APPLICATION_LAYOUTS},
        **{n: corpus_targets.TARGET_LAYOUTS[n] for n in TARGETS_LAYOUTS},
    }
    paths = {}
    for name, layout in layouts.items():
        data, kind, _ = layout()
        assert kind == "docx", name
        doc = new_docx(io.BytesIO(data))
        doc.add_paragraph()
        paths[name] = folder / f"{name}.docx"
        doc.save(str(paths[name]))
    return paths


def field_accuracy(docs: dict[str, object]) -> tuple[int, int, list[str]]:
    """Right fields and indicator cells over all read documents, and what was missed."""
    from formkit.extract import extract, recognise
    from formkit.spec import load_all

    from ..extract import corpus_application, corpus_targets
    from ..extract.scorer import Score, score

    specs = load_all()
    total = Score()
    for name, doc in docs.items():
        if name in APPLICATION_LAYOUTS:
            form, fields, rows = "application", corpus_application.EXPECTED, []
        else:
            form, fields = "targets", corpus_targets.HEADER_EXPECTED
            rows = corpus_targets.EXPECTED_ROWS
        want = len(fields) + sum(len(r) for r in rows)
        if recognise(doc, specs) != form:  # type: ignore[arg-type]
            total = total.add(Score(0, want, [f"{name}: not recognised as {form}"]))
            continue
        record = extract(doc, specs[form])  # type: ignore[arg-type]
        total = total.add(score(record, fields, rows, name=name))
    return total.right, total.total, total.misses
