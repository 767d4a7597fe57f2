"""The plain-text report ``formkit check`` prints: one block per file, then a summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from formkit.batch.status import natural
from formkit.codes import CODES, REPORT_TEXTS
from formkit.pipeline import FileResult

FORM_TITLES = {
    "application": "申报信息表",
    "targets": "绩效目标及评价指标表",
    "plan": "两年期实施方案",
    "progress": "进展情况报送表",
    "city_letter": "市级推荐文件",
    "self_eval": "绩效自评表",
}
LAYOUTS = {
    "table-2col": "两列表格",
    "table-4col": "四列表格",
    "table-6col": "六列表格",
    "table-below": "值在标签下方",
    "inline": "标签与值同格",
    "mixed": "混合版式",
    "xlsx-form": "Excel 表单",
    "six-dimension": "六维指标表",
    "fiscal": "财政绩效格式",
    "plan": "按标题分节",
    "letter": "推荐文件",
}
NOT_A_FORM = "未识别/非申报材料"  # the verdict of a document that is not one of the forms
SEVERITY = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "note"},
}


def display_name(name: str) -> str:
    try:
        from formkit.intake.names import safe_display
    except ImportError:  # pragma: no cover - during bootstrap only
        return name
    return safe_display(name)


def render_results(results: Sequence[FileResult], lang: str = "zh") -> str:
    lines: list[str] = []
    for r in results:
        lines.extend(_file_block(r, lang))
    lines.append(_summary(results, lang))
    return "\n".join(lines) + "\n"


def _file_block(r: FileResult, lang: str) -> list[str]:
    title = FORM_TITLES.get(r.form or "", r.form or "")
    head = display_name(r.file)
    if r.form:
        known = r.record is not None and r.record.layout in LAYOUTS
        layout = f"（{LAYOUTS[r.record.layout]}）" if known and r.record else ""
        head += f"  {title}{layout}"
    if not r.findings:
        return [head, "  无问题" if lang == "zh" else "  no findings"]
    out = [head]
    order = {"error": 0, "warning": 1, "info": 2}
    for f in sorted(
        r.findings, key=lambda f: (order.get(f.severity, 3), natural(f.location or ""))
    ):
        place = f" {f.location}" if f.location else ""
        out.append(f"  {SEVERITY[lang][f.severity]} [{f.code}]{place} {f.message(lang)}")
        hint = CODES[f.code].hint
        if hint:
            out.append(f"    {text('how-to-fix', lang, hint=hint)}")
    return out


def text(key: str, lang: str = "zh", **params: object) -> str:
    """A report line of :data:`formkit.codes.REPORT_TEXTS`."""
    zh, en = REPORT_TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def _summary(results: Sequence[FileResult], lang: str) -> str:
    bad = sum(1 for r in results if r.unreadable)
    stray = sum(1 for r in results if not r.unreadable and not_a_form(r))
    errors = sum(1 for r in results if not r.unreadable and r.has_errors) - stray
    ok = len(results) - bad - errors - stray
    apart = f"，{CODES['files-not-forms'].render(lang, count=stray)}" if stray else ""
    members = any("!" in r.file for r in results)
    if lang == "en":
        apart = apart.replace("，", ", ")
        each = " (each file inside an archive counted)" if members else ""
        return (
            f"{len(results)} files{each}: {ok} ready, {errors} need changes, {bad} unreadable"
            f"{apart}"
        )
    each = "（压缩包内的文件逐个计数）" if members else ""
    return f"共{len(results)}个文件{each}：{ok}个可以提交，{errors}个需修改，{bad}个无法读取{apart}"


def render_values(results: Sequence[FileResult], labels: Labels, lang: str = "zh") -> str:
    """What ``formkit parse`` prints without ``--json``: per file, each value read with its
    printed label and place, then the findings, as ``check`` shows them."""
    lines: list[str] = []
    for r in results:
        block = _file_block(r, lang)
        lines.append(block[0])
        lines.extend(_values(r, labels, lang))
        lines.extend(block[1:] if r.findings else [])
    lines.append(_summary(results, lang))
    return "\n".join(lines) + "\n"


Labels = Callable[[str, str], str]


def _values(r: FileResult, labels: Labels, lang: str) -> list[str]:
    record = r.record
    if record is None or r.form is None:
        return []
    out = []
    for key, v in record.fields.items():
        out.append(_line(labels(r.form, key), _shown(v.value, lang), v.location))
    for row in record.indicators:
        name = row.get("indicator")
        if name is not None:
            out.append(_line(text("indicator", lang, name=name.value), "", name.location))
    for key, v in record.sections.items():
        chars = len(str(v.value or ""))
        out.append(
            _line(text("section", lang, name=labels(r.form, key), chars=chars), "", v.location)
        )
    return out or [f"  {text('nothing-read', lang)}"]


def _line(label: str, value: str, place: object) -> str:
    shown = f"{label}：{value}" if value else label
    return f"  {shown}  [{place}]" if place is not None else f"  {shown}"


def _shown(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if isinstance(value, list | tuple):
        return "、".join(_shown(v, lang) for v in value)
    if isinstance(value, dict):
        return " ".join(_shown(v, lang) for v in value.values() if v not in (None, ""))
    return str(value)


def not_a_form(result: FileResult) -> bool:
    """A document read but not one of the programme's forms: counted apart, not 需修改."""
    return any(f.code == "form-unknown" for f in result.findings)
