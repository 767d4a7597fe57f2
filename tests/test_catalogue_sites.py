"""Every failure's words come from the one catalogue (formkit/model/codes.py).

An AST scan of formkit/ finds each call that names a catalogue code by a string literal —
an error raised (``InputFileError("file-unsafe", name, reason=…, part=…)``), a finding
(``finding("missing-field", field=…)``, ``Finding("x", …, params={…})``) or a helper that
passes its params through (``fail(name, "file-corrupt", reason=…)``) — and checks that the
keyword params supplied are exactly the placeholders of the code's zh and en templates
(and of the named ``reason``'s). Errors are constructed with a literal code, never prose.
"""

from __future__ import annotations

import ast
import pickle
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from formkit.model.codes import CODES, REASONS, REPORT_TEXTS
from formkit.model.errors import (
    ConfigError,
    FormkitError,
    InputFileError,
    OutputFileError,
    SpecError,
    TemplateError,
)
from formkit.model.findings import finding
from formkit.pipeline import unreadable

ROOT = Path(__file__).resolve().parents[1] / "formkit"
ERRORS = {
    "FormkitError",
    "SpecError",
    "ConfigError",
    "TemplateError",
    "InputFileError",
    "OutputFileError",
    "ConversionError",
}
# the helpers that build an error from a code and pass their keywords through as params
HELPERS = {"fail", "refuse", "_refusal"}
FINDINGS = {"finding", "Finding", "issue"}
# keywords that are not params: where the failure is, and a finding's own fields
NOT_PARAMS = {"place"}
FINDING_FIELDS = {"location", "key", "severity"}
# helpers that add params of their own: the programme checks' ``self.fail(code, at, …)`` gives
# the file and, from its ``At``, ``{at}`` (an ``at_word`` line whose params At.params() supplies)
OWN_PARAMS = {("programme/loader.py", "fail"): {"file", "at"}}


def placeholders(*templates: str) -> set[str]:
    return {
        name.split(".")[0].split("[")[0]
        for template in templates
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }


def expected(code: str, reason: str | None) -> set[str]:
    entry = CODES[code]
    names = placeholders(entry.zh, entry.en)
    if reason == DYNAMIC:  # chosen at run time from reasons without placeholders
        names = (names - {"detail"}) | {"reason"}
    elif reason is not None:
        names = (names - {"detail"}) | {"reason"} | placeholders(*_reason(reason))
    return names


def _reason(key: str) -> tuple[str, str]:
    return REASONS[key].zh, REASONS[key].en


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def sites() -> Iterator[tuple[str, ast.Call, str]]:
    """(where, call, code) for each call naming a code by a literal."""
    for path in sorted(ROOT.rglob("*.py")):
        if path.name == "codes.py":
            continue  # the catalogue itself
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if _name(node.func) not in ERRORS | HELPERS | FINDINGS:
                continue
            literal = [
                a.value
                for a in node.args[:2]
                if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value in CODES
            ]
            if literal:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node, literal[0]


def supplied(call: ast.Call, where: str = "") -> set[str] | None:
    """The param names a call gives (None when it spreads a mapping we cannot see)."""
    if any(k.arg is None for k in call.keywords):
        return None
    # a NAME_word param names a catalogue line that fills {NAME}, NAME_words a list (Code.render)
    names = {_param(k.arg) for k in call.keywords if k.arg is not None} - NOT_PARAMS
    names |= OWN_PARAMS.get((where.partition(":")[0], _name(call.func)), set())
    if _name(call.func) in FINDINGS:
        names -= FINDING_FIELDS
    if _name(call.func) == "Finding":
        params = call.args[4] if len(call.args) > 4 else None
        for k in call.keywords:
            if k.arg == "params":
                params = k.value
        if params is not None and not isinstance(params, ast.Dict):
            return None
        keys = params.keys if isinstance(params, ast.Dict) else []
        names = {k.arg for k in call.keywords if k.arg == "field"} | {
            key.value for key in keys if isinstance(key, ast.Constant)
        }
        if len(call.args) > 1 and not _is_none(call.args[1]):
            names.add("field")
    return names


def _param(keyword: str) -> str:
    return keyword.removesuffix("_words").removesuffix("_word")


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


DYNAMIC = "<dynamic>"


def _reason_of(call: ast.Call, code: str) -> str | None:
    if "{detail}" not in CODES[code].zh:
        return None  # a plain param of that name (allocation-not-rolled)
    for k in call.keywords:
        if k.arg == "reason":
            if isinstance(k.value, ast.Constant):
                return str(k.value.value)
            return DYNAMIC
    return None


def test_a_reason_chosen_at_run_time_has_no_placeholders() -> None:
    from formkit.writers.forms import _REASONS

    assert all(not placeholders(*_reason(key)) for key in _REASONS.values())


def test_the_scan_finds_the_sites() -> None:
    found = list(sites())
    assert len(found) > 150  # the scan itself works: readers, intake, validation, batch …
    kinds = {_name(call.func) for _, call, _ in found}
    assert {"InputFileError", "finding", "fail", "refuse", "SpecError"} <= kinds


def test_every_call_site_supplies_exactly_its_templates_placeholders() -> None:
    wrong = []
    for where, call, code in sites():
        names = supplied(call, where)
        if names is None:
            continue
        reason = _reason_of(call, code)
        if reason not in (None, DYNAMIC) and reason not in REASONS:
            wrong.append(f"{where}: {code}: unknown reason {reason!r}")
            continue
        want = expected(code, reason)
        if _name(call.func) in {"finding", "Finding", "issue"} and "field" in want:
            names |= {"field"}  # a finding's field is its own attribute; None prints empty
        if _name(call.func) == "issue":  # a dossier issue's own file and document
            names -= {"file"} if "document" in want else {"file", "document"}
        words = [k for k in call.keywords if k.arg and k.arg.endswith("_word")]
        for k in words:  # the catalogue line a NAME_word param names takes params of its own
            if isinstance(k.value, ast.Constant):
                want |= placeholders(*REPORT_TEXTS[k.value.value])
        if any(not isinstance(k.value, ast.Constant) for k in words):
            if not want <= names:  # a line chosen at run time: its own params are extra
                wrong.append(
                    f"{where}: {code}: gives {sorted(names)}, lacks {sorted(want - names)}"
                )
        elif names != want:
            wrong.append(f"{where}: {code}: gives {sorted(names)}, template has {sorted(want)}")
    assert not wrong, "\n".join(wrong)


def test_every_error_is_constructed_with_a_literal_code() -> None:
    prose = []
    for path in sorted(ROOT.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.Call) and _name(node.func) in ERRORS and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and first.value in CODES:
                continue
            if isinstance(first, ast.Name) and first.id == "code":  # a helper's own argument
                continue
            line = ast.get_source_segment(source, node) or ""
            prose.append(f"{path.relative_to(ROOT)}:{node.lineno}: {line[:80]}")
    assert not prose, "\n".join(prose)


def test_every_reason_is_used() -> None:
    used = {
        node.value
        for path in ROOT.rglob("*.py")
        if path.name != "codes.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in REASONS
    }
    assert set(REASONS) - used == set()


# --- the errors themselves ------------------------------------------------------------------


def test_an_error_renders_in_chinese_and_english() -> None:
    err = InputFileError(
        "file-unsafe", "申报表.docx", place="word/_rels/a.rels", reason="rels-too-large"
    )
    assert str(err) == "申报表.docx word/_rels/a.rels：文件含有不安全的结构，已拒绝：关系部件过大"
    assert err.message("en") == (
        "申报表.docx word/_rels/a.rels: the file has an unsafe structure and was refused:"
        " a relationships part is too large"
    )


def test_a_configuration_error_says_what_to_do() -> None:
    err = ConfigError("office-missing")
    assert str(err) == (
        "未找到 LibreOffice（soffice），无法转换文件。"
        "安装 libreoffice-writer-nogui（运行 scripts/setup-system.sh）"
    )
    assert err.message("en") == "LibreOffice (soffice) not found; cannot convert"


@pytest.mark.parametrize(
    "error",
    [
        InputFileError("file-too-large", "a.docx", detail="201 MB"),
        InputFileError(
            "archive-refused", "a.zip", place="x/y.zip", reason="archive-too-deep", limit=2
        ),
        SpecError("spec-field-kind", file="a.yaml", name="k", kind="x"),
        TemplateError("template-unreadable", template="t.docx", reason="docx-no-document"),
        OutputFileError("output-exists", path="/tmp/a.docx"),
    ],
)
def test_an_error_crosses_a_process_boundary_whole(error: FormkitError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert (back.code, back.file, back.place, back.params) == (
        error.code,
        error.file,
        error.place,
        error.params,
    )
    assert str(back) == str(error)


def test_an_unknown_code_or_reason_is_a_defect_not_a_message() -> None:
    with pytest.raises(KeyError):
        InputFileError("no-such-code", "a.docx")
    with pytest.raises(KeyError):
        InputFileError("file-unsafe", "a.docx", reason="no-such-reason")


def test_an_unreadable_file_becomes_a_finding_with_the_errors_params() -> None:
    err = InputFileError("file-unsafe", "a.pdf", place="字节 7", reason="pdf-stream-bomb")
    (found,) = unreadable("a.pdf", err).findings
    assert found == finding("file-unsafe", location="字节 7", reason="pdf-stream-bomb")
    assert found.message("en") == (
        "the file has an unsafe structure and was refused: a PDF stream inflates too far or"
        " too steeply; looks like a compression bomb"
    )
    assert found.message() == (
        "文件含有不安全的结构，已拒绝：PDF 数据流解压后过大或压缩比异常，疑似压缩炸弹"
    )


def test_the_programme_places_give_exactly_their_lines_placeholders() -> None:
    """``self.fail(code, at)`` is checked above for ``{at}``; the line its ``at_word`` names is
    chosen at run time, so each kind of :class:`At` is checked here against its line."""
    from formkit.programme.loader import At

    for at in (At("cities"), At("cities", 2), At("cities", 2, "quota")):
        params = at.params()
        line = str(params.pop("at_word"))
        assert set(params) == placeholders(*REPORT_TEXTS[line]), line
