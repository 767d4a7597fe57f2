"""Generate samples/inbox: what a review round receives from the cities (synthetic).

Eight zones of samples/catalogue.csv, some clean, some with the flaws reviewers meet:
a wrong credit-code check digit, a dimension without indicators, units and full-width digits
typed into number cells, a retyped form with its own layout, a missing plan section, fund
uses that do not add up, missing fields, a city over its quota, and a zip made on Chinese
Windows (GBK member names). Deterministic: the same script gives the same files.

    .venv/bin/python scripts/make_samples.py          # rewrites samples/inbox

tests/test_samples.py regenerates them and compares with the committed files by content, so a
writer fix must reach the samples (run this script and commit what it writes).
"""

from __future__ import annotations

import io
import random
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.shared import Pt

from formkit.spec import load_spec
from formkit.writers.forms_docx import application_docx, plan_docx
from formkit.writers.forms_xlsx import application_xlsx, targets_xlsx
from formkit.writers.ooxml_common import deterministic_package

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.sampledata
from tests import sampledata

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "samples" / "inbox"
APP, TARGETS, PLAN = (load_spec(n) for n in ("application", "targets", "plan"))

ZONES = {  # catalogue code → (zone name, city, industries)
    "S140102": ("太原样例经济技术开发区", "太原市", ["现代物流"]),
    "S140103": ("太原演示工业园区", "太原市", ["节能环保"]),
    "S140104": ("太原试点产业园区", "太原市", ["节能环保"]),
    "S140202": ("大同样例工业园区", "大同市", ["食品加工"]),
    "S140302": ("长治样例产业园区", "长治市", ["特色农产品加工", "装备制造"]),
    "S140401": ("晋中示范产业园区", "晋中市", ["电子信息", "生物医药"]),
    "S140501": ("运城示范经济开发区", "运城市", ["新材料"]),
    "S140602": ("临汾样例经济开发区", "临汾市", ["铝镁精深加工", "新材料"]),
}

PART_TEXT = {
    "existing_work": "开发区近三年累计培育科技型中小企业{n}家，建成孵化器和众创空间各一个，"
    "举办创新创业活动二十余场，形成了龙头企业牵引、中小企业配套的产业生态。",
    "carrier_status": "特色载体由龙头企业与运营公司共同建设，现有入驻企业{n}家，"
    "建成中试车间、检验检测平台和共享实验室，向中小企业开放设备和订单。",
    "targets": "总体目标是用两年时间建成龙头企业引领、中小企业协同的融通创新载体，"
    "第一年完善服务功能，第二年形成可复制推广的模式。",
    "content": "一是建设共享制造平台；二是开展龙头企业开放需求对接；三是引进专业服务机构；"
    "四是举办创新创业大赛和项目路演；五是完善创业导师队伍和投融资服务。",
    "fund_use": "省级奖补资金按直接补助、绩效奖励和购买服务三种方式使用，专款专用，"
    "分年度按进度拨付，接受审计和绩效评价。",
    "responsibilities": "开发区管委会成立工作专班，主要领导负总责；运营主体负责具体实施；"
    "市级主管部门负责业务指导和跟踪监测，按季度报送进展情况。",
}


def dossier(code: str, seed: int) -> dict[str, Any]:
    name, city, industries = ZONES[code]
    rnd = random.Random(seed)
    zone = {"name": name, "code": code, "city": city, "industries": industries}
    app = sampledata.application(zone, rnd)
    tgt = sampledata.targets(app, rnd)
    subsidy = app["subsidy_requested"]
    uses = [("直接补助", subsidy * 0.5), ("绩效奖励", subsidy * 0.3), ("购买服务", subsidy * 0.2)]
    plan = {
        "zone_name": name,
        "carrier_name": app["carrier_name"],
        "subsidy_requested": subsidy,
        "year1_goal": tgt["year1_goal"],
        "year2_goal": tgt["year2_goal"],
        "sections": {k: v.format(n=app["enterprises_total"]) for k, v in PART_TEXT.items()},
        "fund_uses": [{"use": u, "amount_wan": round(a, 2)} for u, a in uses],
    }
    return {"application": app, "targets": tgt, "plan": plan}


def retype_cells(content: bytes, replacements: dict[str, str]) -> bytes:
    """A clerk typing over values: replace whole cell texts in a .docx."""
    document = docx.Document(io.BytesIO(content))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text in replacements:
                    new = replacements[cell.text]
                    for p in cell.paragraphs[1:]:
                        p._p.getparent().remove(p._p)
                    para = cell.paragraphs[0]
                    for r in para.runs[1:]:
                        r._r.getparent().remove(r._r)
                    para.runs[0].text = new
    out = io.BytesIO()
    document.save(out)
    return deterministic_package(out.getvalue())


def retyped_application(app: dict[str, Any]) -> bytes:
    """A form a zone retyped in its own layout: two columns, reworded labels, some
    ``标签：值`` cells and a line outside the table."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    document.add_paragraph("晋中示范产业园区融通型特色载体申报表")
    rows = [
        ("所属地市", app["city"]),
        ("开发区全称", app["zone_name"]),
        ("目录代码", app["zone_code"]),
        ("级别", "☑省级 □国家级"),
        ("批准设立时间", "2011年10月"),
        ("核准面积", "1753.02公顷"),
        ("主导产业", "、".join(app["leading_industries"])),
        ("管理机构", app["management_body"]),
        ("是否位于示范县", "□是 ☑否"),
        ("载体名称", app["carrier_name"]),
        ("载体类型", app["carrier_type"]),
        ("聚焦重点产业", "、".join(app["key_industries"])),
        ("龙头企业", "、".join(app["lead_enterprises"])),
        ("运营主体：" + app["operator"], None),
        ("统一社会信用代码", app["operator_credit_code"]),
        ("入驻企业数", f"{app['enterprises_total']}家"),
        ("中小企业数", f"{app['sme_count']}家"),
        ("从业人数", f"{app['employees']}人"),
        ("创业导师数", str(app["mentors"])),
        ("申请奖补资金（万元）", f"{app['subsidy_requested']}"),
        ("地方配套资金", f"{app['local_funds']}万元"),
        ("实施期起", "2020年1月"),
        ("实施期止", "2021年12月"),
        ("联系人", app["contact_name"]),
        ("电话", app["contact_phone"]),
    ]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        if value is None:
            merged = cells[0].merge(cells[1])
            merged.text = label
        else:
            cells[0].text, cells[1].text = label, value
    document.add_paragraph(
        f"填表日期：{app['fill_date'][:4]}年{int(app['fill_date'][5:7])}月"
        f"{int(app['fill_date'][8:])}日"
    )
    out = io.BytesIO()
    document.save(out)
    return deterministic_package(out.getvalue())


def write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


class _GbkInfo(zipfile.ZipInfo):
    """A member name stored in GBK without the UTF-8 flag, as Chinese Windows writes it."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def gbk_zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = _GbkInfo(name, date_time=(2020, 3, 25, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS, as Windows' compressor
            archive.writestr(info, content)
    return out.getvalue()


def pdf_of(docx_bytes: bytes, stem: str) -> bytes:
    from formkit.intake.office import convert

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{stem}.docx"
        src.write_bytes(docx_bytes)
        (pdf,) = convert([src], "pdf", Path(tmp) / "out")
        return pdf.read_bytes()


def main() -> int:
    if INBOX.exists():
        shutil.rmtree(INBOX)
    write_inbox(INBOX)
    print(f"wrote {sum(1 for p in INBOX.rglob('*') if p.is_file())} files to {INBOX}")
    return 0


def write_inbox(inbox: Path, *, pdf: bool = True) -> None:
    """The eight dossiers under ``inbox``; ``pdf=False`` leaves out the one PDF plan (it
    needs LibreOffice, and LibreOffice stamps the time into it)."""
    d = {code: dossier(code, seed) for seed, code in enumerate(ZONES, start=11)}

    def put(code: str, name: str, content: bytes) -> None:
        zone, city, _ = ZONES[code]
        write(inbox / city / zone / name, content)

    # 1 clean, Word + Excel + Word plan
    c = "S140102"
    put(c, "申报信息表.docx", application_docx(APP, d[c]["application"]))
    put(c, "绩效目标及评价指标表.xlsx", targets_xlsx(TARGETS, d[c]["targets"]))
    put(c, "两年期实施方案.docx", plan_docx(PLAN, d[c]["plan"]))
    # 2 clean, Excel form and a PDF plan (exported from Word)
    c = "S140103"
    put(c, "申报信息表.xlsx", application_xlsx(APP, d[c]["application"]))
    put(c, "绩效目标及评价指标表.xlsx", targets_xlsx(TARGETS, d[c]["targets"]))
    if pdf:
        put(c, "两年期实施方案.pdf", pdf_of(plan_docx(PLAN, d[c]["plan"]), "plan"))
    # 3 wrong credit-code check digit; 太原市 now sends 3 zones for a quota of 2
    c = "S140104"
    app = dict(d[c]["application"])
    code = app["operator_credit_code"]
    app["operator_credit_code"] = code[:-1] + ("0" if code[-1] != "0" else "1")
    put(c, "申报信息表.docx", application_docx(APP, app))
    put(c, "绩效目标及评价指标表.xlsx", targets_xlsx(TARGETS, d[c]["targets"]))
    put(c, "两年期实施方案.docx", plan_docx(PLAN, d[c]["plan"]))
    # 4 a dimension without indicators
    c = "S140202"
    tgt = dict(d[c]["targets"])
    tgt["indicators"] = [r for r in tgt["indicators"] if r["dimension"] != "辐射带动力"]
    put(c, "申报信息表.docx", application_docx(APP, d[c]["application"]))
    put(c, "绩效目标及评价指标表.xlsx", targets_xlsx(TARGETS, tgt))
    put(c, "两年期实施方案.docx", plan_docx(PLAN, d[c]["plan"]))
    # 5 units and full-width digits typed into number cells; plan without 责任分工
    c = "S140302"
    app = d[c]["application"]
    typed = retype_cells(
        application_docx(APP, app),
        {
            f"{app['subsidy_requested']:.2f}": f"{app['subsidy_requested']}万元",
            str(app["enterprises_total"]): f"约{app['enterprises_total']}家",
            str(app["employees"]): str(app["employees"]).translate(
                str.maketrans("0123456789", "０１２３４５６７８９")
            ),
            f"{app['local_funds']:.2f}": f"{app['local_funds'] / 10000:g}亿元",
        },
    )
    plan = dict(d[c]["plan"])
    plan["sections"] = {k: v for k, v in plan["sections"].items() if k != "responsibilities"}
    put(c, "申报信息表.docx", typed)
    put(c, "绩效目标及评价指标表.xlsx", targets_xlsx(TARGETS, d[c]["targets"]))
    put(c, "两年期实施方案.docx", plan_docx(PLAN, plan))
    # 6 a retyped form in its own layout; fund uses that do not add up
    c = "S140401"
    plan = dict(d[c]["plan"])
    plan["fund_uses"] = [dict(u) for u in plan["fund_uses"]]
    plan["fund_uses"][0]["amount_wan"] -= 20
    put(c, "申报表（我区自制）.docx", retyped_application(d[c]["application"]))
    put(c, "绩效目标及评价指标表.xlsx", targets_xlsx(TARGETS, d[c]["targets"]))
    put(c, "实施方案.docx", plan_docx(PLAN, plan))
    # 7 missing fields, sent as a zip made on Chinese Windows
    c = "S140501"
    app = {
        k: v
        for k, v in d[c]["application"].items()
        if k not in ("operator", "contact_phone", "management_body")
    }
    zone, city, _ = ZONES[c]
    write(
        inbox / city / f"{city}申报材料.zip",
        gbk_zip(
            {
                f"{zone}/申报信息表.docx": application_docx(APP, app),
                f"{zone}/绩效目标及评价指标表.xlsx": targets_xlsx(TARGETS, d[c]["targets"]),
                f"{zone}/两年期实施方案.docx": plan_docx(PLAN, d[c]["plan"]),
            }
        ),
    )
    # 8 clean, loose files straight in the city folder
    c = "S140602"
    zone, city, _ = ZONES[c]
    write(inbox / city / f"{zone}申报信息表.docx", application_docx(APP, d[c]["application"]))
    write(inbox / city / f"{zone}绩效目标表.xlsx", targets_xlsx(TARGETS, d[c]["targets"]))
    write(inbox / city / f"{zone}实施方案.docx", plan_docx(PLAN, d[c]["plan"]))


if __name__ == "__main__":
    sys.exit(main())
