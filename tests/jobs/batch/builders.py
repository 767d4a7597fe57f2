"""Real submission files for the batch tests: Form A (.docx), Form B (.xlsx) and the plan
(.docx) written by formkit's own form writers from seeded valid data, with flaws put in on
purpose; city letters written with python-docx; zips made like Chinese Windows makes them."""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path
from typing import Any

import docx

from formkit.spec import load_spec
from formkit.writers.forms_docx import application_docx, plan_docx
from formkit.writers.forms_xlsx import targets_xlsx
from tests import sampledata
from tests.intake.hostile import raw_entry, raw_zip

PART_TEXT = {
    "existing_work": "开发区近三年累计举办创新创业活动四十余场，建成众创空间两家、孵化器一家，"
    "形成了覆盖创业辅导、投融资对接和知识产权服务的双创服务体系，服务中小企业三百余家。",
    "carrier_status": "载体依托龙头企业建设，已入驻企业九十余家，其中中小企业八十余家；"
    "建成公共技术服务平台五个，与三家资本服务机构建立合作，聘请创业导师二十余名。",
    "targets": "用两年时间建成龙头企业引领、中小企业协同的融通创新载体，带动入驻企业专业化发展，"
    "形成可复制推广的大中小企业融通发展模式，各项指标达到绩效目标表所列目标值。",
    "content": "围绕主导产业开展供需对接、技术攻关和产能共享，建设共性技术服务平台，"
    "组织龙头企业发布配套需求，举办创新创业大赛和项目路演，推动中小企业融入龙头企业供应链。",
    "fund_use": "省级奖补资金全部用于载体建设和服务中小企业，按直接补助、绩效奖励和购买服务三个方向"
    "安排，具体金额见下表，合计与申请省级奖补资金一致，不用于楼堂馆所建设和人员经费。",
    "responsibilities": "开发区管委会为责任主体，主任任组长，分管副主任具体负责；"
    "运营主体负责日常运营，财政部门负责资金监管，按季度报送进展情况，确保各项任务按期完成并接受绩效评价。",
}


def zone(name: str, code: str, city: str, county: str = "示范区", seed: int = 1) -> dict[str, Any]:
    """Valid data of the three documents of one zone: {"application", "targets", "plan"}."""
    rnd = random.Random(seed)
    app = sampledata.application({"name": name, "code": code, "city": city, "county": county}, rnd)
    app["in_demo_county"] = county.endswith("县") and county in ("清徐县", "广灵县")
    tg = sampledata.targets(app, rnd)
    subsidy = app["subsidy_requested"]
    plan = {
        "zone_name": name,
        "carrier_name": app["carrier_name"],
        "subsidy_requested": subsidy,
        "year1_goal": tg["year1_goal"],
        "year2_goal": tg["year2_goal"],
        "sections": dict(PART_TEXT),
        "fund_uses": [
            {"use": "直接补助", "amount_wan": subsidy - 200},
            {"use": "绩效奖励", "amount_wan": 100},
            {"use": "购买服务", "amount_wan": 100},
        ],
    }
    return {"application": app, "targets": tg, "plan": plan}


def documents(data: dict[str, Any]) -> dict[str, bytes]:
    """The three files: 申报信息表.docx, 绩效目标表.xlsx, 实施方案.docx."""
    return {
        "申报信息表.docx": application_docx(load_spec("application"), data["application"]),
        "绩效目标表.xlsx": targets_xlsx(load_spec("targets"), data["targets"]),
        "实施方案.docx": plan_docx(load_spec("plan"), data["plan"]),
    }


def write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)


def letter_docx(agency: str, docno: str, zones: list[str], date: str = "2020年3月20日") -> bytes:
    """A 市级推荐文件 as a city writes it: 版头, 文号, title, 主送, body, numbered zones."""
    document = docx.Document()
    lines = [
        f"{agency}文件",
        docno,
        "关于推荐省级大中小企业融通型创新创业特色载体的函",
        "山西省小企业发展促进局：",
        "根据申报通知要求，经我局审核，现推荐以下开发区申报省级特色载体（按推荐顺序排列）：",
        *(f"{n}. {z}" for n, z in enumerate(zones, 1)),
        "特此函告。",
        agency,
        date,
    ]
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def windows_zip(files: dict[str, bytes]) -> bytes:
    """A zip as Chinese Windows writes it: names in GBK, no UTF-8 flag, '\\' not used."""
    return raw_zip([raw_entry(name.encode("gbk"), content) for name, content in files.items()])


def tree_digest(root: Path) -> dict[str, str]:
    """Every path below ``root`` (folders too) with the sha256 of its bytes and its mode."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        st = path.lstat()
        body = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        out[rel] = f"{body}:{st.st_mode:o}:{st.st_mtime_ns}"
    return out
