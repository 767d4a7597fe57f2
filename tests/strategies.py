"""Hypothesis strategies for valid form data, derived from the specs' field kinds.

Values are generated already normalised (as ``formkit parse`` reports them), so a round trip
through a filled form must give them back unchanged.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from formkit.spec import Field, FormSpec
from formkit.validate.checksum import CREDIT_CHARSET, credit_check_char

# Characters seen in names and prose but in none of the printed labels, so a generated value
# can never read as a label.
ALPHABET = "山水林岭松柏梅兰竹菊春夏秋冬东西北金木火土晨曦星辰云霞雨雪江湖海川峰谷泉石玉珠光华远航"
_NONE_MARKERS = {"无", "空", "暂无", "没有"}

words = st.text(ALPHABET, min_size=2, max_size=10)
sentences = st.lists(words, min_size=4, max_size=10).map(lambda ws: "，".join(ws) + "。")


def money() -> st.SearchStrategy[Any]:
    return st.integers(1, 99_999_99).map(_cents)


def _cents(c: int) -> Any:
    return c // 100 if c % 100 == 0 else c / 100


def months(lo: int = 1990, hi: int = 2021) -> st.SearchStrategy[str]:
    return st.tuples(st.integers(lo, hi), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}")


def dates() -> st.SearchStrategy[str]:
    return st.dates(
        min_value=__import__("datetime").date(2019, 1, 1),
        max_value=__import__("datetime").date(2021, 12, 31),
    ).map(str)


def credit_codes() -> st.SearchStrategy[str]:
    body = st.text(CREDIT_CHARSET, min_size=9, max_size=9).map(lambda s: "91140100" + s)
    return body.map(lambda b: b + credit_check_char(b))


def mobiles() -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from("3456789"), st.text("0123456789", min_size=9, max_size=9)).map(
        lambda t: "1" + t[0] + t[1]
    )


def emails() -> st.SearchStrategy[str]:
    return st.text("abcdefghijkmnpqrstuvwxyz", min_size=3, max_size=8).map(
        lambda s: f"{s}@example.cn"
    )


def for_field(f: Field) -> st.SearchStrategy[Any]:
    if f.allowed:
        return st.sampled_from(f.allowed)
    kind = f.kind
    if kind == "text":
        return words
    if kind == "longtext":
        return sentences
    if kind == "int":
        return st.integers(0, 100_000)
    if kind in ("money", "number"):
        return money()
    if kind == "month":
        return months()
    if kind == "date":
        return dates()
    if kind == "bool":
        return st.booleans()
    if kind == "list":
        return st.lists(words, min_size=1, max_size=3, unique=True)
    if kind == "phone":
        return mobiles()
    if kind == "email":
        return emails()
    if kind == "credit_code":
        return credit_codes()
    if kind == "zone_code":
        return st.integers(0, 9999).map(lambda n: f"S14{n:04d}")
    raise NotImplementedError(kind)


@st.composite
def application(draw: st.DrawFn, spec: FormSpec) -> dict[str, Any]:
    skip = {"approval_doc"}
    data = {f.key: draw(for_field(f)) for f in spec.fields if f.key not in skip}
    data["zone_level"] = "省级"
    data["carrier_type"] = "大中小企业融通型"
    data["key_industries"] = data["key_industries"][:2]
    data["period_start"], data["period_end"] = "2020-01", "2021-12"
    data["sme_count"] = draw(st.integers(0, data["enterprises_total"]))
    return data


@st.composite
def indicator_rows(draw: st.DrawFn, spec: FormSpec) -> list[dict[str, Any]]:
    dims = spec.field("dimension").allowed
    rows = []
    for dim in dims:
        for _ in range(draw(st.integers(1, 2))):
            y1 = draw(st.integers(1, 5000))
            rows.append(
                {
                    "dimension": dim,
                    "indicator": draw(words),
                    "unit": draw(st.sampled_from(["%", "家", "个", "人", "次", "万元"])),
                    "formula": draw(words),
                    "direction": "≥",
                    "baseline": draw(st.integers(0, y1)),
                    "target_y1": y1,
                    "target_y2": y1 + draw(st.integers(0, 500)),
                    "frequency": draw(st.sampled_from(["季报", "半年报", "年报"])),
                }
            )
    return rows


@st.composite
def targets(draw: st.DrawFn, spec: FormSpec) -> dict[str, Any]:
    data = {f.key: draw(for_field(f)) for f in spec.fields}
    data["period_start"], data["period_end"] = "2020-01", "2021-12"
    data["indicators"] = draw(indicator_rows(spec))
    return data


@st.composite
def plan(draw: st.DrawFn, spec: FormSpec) -> dict[str, Any]:
    data = {f.key: draw(for_field(f)) for f in spec.fields}
    data["sections"] = {p.key: draw(sentences) + draw(sentences) for p in spec.parts}
    cents = draw(st.lists(st.integers(1, 50_000_00), min_size=1, max_size=3))
    uses = ("直接补助", "绩效奖励", "购买服务")
    pairs = zip(uses, cents, strict=False)
    data["fund_uses"] = [{"use": u, "amount_wan": _cents(c)} for u, c in pairs]
    data["subsidy_requested"] = _cents(sum(cents))
    return data


@st.composite
def progress(draw: st.DrawFn, spec: FormSpec) -> dict[str, Any]:
    data = {f.key: draw(for_field(f)) for f in spec.fields if f.key != "execution_rate"}
    data["report_year"] = draw(st.integers(2020, 2022))
    rows = []
    for dim in spec.field("dimension").allowed:
        target = draw(st.integers(1, 5000))
        rows.append(
            {
                "dimension": dim,
                "indicator": draw(words),
                "unit": "家",
                "target_year": target,
                "value_end": draw(st.integers(0, target)),
                "note": draw(words),
            }
        )
    data["indicators"] = rows
    return data


__all__ = ["_NONE_MARKERS", "application", "plan", "progress", "targets"]
