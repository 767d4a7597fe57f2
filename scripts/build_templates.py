"""Build the official-document templates in ``templates/``: ``python scripts/build_templates.py``.

The .docx files this writes are committed: they are the templates, and a clerk edits their
wording in Word (docs/templates.md). This script is how the first version was made and how the
layout can be rebuilt from scratch; formkit never runs it. Tags are docxtpl's: ``{{ x }}`` in
text, ``{%p ... %}`` for a paragraph that is repeated or left out, ``{%tr ... %}`` for table rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from formkit.writers import gongwen as g
from formkit.writers.gongwen import esc

OUT = Path(__file__).resolve().parent.parent / "templates"


# --- blocks ------------------------------------------------------------------------------------


def p(style: str, text: str, ppr: str = "") -> str:
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>'
        f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'
    )


KEEP = "<w:keepNext/>"  # a caption stays with its table


def tag(statement: str) -> str:
    """A paragraph holding only a docxtpl ``{%p %}`` tag (it vanishes when rendered)."""
    return p("GwBody", "{%p " + statement + " %}")


def body(text: str) -> str:
    return p("GwBody", text)


def h1(text: str) -> str:
    return p("GwH1", text)


def h2(text: str) -> str:
    return p("GwH2", text)


def h3(text: str) -> str:
    return p("GwH3", text)


def h4(text: str) -> str:
    return p("GwH4", text)


def _cell(width: int, text: str, style: str, span: int = 1, align: str = "") -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}<w:vAlign w:val="center"/>'
        f"</w:tcPr>{p(style, text, jc)}</w:tc>"
    )


def _row(cells: str, header: bool = False, height: int = 567) -> str:
    head = "<w:tblHeader/>" if header else ""
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}"/>{head}</w:trPr>{cells}</w:tr>'
    )


def _tag_row(statement: str, widths: list[int]) -> str:
    return _row(_cell(sum(widths), "{%tr " + statement + " %}", "GwTableText", len(widths)))


def _table(
    widths: list[int], rows: str, borders: str, float_pr: str = "", cell_margins: str = ""
) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr>{float_pr}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/>{cell_margins}</w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )


GRID_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def data_table(
    columns: list[tuple[str, int, str]], loop: str, total: list[str] | None = None
) -> str:
    """A ruled table: a repeating header row, one row per item of ``loop``, optional 合计 row.

    ``columns`` are (header, width, cell expression); ``total`` holds the last row's cells, the
    first spanning every column the list leaves out.
    """
    widths = [w for _, w, _ in columns]
    head = _row("".join(_cell(w, h, "GwTableHead") for h, w, _ in columns), header=True)
    item = _row("".join(_cell(w, e, "GwTableText") for _, w, e in columns))
    rows = head + _tag_row(f"for r in {loop}", widths) + item + _tag_row("endfor", widths)
    if total:
        span = len(columns) - len(total) + 1
        first = _cell(sum(widths[:span]), total[0], "GwTableHead", span)
        rest = "".join(
            _cell(w, t, "GwTableText") for w, t in zip(widths[span:], total[1:], strict=True)
        )
        rows += _row(first + rest)
    return _table(widths, rows, GRID_BORDERS) + p("GwTableText", "")


# The 版记 floats at the foot of the type area (GB/T 9704 §7.5: its last rule lies on the type
# area's lower edge) on the page of its anchor, the empty paragraph after it. LibreOffice 7.4
# keeps a floating table as wide as the type area in the text flow unless it is placed
# relative to the page horizontally, hence the page-relative x (the left margin).
FOOT = (
    '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0"'
    f' w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{g.MARGIN_LEFT}" w:tblpYSpec="bottom"/>'
    '<w:tblOverlap w:val="never"/>'
)
# No cell margins in the 版记: LibreOffice puts a floating table's border one left cell margin
# left of tblpX (its rules stood 1.9 mm out of the type area, GB/T 9704 §7.5.1 wants them as
# wide as it); without margins Word and LibreOffice agree, and GwImprint's 1-character indent
# alone places the text.
NO_CELL_MARGINS = (
    '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
)


def imprint() -> str:
    """版记: a borderless table whose first and last rules are thick and the ones between thin."""
    left = g.TEXT_W - 3600
    widths = [left, 3600]
    borders = (
        f'<w:top w:val="single" w:sz="{g.RULE_THICK}" w:space="0" w:color="000000"/>'
        f'<w:bottom w:val="single" w:sz="{g.RULE_THICK}" w:space="0" w:color="000000"/>'
        f'<w:insideH w:val="single" w:sz="{g.RULE_THIN}" w:space="0" w:color="000000"/>'
    )
    cc = _row(_cell(g.TEXT_W, "抄送：{{ cc|join('，') }}。", "GwImprint", 2, "left"), height=560)
    issued = _row(
        _cell(left, "{{ printer }}", "GwImprint", align="left")
        + _cell(3600, "{{ print_date }}印发", "GwImprint", align="right"),
        height=560,
    )
    rows = _tag_row("if cc", widths) + cc + _tag_row("endif", widths) + issued
    return _table(widths, rows, borders, FOOT, NO_CELL_MARGINS) + p("GwImprintAnchor", "")


# --- the parts every notice shares -------------------------------------------------------------


def head(title: str) -> str:
    """版头 (red mark, 发文字号 over the red rule), title and 主送机关.

    Without a 发文字号 (``doc_no`` empty) the rule stays, under an empty line.
    """
    return (
        p("GwMark", "{{ mark }}")
        + p("GwDocNo", "{{ doc_no }}")
        + p("GwTitle", title)
        + p("GwRecipient", "{{ recipients }}：")
    )


def closing() -> str:
    """附件说明, 署名, 成文日期 and 附注."""
    return (
        tag("if attachments")
        + p(
            "GwAttachNote", "附件：{% if attachments|length > 1 %}1.{% endif %}{{ attachments[0] }}"
        )
        + tag("for a in attachments[1:]")
        + p("GwAttachItem", "{{ loop.index + 1 }}.{{ a }}")
        + tag("endfor")
        + tag("endif")
        + p("GwSignature", "{{ signature }}")
        + p("GwDate", "{{ date }}")
        + tag("if note")
        + p("GwNote", "（{{ note }}）")
        + tag("endif")
    )


def attachment(number: str, title: str) -> str:
    return p("GwAttachLabel", number) + p("GwAttachTitle", title)


# --- the five kinds ----------------------------------------------------------------------------

CALL = (
    head("关于组织申报{{ year }}年度省级大中小企业融通型创新创业特色载体的通知")
    + body(
        "为贯彻落实{{ parent_notice }}，支持省级开发区建设大中小企业融通型创新创业特色载体，"
        "现将{{ year }}年度申报工作有关事项通知如下。"
    )
    + h1("一、支持对象和数量")
    + body(
        "支持对象为列入《中国开发区审核公告目录》的省级开发区，或经省政府批准设立的省级开发区。"
        "{{ year }}年度拟支持{{ target_zones }}个左右开发区。"
    )
    + h1("二、申报条件")
    + h2("（一）基本条件")
    + h3("1.开发区管理机构健全，已建有特色载体，建设运营主体明确。")
    + h3("2.特色载体聚焦区域重点产业，有明确的主导龙头企业。")
    + h2("（二）优先支持")
    + h4("（1）位于小微企业创业创新基地示范县的开发区优先支持。")
    + h1("三、申报材料")
    + body("申报单位按附件格式填报以下材料，并对材料的真实性负责：")
    + tag("for f in forms")
    + body("{{ loop.index }}.{{ f }}；")
    + tag("endfor")
    + h1("四、申报程序")
    + body(
        "各市中小企业主管部门按名额择优推荐，于{{ deadline }}前将推荐文件和申报材料"
        "报送{{ agency }}。逾期不予受理。"
    )
    + h1("五、联系方式")
    + body("联系人：{{ contact }}，电话：{{ phone }}。")
    + closing()
    + imprint()
)

PUBLICITY = (
    head("关于{{ year }}年度省级大中小企业融通型创新创业特色载体拟支持名单的公示")
    + body(
        "根据{{ parent_notice }}，经开发区申报、市级推荐、合规性审核和专家评审，"
        "拟支持以下{{ zones|length }}个开发区建设大中小企业融通型创新创业特色载体，现予公示。"
    )
    + data_table(
        [
            ("序号", 850, "{{ loop.index }}"),
            ("所属市", 1500, "{{ r.city }}"),
            ("开发区名称", 3100, "{{ r.zone }}"),
            ("特色载体名称", 3394, "{{ r.carrier }}"),
        ],
        "zones",
    )
    + body(
        "公示期为{{ period_start }}至{{ period_end }}（{{ period_days }}个工作日）。"
        "公示期间，如有异议，请以书面形式向{{ agency }}反映，并提供必要的证明材料。"
    )
    + body("联系人：{{ contact }}，电话：{{ phone }}。")
    + closing()
    + imprint()
)

FUNDING = (
    head("关于下达{{ year }}年度中小企业发展专项资金（融通型特色载体）的通知")
    + body(
        "根据{{ parent_notice }}和{{ year }}年度拟支持名单公示结果，现下达{{ year }}年度"
        "中小企业发展专项资金{{ total|money }}万元，采取以奖代补方式，"
        "支持{{ allocations|length }}个开发区建设大中小企业融通型创新创业特色载体（分配表见附件）。"
    )
    + h1("一、资金用途")
    + body("资金用于特色载体的直接补助、绩效奖励和购买服务，专款专用，不得用于平衡预算。")
    + h1("二、有关要求")
    + body(
        "请各市中小企业主管部门会同同级财政部门，在收到资金后及时拨付至开发区，"
        "并加强资金使用的监督管理和绩效评价。"
    )
    + closing()
    + attachment("附件", "{{ year }}年度中小企业发展专项资金分配表")
    + p("GwTableText", "（一）分市汇总（单位：万元）", KEEP)
    + data_table(
        [
            ("序号", 850, "{{ loop.index }}"),
            ("市", 3000, "{{ r.city }}"),
            ("支持开发区数（个）", 2494, "{{ r.count }}"),
            ("金额", 2500, "{{ r.amount|money }}"),
        ],
        "by_city",
        ["合计", "{{ allocations|length }}", "{{ total|money }}"],
    )
    + p("GwTableText", "（二）分开发区明细（单位：万元）", KEEP)
    + data_table(
        [
            ("序号", 850, "{{ loop.index }}"),
            ("市", 1300, "{{ r.city }}"),
            ("开发区名称", 2700, "{{ r.zone }}"),
            ("特色载体名称", 2494, "{{ r.carrier }}"),
            ("金额", 1500, "{{ r.amount|money }}"),
        ],
        "allocations",
        ["合计", "{{ total|money }}"],
    )
    + imprint()
)

EVALUATION = (
    head("关于{{ year }}年度省级大中小企业融通型创新创业特色载体绩效评价结果的通报")
    + body(
        "根据{{ parent_notice }}，{{ agency }}组织对{{ results|length }}个开发区特色载体建设情况"
        "进行了终期绩效评价。评价从产业集聚度、资源聚集力、持续发展力、产出与效益、改革创新力和"
        "辐射带动力六个方面进行，现将结果通报如下。"
    )
    + h1("一、评价结果")
    + body(
        "{% for c in grade_counts %}{{ c.grade }}{{ c.count }}个{% if not loop.last %}，"
        "{% endif %}{% endfor %}。具体结果见附件。"
    )
    + h1("二、结果运用")
    + body(
        "评价结果为优秀、良好的，按规定给予滚动支持；评价结果为不合格的，不再给予支持，并督促整改。"
    )
    + closing()
    + attachment("附件", "{{ year }}年度特色载体绩效评价结果")
    + data_table(
        [
            ("序号", 800, "{{ loop.index }}"),
            ("市", 1300, "{{ r.city }}"),
            ("开发区名称", 2500, "{{ r.zone }}"),
            ("特色载体名称", 2344, "{{ r.carrier }}"),
            ("得分", 900, "{{ r.score|score }}"),
            ("等级", 1000, "{{ r.grade }}"),
        ],
        "results",
    )
    + imprint()
)

OPINION = (
    head("关于{{ zone }}特色载体申报材料的合规性审核意见")
    + body("经对{{ city }}推荐的{{ zone }}申报材料进行合规性审核，提出意见如下。")
    + h1("一、审核结论")
    + body("{{ conclusion }}")
    + h1("二、发现的问题")
    + tag("if findings")
    + tag("for f in findings")
    + body(
        "{{ loop.index }}.{{ f.document }}{% if f.place %}（{{ f.place }}）{% endif %}："
        "{{ f.message }}"
    )
    + tag("endfor")
    + tag("else")
    + body("未发现问题。")
    + tag("endif")
    + h1("三、完善建议")
    + tag("if suggestions")
    + tag("for s in suggestions")
    + body("{{ loop.index }}.{{ s }}")
    + tag("endfor")
    + tag("else")
    + body("无。")
    + tag("endif")
    + tag("if rectification")
    + h1("四、上轮意见整改情况")
    + tag("for r in rectification")
    + body("{{ loop.index }}.{{ r }}")
    + tag("endfor")
    + tag("endif")
    + tag("if experts")
    + h1("{{ '五' if rectification else '四' }}、专家意见")
    + tag("for e in experts")
    + body("{{ loop.index }}.{{ e }}")
    + tag("endfor")
    + tag("endif")
    + closing()
    + imprint()
)

KINDS = {
    "call": ("申报通知", CALL),
    "publicity": ("拟支持名单公示", PUBLICITY),
    "funding": ("资金下达通知", FUNDING),
    "evaluation": ("绩效评价结果通报", EVALUATION),
    "opinion": ("合规性审核意见", OPINION),
}


def build(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, (title, content) in KINDS.items():
        parts = g.package_parts(content, title)
        path = out / f"{kind}.docx"
        path.write_bytes(g.zip_bytes((n, x.encode("utf-8")) for n, x in parts.items()))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(path)
