"""Findings are data: a stable code, a severity, the field's printed label, a place and a
message rendered from the code's template (see :mod:`formkit.model.codes`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from formkit.model.codes import CODES

_DIGITS = re.compile(r"(\d+)")

ERROR = "error"
WARNING = "warning"

Scalar = str | int | float | bool | None  # a value JSON keeps as it is
Param = Scalar | list[str]  # a NAME_words param is a list (codes.filled)


class FindingDict(TypedDict):
    """A finding as ``--json`` prints it (message in the chosen language)."""

    code: str
    severity: str
    field: str | None
    location: str | None
    message: str


class FindingData(TypedDict):
    """A finding as the batch registry stores it: no words, only code, params and place."""

    code: str
    severity: str
    severity_override: str | None
    field: str | None
    location: str | None
    params: dict[str, Param]


@dataclass(frozen=True)
class Finding:
    """One problem found in a file, a dossier or a run.

    ``location`` is the place inside the file (``表1 第3行第2列``, ``指标!D7``); the file
    itself is carried by the :class:`FileResult` the finding belongs to.
    """

    code: str
    field: str | None = None
    location: str | None = None
    key: str | None = None
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    severity_override: str | None = None

    @property
    def severity(self) -> str:
        return self.severity_override or CODES[self.code].severity

    def message(self, lang: str = "zh") -> str:
        return CODES[self.code].render(lang, field=self.field, **self.params)

    def to_dict(self, lang: str = "zh") -> FindingDict:
        return {
            "code": self.code,
            "severity": self.severity,
            "field": self.field,
            "location": self.location,
            "message": self.message(lang),
        }

    def to_data(self) -> FindingData:
        """The finding as stored (the batch registry): code, params and place, no words; the
        message is rendered from the catalogue when an output is written."""
        return {
            "code": self.code,
            "severity": self.severity,
            "severity_override": self.severity_override,
            "field": self.field,
            "location": self.location,
            "params": {k: plain_param(v) for k, v in self.params.items()},
        }

    @classmethod
    def from_data(cls, data: FindingData) -> Finding:
        """The finding :meth:`to_data` stored."""
        return cls(
            str(data["code"]),
            data.get("field"),
            data.get("location"),
            None,
            dict(data.get("params") or {}),
            data.get("severity_override"),
        )


def plain_param(value: object) -> Param:
    """A param as JSON keeps it (a list of words as a list); anything else as its text (which
    is what a template shows)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    return str(value)


def finding(
    code: str,
    *,
    field: str | None = None,
    location: object = None,
    key: str | None = None,
    severity: str | None = None,
    **params: object,
) -> Finding:
    """Build a finding; ``location`` may be a Location or a string."""
    return finding_of(code, params, field=field, location=location, key=key, severity=severity)


def finding_of(
    code: str,
    params: Mapping[str, object],
    *,
    field: str | None = None,
    location: object = None,
    key: str | None = None,
    severity: str | None = None,
) -> Finding:
    """:func:`finding` with the template's params as a mapping: for a caller that forwards
    params it was given (a ``**params`` would be typed to collide with ``field`` …)."""
    if code not in CODES:
        raise KeyError(f"unknown finding code {code!r}")
    place = None if location is None else str(location)
    return Finding(code, field, place, key, dict(params), severity)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


def natural(text: str) -> tuple[str | int, ...]:
    """``text`` with its numbers compared as numbers: 表1 第9行 < 表1 第14行, 指标!D9 < 指标!D10."""
    return tuple(int(part) if n % 2 else part for n, part in enumerate(_DIGITS.split(text)))
