"""A drafted field's kind (``meta.kind``), unit and options, guessed from its label and
from what the blank form prints in its value place (``□是 □否``, ``年 月 日``, ``万元``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from formkit.drafting.vocabulary import vocabulary
from formkit.extract.labels import bracket_unit, canon

_BOX = re.compile(r"[□☐☑■]\s*([^\s□☐☑■/、，,;；]+)")


def _words(name: str) -> tuple[str, ...]:
    return tuple(vocabulary()[name])


@dataclass
class Guess:
    kind: str
    unit: str | None = None
    allowed: list[str] = field(default_factory=list)
    unsure: str | None = None  # a note code when the guess is weak


def options(value_text: str) -> list[str]:
    """``□国家级 □省级`` → ``[国家级, 省级]``."""
    return [m.group(1).strip() for m in _BOX.finditer(value_text)]


def guess(label: str, value_text: str, tall: bool = False) -> Guess:
    """The kind a label and its value place call for; ``unsure`` names what to review."""
    c = canon(label)
    unit = bracket_unit(label) or _unit_in(value_text)
    opts = options(value_text)
    if opts:
        if set(opts) <= set(_words("yes_no")):
            return Guess("bool")
        return Guess("choice", allowed=opts)
    for rule in (_coded, _dated, _amount):
        found = rule(c, unit, value_text)
        if found is not None:
            return found
    if c.startswith(_words("bool_starts")):
        return Guess("bool")
    if tall or c.endswith(_words("long_ends")):
        return Guess("longtext")
    if _has(c, "text"):
        return Guess("text")
    return Guess("text", unsure="draft-kind-unsure")


def _unit_in(value_text: str) -> str | None:
    t = value_text.strip(" （()）")
    units = ("money_units", "count_units", "area_units", "percent_units")
    return t if any(t in _words(u) for u in units) else None


def _has(label: str, name: str) -> bool:
    return any(w in label for w in _words(name))


def _coded(c: str, unit: str | None, value_text: str) -> Guess | None:
    for kind in ("credit_code", "email", "phone"):
        if _has(c, kind):
            return Guess(kind)
    if c.endswith(_words("docno_ends")):
        return Guess("docno")
    return None


def _dated(c: str, unit: str | None, value_text: str) -> Guess | None:
    blank = "".join(value_text.split())
    cal = vocabulary()["calendar"]
    if not isinstance(cal, dict):
        raise TypeError("formkit/drafting/vocabulary.yaml: calendar is not a mapping")
    if _has(c, "range"):
        return Guess("text", unsure="draft-range-unsure")
    if _has(c, "date") or (blank.endswith(cal["day"]) and cal["year"] in blank):
        return Guess("date")
    if _has(c, "month") or blank == cal["year"] + cal["month"]:
        return Guess("month")
    if c.endswith(_words("year_ends")):
        return Guess("int")
    if _has(c, "time"):
        return Guess("month", unsure="draft-time-unsure")
    return None


def _amount(c: str, unit: str | None, value_text: str) -> Guess | None:
    if unit in _words("money_units"):
        return Guess("money", unit=unit)
    if unit in _words("percent_units") or c.endswith(_words("rate_ends")):
        return Guess("number", unit="%")
    if unit in _words("area_units") or _has(c, "area"):
        return Guess("number", unit=unit, unsure=None if unit else "draft-unit-unsure")
    counted = c.endswith(_words("count_ends")) and not c.endswith(_words("not_count_ends"))
    if unit in _words("count_units") or counted:
        return Guess("int", unit=unit)
    if _has(c, "money"):
        unit = str(vocabulary()["default_money_unit"])
        return Guess("money", unit=unit, unsure="draft-money-unit")
    return None
