"""What each kind of notice takes, and the values computed from it before rendering.

The data a caller gives (a mapping, usually read from ``samples/notices/<kind>.yaml``) is
checked and completed here: dates become ``2020年3月5日``, amounts become exact decimals, the
公示期 is counted in working days, totals and grade counts are added. Everything the caller gave
is passed on too, so a clerk who adds ``{{ 新变量 }}`` to a template only has to add it to the data.
docs/templates.md lists the variables of every kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict

from formkit.model.dates import WorkCalendar, cn_date, expand_dates, parse_date
from formkit.model.errors import TemplateError
from formkit.model.resources import text_map, word_section
from formkit.programme.model import Programme
from formkit.writers.gongwen import TEXT_W, closing_indents, text_width


class _NoticeWords(TypedDict):  # vocabulary/writers.yaml: notice
    forms: list[str]
    grades: dict[str, int]
    mark: str
    printer: str
    funding_attachment: str
    evaluation_attachment: str
    opinion_recipients: str
    opinion_clean: str
    opinion_findings: str


_HAO = text_map("identifiers", "docno")["number"]  # 号
DOCNO = re.compile(rf"^(?P<prefix>\S+?)〔(?P<year>\d{{4}})〕(?P<seq>[1-9]\d*){_HAO}$")
WORDS = word_section("writers", "notice", _NoticeWords)
DEFAULT_FORMS: tuple[str, ...] = tuple(WORDS["forms"])
DEFAULT_GRADES: tuple[tuple[str, int], ...] = tuple(WORDS["grades"].items())

Context = dict[str, Any]


# --- value readers -------------------------------------------------------------------------------


def text(data: Mapping[str, object], key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise TemplateError("notice-bad-data", field=key, reason="data-missing")
    if not isinstance(value, str | int | float):
        raise TemplateError("notice-bad-data", field=key, reason="data-not-text")
    return str(value).strip()


def date(data: Mapping[str, object], key: str, default: object = None) -> str:
    value = data.get(key, default)
    try:
        return cn_date(value)
    except ValueError:
        raise TemplateError(
            "notice-bad-data", field=key, reason="data-not-date", value=repr(value)
        ) from None


def items(
    data: Mapping[str, object], key: str, default: list[object] | None = None
) -> list[object]:
    value = data.get(key, default)
    if value is None:
        raise TemplateError("notice-bad-data", field=key, reason="data-missing")
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list | tuple):
        raise TemplateError("notice-bad-data", field=key, reason="data-not-list")
    return list(value)


def records(
    data: Mapping[str, object], key: str, needed: tuple[str, ...]
) -> list[dict[str, object]]:
    out = []
    for i, item in enumerate(items(data, key), 1):
        if not isinstance(item, Mapping):
            raise TemplateError("notice-bad-data", field=key, reason="item-not-mapping", index=i)
        for name in needed:
            if item.get(name) in (None, ""):
                raise TemplateError(
                    "notice-bad-data", field=key, reason="item-missing", index=i, name=name
                )
        out.append(dict(item))
    return out


Field = str | Mapping[str, object]  # a key, or the params naming a key of a list's item


def item(items: str, index: int, key: str) -> Mapping[str, object]:
    """The field ``key`` of item ``index`` (from 1) of the list ``items``, as the params of
    notice-bad-data (its words from the catalogue: ``allocations 第2项 amount``)."""
    return {"field_word": "notice-item", "items": items, "index": index, "key": key}


def _field(field: Field) -> Mapping[str, object]:
    return {"field": field} if isinstance(field, str) else field


def money(value: object, field: Field) -> Decimal:
    """万元 with two decimals, exact (no binary float rounding in totals)."""
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise TemplateError(
            "notice-bad-data", reason="data-not-money", value=repr(value), **_field(field)
        ) from None
    if not amount.is_finite() or amount < 0:
        raise TemplateError(
            "notice-bad-data", reason="data-negative", value=repr(value), **_field(field)
        )
    return amount.quantize(Decimal("0.01"))


def number(value: object, field: Field) -> float:
    if isinstance(value, bool):
        raise TemplateError("notice-bad-data", reason="data-not-number", **_field(field))
    try:
        return float(str(value).strip())
    except ValueError:
        raise TemplateError(
            "notice-bad-data", reason="data-not-number-is", value=repr(value), **_field(field)
        ) from None


# --- the parts every notice shares ---------------------------------------------------------------


def common(data: Mapping[str, object], docno_required: bool = True) -> Context:
    """版头, 主送, 署名, 成文日期, 附注 and 版记 values."""
    agency = text(data, "agency")
    signature = text(data, "signature", agency)
    ctx: Context = {
        "agency": agency,
        "mark": text(data, "mark", WORDS["mark"].format(agency=agency)),
        "doc_no": _doc_no(data, docno_required),
        "recipients": text(data, "recipients").rstrip("：:"),
        "date": date(data, "date"),
        "signature": signature,
        "note": str(data.get("note") or "").strip().strip("（）()") or None,
        "cc": [str(c).strip() for c in items(data, "cc", [])],
        "printer": text(data, "printer", WORDS["printer"].format(agency=agency)),
        "print_date": date(data, "print_date", data.get("date")),
        "attachments": [str(a).strip() for a in items(data, "attachments", [])],
    }
    ctx["cc"] = [c.rstrip("，,。") for c in ctx["cc"] if c]
    ctx["seal"] = bool(data.get("seal"))
    ctx.update(_signature_place(signature, ctx["date"], ctx["seal"]))
    return ctx


def _doc_no(data: Mapping[str, object], required: bool) -> str:
    """``doc_no`` as given, or built from ``docno_prefix`` (programme) and ``doc_seq``.

    The year of a built number is the year of the 成文日期.
    """
    value = data.get("doc_no")
    if value in (None, "") and data.get("doc_seq") not in (None, "") and data.get("docno_prefix"):
        year = parse_date(data.get("date")).year if _is_date(data.get("date")) else ""
        value = f"{data['docno_prefix']}〔{year}〕{str(data['doc_seq']).strip()}{_HAO}"
    if value in (None, "") and not required:
        return ""
    raw = text({"doc_no": value}, "doc_no")
    if not DOCNO.match(raw):
        raise TemplateError("notice-bad-data", field="doc_no", reason="docno-bad", raw=raw)
    return raw


def _is_date(value: object) -> bool:
    try:
        parse_date(value)
    except ValueError:
        return False
    return True


def _signature_place(signature: str, date: str, seal: bool) -> Context:
    """Left indents of the 署名 and the 成文日期 placed as GB/T 9704 §7.3.5 asks
    (:func:`formkit.writers.gongwen.closing_indents`), for templates made before the renderer
    set them on the paragraphs."""
    sign_right, date_right = closing_indents(signature, date, seal=seal)
    return {
        "sign_indent": max(0, TEXT_W - sign_right - text_width(signature)),
        "date_indent": max(0, TEXT_W - date_right - text_width(date)),
    }


# --- the five kinds ------------------------------------------------------------------------------


def call(data: Mapping[str, object]) -> Context:
    ctx = common(data)
    forms = [str(f) for f in items(data, "forms", list(DEFAULT_FORMS))]
    ctx.update(
        year=_year(data),
        parent_notice=text(data, "parent_notice"),
        forms=forms,
        target_zones=text(data, "target_zones"),
        deadline=date(data, "deadline"),
        contact=text(data, "contact"),
        phone=text(data, "phone"),
    )
    if "attachments" not in data:
        ctx["attachments"] = forms
    return ctx


def publicity(data: Mapping[str, object]) -> Context:
    ctx = common(data)
    days = int(number(data.get("days", 5), "days"))
    if days < 1:
        raise TemplateError("notice-bad-data", field="days", reason="days-too-few")
    try:
        calendar = WorkCalendar(
            expand_dates(items(data, "holidays", [])), expand_dates(items(data, "workdays", []))
        )
        first, last = calendar.span(parse_date(data.get("start")), days)
    except ValueError as exc:
        raise TemplateError(
            "notice-bad-data", field="start/holidays/workdays", reason="dates-bad", error=str(exc)
        ) from None
    ctx.update(
        year=_year(data),
        parent_notice=text(data, "parent_notice"),
        zones=records(data, "zones", ("city", "zone", "carrier")),
        period_start=cn_date(first),
        period_end=cn_date(last),
        period_days=days,
        contact=text(data, "contact"),
        phone=text(data, "phone"),
    )
    return ctx


def funding(data: Mapping[str, object]) -> Context:
    ctx = common(data)
    rows = records(data, "allocations", ("city", "zone", "carrier", "amount"))
    by_city: dict[str, dict[str, Any]] = {}
    amounts = []
    for i, row in enumerate(rows, 1):
        row["amount"] = amount = money(row["amount"], item("allocations", i, "amount"))
        amounts.append(amount)
        city = by_city.setdefault(
            str(row["city"]), {"city": row["city"], "count": 0, "amount": Decimal("0.00")}
        )
        city["count"] += 1
        city["amount"] += amount
    year = _year(data)
    ctx.update(
        year=year,
        parent_notice=text(data, "parent_notice"),
        allocations=rows,
        by_city=list(by_city.values()),
        total=sum(amounts, Decimal("0.00")),
    )
    if "attachments" not in data:
        ctx["attachments"] = [WORDS["funding_attachment"].format(year=year)]
    return ctx


def evaluation(data: Mapping[str, object]) -> Context:
    ctx = common(data)
    bands = _grades(data)
    rows = records(data, "results", ("city", "zone", "carrier", "score"))
    for i, row in enumerate(rows, 1):
        row["score"] = score = number(row["score"], item("results", i, "score"))
        row["grade"] = str(row.get("grade") or _grade(bands, score))
    counts = [{"grade": name, "count": sum(r["grade"] == name for r in rows)} for name, _ in bands]
    year = _year(data)
    ctx.update(
        year=year,
        parent_notice=text(data, "parent_notice"),
        results=rows,
        grade_counts=[c for c in counts if c["count"]],
    )
    if "attachments" not in data:
        ctx["attachments"] = [WORDS["evaluation_attachment"].format(year=year)]
    return ctx


def opinion(data: Mapping[str, object]) -> Context:
    """One zone's 合规性审核意见; the shape batch review passes (docs/templates.md)."""
    city = text(data, "city")
    defaults = {"recipients": WORDS["opinion_recipients"].format(city=city)}
    ctx = common({**defaults, **data}, docno_required=False)
    findings = records(data, "findings", ("document", "message")) if data.get("findings") else []
    for f in findings:
        f.setdefault("place", "")
    suggestions = [str(s) for s in items(data, "suggestions", [])]
    conclusion = (
        WORDS["opinion_clean"]
        if not findings
        else WORDS["opinion_findings"].format(count=len(findings))
    )
    ctx.update(
        zone=text(data, "zone"),
        city=city,
        findings=findings,
        suggestions=suggestions,
        conclusion=text(data, "conclusion", conclusion),
        experts=[str(e) for e in items(data, "experts", [])],  # 专家意见 (formkit panel)
        rectification=[str(r) for r in items(data, "rectification", [])],  # batch --round
    )
    return ctx


def _year(data: Mapping[str, object]) -> int:
    if data.get("year") not in (None, ""):
        return int(number(data["year"], "year"))
    try:
        return parse_date(data.get("date")).year
    except ValueError:
        raise TemplateError("notice-bad-data", field="year", reason="data-missing") from None


def _grades(data: Mapping[str, object]) -> list[tuple[str, float]]:
    raw = data.get("grades")
    if not raw:
        return [(n, float(m)) for n, m in DEFAULT_GRADES]
    bands = [
        (str(b["name"]), number(b["min"], "grades"))
        for b in records(data, "grades", ("name", "min"))
    ]
    return sorted(bands, key=lambda b: -b[1])


def _grade(bands: list[tuple[str, float]], score: float) -> str:
    for name, minimum in bands:
        if score >= minimum:
            return name
    return bands[-1][0]


PREPARE: dict[str, Callable[[Mapping[str, Any]], Context]] = {
    "call": call,
    "publicity": publicity,
    "funding": funding,
    "evaluation": evaluation,
    "opinion": opinion,
}


def prepare(kind: str, data: Mapping[str, object]) -> Context:
    """The template context: the caller's data plus the checked and computed values.

    A kind without its own rules (a bureau's extra template) gets the shared ones, when the
    data has an ``agency``; otherwise its data is passed as given.
    """
    if kind in PREPARE:
        computed = PREPARE[kind](data)
    elif "agency" in data:
        computed = common(data, docno_required=False)
    else:
        computed = {}
    return {**data, **computed}


def programme_defaults(programme: Programme) -> Context:
    """Notice data taken from a :class:`formkit.programme.Programme` (the data file wins)."""
    grades = [{"name": g.name, "min": g.min_score} for g in programme.evaluation.grades]
    values = {
        "agency": programme.agency,
        "docno_prefix": programme.docno_prefix,
        "year": programme.year,
        "parent_notice": programme.parent_notice,
        "target_zones": programme.target_zones,
        "days": programme.publicity_days,
        "grades": grades,
        "holidays": sorted(d.isoformat() for d in programme.holidays),
        "workdays": sorted(d.isoformat() for d in programme.workdays),
    }
    return {k: v for k, v in values.items() if v not in (None, "")}
