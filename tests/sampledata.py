"""Realistic, valid data for each form, seeded — used by the samples, the benchmark corpus
and the round-trip tests. Values are *normalised* (as ``formkit parse`` reports them)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Required, TypedDict

import yaml

from formkit.validate.checksum import CREDIT_CHARSET, credit_check_char

_W = yaml.safe_load((Path(__file__).with_name("sample.yaml")).read_text(encoding="utf-8"))
DIMENSIONS: tuple[str, ...] = tuple(_W["dimensions"])

# (dimension, indicator, unit, direction, frequency, baseline range) — real indicators of this
# carrier type from the national 融通型 monitoring table, plus plausible companions.
INDICATORS: tuple[tuple[str, str, str, str, str, tuple[int, int]], ...] = tuple(
    (dim, name, unit, direction, freq, (lo, hi))
    for dim, name, unit, direction, freq, lo, hi in _W["indicators"]
)

SURNAMES: str = _W["surnames"]
GIVEN: tuple[str, ...] = tuple(_W["given_names"])


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
    short = zone["name"]
    for suffix in _W["zone_suffixes"]:
        short = short.removesuffix(suffix)
    industry = zone.get("industries") or list(_W["industries"])
    return {
        "city": zone["city"],
        "county": zone.get("county", _W["county"]),
        "zone_name": zone["name"],
        "zone_code": zone["code"],
        "zone_level": _W["zone_level"],
        "approval_date": zone.get("approved", "2006-03"),
        "approved_area_ha": zone.get("area", 1250.5),
        "leading_industries": list(industry),
        "management_body": _W["management_body"].format(zone=zone["name"]),
        "in_demo_county": bool(zone.get("demo_county", False)),
        "carrier_name": _W["carrier_name"].format(short=short, industry=industry[0]),
        "carrier_type": _W["carrier_type"],
        "key_industries": list(industry[:2]) if rnd.random() < 0.5 else [industry[0]],
        "lead_enterprises": [_W["lead_enterprise"].format(short=short, industry=industry[0])],
        "operator": _W["operator"].format(short=short),
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
        "contact_title": rnd.choice(tuple(_W["contact_titles"])),
        "contact_phone": "139" + "".join(rnd.choice("0123456789") for _ in range(8)),
        "contact_email": f"kfq{rnd.randint(100, 999)}@example.cn",
        "city_contact_name": person(rnd),
        "city_contact_phone": f"0351-{rnd.randint(2000000, 8999999)}",
        "zone_opinion": _W["zone_opinion"],
        "city_opinion": _W["city_opinion"],
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
                "formula": _W["formula"].format(indicator=name),
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
        "overall_goal": _W["overall_goal"],
        "year1_goal": _W["year1_goal"],
        "year2_goal": _W["year2_goal"],
        "indicators": indicators(rnd),
    }
