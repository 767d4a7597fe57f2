"""Official documents: each kind renders from its sample data to a GB/T 9704-2012 .docx."""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from formkit.model.errors import TemplateError
from formkit.writers import gongwen as g
from formkit.writers.notice import (
    KINDS,
    NoticeJob,
    load_template,
    render,
    render_bytes,
    render_many,
)
from formkit.writers.notice_layout import tidy_text
from formkit.writers.title_lines import break_title, line_width
from formkit.writers.title_lines import words as title_words

from .ooxml_content import (
    NS,
    all_text,
    normalised,
    paragraphs,
    parts,
    style,
    table_rows,
    w,
    xml,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "notices"
GOLDEN = Path(__file__).parent / "golden"
DOCNO = re.compile(r"^\S+?〔\d{4}〕[1-9]\d*号$")


def sample(kind: str) -> dict[str, Any]:
    return yaml.safe_load((SAMPLES / f"{kind}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs() -> dict[str, bytes]:
    return {kind: render_bytes(kind, sample(kind)) for kind in KINDS}


def val(el: Any, path: str, attr: str = "val") -> str | None:
    found = el.find(path, NS)
    return None if found is None else found.get(w(attr))


# --- page, grid and type faces -----------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_page_is_a4_with_the_standard_type_area(docs: dict[str, bytes], kind: str) -> None:
    sect = xml(docs[kind], "word/document.xml").find("w:body/w:sectPr", NS)
    assert (val(sect, "w:pgSz", "w"), val(sect, "w:pgSz", "h")) == ("11906", "16838")
    margins = {a: int(val(sect, "w:pgMar", a) or 0) for a in ("top", "left", "right", "bottom")}
    assert margins == {"top": 2098, "left": 1588, "right": 1474, "bottom": 1984}
    assert 11906 - margins["left"] - margins["right"] == 8844  # 156 mm
    assert 16838 - margins["top"] - margins["bottom"] == 12756  # 225 mm


@pytest.mark.parametrize("kind", KINDS)
def test_grid_gives_22_lines_and_28_characters(docs: dict[str, bytes], kind: str) -> None:
    sect = xml(docs[kind], "word/document.xml").find("w:body/w:sectPr", NS)
    assert val(sect, "w:docGrid", "type") == "lines"  # linesAndChars: 14 a line in LibreOffice
    assert int(val(sect, "w:docGrid", "linePitch") or 0) * 22 == pytest.approx(12756, abs=22)
    defaults = xml(docs[kind], "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert val(defaults, "w:spacing") == "-5"  # 16 pt − 0.25 pt ≈ 156 mm / 28
    assert val(defaults, "w:sz") == "32"


def test_faces_sit_in_the_east_asian_slot(docs: dict[str, bytes]) -> None:
    doc = docs["call"]
    defaults = xml(doc, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert val(defaults, "w:rFonts", "eastAsia") == "仿宋_GB2312"
    expected = {
        "GwTitle": "方正小标宋简体",
        "GwMark": "方正小标宋简体",
        "GwH1": "黑体",
        "GwH2": "楷体_GB2312",
        "GwH3": "仿宋_GB2312",
        "GwH4": "仿宋_GB2312",
        "GwAttachLabel": "黑体",
    }
    for style_id, face in expected.items():
        assert val(style(doc, style_id), "w:rPr/w:rFonts", "eastAsia") == face, style_id
    styles = parts(doc)["word/styles.xml"].decode()
    assert "Theme" not in styles  # a theme font attribute would beat the named face


def test_title_is_2hao_and_body_3hao(docs: dict[str, bytes]) -> None:
    assert val(style(docs["call"], "GwTitle"), "w:rPr/w:sz") == "44"
    assert val(style(docs["call"], "GwBody"), "w:rPr/w:sz") is None  # inherits 32 = 三号
    assert val(style(docs["call"], "GwBody"), "w:pPr/w:ind", "firstLineChars") == "200"


def test_run_properties_follow_schema_order(docs: dict[str, bytes]) -> None:
    """Word rejects ``w:sz`` before ``w:spacing`` in rPr, or ``w:ind`` before ``w:pBdr``."""
    rpr_order = ["rFonts", "b", "color", "spacing", "kern", "sz", "szCs", "lang"]
    ppr_order = [
        "pStyle",
        "keepNext",
        "pageBreakBefore",
        "widowControl",
        "pBdr",
        "tabs",
        "snapToGrid",
        "spacing",
        "ind",
        "jc",
        "outlineLvl",
    ]
    for el in xml(docs["funding"], "word/styles.xml").iter(w("rPr"), w("pPr")):
        names = [etree_name(c) for c in el]
        order = rpr_order if etree_name(el) == "rPr" else ppr_order
        known = [n for n in names if n in order]
        assert known == sorted(known, key=order.index), names


def etree_name(el: Any) -> str:
    return str(el.tag).rsplit("}", 1)[-1]


# --- 版头, title, 主送 ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_red_mark_and_red_rule_open_the_first_page(docs: dict[str, bytes], kind: str) -> None:
    body = xml(docs[kind], "word/document.xml").find("w:body", NS)
    first, second = body.findall("w:p", NS)[:2]
    assert val(first, "w:pPr/w:pStyle") == "GwMark"
    assert val(style(docs[kind], "GwMark"), "w:rPr/w:color") == "FF0000"
    assert val(second, "w:pPr/w:pStyle") == "GwDocNo"
    rule = style(docs[kind], "GwDocNo").find("w:pPr/w:pBdr/w:bottom", NS)
    assert rule.get(w("color")) == "FF0000"
    assert 0.35 <= int(rule.get(w("sz"))) / 8 * 0.3528 <= 0.5  # mm
    assert "ftr" not in parts(docs[kind])["word/document.xml"].decode()[:200]


@pytest.mark.parametrize("kind", ["call", "publicity", "funding", "evaluation"])
def test_document_number_is_standard(docs: dict[str, bytes], kind: str) -> None:
    (number,) = paragraphs(docs[kind], "GwDocNo")
    assert DOCNO.match(number), number


def test_bad_document_numbers_are_refused() -> None:
    for bad in (
        "晋企发[2020]95号",
        "晋企发〔2020〕第95号",
        "晋企发〔2020〕095号",
        "晋企发〔20〕95号",
    ):
        with pytest.raises(TemplateError, match="发文字号"):
            render_bytes("call", {**sample("call"), "doc_no": bad})


def test_opinion_without_number_keeps_the_red_rule(docs: dict[str, bytes]) -> None:
    assert paragraphs(docs["opinion"], "GwDocNo") == [""]
    assert paragraphs(docs["opinion"], "GwMark") == ["山西省小企业发展促进局"]


def test_recipients_end_with_a_full_width_colon(docs: dict[str, bytes]) -> None:
    assert paragraphs(docs["call"], "GwRecipient") == ["各市中小企业主管部门："]


def test_headings_use_their_numbering_and_faces(docs: dict[str, bytes]) -> None:
    doc = docs["call"]
    assert all(t[:2] in {"一、", "二、", "三、", "四、", "五、"} for t in paragraphs(doc, "GwH1"))
    assert all(re.match(r"^（[一二三四五]）", t) for t in paragraphs(doc, "GwH2"))
    assert all(re.match(r"^\d+\.", t) for t in paragraphs(doc, "GwH3"))
    assert all(re.match(r"^（\d+）", t) for t in paragraphs(doc, "GwH4"))
    assert paragraphs(doc, "GwH4")


# --- closing, 版记, page numbers ----------------------------------------------------------------


def test_attachment_note_has_numbers_and_no_final_punctuation(docs: dict[str, bytes]) -> None:
    first = paragraphs(docs["call"], "GwAttachNote")
    rest = paragraphs(docs["call"], "GwAttachItem")
    assert first == ["附件：1.省级大中小企业融通型创新创业特色载体申报信息表"]
    assert rest == ["2.绩效目标及评价指标表", "3.两年期实施方案编制提纲"]
    assert paragraphs(docs["funding"], "GwAttachNote") == [
        "附件：2020年度中小企业发展专项资金分配表"
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_date_is_written_without_zero_padding(docs: dict[str, bytes], kind: str) -> None:
    (date,) = paragraphs(docs[kind], "GwDate")
    assert re.fullmatch(r"\d{4}年[1-9]\d?月[1-9]\d?日", date), date


def test_call_date_and_signature(docs: dict[str, bytes]) -> None:
    assert paragraphs(docs["call"], "GwDate") == ["2020年3月5日"]
    assert paragraphs(docs["call"], "GwSignature") == ["山西省小企业发展促进局"]


def test_note_is_in_parentheses(docs: dict[str, bytes]) -> None:
    assert paragraphs(docs["call"], "GwNote") == ["（此件公开发布）"]
    assert paragraphs(docs["opinion"], "GwNote") == []


def test_imprint_has_cc_ending_with_full_stop_and_issuer_with_date(docs: dict[str, bytes]) -> None:
    rows = table_rows(docs["call"], -1)
    assert rows == [
        ["抄送：山西省财政厅，各市财政局。"],
        ["山西省小企业发展促进局办公室", "2020年3月5日印发"],
    ]
    borders = (
        xml(docs["call"], "word/document.xml")
        .findall(".//w:tbl", NS)[-1]
        .find("w:tblPr/w:tblBorders", NS)
    )
    assert val(borders, "w:top", "sz") == val(borders, "w:bottom", "sz") == str(g.RULE_THICK)
    assert val(borders, "w:insideH", "sz") == str(g.RULE_THIN)


def test_imprint_without_cc_keeps_only_the_issuer_row() -> None:
    doc = render_bytes("opinion", sample("opinion"))
    assert table_rows(doc, -1) == [["山西省小企业发展促进局办公室", "2020年4月10日印发"]]


@pytest.mark.parametrize(
    ("part", "side", "indent"),
    [("word/footer1.xml", "right", "right"), ("word/footer2.xml", "left", "left")],
)
def test_page_numbers_odd_right_even_left(
    docs: dict[str, bytes], part: str, side: str, indent: str
) -> None:
    footer = xml(docs["call"], part)
    assert val(footer, "w:p/w:pPr/w:jc") == side
    assert val(footer, "w:p/w:pPr/w:ind", indent) == "280"  # one 4号 character
    assert "".join(footer.itertext()).replace("1", "N") == "—  PAGE N —"
    refs = {
        r.get(w("type")): r.get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        )
        for r in xml(docs["call"], "word/document.xml").iter(w("footerReference"))
    }
    rels = parts(docs["call"])["word/_rels/document.xml.rels"].decode()
    assert re.search(f'Id="{refs["default"]}"[^>]*Target="footer1.xml"', rels)
    assert re.search(f'Id="{refs["even"]}"[^>]*Target="footer2.xml"', rels)
    assert xml(docs["call"], "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None


# --- the data of each kind ----------------------------------------------------------------------


def test_publicity_period_skips_the_holiday(docs: dict[str, bytes]) -> None:
    assert "公示期为2020年4月28日至2020年5月7日（5个工作日）" in all_text(docs["publicity"])
    assert table_rows(docs["publicity"], 0)[1] == [
        "1",
        "太原市",
        "山西清徐经济开发区",
        "清徐精细化工融通创新港",
    ]


def test_funding_totals_by_city_and_overall(docs: dict[str, bytes]) -> None:
    by_city = table_rows(docs["funding"], 0)
    assert by_city[1] == ["1", "太原市", "2", "950.50"]
    assert by_city[-1] == ["合计", "5", "2350.75"]
    detail = table_rows(docs["funding"], 1)
    assert len(detail) == 1 + 5 + 1
    assert detail[-1] == ["合计", "2350.75"]
    assert "专项资金2350.75万元，采取以奖代补方式" in all_text(docs["funding"])


def test_evaluation_grades_come_from_scores(docs: dict[str, bytes]) -> None:
    rows = table_rows(docs["evaluation"], 0)
    assert [r[-2:] for r in rows[1:]] == [
        ["93.5", "优秀"],
        ["84.0", "良好"],
        ["88.2", "良好"],
        ["71.0", "合格"],
        ["56.5", "不合格"],
    ]
    assert "优秀1个，良好2个，合格1个，不合格1个。" in all_text(docs["evaluation"])


def test_opinion_lists_findings_with_document_and_place(docs: dict[str, bytes]) -> None:
    text = all_text(docs["opinion"])
    assert "1.申报信息表.docx（表1第12行第2列）：运营主体统一社会信用代码校验位错误" in text
    assert "3.两年期实施方案.docx：资金使用方向" in text  # no place, no parentheses
    assert "申报材料存在3处问题" in text
    assert paragraphs(docs["opinion"], "GwRecipient") == ["太原市中小企业主管部门："]


def test_opinion_without_findings_says_so() -> None:
    data = {**sample("opinion"), "findings": [], "suggestions": []}
    text = all_text(render_bytes("opinion", data))
    assert "符合申报要求" in text and "未发现问题。" in text and "无。" in text


# --- strictness, escaping, determinism ----------------------------------------------------------


def test_markup_characters_in_data_render_intact() -> None:
    tricky = "金额<100万元 & \"重点\" '园区'"
    data = {**sample("publicity")}
    data["zones"] = [{"city": "太原市", "zone": tricky, "carrier": "A&B<C>"}]
    doc = render_bytes("publicity", data)
    assert table_rows(doc, 0)[1] == ["1", "太原市", tricky, "A&B<C>"]


def test_missing_data_names_the_field() -> None:
    data = sample("call")
    del data["phone"]
    with pytest.raises(TemplateError, match="phone"):
        render_bytes("call", data)


def edited_template(tmp_path: Path, kind: str, old: str, new: str) -> Path:
    """A copy of the shipped template with Word-style edits to document.xml."""
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    source = ROOT / "templates" / f"{kind}.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(folder / f"{kind}.docx", "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                assert old in text
                data = text.replace(old, new).encode()
            dst.writestr(info, data)
    return folder


def test_a_variable_the_clerk_added_must_be_in_the_data(tmp_path: Path) -> None:
    # Word splits a typed tag across runs, with a proofing mark between them.
    split = (
        '电话：{{ phone }}，邮箱：{{ con</w:t></w:r><w:proofErr w:type="spellStart"/>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>tact_email }}"
    )
    folder = edited_template(tmp_path, "call", "电话：{{ phone }}", split)
    with pytest.raises(TemplateError) as err:
        render_bytes("call", sample("call"), templates=folder)
    assert "call.docx" in str(err.value) and "contact_email" in str(err.value)
    doc = render_bytes("call", {**sample("call"), "contact_email": "a@b.cn"}, templates=folder)
    assert "电话：0351-4012345，邮箱：a@b.cn。" in all_text(doc)


def test_a_missing_attribute_names_template_and_paragraph(tmp_path: Path) -> None:
    folder = edited_template(tmp_path, "funding", "{{ r.carrier }}", "{{ r.carrier_name }}")
    with pytest.raises(TemplateError) as err:
        render_bytes("funding", sample("funding"), templates=folder)
    message = str(err.value)
    assert "funding.docx" in message and "carrier_name" in message
    assert "r.carrier_name" in message  # the paragraph's text as the clerk sees it


def test_a_broken_tag_is_reported_in_chinese(tmp_path: Path) -> None:
    folder = edited_template(tmp_path, "call", "{{ phone }}", "{{ phone }")
    with pytest.raises(TemplateError, match=r"call\.docx.*标签写法有误"):
        render_bytes("call", sample("call"), templates=folder)


def test_unknown_kind_lists_the_kinds() -> None:
    with pytest.raises(TemplateError, match=r"没有“memo”.*funding"):
        render_bytes("memo", {})


def test_same_data_gives_the_same_bytes(docs: dict[str, bytes]) -> None:
    assert render_bytes("funding", sample("funding")) == docs["funding"]
    infos = zipfile.ZipFile(io.BytesIO(docs["funding"])).infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_compiled_template_is_cached_until_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "call.docx"
    shutil.copy(ROOT / "templates" / "call.docx", path)
    first = load_template(path)
    assert load_template(path) is first
    os.utime(path, ns=(1, 1))
    assert load_template(path) is not first


@pytest.mark.parametrize("kind", KINDS)
def test_output_matches_the_golden_content(docs: dict[str, bytes], kind: str) -> None:
    """Compared part by part as normalised XML (update: FORMKIT_UPDATE_GOLDEN=1)."""
    golden = GOLDEN / f"{kind}.xml.txt"
    actual = normalised(docs[kind])
    if os.environ.get("FORMKIT_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_render_writes_files_and_render_many_keeps_job_order(tmp_path: Path) -> None:
    (one,) = render("call", sample("call"), tmp_path / "out" / "通知.docx")
    assert one.read_bytes()[:2] == b"PK"
    jobs: list[Any] = [
        NoticeJob("opinion", {**sample("opinion"), "zone": z}, tmp_path / f"{z}.docx")
        for z in ("甲开发区", "乙开发区")
    ]
    jobs.append(("funding", sample("funding"), tmp_path / "funding.docx"))
    written = render_many(jobs, pdf=False)
    assert [p.name for p in written] == ["甲开发区.docx", "乙开发区.docx", "funding.docx"]
    assert "甲开发区" in all_text(written[0].read_bytes())


def test_a_clerk_edited_wording_is_rendered(tmp_path: Path) -> None:
    folder = edited_template(tmp_path, "call", "逾期不予受理。", "逾期&amp;不予受理。")
    assert "逾期&不予受理。" in all_text(render_bytes("call", sample("call"), templates=folder))


def test_quotes_saved_as_entities_by_other_editors_still_work(tmp_path: Path) -> None:
    # LibreOffice writes ' as &apos; in text; inside a tag Jinja would not understand it.
    folder = edited_template(tmp_path, "call", "join('，')", "join(&apos;，&apos;)")
    assert table_rows(render_bytes("call", sample("call"), templates=folder), -1)[0] == [
        "抄送：山西省财政厅，各市财政局。"
    ]


def test_document_number_can_be_built_from_prefix_and_sequence(docs: dict[str, bytes]) -> None:
    data = {**sample("funding"), "docno_prefix": "晋企发", "doc_seq": 95}
    del data["doc_no"]
    assert paragraphs(render_bytes("funding", data), "GwDocNo") == ["晋企发〔2020〕95号"]
    with pytest.raises(TemplateError, match="发文字号"):
        render_bytes("funding", {**data, "doc_seq": "095"})


# --- templates a clerk can save in Word, and the layout set after rendering ---------------------

TAG = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@pytest.mark.parametrize("kind", KINDS)
def test_template_tags_stand_only_in_text(kind: str) -> None:
    """Word "repairs" a tag inside an attribute (``w:ind w:left="{{ x }}"``) by dropping it."""
    template = (ROOT / "templates" / f"{kind}.docx").read_bytes()
    for name, data in parts(template).items():
        if not name.endswith((".xml", ".rels")):
            continue
        root = etree.fromstring(data)
        for el in root.iter():
            assert not any(TAG.search(v) for v in el.attrib.values()), (name, el.attrib)
            if TAG.search(el.text or "") or TAG.search(el.tail or ""):
                assert el.tag == w("t"), (name, el.tag)


def title_lines(doc: bytes, style_id: str = "GwTitle") -> list[str]:
    (title,) = [
        p
        for p in xml(doc, "word/document.xml").iter(w("p"))
        if p.find(f"w:pPr/w:pStyle[@w:val='{style_id}']", NS) is not None
    ]
    text = "".join(
        "\n" if el.tag == w("br") else el.text or "" for el in title.iter(w("t"), w("br"))
    )
    return text.split("\n")


@pytest.mark.parametrize("kind", KINDS)
def test_title_lines_break_between_words_as_a_trapezoid(docs: dict[str, bytes], kind: str) -> None:
    lines = title_lines(docs[kind])
    assert len(lines) == 2, lines  # every sample title is too long for one 2号 line
    text = "".join(lines)
    ends, at = set(), 0
    for word in title_words(text):
        at += len(word)
        ends.add(at)
    assert len(lines[0]) in ends, lines  # never 融通/型, 合/规性
    widths = [line_width(line) for line in lines]
    assert max(widths) <= 20 and widths[0] != widths[1], widths  # fits; not a rectangle


def test_title_keeps_programme_terms_and_given_names_whole() -> None:
    title = "关于山西长治高新技术产业开发区特色载体申报材料的合规性审核意见"
    for lines in (break_title(title), break_title(title, keep=["山西长治高新技术产业开发区"])):
        assert all(not line.endswith("合") and not line.startswith("规性") for line in lines)
        assert "合规性审核意见" in lines[-1], lines
    keep = break_title(title, keep=["山西长治高新技术产业开发区"])
    assert any("山西长治高新技术产业开发区" in line for line in keep), keep
    three = break_title("关于" + "大中小企业融通型创新创业特色载体" * 3 + "的通知")
    assert len(three) == 3
    widths = [line_width(line) for line in three]
    assert not (widths[1] < widths[0] and widths[1] < widths[2]), three  # no hourglass


def test_title_a_clerk_broke_by_hand_is_left_alone(tmp_path: Path) -> None:
    folder = edited_template(tmp_path, "call", "年度省级", "年度省级</w:t><w:br/><w:t>")
    lines = title_lines(render_bytes("call", sample("call"), templates=folder))
    assert lines[0].endswith("年度省级"), lines


def test_signature_and_date_are_right_aligned_and_keep_with_the_text(
    docs: dict[str, bytes],
) -> None:
    for style_id, indent in (("GwSignature", 2 * g.CHAR_W), ("GwDate", 4 * g.CHAR_W)):
        found = style(docs["call"], style_id)
        assert val(found, "w:pPr/w:jc") == "right"
        assert val(found, "w:pPr/w:ind", "right") == str(indent)
    for style_id in ("GwAttachNote", "GwAttachItem", "GwSignature", "GwDate", "GwNote"):
        assert style(docs["call"], style_id).find("w:pPr/w:keepNext", NS) is not None
    for kind in KINDS:
        body = xml(docs[kind], "word/document.xml").find("w:body", NS)
        ps = body.findall("w:p", NS)
        styles = [p.find("w:pPr/w:pStyle", NS) for p in ps]
        first = next(
            i
            for i, s in enumerate(styles)
            if s is not None and s.get(w("val")) in ("GwAttachNote", "GwSignature")
        )
        assert ps[first - 1].find("w:pPr/w:keepNext", NS) is not None, kind


def keeps_of_attachment_items(docx: bytes) -> list[bool]:
    """Whether each 附件说明 item paragraph keeps with the next (its style says yes)."""
    body = xml(docx, "word/document.xml").find("w:body", NS)
    out = []
    for p in body.findall("w:p", NS):
        if val(p, "w:pPr/w:pStyle") == "GwAttachItem":
            keep = p.find("w:pPr/w:keepNext", NS)
            out.append(keep is None or keep.get(w("val")) not in ("0", "false"))
    return out


def test_a_long_attachment_list_may_break_but_its_last_item_keeps_with_the_signature() -> None:
    """Regression: 16 attachments made the kept closing longer than a page, and LibreOffice
    broke it between the 署名 and the 成文日期 (tests/writers/test_print_layout.py prints it)."""
    data = sample("call")
    assert all(keeps_of_attachment_items(render_bytes("call", data)))  # 3: kept whole
    long = {**data, "forms": [*data["forms"], *(f"补充材料{n}" for n in range(13))]}
    keeps = keeps_of_attachment_items(render_bytes("call", long))
    assert len(keeps) == 15
    assert keeps == [False] * 14 + [True]


@pytest.mark.parametrize("kind", KINDS)
def test_imprint_floats_at_the_foot_of_the_type_area(docs: dict[str, bytes], kind: str) -> None:
    body = xml(docs[kind], "word/document.xml").find("w:body", NS)
    children = [etree_name(c) for c in body]
    assert children[-3:] == ["tbl", "p", "sectPr"]  # the 版记 and its anchor end the body
    position = body.findall("w:tbl", NS)[-1].find("w:tblPr/w:tblpPr", NS)
    assert position.get(w("vertAnchor")) == "margin"
    assert position.get(w("tblpYSpec")) == "bottom"
    assert position.get(w("horzAnchor")) == "page"
    assert position.get(w("tblpX")) == str(g.MARGIN_LEFT)
    # no cell margin for LibreOffice to shift the rules by (1.9 mm out of the type area)
    margins = body.findall("w:tbl", NS)[-1].find("w:tblPr/w:tblCellMar", NS)
    assert [val(margins, f"w:{side}", "w") for side in ("left", "right")] == ["0", "0"]


@pytest.mark.parametrize("kind", KINDS)
def test_no_space_beside_a_number_in_chinese_text(docs: dict[str, bytes], kind: str) -> None:
    assert not re.search(r"[\u4e00-\u9fff] +\d|\d +[\u4e00-\u9fff]", all_text(docs[kind]))


def test_spaces_the_data_puts_beside_numbers_are_dropped() -> None:
    doc = render_bytes("opinion", sample("opinion"))
    assert "合计480.00万元，与申请省级奖补资金500.00万元不一致" in all_text(doc)
    assert tidy_text("存在 10 处，共 3.5 万元 (a b) 第 2 项") == "存在10处，共3.5万元 (a b) 第2项"


def test_regression_the_kinds_a_refusal_lists_follow_its_language(tmp_path: Path) -> None:
    """Bug: the list of templates was joined with 、 when the error was made, so an English
    refusal read “choose from: call、evaluation…”."""
    from formkit.writers.notice import template_path

    with pytest.raises(TemplateError) as caught:
        template_path("nope")
    assert caught.value.params["kinds_words"] == sorted(caught.value.params["kinds_words"])
    assert "（可选：call、evaluation、funding、opinion、publicity）" in caught.value.message("zh")
    english = caught.value.message("en")
    assert "(choose from: call, evaluation, funding, opinion, publicity)" in english
