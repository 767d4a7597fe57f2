"""Every notice kind and the longest opinion of the sample batch, printed by LibreOffice and
checked as a reader of 公文 checks them (GB/T 9704-2012; issue #12, item 6):

- the 版记 rules lie at the foot of the last page, as wide as the type area, under text;
- the page with the 署名 and 成文日期 carries body text too;
- no title line ends inside a word (the title's own terms, read from the PDF by size and y),
  and the lines are centred and stand as a 梯形 or 菱形.

Deliberately bad documents made with python-docx go through the same checks and fail them, so
none of the checks passes by finding nothing. Everything converts in one LibreOffice call.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: each worker makes its own
    fcntl = None  # type: ignore[assignment]

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from formkit.cli import main
from formkit.intake import office
from formkit.intake.office import soffice_available
from formkit.writers.notice import KINDS, NoticeJob, render_many

from .notice_counts import with_rows
from .ooxml_content import all_text, paragraphs
from .print_geometry import (
    TYPE_RIGHT,
    Printed,
    imprint_faults,
    read,
    signature_faults,
    title_faults,
    title_shape_faults,
    titles,
)

pytestmark = [
    pytest.mark.skipif(not soffice_available(), reason="LibreOffice (soffice) not installed"),
    pytest.mark.libreoffice,
    pytest.mark.slow,
]

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
# Words of the programme's titles a line must not end inside, listed here rather than taken
# from the writer's word list so that the check does not share the writer's mistakes.
TERMS = (
    "融通型",
    "创新创业",
    "合规性",
    "开发区",
    "特色载体",
    "大中小企业",
    "专项资金",
    "绩效评价",
    "审核意见",
    "申报材料",
    "拟支持",
    "年度",
)
# A call with 16 and with 12 attachments: the kept closing was longer than a page, so the
# 成文日期 or the 版记 stood alone on the last page (regression; notice_layout.LONG_ATTACHMENTS).
LONG_CALLS = {"call-16-attachments": 13, "call-12-attachments": 9}
# Tables that end within about two lines of the page foot: the 版记 stood alone on the next
# page (regression; a sweep of 1–40 allocations and 1–30 results found exactly these counts,
# benchmarks/sweep_imprint.py). render_many moves the table's last rows onto the 版记's page.
SHORT_LAST_PAGE = {
    "funding-20-allocations": ("funding", 20),
    "funding-35-allocations": ("funding", 35),
    "evaluation-11-results": ("evaluation", 11),
    "evaluation-23-results": ("evaluation", 23),
}
# The 署名 and 成文日期 placed by GB/T 9704 §7.3.5: a date longer than the 署名 (§7.3.5.2), and
# a notice to be sealed (§7.3.5.1: the 署名 centred over a date four characters in).
CLOSINGS = {"long-date": {"signature": "省促进局"}, "sealed": {"seal": True}}
GOOD = (*KINDS, "longest-opinion", *LONG_CALLS, *SHORT_LAST_PAGE, *CLOSINGS)
SIGN, DATE = "山西省小企业发展促进局", "2020年3月5日"


@dataclass(frozen=True)
class Case:
    printed: Printed
    signature: str
    date: str
    title: str
    terms: tuple[str, ...]


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    folder = printed_folder(tmp_path_factory)
    names = json.loads((folder / NAMES).read_text("utf-8"))
    out = {}
    for stem, terms in names.items():
        content = (folder / f"{stem}.docx").read_bytes()
        good = stem in GOOD
        out[stem] = Case(
            read(folder / f"{stem}.pdf"),
            paragraphs(content, "GwSignature")[0] if good else SIGN,
            paragraphs(content, "GwDate")[0] if good else DATE,
            paragraphs(content, "GwTitle")[0] if good else "",
            (*TERMS, *terms),
        )
    return out


NAMES = "names.json"  # written last: the folder is complete when it exists


def printed_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documents and their PDFs, made once a test run: pytest-xdist's workers share the
    folder (under a lock) instead of each starting LibreOffice over the same documents."""
    if fcntl is None or "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp("print")
        make_documents(folder)
        return folder
    folder = tmp_path_factory.getbasetemp().parent / "print-layout"  # the run's, not a worker's
    with open(f"{folder}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / NAMES).exists():
            folder.mkdir(exist_ok=True)
            make_documents(folder)
    return folder


def make_documents(folder: Path) -> None:
    """Every notice kind, two long calls and the short last pages written by ``render_many``
    (.docx and PDF, checked and mended as a user gets them), then the longest batch opinion and
    the bad documents converted in one more LibreOffice call; the names a title must keep whole."""
    names: dict[str, tuple[str, ...]] = {}
    jobs = []
    for kind in KINDS:
        data = yaml.safe_load((SAMPLES / "notices" / f"{kind}.yaml").read_text("utf-8"))
        jobs.append(NoticeJob(kind, data, folder / f"{kind}.docx"))
        names[kind] = tuple(str(data[k]) for k in ("zone", "city") if k in data)
    call = yaml.safe_load((SAMPLES / "notices" / "call.yaml").read_text("utf-8"))
    for name, extra in LONG_CALLS.items():
        forms = [*call["forms"], *(f"补充材料{n + 1}" for n in range(extra))]
        jobs.append(NoticeJob("call", {**call, "forms": forms}, folder / f"{name}.docx"))
        names[name] = ()
    for name, (kind, count) in SHORT_LAST_PAGE.items():
        jobs.append(NoticeJob(kind, with_rows(kind, count), folder / f"{name}.docx"))
        names[name] = ()
    opinion_data = yaml.safe_load((SAMPLES / "notices" / "opinion.yaml").read_text("utf-8"))
    for name, extra in CLOSINGS.items():
        jobs.append(NoticeJob("opinion", {**opinion_data, **extra}, folder / f"{name}.docx"))
        names[name] = ()
    render_many(jobs, pdf=True)
    documents = []
    opinion = longest_opinion(folder / "review")
    documents.append(shutil.copy(opinion, folder / "longest-opinion.docx"))
    names["longest-opinion"] = (opinion.stem, opinion.parent.name)  # 审核意见/<市>/<开发区>.docx
    for bad in bad_documents(folder):
        documents.append(bad)
        names[bad.stem] = ()
    office.convert(documents, "pdf", folder)
    (folder / NAMES).write_text(json.dumps(names, ensure_ascii=False), "utf-8")


def longest_opinion(review: Path) -> Path:
    """The 审核意见 of the sample inbox with the most text, as ``formkit batch`` writes them."""
    result = CliRunner().invoke(
        main,
        [
            "batch",
            str(SAMPLES / "inbox"),
            "--out",
            str(review),
            "--programme",
            str(SAMPLES / "programme.yaml"),
            "--workers",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    opinions = sorted(review.glob("审核意见/*/*.docx"))
    assert len(opinions) >= 8
    return max(opinions, key=lambda p: len(all_text(p.read_bytes())))


# --- the printed notices -----------------------------------------------------------------------


@pytest.mark.parametrize("name", GOOD)
def test_the_imprint_sits_at_the_foot_of_the_last_page_under_text(
    cases: dict[str, Case], name: str
) -> None:
    assert imprint_faults(cases[name].printed) == {}


@pytest.mark.parametrize("name", GOOD)
def test_the_signature_and_date_share_their_page_with_body_text(
    cases: dict[str, Case], name: str
) -> None:
    case = cases[name]
    assert signature_faults(case.printed, case.signature, case.date) == {}


CHAR = 316 / 20  # one character of the type area (156 mm / 28), in points


@pytest.mark.parametrize("name", GOOD)
def test_the_signature_and_date_stand_where_gb_t_9704_puts_them(
    cases: dict[str, Case], name: str
) -> None:
    """Without a seal (§7.3.5.2) the 署名 ends two characters in from the right edge and the date
    starts two characters right of the 署名's first; a date longer than the 署名 ends two
    characters in instead. With a seal (§7.3.5.1) the date ends four characters in and the 署名
    is centred over it."""
    case = cases[name]
    sign = [line for line in case.printed.lines if line.text == case.signature][-1]
    dated = [line for line in case.printed.lines if line.text == case.date][-1]
    if name == "sealed":
        assert dated.x1 == pytest.approx(TYPE_RIGHT - 4 * CHAR, abs=1.5)
        assert (sign.x0 + sign.x1) / 2 == pytest.approx((dated.x0 + dated.x1) / 2, abs=1.5)
        return
    assert dated.x0 - sign.x0 == pytest.approx(2 * CHAR, abs=1.5)
    longer = dated if dated.x1 - dated.x0 > sign.x1 - sign.x0 else sign
    assert (name == "long-date") == (longer is dated)  # both cases are printed
    assert longer.x1 == pytest.approx(TYPE_RIGHT - 2 * CHAR, abs=1.5)


@pytest.mark.parametrize("name", GOOD)
def test_no_title_line_ends_inside_a_word(cases: dict[str, Case], name: str) -> None:
    case = cases[name]
    found = titles(case.printed)
    # the check reads the real title: the 2号 lines on page 1 give the title's text, in lines
    assert found[0][0].page == 0
    assert "".join(line.text for line in found[0]) == case.title.replace(" ", "")
    assert title_faults(case.printed, case.terms) == {}


@pytest.mark.parametrize("name", GOOD)
def test_titles_are_centred_trapezoids(cases: dict[str, Case], name: str) -> None:
    assert title_shape_faults(cases[name].printed) == {}


def test_the_long_titles_are_broken_into_lines(cases: dict[str, Case]) -> None:
    """Not a vacuous check: the sample titles do need breaking."""
    assert all(len(titles(cases[name].printed)[0]) == 2 for name in GOOD)


def test_the_rows_carried_onto_the_imprint_page_are_in_the_docx_too(
    cases: dict[str, Case], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The .docx a clerk opens has the page break the PDF shows: the allocation table split
    before its last two rows and 合计, its header row repeated, no row lost or doubled."""
    folder = printed_folder(tmp_path_factory)
    content = (folder / "funding-20-allocations.docx").read_bytes()
    document = docx.Document(io.BytesIO(content))
    *_, head, tail, imprint = document.tables
    assert [row.cells[0].text for row in tail.rows] == ["序号", "19", "20", "合计"]
    assert tail.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [row.cells[0].text for row in head.rows][-1] == "18"
    assert imprint.rows[-1].cells[-1].text.endswith("印发")
    breaks = document.element.body.findall(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:pageBreakBefore')}")
    assert len(breaks) == 1
    page = cases["funding-20-allocations"].printed
    last = [line.text for line in page.lines if line.page == page.pages - 1]
    assert last[0] == "序号市开发区名称特色载体名称金额"  # the header, repeated
    assert "合计9403.00" in last  # the rows and the total with the 版记


# --- the checks themselves, on documents laid out wrong ---------------------------------------


def test_an_imprint_right_after_the_text_fails(cases: dict[str, Case]) -> None:
    """python-docx: the 版记 as a table straight after the 成文日期, narrower than the type
    area, and a title broken as 融通/型."""
    case = cases["bad-follows"]
    assert imprint_faults(case.printed).keys() == {"foot", "width"}
    assert title_faults(case.printed, case.terms).keys() == {"融通型"}
    assert title_shape_faults(case.printed) == {}  # 9 over 12 characters: a trapezoid
    assert signature_faults(case.printed, case.signature, case.date) == {}


def test_an_imprint_alone_on_its_page_fails(cases: dict[str, Case]) -> None:
    """The 版记 floats at the foot of the type area, as formkit places it, but on a page of
    its own; the title is two lines of one length."""
    case = cases["bad-alone"]
    assert imprint_faults(case.printed).keys() == {"alone"}
    assert title_faults(case.printed, case.terms) == {}
    assert title_shape_faults(case.printed).keys() == {"rectangle"}


def test_a_signature_alone_on_its_page_fails(cases: dict[str, Case]) -> None:
    """A page break before the 署名; the title set flush left."""
    case = cases["bad-signature"]
    assert signature_faults(case.printed, case.signature, case.date).keys() == {"alone"}
    assert title_shape_faults(case.printed).keys() == {"centre"}


# --- the bad documents -------------------------------------------------------------------------

# formkit's own 版记 placement (scripts/build_templates.py FOOT): floating, at the type area's foot
FOOT = (
    f"<w:tblpPr {nsdecls('w')}"
    ' w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0"'
    ' w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="1588" w:tblpYSpec="bottom"/>'
)
BORDERS = (
    f"<w:tblBorders {nsdecls('w')}>"
    '<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
    '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
    '<w:insideH w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tblBorders>'
)
NO_CELL_MARGINS = (
    f"<w:tblCellMar {nsdecls('w')}>"
    '<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
)


def bad_documents(folder: Path) -> list[Path]:
    follows = _page(["关于大中小企业融通", "型创新创业特色载体的通知"])
    _closing(follows)
    _imprint(follows, floating=False, width=Mm(120))
    alone = _page(["关于开发区特色载体", "申报材料审核的通知"])
    _closing(alone)
    # LibreOffice anchors a floating table at the paragraph before it
    alone.add_paragraph().paragraph_format.page_break_before = True
    _imprint(alone, floating=True, width=Mm(156))
    signature = _page(["关于特色载体的通知"], WD_ALIGN_PARAGRAPH.LEFT)
    signature.add_paragraph().paragraph_format.page_break_before = True
    _closing(signature)
    paths = []
    for name, document in (("follows", follows), ("alone", alone), ("signature", signature)):
        path = folder / f"bad-{name}.docx"
        document.save(str(path))
        paths.append(path)
    return paths


def _page(title: list[str], align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> Document:
    """An A4 page with the type area of GB/T 9704, a 2号 title (a line break between the given
    lines, centred unless told) and three lines of 3号 text."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    normal.paragraph_format.space_after = Pt(0)
    heading = document.add_paragraph()
    heading.alignment = align
    for n, text in enumerate(title):
        run = heading.add_run(text)
        run.font.size = Pt(22)
        if n < len(title) - 1:
            run.add_break()
    for n in range(3):
        document.add_paragraph(f"正文第{n + 1}段，按上述问题逐项修改后重新报送。")
    return document


def _closing(document: Document) -> None:
    document.add_paragraph(SIGN).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(DATE).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _imprint(document: Document, *, floating: bool, width: int) -> None:
    table = document.add_table(rows=2, cols=1)
    props = table._tbl.tblPr
    for style in props.findall(qn("w:tblStyle")):
        props.remove(style)
    if floating:
        props.insert(0, parse_xml(FOOT))
    look = props.find(qn("w:tblLook"))  # CT_TblPr order: … tblBorders, tblCellMar, tblLook
    look.addprevious(parse_xml(BORDERS))
    look.addprevious(parse_xml(NO_CELL_MARGINS))
    table.columns[0].width = width
    for cell in table.columns[0].cells:
        cell.width = width
    texts = ("抄送：山西省财政厅。", f"山西省小企业发展促进局办公室{DATE}印发")
    for row, text in zip(table.rows, texts, strict=True):
        row.cells[0].paragraphs[0].add_run(text).font.size = Pt(14)
    document.add_paragraph()  # Word keeps a paragraph after every table
