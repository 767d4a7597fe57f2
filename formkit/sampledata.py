"""Realistic, valid data for each form, seeded — used by the samples, the benchmark corpus
and the round-trip tests. Values are *normalised* (as ``formkit parse`` reports them)."""

from __future__ import annotations

import random
from typing import Required, TypedDict

from formkit.checksum import CREDIT_CHARSET, credit_check_char

DIMENSIONS = ("产业集聚度", "资源聚集力", "持续发展力", "产出与效益", "改革创新力", "辐射带动力")

# (dimension, indicator, unit, direction, frequency, baseline range) — real indicators of this
# carrier type from the national 融通型 monitoring table, plus plausible companions.
INDICATORS: tuple[tuple[str, str, str, str, str, tuple[int, int]], ...] = (
    ("产业集聚度", "载体在主要服务行业领域入驻企业数占比", "%", "≥", "年报", (50, 70)),
    ("产业集聚度", "入驻中小企业数", "家", "≥", "半年报", (80, 160)),
    ("资源聚集力", "合作的资本服务机构数", "个", "≥", "季报", (3, 10)),
    ("资源聚集力", "拥有或合作的专业公共技术服务平台数", "个", "≥", "季报", (2, 8)),
    ("持续发展力", "创业导师数", "人", "≥", "半年报", (10, 40)),
    ("持续发展力", "载体从业人员数", "人", "≥", "半年报", (800, 3000)),
    ("产出与效益", "载体亩均收入", "万元", "≥", "年报", (200, 600)),
    ("产出与效益", "入驻企业营业收入增长率", "%", "≥", "年报", (8, 15)),
    ("改革创新力", "组织创新创业大赛和项目路演次数", "次", "≥", "季报", (4, 12)),
    ("改革创新力", "入驻企业新增知识产权数", "件", "≥", "年报", (20, 80)),
    ("辐射带动力", "已达成合作的行业龙头企业数", "家", "≥", "季报", (2, 6)),
    ("辐射带动力", "服务区外中小企业数", "家", "≥", "年报", (50, 200)),
)

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜"
GIVEN = (
    "刚",
    "敏",
    "伟",
    "芳",
    "磊",
    "静",
    "强",
    "丽",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "霞",
)


def credit_code(rnd: random.Random, region: str = "140100") -> str:
    body = "91" + region + "".join(rnd.choice(CREDIT_CHARSET) for _ in range(9))
    return body + credit_check_char(body)


def person(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + rnd.choice(GIVEN)


class SampleZone(TypedDict, total=False):
    """A catalogue zone as :func:`application` reads it."""

    name: Required[str]
    code: Required[str]
    city: Required[str]
    county: str
    industries: list[str]
    approved: str
    area: float
    demo_county: bool


def application(zone: SampleZone, rnd: random.Random) -> dict[str, object]:
    """Form A for one catalogue zone (keys of the catalogue: name, code, city, county, …)."""
    total = rnd.randint(60, 300)
    short = zone["name"].removesuffix("经济技术开发区").removesuffix("经济开发区")
    industry = zone.get("industries") or ["装备制造", "新材料"]
    return {
        "city": zone["city"],
        "county": zone.get("county", "示范区"),
        "zone_name": zone["name"],
        "zone_code": zone["code"],
        "zone_level": "省级",
        "approval_date": zone.get("approved", "2006-03"),
        "approved_area_ha": zone.get("area", 1250.5),
        "leading_industries": list(industry),
        "management_body": zone["name"] + "管理委员会",
        "in_demo_county": bool(zone.get("demo_county", False)),
        "carrier_name": f"{short}{industry[0]}融通创新特色载体",
        "carrier_type": "大中小企业融通型",
        "key_industries": list(industry[:2]) if rnd.random() < 0.5 else [industry[0]],
        "lead_enterprises": [f"{short}{industry[0]}集团有限公司"],
        "operator": f"{short}创新创业服务有限公司",
        "operator_credit_code": credit_code(rnd),
        "carrier_area_m2": rnd.randint(20, 90) * 1000,
        "enterprises_total": total,
        "sme_count": total - rnd.randint(2, 12),
        "employees": rnd.randint(800, 5000),
        "service_platforms": rnd.randint(2, 10),
        "mentors": rnd.randint(10, 40),
        "capital_partners": rnd.randint(3, 12),
        "subsidy_requested": rnd.choice((300, 400, 500, 600)),
        "local_funds": rnd.choice((150, 200, 300)),
        "other_funds": round(rnd.uniform(50, 400), 2),
        "period_start": "2020-01",
        "period_end": "2021-12",
        "contact_name": person(rnd),
        "contact_title": rnd.choice(("副主任", "科长", "局长")),
        "contact_phone": "139" + "".join(rnd.choice("0123456789") for _ in range(8)),
        "contact_email": f"kfq{rnd.randint(100, 999)}@example.cn",
        "city_contact_name": person(rnd),
        "city_contact_phone": f"0351-{rnd.randint(2000000, 8999999)}",
        "zone_opinion": "同意申报。",
        "city_opinion": "经审核，同意推荐。",
        "fill_date": f"2020-03-{rnd.randint(10, 28):02d}",
    }


def indicators(rnd: random.Random) -> list[dict[str, object]]:
    rows = []
    for dim, name, unit, direction, freq, (lo, hi) in INDICATORS:
        base = rnd.randint(lo, hi)
        y1 = base + max(1, base // 10)
        rows.append(
            {
                "dimension": dim,
                "indicator": name,
                "unit": unit,
                "formula": f"统计期末{name}",
                "direction": direction,
                "baseline": base,
                "target_y1": y1,
                "target_y2": y1 + max(1, base // 10),
                "frequency": freq,
            }
        )
    return rows


def targets(app: dict[str, object], rnd: random.Random) -> dict[str, object]:
    return {
        "zone_name": app["zone_name"],
        "carrier_name": app["carrier_name"],
        "period_start": app["period_start"],
        "period_end": app["period_end"],
        "subsidy": app["subsidy_requested"],
        "local_funds": app["local_funds"],
        "other_funds": app["other_funds"],
        "overall_goal": "用两年时间建成龙头企业引领、中小企业协同的融通创新生态。",
        "year1_goal": "完善载体服务功能，新增入驻中小企业，建立龙头企业开放合作机制。",
        "year2_goal": "形成可复制推广的融通发展模式，服务辐射区外中小企业。",
        "indicators": indicators(rnd),
    }
