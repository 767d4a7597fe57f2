"""Amounts written in running text, for the plan when it has no ``标签：值`` line or table:
``本项目申请省级奖补资金500万元`` and ``直接补助200万元、绩效奖励150万元、购买服务150万元``."""

from __future__ import annotations

import re
from collections.abc import Iterable

from formkit.extract.labels import canon, core
from formkit.model import resources
from formkit.model.document import Document, Location
from formkit.model.record import Record, Value
from formkit.normalize import NormalizeError, normalize
from formkit.spec import FormSpec

_UNITS = "|".join(resources.words("extract", "prose_money_units"))
_AMOUNT = re.compile(rf"[^0-9０-９。；;]{{0,8}}?([0-9０-９][0-9０-９,，.．]*\s*(?:{_UNITS}))")
_WAN = resources.word("normalize", "default_money_unit")


def amount_after(text: str, word: str) -> str | None:
    """The amount written right after ``word`` in ``text`` (within a few characters)."""
    at = text.find(word)
    while at >= 0:
        found = _AMOUNT.match(text, at + len(word))
        if found:
            return found.group(1)
        at = text.find(word, at + 1)
    return None


def money_fields(doc: Document, spec: FormSpec, record: Record) -> None:
    """Money fields still missing, from the first paragraph that names one with an amount."""
    for f in spec.fields:
        if f.kind != "money" or f.key in record.fields:
            continue
        words = sorted({core(canon(label)) for label in f.labels}, key=len, reverse=True)
        for para in doc.paragraphs:
            found = _first_amount(_squash(para.text), words)
            if found is not None:
                _put(record, f.key, found, para.location, f.unit)
                break


def fund_uses(text: str, location: Location, uses: Iterable[str]) -> Value | None:
    """``直接补助200万元、绩效奖励150万元`` → a fund-use list (uses in the order written)."""
    squashed = _squash(text)
    rows: list[dict[str, object]] = []
    raws: list[str] = []
    for use in uses:
        amount = amount_after(squashed, use)
        if amount is None:
            continue
        try:
            rows.append({"use": use, "amount_wan": normalize("money", amount, unit=_WAN)})
        except NormalizeError:
            continue
        raws.append(use + amount)
    rows.sort(key=lambda row: squashed.find(str(row["use"])))
    return Value("；".join(raws), rows, location) if rows else None


def _first_amount(text: str, words: list[str]) -> str | None:
    for word in words:
        found = amount_after(text, word)
        if found is not None:
            return found
    return None


def _put(record: Record, key: str, raw: str, location: Location, unit: str | None) -> None:
    try:
        value = normalize("money", raw, unit=unit)
    except NormalizeError:
        return
    record.fields[key] = Value(raw, value, location)


def _squash(text: str) -> str:
    return "".join(text.split())
