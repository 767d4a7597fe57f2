"""What the page shows for a set of results: per file the form, its findings grouped by
severity (each with field, place, message and a one-line hint), and a summary line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from formkit.codes import CODES
from formkit.findings import Finding
from formkit.intake.names import safe_display
from formkit.pipeline import FileResult
from formkit.report_text import FORM_TITLES, NOT_A_FORM, not_a_form

SEVERITIES = (("error", "错误"), ("warning", "警告"), ("info", "提示"))


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
    label: str
    findings: list[FindingView]


@dataclass(frozen=True)
class FileView:
    name: str
    form: str
    verdict: str  # "ok" | "fix" | "unreadable"
    verdict_label: str
    groups: list[GroupView] = field(default_factory=list)


@dataclass(frozen=True)
class ResultsView:
    files: list[FileView]
    verdict: str  # "ok" | "fix"
    summary: str


def results_view(results: Sequence[FileResult]) -> ResultsView:
    files = [file_view(r) for r in results]
    bad = sum(1 for f in files if f.verdict == "unreadable")
    fix = sum(1 for f in files if f.verdict == "fix")
    stray = sum(1 for f in files if f.verdict == "stray")
    ok = len(files) - bad - fix - stray
    verdict = "ok" if files and ok == len(files) else "fix"
    head = "可以提交" if verdict == "ok" else "需修改"
    summary = f"{head}：共 {len(files)} 个文件，{ok} 个可以提交，{fix} 个需修改，{bad} 个无法读取"
    if stray:
        summary += "，" + CODES["files-not-forms"].render("zh", count=stray)
    return ResultsView(files, verdict, summary)


def file_view(result: FileResult) -> FileView:
    if result.unreadable:
        verdict, label = "unreadable", "无法读取"
    elif not_a_form(result):
        verdict, label = "stray", NOT_A_FORM
    elif result.has_errors:
        verdict, label = "fix", "需修改"
    else:
        verdict, label = "ok", "可以提交"
    form = FORM_TITLES.get(result.form or "", result.form or "") or "未识别的表单"
    groups = []
    for severity, title in SEVERITIES:
        items = [finding_view(f) for f in result.findings if f.severity == severity]
        if items:
            groups.append(GroupView(severity, title, items))
    return FileView(safe_display(result.file), form, verdict, label, groups)


def finding_view(f: Finding) -> FindingView:
    code = CODES[f.code]
    return FindingView(f.code, f.field or "", f.location or "", f.message("zh"), code.hint)
