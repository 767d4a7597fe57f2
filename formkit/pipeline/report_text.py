"""The plain-text report ``formkit check`` prints: one block per file, then a summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from formkit.model.codes import CODES, place_text, text
from formkit.model.findings import natural
from formkit.pipeline import FileResult

FORMS = ("application", "targets", "plan", "progress", "city_letter", "self_eval")
LAYOUTS = (
    "table-2col",
    "table-4col",
    "table-6col",
    "table-below",
    "inline",
    "mixed",
    "xlsx-form",
    "six-dimension",
    "fiscal",
    "plan",
    "letter",
)


def form_title(form: str | None, lang: str = "zh") -> str:
    return text(f"form-{form}", lang) if form in FORMS else form or ""


def display_name(name: str) -> str:
    try:
        # on use, not at the top: saves ~1 ms of start-up (measured)
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
    head = display_name(r.file)
    if r.form:
        layout = r.record.layout if r.record is not None else None
        shown = (
            text("layout", lang, layout=text(f"layout-{layout}", lang)) if layout in LAYOUTS else ""
        )
        head += f"  {form_title(r.form, lang)}{shown}"
    if not r.findings:
        return [head, f"  {text('no-findings', lang)}"]
    out = [head]
    order = {"error": 0, "warning": 1, "info": 2}
    for f in sorted(
        r.findings, key=lambda f: (order.get(f.severity, 3), natural(f.location or ""))
    ):
        place = f" {place_text(f.location, lang)}" if f.location else ""
        severity = text(f"severity-{f.severity}", lang)
        out.append(f"  {severity} [{f.code}]{place} {f.message(lang)}")
        hint = CODES[f.code].advice(lang)
        if hint:
            out.append(f"    {text('how-to-fix', lang, hint=hint)}")
    return out


def _summary(results: Sequence[FileResult], lang: str) -> str:
    bad = sum(1 for r in results if r.unreadable)
    stray = sum(1 for r in results if not r.unreadable and not_a_form(r))
    errors = sum(1 for r in results if not r.unreadable and r.has_errors) - stray
    ok = len(results) - bad - errors - stray
    apart = ""
    if stray:
        apart = text("summary-apart", lang, text=CODES["files-not-forms"].render(lang, count=stray))
    members = any("!" in r.file for r in results)
    each = text("summary-each", lang) if members else ""
    return text(
        "summary", lang, files=len(results), each=each, ok=ok, errors=errors, bad=bad, apart=apart
    )


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
        out.append(_line(labels(r.form, key), _shown(v.value, lang), v.location, lang))
    for row in record.indicators:
        name = row.get("indicator")
        if name is not None:
            out.append(_line(text("indicator", lang, name=name.value), "", name.location, lang))
    for key, v in record.sections.items():
        chars = len(str(v.value or ""))
        out.append(
            _line(
                text("section", lang, name=labels(r.form, key), chars=chars), "", v.location, lang
            )
        )
    return out or [f"  {text('nothing-read', lang)}"]


def _line(label: str, value: str, place: object, lang: str = "zh") -> str:
    shown = text("value-line", lang, label=label, value=value) if value else label
    return f"  {shown}  [{place_text(str(place), lang)}]" if place is not None else f"  {shown}"


def _shown(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if isinstance(value, list | tuple):
        return text("list-sep", lang).join(_shown(v, lang) for v in value)
    if isinstance(value, dict):
        return " ".join(_shown(v, lang) for v in value.values() if v not in (None, ""))
    return str(value)


def not_a_form(result: FileResult) -> bool:
    """A document read but not one of the programme's forms: counted apart, not 需修改."""
    return any(f.code == "form-unknown" for f in result.findings)
