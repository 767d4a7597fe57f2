"""The written outputs: 汇总表.xlsx (three sheets, frozen header, filters, print setup,
values safe from formula injection, same review → same bytes), report.html (escaped, linked),
the opinion's data (problems with document and place, suggestions, conclusion by status)."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from formkit.intake import office
from formkit.jobs.batch.opinions import opinion_data, opinion_path
from formkit.jobs.batch.report_html import report_html
from formkit.jobs.batch.review import Review, review
from formkit.jobs.batch.summary_xlsx import summary_bytes
from formkit.model.errors import TemplateError
from formkit.spec import load_all

from .test_checks import entries_of, letter, valid

SPECS = load_all()


def sample_review(carrier: str = "示范融通创新特色载体") -> Review:
    good = valid()
    good["application"]["carrier_name"] = carrier
    good["targets"]["carrier_name"] = carrier
    good["plan"]["carrier_name"] = carrier
    bad = valid("太原演示工业园区", "S140103", seed=2)
    del bad["plan"]
    entries = [
        *entries_of("太原市/甲", good),
        *entries_of("太原市/乙", bad),
        letter("太原市", ["太原样例经济技术开发区", "太原演示工业园区", "太原范例经济开发区"]),
    ]
    return review(entries, None, SPECS)


def opinions_of(rev: Review) -> dict[str, str]:
    taken: set[str] = set()
    return {z.dossier.key: opinion_path(z, taken) for z in rev.zones}


def workbook(rev: Review) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(summary_bytes(rev, opinions_of(rev))))


def test_the_workbook_has_its_three_sheets_ready_to_filter_and_print() -> None:
    book = workbook(sample_review())
    assert book.sheetnames == ["汇总", "问题清单", "文件清单", "说明"]
    notes = [r[0] for r in book["说明"].iter_rows(values_only=True)]
    assert notes[1].startswith("不予受理：") and "未提供项目配置" in notes[-1]
    for sheet in book.worksheets[:3]:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.column_dimensions["B"].width > 5
    *rows, total = list(book["汇总"].iter_rows(min_row=2, values_only=True))
    assert total[0] == "合计"
    assert [(r[2], r[8]) for r in rows] == [
        ("太原样例经济技术开发区", "通过"),
        ("太原演示工业园区", "需补正"),
    ]
    assert rows[1][9] == "审核意见/太原市/太原演示工业园区.docx"


def test_the_summary_ends_with_a_total_row_outside_the_filter() -> None:
    rev = sample_review()
    sheet = workbook(rev)["汇总"]
    *rows, total = list(sheet.iter_rows(min_row=2, values_only=True))
    assert total[:3] == ("合计", None, "2 个开发区")
    assert total[5] == round(sum(r[5] for r in rows if isinstance(r[5], (int, float))), 2)
    assert (total[6], total[7]) == (sum(r[6] for r in rows), sum(r[7] for r in rows))
    assert total[6] == sum(z.errors for z in rev.zones) > 0
    assert sheet.auto_filter.ref == f"A1:J{len(rows) + 1}"  # sorting leaves 合计 last
    assert sheet.cell(row=len(rows) + 2, column=1).font.b


def test_long_cells_wrap_in_rows_high_enough_to_show_them_whole() -> None:
    """Row height from the text: wide characters count two, a line per column's width."""
    long_name = "很长的特色载体名称" * 12  # 108 wide characters in a 34-wide column
    book = workbook(sample_review(carrier=long_name))
    summary, issues = book["汇总"], book["问题清单"]
    row = next(r for r in summary.iter_rows(min_row=2) if r[4].value == long_name)
    assert row[4].alignment.wrap_text
    lines = -(-2 * len(long_name) // (34 - 1))  # ceil(216 / 33) = 7
    assert summary.row_dimensions[row[0].row].height >= 7 * 15 == lines * 15
    assert summary.row_dimensions[1].height >= 2 * 15  # 申请省级奖补资金（万元） in 14
    for r in issues.iter_rows(min_row=2):  # 问题说明, 70 wide
        text, height = str(r[8].value), issues.row_dimensions[r[0].row].height
        wide = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        assert 15 * -(-wide // 69) <= height <= 409


def test_every_issue_and_every_file_is_listed() -> None:
    book = workbook(sample_review())
    codes = [r[7] for r in book["问题清单"].iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == ["document-missing", "letter-zone-missing"]
    files = [r[1] for r in book["文件清单"].iter_rows(min_row=2, values_only=True)]
    assert len(files) == 6 and "太原市/推荐函.docx" in files


def test_submitted_text_cannot_run_as_a_formula() -> None:
    book = workbook(sample_review(carrier='=HYPERLINK("http://x","点我")'))
    cell = book["汇总"]["E2"]
    assert cell.value == '=HYPERLINK("http://x","点我")'
    assert cell.data_type == "s" and cell.quotePrefix


def test_the_same_review_gives_the_same_bytes() -> None:
    rev = sample_review()
    assert summary_bytes(rev, opinions_of(rev)) == summary_bytes(rev, opinions_of(rev))


def test_the_report_escapes_submitted_text_and_links_the_opinions() -> None:
    rev = sample_review(carrier="<script>alert(1)</script>")
    html = report_html(rev, opinions_of(rev)).decode("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="%E5%AE%A1%E6%A0%B8%E6%84%8F%E8%A7%81/' in html  # 审核意见/…, encoded
    assert "未收到该开发区的申报材料" in html


def test_a_report_template_asking_for_unknown_data_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "report.html.j2").write_text("{{ title }} {{ 没有这个 }}", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"report\.html\.j2.*没有这个"):
        report_html(sample_review(), {}, templates=tmp_path)


def test_an_opinion_names_document_and_place_and_advises() -> None:
    rev = sample_review()
    zone = rev.zones[1]
    data = opinion_data(zone, agency=None, date="2020-03-20")
    assert data["findings"] == [
        {"document": "两年期实施方案", "place": "", "message": "未提交“两年期实施方案”"}
    ]
    assert data["suggestions"] == ["请补交该材料。"]
    assert data["conclusion"] == "申报材料存在1处需要补正的问题，请按以下意见补正后重新报送。"
    assert data["agency"] == "省级中小企业主管部门"


def test_an_ineligible_zone_is_not_accepted_and_the_reason_is_given() -> None:
    data = valid()
    data["application"]["carrier_type"] = "专业资本集聚型"
    entries = entries_of("z", data)
    result = entries[0].result
    result["findings"] = [
        {
            "code": "wrong-carrier-type",
            "severity": "error",
            "field": "载体类型",
            "location": "表1 第9行第2列",
            "message": "“载体类型”应为“大中小企业融通型”，实际为“专业资本集聚型”",
        }
    ]
    (zone,) = review(entries, None, SPECS).zones
    assert zone.status == "不予受理"
    opinion = opinion_data(zone, agency="山西省小企业发展促进局", date="2020-03-20")
    assert opinion["conclusion"].startswith("该开发区不符合申报条件（“载体类型”应为")
    assert opinion["findings"][0]["document"] == "申报信息表（application.docx）"
    assert opinion["findings"][0]["place"] == "表1 第9行第2列"


def test_opinions_rendered_in_workers_are_those_rendered_here() -> None:
    """Many opinions are rendered in the isolated pool; the bytes are the same as rendered in
    this process, in the same order."""
    from formkit.jobs.batch import outputs

    rev = sample_review()
    data = [opinion_data(z, agency="示例省中小企业局", date="2026-12-01") for z in rev.zones]
    jobs = [(d, None) for d in data] * 3
    here = outputs._render_all(jobs, workers=1)
    copies = outputs.PARALLEL_FROM // len(jobs) + 1  # several chunks of RENDER_CHUNK
    pooled = outputs._render_all(jobs * copies, workers=2)
    assert pooled == here * copies
    assert len(set(here)) == len(data)  # the zones' opinions differ, so order matters


@pytest.mark.libreoffice
@pytest.mark.skipif(not office.soffice_available(), reason="LibreOffice (soffice) not installed")
def test_a_pdf_of_the_summary_shows_every_word_of_a_long_cell(tmp_path: Path) -> None:
    """As printed by LibreOffice: the 特色载体名称 column holds the whole long name."""
    long_name = "很长的特色载体名称甲乙丙丁" * 10
    rev = sample_review(carrier=long_name)
    source = tmp_path / "汇总表.xlsx"
    source.write_bytes(summary_bytes(rev, opinions_of(rev)))
    (pdf,) = office.convert([source], "pdf", tmp_path / "pdf")
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        head = next(w for w in words if w["text"] == "特色载体名称")
        right = next(w for w in words if w["text"].startswith("申请省级"))["x0"]
        column = [
            c for c in page.chars if head["x0"] - 2 <= c["x0"] < right and c["top"] > head["bottom"]
        ]
    text = "".join(c["text"] for c in sorted(column, key=lambda c: (round(c["top"]), c["x0"])))
    assert text.startswith(long_name)
