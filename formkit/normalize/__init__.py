"""Value normalisation: from a cell's raw content to the value ``parse --json`` reports.

``normalize(kind, raw, unit=...)`` reads ``raw`` — text from Word/PDF, or the typed value an
Excel cell stored (int, float, bool, datetime, date, str, None) — as one of the field kinds of
:data:`formkit.spec.KINDS`, following FORMS.md §2:

========== ===========================================================================
money      a number of 万元 (or of ``unit``), rounded half-up to 2 decimals
int        an int (a non-integral count is an error)
number     a number in ``unit`` (万 prefixes and 公顷/平方米/平方公里/亩 converted)
month      ``"YYYY-MM"``;  date: ``"YYYY-MM-DD"``;  period: ``{"start", "end"}`` months
bool       True / False;  choice: the text, or the ticked option(s) joined by 、
list       list of str;  text: one clean line;  longtext: trimmed, line breaks kept
phone      as typed minus spaces;  email: lower-case;  credit_code / zone_code: upper-case
docno      the year put in 〔〕;  target: the number (or qualitative text) of ``parse_target``
========== ===========================================================================

Numbers come back as ``int`` when the (rounded) value is whole, else ``float`` — JSON then
prints ``500``, not ``500.0``. Blank cells and none-markers (无, /, —, 空, N/A, 不适用 …) give
:data:`ABSENT` (leave the key out), except that a none-marker in money/int/number is ``0``
(FORMS.md: “a none-marker in an amount or count is 0”); a blank cell stays ABSENT everywhere,
so a required amount left empty is reported missing rather than zero. For bool, 无 means
False. A value that cannot be read raises :class:`NormalizeError`.
"""

from __future__ import annotations

from collections.abc import Callable

from formkit.model.resources import word
from formkit.normalize.base import ABSENT, KIND_LABELS, NormalizeError, is_none_marker
from formkit.normalize.calendar import (
    is_blank_date,
    month_from_excel_number,
    parse_date,
    parse_month,
    parse_period,
)
from formkit.normalize.labels import normalize_label
from formkit.normalize.marks import checked_options, parse_bool
from formkit.normalize.quantity import parse_quantity, to_plain, typed_quantity
from formkit.normalize.target import parse_target
from formkit.normalize.text import (
    as_text,
    clean_longtext,
    normalize_choice,
    normalize_credit_code,
    normalize_docno,
    normalize_email,
    normalize_list,
    normalize_phone,
    normalize_text,
    normalize_zone_code,
    split_list,
)

__all__ = [
    "ABSENT",
    "KIND_LABELS",
    "NormalizeError",
    "checked_options",
    "is_none_marker",
    "month_from_excel_number",
    "normalize",
    "normalize_label",
    "parse_target",
    "split_list",
]

MONEY_UNIT = word("normalize", "default_money_unit")
MONEY_PLACES = 2
NUMBER_PLACES = 6
_QUANTITIES = frozenset({"money", "int", "number"})
_CALENDAR = frozenset({"month", "date", "period"})


def normalize(kind: str, raw: object, *, unit: str | None = None) -> object:
    """The normalised value of ``raw`` read as ``kind``, or :data:`ABSENT`."""
    if kind not in KIND_LABELS:
        raise ValueError(f"unknown field kind {kind!r}")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ABSENT
    if isinstance(raw, str) and kind != "bool" and is_none_marker(raw):
        return 0 if kind in _QUANTITIES else ABSENT
    if kind in _QUANTITIES:
        return _quantity(kind, raw, unit or None)
    if kind in _CALENDAR:
        if isinstance(raw, str) and is_blank_date(raw):
            return ABSENT
        return _CALENDAR_READERS[kind](raw)
    if kind == "target":
        return parse_target(raw, unit)[1]
    return _TEXT_READERS[kind](raw)


def _quantity(kind: str, raw: object, unit: str | None) -> int | float:
    if isinstance(raw, str):
        default = MONEY_UNIT if kind == "money" else None
        number = parse_quantity(kind, raw, unit, default_unit=default)
    else:
        number = typed_quantity(kind, raw)
    if kind == "money":
        return to_plain(number, MONEY_PLACES)
    value = to_plain(number, NUMBER_PLACES)
    if kind == "int" and not isinstance(value, int):
        raise NormalizeError(kind, raw, "not a whole number")
    return value


def _longtext(raw: object) -> object:
    return clean_longtext(as_text(raw)) or ABSENT


def _nonempty(reader: Callable[[object], str]) -> Callable[[object], object]:
    def read(raw: object) -> object:
        return reader(raw) or ABSENT

    return read


_CALENDAR_READERS: dict[str, Callable[[object], object]] = {
    "month": parse_month,
    "date": parse_date,
    "period": parse_period,
}
_TEXT_READERS: dict[str, Callable[[object], object]] = {
    "text": normalize_text,
    "longtext": _longtext,
    "bool": parse_bool,
    "list": normalize_list,
    "choice": normalize_choice,
    "phone": _nonempty(normalize_phone),
    "email": _nonempty(normalize_email),
    "credit_code": _nonempty(normalize_credit_code),
    "zone_code": _nonempty(normalize_zone_code),
    "docno": _nonempty(normalize_docno),
}
