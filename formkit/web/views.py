"""What the page shows for a set of results: per file the form, its findings grouped by
severity (each with field, place, message and a one-line hint), and the counts the headline
is made of. The words live in the templates; this module only decides and counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from formkit.intake.names import safe_display
from formkit.model.codes import CODES, place_text
from formkit.model.findings import Finding
from formkit.pipeline import FileResult

SEVERITIES = ("error", "warning", "info")
# A file's verdict, in the order the headline counts them.
VERDICTS = ("ok", "fix", "unknown", "unreadable")


@dataclass(frozen=True)
class FindingView:
    code: str
    field: str
    place: str
    message: str
    hint: str


@dataclass(frozen=True)
class GroupView:
    severity: str
    findings: list[FindingView]


@dataclass(frozen=True)
class FileView:
    name: str
    form: str | None  # the form's key (``form_titles`` names it); None: not recognised
    verdict: str  # one of VERDICTS
    groups: list[GroupView] = field(default_factory=list)


@dataclass(frozen=True)
class ResultsView:
    files: list[FileView]
    verdict: str  # "ok" when every file is; "fix" when any file needs work; else "unreadable"
    counts: list[tuple[str, int]]  # (verdict, files) for each verdict some file has

    @property
    def total(self) -> int:
        return len(self.files)


def results_view(results: Sequence[FileResult], lang: str = "zh") -> ResultsView:
    files = [file_view(r, lang) for r in results]
    tally = {v: sum(1 for f in files if f.verdict == v) for v in VERDICTS}
    counts = [(v, n) for v, n in tally.items() if n]
    return ResultsView(files, headline_verdict(tally), counts)


def headline_verdict(tally: dict[str, int]) -> str:
    """The headline follows from the counts, so it cannot say 需修改 over zero files to fix."""
    if tally["fix"] or tally["unknown"]:
        return "fix"
    if tally["unreadable"]:
        return "unreadable"
    return "ok"


def file_view(result: FileResult, lang: str = "zh") -> FileView:
    if result.unreadable:
        verdict = "unreadable"
    elif any(f.code == "form-unknown" for f in result.findings):
        verdict = "unknown"
    elif result.has_errors:
        verdict = "fix"
    else:
        verdict = "ok"
    groups = []
    for severity in SEVERITIES:
        items = [finding_view(f, lang) for f in result.findings if f.severity == severity]
        if items:
            groups.append(GroupView(severity, items))
    return FileView(safe_display(result.file), result.form, verdict, groups)


def finding_view(f: Finding, lang: str = "zh") -> FindingView:
    place = place_text(f.location, lang)
    return FindingView(f.code, f.field or "", place, f.message(lang), CODES[f.code].advice(lang))
