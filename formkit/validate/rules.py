"""Cross-field and form-level rules. Each rule looks only at the keys it needs and runs when
the spec has them, so a bureau's edited spec keeps the rules that still apply.

=============================  ==============================================================
rule                           codes
=============================  ==============================================================
sme_count ≤ enterprises_total  ``sme-exceeds-total``
two-year period                ``period-not-two-years`` (24 months inclusive, start < end)
carrier type                   ``wrong-carrier-type`` (must be 大中小企业融通型)
key industries                 ``key-industries-count`` (1–2)
zone level                     ``zone-level-not-provincial`` (form or catalogue says 国家级)
zone code or approval doc      ``missing-field`` on 开发区代码 when neither is given
catalogue (with a programme)   ``zone-not-in-catalogue``, ``zone-name-variant``,
                               ``zone-name-mismatch``, ``zone-code-mismatch``
city (with a programme)        ``unknown-city``
six dimensions (Form B,        ``dimension-missing``; ``dimension-not-quantitative`` where
progress, self-evaluation)     the table has 指标性质; ``target-decreasing``, ``unit-missing``
plan parts                     ``section-thin`` (fewer than ``form.min_part_chars`` characters)
plan fund uses                 ``fund-uses-mismatch`` (sum ≠ 申请省级奖补资金)
progress money                 ``spent-exceeds-budget``, ``execution-rate-mismatch``
=============================  ==============================================================

The catalogue check runs for forms that have an ``approval_doc`` field (Form A): other forms
name the zone only to identify it, and are cross-checked against Form A elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from formkit.model.resources import word
from formkit.spec import FormSpec
from formkit.validate.context import Context

CARRIER_TYPE = word("rules", "carrier_type")
PROVINCIAL = word("identifiers", "provincial_level")
QUANTITATIVE = ("≥", "≤", "=")
MIN_PART_CHARS = 50


def run_rules(ctx: Context) -> None:
    for rule in RULES:
        rule(ctx)


def _get(ctx: Context, key: str) -> object:
    v = ctx.record.fields.get(key)
    return None if v is None else v.value


def _has(ctx: Context, *keys: str) -> bool:
    return all(k in ctx.spec.schema for k in keys)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# --- Form A fields ----------------------------------------------------------------------------


def sme_within_total(ctx: Context) -> None:
    sme, total = _number(_get(ctx, "sme_count")), _number(_get(ctx, "enterprises_total"))
    if sme is not None and total is not None and sme > total:
        ctx.add("sme-exceeds-total", ("sme_count",), value=_fmt(sme), total=_fmt(total))


def two_year_period(ctx: Context) -> None:
    start, end = _month(_get(ctx, "period_start")), _month(_get(ctx, "period_end"))
    if start is None or end is None:
        return
    if end - start + 1 != 24:
        ctx.add(
            "period-not-two-years",
            ("period_end",),
            start=_get(ctx, "period_start"),
            end=_get(ctx, "period_end"),
        )


def _month(value: object) -> int | None:
    m = re.match(r"^(\d{4})-(\d{2})$", str(value or ""))
    return int(m[1]) * 12 + int(m[2]) - 1 if m else None


def carrier_type(ctx: Context) -> None:
    value = _get(ctx, "carrier_type")
    if value and _has(ctx, "carrier_type") and re.sub(r"\s", "", str(value)) != CARRIER_TYPE:
        ctx.add("wrong-carrier-type", ("carrier_type",))


def key_industries(ctx: Context) -> None:
    value = _get(ctx, "key_industries")
    if isinstance(value, list | tuple) and len(value) > 2:
        ctx.add("key-industries-count", ("key_industries",), count=len(value))


def zone_level(ctx: Context) -> None:
    value = _get(ctx, "zone_level")
    if value and value != PROVINCIAL and not ctx.reported(("zone_level",)):
        ctx.add("zone-level-not-provincial", ("zone_level",))


def code_or_approval_doc(ctx: Context) -> None:
    if not _has(ctx, "zone_code", "approval_doc") or "zone_code" in ctx.record.invalid:
        return
    if _get(ctx, "zone_code") in (None, "") and _get(ctx, "approval_doc") in (None, ""):
        ctx.add("missing-field", ("zone_code",))


# --- programme ----------------------------------------------------------------------------


def catalogue(ctx: Context) -> None:
    prog = ctx.programme
    name, code = _get(ctx, "zone_name"), _get(ctx, "zone_code")
    if prog is None or prog.catalogue is None or not name or not _has(ctx, "approval_doc"):
        return
    match = prog.catalogue.lookup(str(name), str(code) if code else None)
    if match is None:
        if not _get(ctx, "approval_doc"):
            ctx.add("zone-not-in-catalogue", ("zone_name",))
        return
    zone = match.zone
    if match.kind == "code":
        ctx.add("zone-name-mismatch", ("zone_name",), expected=zone.name, catalogue_code=zone.code)
    elif match.kind != "exact":
        ctx.add("zone-name-variant", ("zone_name",), expected=zone.name)
    bad_code = ctx.reported(("zone_code",))  # a malformed code is reported once, as such
    if code and zone.code and str(code).upper() != zone.code and not bad_code:
        ctx.add("zone-code-mismatch", ("zone_code",), expected=zone.code)
    if zone.level and zone.level != PROVINCIAL and _get(ctx, "zone_level") in (None, PROVINCIAL):
        raw = word("rules", "from_catalogue").format(level=zone.level)
        ctx.add("zone-level-not-provincial", ("zone_level",), raw=raw)


def city(ctx: Context) -> None:
    prog, value = ctx.programme, _get(ctx, "city")
    if prog is not None and value and prog.city(str(value)) is None:
        ctx.add("unknown-city", ("city",))


# --- Form B: the six dimensions -------------------------------------------------------------


def canonical_dimension(text: str, spec: FormSpec) -> str | None:
    """Which of the spec's dimensions a 一级指标 cell names (``一、产业集聚度（20分）`` too)."""
    squashed = re.sub(r"\s", "", text)
    for name in spec.extra.get("dimensions", ()):
        if name in squashed:
            return str(name)
    return None


def dimensions(ctx: Context) -> None:
    spec, table = ctx.spec, ctx.spec.table
    names = spec.extra.get("dimensions")
    if not names or table is None or not ctx.table_found() or ctx.record.layout == "fiscal":
        return  # a fiscal table is reported once, as not accepted
    seen: dict[str, list[dict[str, Any]]] = {str(n): [] for n in names}
    first: dict[str, int] = {}  # each dimension's first row, where a finding points
    for i, row in enumerate(_rows(ctx)):
        dim = canonical_dimension(str(row.get("dimension") or ""), spec)
        if dim is not None:
            seen[dim].append(row)
            first.setdefault(dim, i)
    end = (table.key, len(ctx.record.indicators))  # the table's end (its header if no rows)
    label = ctx.label((table.key, 0, "dimension"))
    graded = _has_columns(ctx, "direction")  # progress and self-evaluation carry no 指标性质
    printed = {  # a dimension's pre-printed row with no indicator: where its rows belong
        dim: place
        for text, place in reversed(ctx.record.group_locations.items())
        if (dim := canonical_dimension(text, spec)) is not None
    }
    for name, rows in seen.items():
        if not rows:
            ctx.add(
                "dimension-missing", end, at=printed.get(name), field=label, raw="", dimension=name
            )
        elif graded and not any(_quantitative(ctx, r) for r in rows):
            at = (table.key, first[name], "dimension")  # the 一级指标 of its first row
            ctx.add("dimension-not-quantitative", at, field=label, raw="", dimension=name)


def _rows(ctx: Context) -> list[dict[str, object]]:
    """The form's table rows: Record.indicators, or (the plan's fund uses) a list field.
    None for a fiscal-layout table, which is reported once as a whole."""
    if ctx.record.layout == "fiscal":
        return []
    if ctx.record.indicators:
        return [{k: v.value for k, v in row.items()} for row in ctx.record.indicators]
    table = ctx.spec.table
    held = ctx.record.fields.get(table.key) if table is not None else None
    return [dict(r) for r in held.value if isinstance(r, dict)] if held is not None else []


def _quantitative(ctx: Context, row: dict[str, object]) -> bool:
    """A ≥/≤/= indicator with a number for a target (target_y1/y2 in Form B, target in the
    self-evaluation)."""
    targets = [c.key for c in ctx.spec.columns if c.kind == "target" and c.key.startswith("target")]
    numeric = any(_number(row.get(k)) is not None for k in targets)
    return row.get("direction") in QUANTITATIVE and numeric


def targets_rising(ctx: Context) -> None:
    table = ctx.spec.table
    if table is None or not _has_columns(ctx, "target_y1", "target_y2", "direction"):
        return
    for i, row in enumerate(_rows(ctx)):
        y1, y2 = _number(row.get("target_y1")), _number(row.get("target_y2"))
        if row.get("direction") == "≥" and y1 is not None and y2 is not None and y2 < y1:
            ctx.add(
                "target-decreasing",
                (table.key, i, "target_y2"),
                indicator=ctx.row_name(i),
                y1=_fmt(y1),
                y2=_fmt(y2),
            )


def units(ctx: Context) -> None:
    table = ctx.spec.table
    if table is None or not _has_columns(ctx, "unit", "direction"):
        return
    for i, row in enumerate(_rows(ctx)):
        if _quantitative(ctx, row) and not row.get("unit") and row.get("indicator"):
            ctx.add("unit-missing", (table.key, i, "unit"), indicator=ctx.row_name(i))


def _has_columns(ctx: Context, *keys: str) -> bool:
    return set(keys) <= {c.key for c in ctx.spec.columns}


# --- the plan ---------------------------------------------------------------------------------


def parts_substantive(ctx: Context) -> None:
    outline = ctx.spec.outline
    if outline is None:
        return
    minimum = int(ctx.spec.extra.get("min_part_chars", MIN_PART_CHARS))
    for part in ctx.spec.parts:
        v = ctx.record.sections.get(part.key)
        text = re.sub(r"\s", "", str(v.value or "")) if v is not None else ""
        if text and len(text) < minimum:
            ctx.add("section-thin", (outline.key, part.key), count=len(text))


def fund_uses_add_up(ctx: Context) -> None:
    table, subsidy = ctx.spec.table, _number(_get(ctx, "subsidy_requested"))
    rows = _rows(ctx)
    if table is None or table.key != "fund_uses" or subsidy is None or not rows:
        return
    amounts = [_number(r.get("amount_wan")) for r in rows]
    total = sum(a for a in amounts if a is not None)
    if abs(total - subsidy) > 0.005:
        ctx.add(
            "fund-uses-mismatch",
            (table.key,),
            field=ctx.label(("subsidy_requested",)),
            total=_fmt(total),
            expected=_fmt(subsidy),
        )


# --- progress ---------------------------------------------------------------------------------


def budget_execution(ctx: Context) -> None:
    budget, spent = _number(_get(ctx, "budget")), _number(_get(ctx, "spent"))
    if budget is None or spent is None:
        return
    if spent > budget:
        ctx.add("spent-exceeds-budget", ("spent",), value=_fmt(spent), total=_fmt(budget))
    rate = _number(_get(ctx, "execution_rate"))
    if rate is not None and budget > 0 and abs(rate - spent / budget * 100) > 0.5:
        ctx.add(
            "execution-rate-mismatch",
            ("execution_rate",),
            value=_fmt(rate),
            expected=_fmt(spent / budget * 100),
        )


RULES: tuple[Callable[[Context], None], ...] = (
    city,
    catalogue,
    code_or_approval_doc,
    zone_level,
    carrier_type,
    key_industries,
    sme_within_total,
    two_year_period,
    dimensions,
    targets_rising,
    units,
    parts_substantive,
    fund_uses_add_up,
    budget_execution,
)
