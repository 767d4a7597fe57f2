"""What a reviewer is told: issues (findings placed in a file of a dossier) and each zone's status.

Status rules (汇总表 column 状态, also in docs/batch.md):

========  ==========================================================================
不予受理  the zone is not eligible: not 省级 (``zone-level-not-provincial``), neither in
          the catalogue nor with an approval document (``zone-not-in-catalogue``), or the
          carrier is not 大中小企业融通型 (``wrong-carrier-type``)
需补正    otherwise, when any error remains: missing or wrong fields, missing documents,
          inconsistencies between documents, unreadable files, over the city's quota …
通过      no error (warnings and notes may remain)
========  ==========================================================================
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from formkit.model.codes import CODES, text, value_text
from formkit.model.findings import Finding, FindingData, finding_of, natural

# the statuses as stored (the registry's dossiers) and shown in Chinese; other languages
# render them at the edges (formkit.model.codes.value_text)
PASSED, TO_FIX, REJECTED = (text(f"status-{s}") for s in ("passed", "to-fix", "rejected"))
STATUSES = (PASSED, TO_FIX, REJECTED)
INELIGIBLE = frozenset({"zone-level-not-provincial", "zone-not-in-catalogue", "wrong-carrier-type"})
_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_ZH = {severity: text(f"severity-{severity}") for severity in _ORDER}
# the rules above, as the outputs state them to the reviewer (words: formkit.model.codes)
RULE_KEYS = ("rule-rejected", "rule-to-fix", "rule-passed")
RULES = tuple(text(key) for key in RULE_KEYS)


def rules(lang: str = "zh") -> tuple[str, ...]:
    return tuple(text(key, lang) for key in RULE_KEYS)


def skipped_text(skipped: list[str], lang: str = "zh") -> str:
    """The checks not done (no --programme), said once; "" when all were done."""
    if not skipped:
        return ""
    names = text("list-sep", lang).join(value_text(s, lang) for s in skipped)
    return CODES["checks-skipped"].render(lang, checks=names)


@dataclass(frozen=True)
class Issue:
    """One finding as the batch outputs show it: which file (as received), which document,
    where inside it, and what."""

    file: str  # the file as received (archive.zip!member), "" for the dossier as a whole
    document: str  # 申报信息表 / 绩效目标及评价指标表 / … or the documents concerned
    code: str
    severity: str
    message: str
    field: str | None = None
    location: str | None = None
    # the finding the message was rendered from, for outputs in another language (check)
    finding: Finding | None = dataclasses.field(default=None, compare=False, repr=False)

    @property
    def severity_zh(self) -> str:
        return SEVERITY_ZH.get(self.severity, self.severity)

    def severity_in(self, lang: str) -> str:
        return text(f"severity-{self.severity}", lang) if self.severity in _ORDER else self.severity

    def message_in(self, lang: str) -> str:
        """The message rendered from its finding in ``lang`` (as stored when there is none)."""
        return self.finding.message(lang) if self.finding is not None else self.message

    def sort_key(self) -> tuple[object, ...]:
        """Errors first, then by file and place in natural order (第9行 before 第14行)."""
        return (
            _ORDER.get(self.severity, 3),
            natural(self.file),
            natural(self.location or ""),
            self.code,
            self.message,
        )


def issue(
    code: str,
    *,
    file: str = "",
    document: str = "",
    field: str | None = None,
    location: str | None = None,
    severity: str | None = None,
    **params: object,
) -> Issue:
    """An issue from a code of :mod:`formkit.model.codes` (message rendered in Chinese); the
    document is also a message parameter (``{document}``)."""
    found = finding_of(
        code, {"document": document} | params, field=field, location=location, severity=severity
    )
    return Issue(
        file, document, code, found.severity, found.message(), field, found.location, found
    )


def from_finding(data: FindingData, file: str, document: str) -> Issue:
    """An issue from a stored finding (``Finding.to_data()``) of one file; its message is
    rendered from the catalogue now, not when the file was read."""
    found = Finding.from_data(data)
    return Issue(
        file,
        document,
        found.code,
        found.severity,
        found.message(),
        _opt(found.field),
        _opt(found.location),
        found,
    )


def _opt(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def status_of(issues: Iterable[Issue]) -> str:
    issues = list(issues)
    if any(i.code in INELIGIBLE and i.severity == "error" for i in issues):
        return REJECTED
    if any(i.severity == "error" for i in issues):
        return TO_FIX
    return PASSED


def counts(issues: Iterable[Issue]) -> tuple[int, int]:
    """(errors, warnings)."""
    issues = list(issues)
    return (
        sum(i.severity == "error" for i in issues),
        sum(i.severity == "warning" for i in issues),
    )
