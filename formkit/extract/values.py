"""From a value's raw text to a :class:`Value`: hint text dropped, checkbox choices read, the
label's own unit honoured, then the shared normaliser. A value that does not normalise
becomes a ``bad-value`` finding naming the printed label, the raw text and the expected kind.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from formkit.extract.labels import bracket_unit
from formkit.model.document import UNCHECKED, Location
from formkit.model.findings import Finding, finding
from formkit.model.record import Value
from formkit.model.resources import word, words
from formkit.normalize import (
    ABSENT,
    NormalizeError,
    checked_options,
    month_from_excel_number,
    normalize,
)
from formkit.normalize.quantity import is_approximate
from formkit.spec import Field

_YEAR, _MONTH, _DAY = (word("calendar", k) for k in ("year", "month", "day"))
_PLACEHOLDER = re.compile(rf"[\s_＿…]*(?:{_YEAR}[\s_＿]*{_MONTH}(?:[\s_＿]*{_DAY})?)?[\s_＿…]*")
_TRAILING_ASIDE = re.compile(r"[（(【\[]([^（()）【】\[\]]*)[)）】\]]\s*$")
_HINT_STARTS = words("extract", "hint_starts")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d,，]*(?:\.\d+)?")
_UNTICKED = re.compile(f"[{UNCHECKED}□]")
_MONEY_UNITS = frozenset(words("extract", "money_units"))
_PERCENT_UNITS = frozenset({"%", "％"})
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.')
_TYPED_KINDS = frozenset({"int", "number", "money", "month", "date", "bool", "period"})


@dataclass(frozen=True)
class Read:
    """What became of one raw value: a Value, nothing (blank), or a finding."""

    value: Value | None
    problem: Finding | None = None
    notes: tuple[Finding, ...] = ()  # warnings about a value that did read


def read_value(
    field: Field, raw: str, location: Location | None, *, typed: object = None, label: str = ""
) -> Read:
    text = strip_hint(raw, field)
    if not text and typed in (None, ""):
        return Read(None)
    if field.kind == "credit_code" and _stored_as_number(text, typed):
        shown = text or str(typed)
        return Read(
            None,
            finding(
                "credit-code-number", field=field.label, location=location, key=field.key, raw=shown
            ),
        )
    if _UNTICKED.search(text) and not checked_options(text):
        return Read(None)  # a choice left blank: no box ticked
    source: object = text
    if typed is not None and not isinstance(typed, str) and field.kind in _TYPED_KINDS:
        source = typed
    source = _with_label_unit(field, source, label)
    try:
        value = normalized(field.kind, source, field.unit)
    except NormalizeError as exc:
        return Read(
            None,
            finding(
                "bad-value",
                field=field.label,
                location=location,
                key=field.key,
                raw=raw.strip(),
                kind=exc.kind_label,
            ),
        )
    if value is ABSENT:
        return Read(None)
    read = Value(raw.strip(), value, location)
    return Read(
        read, notes=(*_month_notes(field, source, read), *_approximate(field, source, read))
    )


_QUANTITY_KINDS = frozenset({"money", "int", "number"})
_E_NOTATION = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")


def _stored_as_number(text: str, typed: object) -> bool:
    """A code Excel turned into a number: a float cell, or its text in E notation."""
    if isinstance(typed, float):
        return True
    return bool(_E_NOTATION.match(text.strip()))


def _approximate(field: Field, source: object, read: Value) -> list[Finding]:
    if field.kind not in _QUANTITY_KINDS or not isinstance(source, str):
        return []
    if not is_approximate(source):
        return []
    return [
        finding(
            "value-approximate",
            field=field.label,
            location=read.location,
            key=field.key,
            raw=read.raw,
            value=read.value,
        )
    ]


# Normalised values already seen: forms of one kind repeat the same texts (dimension names,
# units, frequencies) from file to file. Only immutable results are kept; failures are not.
_MEMO: dict[tuple[object, ...], object] = {}
_MEMO_SIZE = 8192
_IMMUTABLE = (str, int, float, bool, date, time, Decimal)


def normalized(kind: str, source: object, unit: str | None) -> object:
    """``normalize(kind, source, unit=unit)``, remembered for immutable results."""
    key = (kind, unit, type(source), source)
    try:
        return _MEMO[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable source
        return normalize(kind, source, unit=unit)
    value = normalize(kind, source, unit=unit)
    if value is ABSENT or isinstance(value, _IMMUTABLE):
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        _MEMO[key] = value
    return value


def percent_points(typed: object, number_format: str | None, unit: str | None) -> object:
    """A number Excel shows as a percent (0.65 under ``0%``) in percentage points (65) when the
    value's unit is %; anything else unchanged. Exact: 0.07 → 7, never 7.000000000000001."""
    if unit not in _PERCENT_UNITS or not number_format or "%" not in number_format:
        return typed
    if isinstance(typed, bool) or not isinstance(typed, (int, float)):
        return typed
    if "%" not in _FORMAT_LITERALS.sub("", number_format):
        return typed  # a quoted or escaped % is shown as typed, not scaled
    points = Decimal(repr(typed)) * 100
    return int(points) if points == points.to_integral_value() else float(points)


def _month_notes(field: Field, source: object, read: Value) -> tuple[Finding, ...]:
    """A month Excel stored as a number with one decimal (2006.1) was read as October: it
    may have been January typed as 2006.1, so the clerk is asked to check."""
    if field.kind != "month" or not isinstance(source, float) or source.is_integer():
        return ()
    try:
        _, ambiguous = month_from_excel_number(source)
    except NormalizeError:
        return ()
    if not ambiguous:
        return ()
    raw = read.raw or f"{source:.15g}"
    year = str(read.value)[:4]
    return (
        finding(
            "month-ambiguous",
            field=field.label,
            location=read.location,
            key=field.key,
            raw=raw,
            intended=f"{year}.10",
            value=read.value,
        ),
    )


def strip_hint(raw: str, field: Field) -> str:
    """The raw text without hint text the blank form left behind (``（填写设区市全称）``)."""
    text = raw.strip()
    if not text or _PLACEHOLDER.fullmatch(text):
        return ""
    spellings = _hint_spellings(field.hint)
    if spellings and _squash(text) in spellings:
        return ""
    hint = spellings[0] if spellings else ""
    aside = _TRAILING_ASIDE.search(text)
    if aside:
        inner = _squash(aside.group(1))
        if inner and (inner.startswith(_HINT_STARTS) or (hint and inner in hint)):
            text = text[: aside.start()].strip()
    return text


@functools.lru_cache(maxsize=1024)
def _hint_spellings(hint: str) -> tuple[str, ...]:
    """A field's hint as a value may repeat it, bare and in brackets (whitespace squashed):
    once per field rather than for every value read."""
    squashed = _squash(hint)
    return (squashed, _squash(f"（{hint}）")) if squashed else ()


def _with_label_unit(field: Field, source: object, label: str) -> object:
    """A bare amount under ``申请资金（元）`` is in 元, whatever unit the spec expects."""
    if field.kind != "money":
        return source
    unit = bracket_unit(label)
    if unit is None or unit not in _MONEY_UNITS or unit == field.unit:
        return source
    if isinstance(source, (int, float)) and not isinstance(source, bool):
        return f"{source}{unit}"
    if isinstance(source, str) and _PLAIN_NUMBER.fullmatch(source.strip()):
        return f"{source.strip()}{unit}"
    return source


def _squash(text: str) -> str:
    return "".join(text.split())
