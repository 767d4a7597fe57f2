"""Validation: a form's record against its spec (and, when given, the programme).

The spec's Cerberus schema does the field rules (required, type, regex, allowed, min/max,
length). :class:`FormValidator` adds named custom rules (``check_with``) chosen by each field's
``meta.kind`` — ``credit_code``, ``zone_code``, ``phone``, ``email``, ``docno`` — and by key
(the tolerant ``dimension`` check of indicator rows). Cerberus' errors are translated to
finding codes (:data:`RULE_CODES`); its English messages never reach a user. Cross-field and
form-level rules (two-year period, catalogue, six dimensions, plan parts …) live in
:mod:`formkit.validate.rules` and run on whatever keys the spec has.

Bad data never raises: everything becomes a :class:`~formkit.model.findings.Finding`, in the order
of the form's fields.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, TypedDict

import cerberus
from cerberus.errors import ValidationError

from formkit.model.codes import text
from formkit.model.findings import Finding
from formkit.model.record import Record
from formkit.spec import FormSpec
from formkit.validate.checksum import (
    credit_code_reason,
    is_email,
    parse_docno,
    parse_zone_code,
    phones_problem,
)
from formkit.validate.context import Context
from formkit.validate.rows import RowChecker
from formkit.validate.rules import canonical_dimension, run_rules

if TYPE_CHECKING:
    from formkit.programme.model import Programme

__all__ = ["FormValidator", "Validators", "validate"]

# meta.kind → the check_with rule that checks values of that kind
KIND_CHECKS = {
    "credit_code": "credit_code",
    "zone_code": "zone_code",
    "phone": "phone",
    "email": "email",
    "docno": "docno",
}
# a regex failure on a field of this kind is reported with the kind's own code
REGEX_CODES = {
    "zone_code": "bad-zone-code",
    "phone": "bad-phone",
    "email": "bad-email",
    "credit_code": "bad-credit-code",
    "docno": "bad-docno",
}
KIND_NAMES = {  # the kind of value a field asks for, as bad-value names it (zh)
    kind: text(f"kind-{kind}")
    for kind in (
        *("int", "number", "money", "month", "date", "bool", "list", "target", "choice"),
        *("period", "text", "longtext"),
    )
}


class KindParams(TypedDict, total=False):
    """bad-value's params for ``{kind}``: a catalogue word, or the kind as it is."""

    kind_word: str
    kind: str


def _kind(kind: str) -> KindParams:
    """bad-value's ``{kind}``: a catalogue word (in the output's language) when known."""
    return {"kind_word": f"kind-{kind}"} if kind in KIND_NAMES else {"kind": kind}


FISCAL = "fiscal"  # Record.layout of a 产出/效益/满意度 indicator table

_CURRENT: ContextVar[Context] = ContextVar("formkit_validation_context")
_VALIDATORS: dict[str, tuple[FormSpec, Validators]] = {}


class Validators:
    """A spec's compiled validators: ``fields`` for the form without its table's rows, ``row``
    for one table row, ``whole`` (built on demand) for a table whose items are not all rows.

    Cerberus checks a list of dicts by building a child validator — and compiling the row
    schema — for every list and every row. Rows are checked one by one instead, by the
    :class:`RowChecker` when the row schema's rules are few and plain, else by the one ``row``
    validator (its schema compiled once); either reports Cerberus' errors at the same paths."""

    def __init__(self, spec: FormSpec) -> None:
        schema = checked_schema(spec)
        self.key, row_schema = _row_schema(spec, schema)
        self._schema = schema
        self._whole: FormValidator | None = None
        self.row: FormValidator | None = None
        self.checker: RowChecker | None = None
        if row_schema is not None:
            self.row = FormValidator(row_schema, allow_unknown=True)
            self.checker = RowChecker.build(self.row, row_schema)
            schema = {**schema, self.key: _without_items(_rules_at(schema, self.key))}
        self.fields = FormValidator(schema, allow_unknown=True)

    def whole(self) -> FormValidator:
        if self._whole is None:
            self._whole = FormValidator(self._schema, allow_unknown=True)
        return self._whole

    def run(self, doc: dict[str, object]) -> list[ValidationError]:
        """Validate ``doc``; Cerberus' errors of the fields, then of each row in order."""
        rows = doc.get(self.key) if self.row is not None else None
        if isinstance(rows, list) and not all(isinstance(r, Mapping) for r in rows):
            whole = self.whole()
            whole.validate(doc, normalize=False)
            return list(whole._errors)
        self.fields.validate(doc, normalize=False)
        found = list(self.fields._errors)
        if self.row is not None and isinstance(rows, list):
            for index, row in enumerate(rows):
                found.extend(self._row((self.key, index), row))
        return found

    def _row(self, path: tuple[object, ...], row: Mapping[str, object]) -> list[ValidationError]:
        if self.checker is not None and RowChecker.plain(row):
            return self.checker.check(path, row)
        assert self.row is not None
        self.row.document_path = path
        self.row.validate(row, normalize=False)
        return list(self.row._errors)


def validate(
    spec: FormSpec, record: Record, *, programme: Programme | None = None
) -> list[Finding]:
    """Check one form's record; returns findings in the order of the form's fields."""
    ctx = Context(spec, record, programme)
    validators = _validators(spec)
    token = _CURRENT.set(ctx)
    try:
        errors = validators.run(document(spec, record))
    finally:
        _CURRENT.reset(token)
    for error in _leaves(errors):
        _translate(ctx, error)
    run_rules(ctx)
    return ctx.findings()


def _validators(spec: FormSpec) -> Validators:
    """One set of validators per loaded spec (building one hashes the whole schema: ~15 ms)."""
    cached = _VALIDATORS.get(spec.source)
    if cached is None or cached[0] is not spec:
        cached = (spec, Validators(spec))
        _VALIDATORS[spec.source] = cached
    return cached[1]


def _row_schema(
    spec: FormSpec, schema: Mapping[str, object]
) -> tuple[str, dict[str, object] | None]:
    """The table's key and its row schema, when the table is a plain list of dicts."""
    if spec.table is None:
        return "", None
    key = spec.table.key
    rules = schema.get(key)
    if not isinstance(rules, Mapping) or rules.get("type") != "list":
        return key, None
    items = rules.get("schema")
    if not isinstance(items, Mapping) or dict(items).get("type") != "dict" or len(items) != 2:
        return key, None
    inner = items.get("schema")
    if not isinstance(inner, Mapping) or not all(isinstance(r, Mapping) for r in inner.values()):
        return key, None
    return key, dict(inner)


def _without_items(rules: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in rules.items() if k != "schema"}


def document(spec: FormSpec, record: Record) -> dict[str, object]:
    """The record's normalised values in the schema's shape, empty values left out.

    An empty string or list, or a value that did not normalise (None), counts as absent; a
    value in ``record.invalid`` was reported by the extractor and is not reported again.
    Rows of a fiscal-layout table are left out: the table as a whole is not accepted.
    """
    doc = {k: v.value for k, v in record.fields.items() if _present(v.value)}
    if spec.table is not None and record.indicators and record.layout != FISCAL:
        doc[spec.table.key] = [
            {k: v.value for k, v in row.items() if _present(v.value)} for row in record.indicators
        ]
    if spec.outline is not None and record.sections:
        doc[spec.outline.key] = {
            k: v.value for k, v in record.sections.items() if _present(v.value)
        }
    return doc


def _present(value: object) -> bool:
    return value is not None and value != "" and value != [] and value != ()


def checked_schema(spec: FormSpec) -> dict[str, object]:
    """The spec's schema with the custom rules its kinds and keys call for, without meta."""
    schema: dict[str, object] = copy.deepcopy(dict(spec.schema))
    for rules in _all_rules(schema):
        meta = rules.pop("meta", {})
        kind = meta.get("kind") if isinstance(meta, Mapping) else None
        if kind in KIND_CHECKS:
            _add_check(rules, KIND_CHECKS[kind])
    if spec.table is not None and "dimension" in {c.key for c in spec.columns}:
        column = _rules_at(schema, spec.table.key, "schema", "schema", "dimension")
        column.pop("allowed", None)  # unknown dimensions are a warning, not not-allowed
        _add_check(column, "dimension")
    return schema


def _rules_at(schema: dict[str, object], *keys: str) -> dict[str, object]:
    """The rules dict at ``keys`` (a table's column: key, schema, schema, column)."""
    found: object = schema
    for key in keys:
        found = found[key] if isinstance(found, dict) else None
    if not isinstance(found, dict):
        raise TypeError(f"schema: {'.'.join(keys)} is not a dict of rules")
    return found


def _all_rules(schema: Mapping[str, object]) -> Iterator[dict[str, object]]:
    for rules in schema.values():
        if not isinstance(rules, dict):
            continue  # not a field's rules (cerberus refused the schema already)
        yield rules
        inner = rules.get("schema")
        if isinstance(inner, Mapping) and rules.get("type") == "list":
            inner = inner.get("schema")
        if isinstance(inner, Mapping) and all(isinstance(r, Mapping) for r in inner.values()):
            yield from _all_rules(inner)


def _add_check(rules: dict[str, object], name: str) -> None:
    present = rules.get("check_with")
    if present is None:
        rules["check_with"] = name
    elif name not in (present if isinstance(present, list) else [present]):
        rules["check_with"] = [*(present if isinstance(present, list) else [present]), name]


class FormValidator(cerberus.Validator):  # type: ignore[misc]  # cerberus ships no types
    """Cerberus with formkit's named custom rules. Each rule reports through the current
    run's :class:`Context`, which knows labels, places and codes."""

    @property
    def context(self) -> Context:
        return _CURRENT.get()

    def _path(self, field: str) -> tuple[object, ...]:
        return (*self.document_path, field)

    def _check_with_credit_code(self, field: str, value: object) -> None:
        reason = credit_code_reason(str(value))
        if reason:
            word, params = reason
            self.context.add("bad-credit-code", self._path(field), detail_word=word, **params)

    def _check_with_zone_code(self, field: str, value: object) -> None:
        if parse_zone_code(str(value)) is None:
            self.context.add("bad-zone-code", self._path(field))

    def _check_with_phone(self, field: str, value: object) -> None:
        if phones_problem(str(value)):
            self.context.add("bad-phone", self._path(field))

    def _check_with_email(self, field: str, value: object) -> None:
        if not is_email(str(value)):
            self.context.add("bad-email", self._path(field))

    def _check_with_docno(self, field: str, value: object) -> None:
        docno = parse_docno(str(value))
        path = self._path(field)
        if docno is None:
            self.context.add("bad-docno", path)
        elif not docno.brackets_ok:
            self.context.add("docno-brackets", path)
        elif docno.zero_or_di:
            self.context.add("docno-nonstandard", path, expected=str(docno))

    def _check_with_dimension(self, field: str, value: object) -> None:
        if self.context.record.layout == FISCAL:
            return  # the layout finding already says the six dimensions are expected
        if canonical_dimension(str(value), self.context.spec) is None:
            self.context.add("unknown-dimension", self._path(field))


# --- Cerberus errors → findings -------------------------------------------------------------


def _leaves(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    for error in errors:
        if error.is_group_error and error.child_errors:
            yield from _leaves(error.child_errors)
        elif error.rule != "check_with":
            yield error


def _translate(ctx: Context, error: ValidationError) -> None:
    path = tuple(error.document_path)
    spec_field = ctx.spec_field(path)
    kind = spec_field.kind if spec_field else "text"
    rule = error.rule
    if rule in ("required", "empty", "nullable"):
        _missing(ctx, path)
    elif rule == "minlength" and _is_table(ctx, path):
        _no_rows(ctx, path)
    elif rule == "minlength":
        ctx.add("missing-field", path)
    elif rule == "regex":
        _regex(ctx, path, kind)
    elif rule == "allowed":
        ctx.add("not-allowed", path, allowed="、".join(map(str, error.constraint)))
    elif rule in ("min", "max", "maxlength"):
        word, bound = _bound(rule, error.constraint)
        ctx.add("out-of-range", path, value=_num(error.value), detail_word=word, n=bound)
    else:  # type, and any rule a bureau adds to its own spec
        ctx.add("bad-value", path, **_kind(kind))


def _missing(ctx: Context, path: tuple[object, ...]) -> None:
    spec = ctx.spec
    given = ctx.value(path)
    if given is not None and given.value is None and given.raw not in (None, ""):
        return  # present but unreadable: the extractor reported it
    if _is_table(ctx, path):
        _no_rows(ctx, path)
    elif len(path) == 3 and isinstance(path[1], int):
        _incomplete_row(ctx, path, path[1])
    elif spec.outline is not None and path[0] == spec.outline.key:
        parts = [path[1]] if len(path) > 1 else [p.key for p in spec.parts]
        for part in parts:
            ctx.add("section-missing", (path[0], part))
    else:
        ctx.add("missing-field", path)


def _incomplete_row(ctx: Context, path: tuple[object, ...], index: int) -> None:
    """A table row lacking a column: ``指标“X”未填写…`` for a named indicator, else the
    table and the row number (the plan's fund-use rows are no indicators)."""
    table = ctx.spec.table
    name = ctx.row_indicator(index) if table is not None and table.key == "indicators" else None
    if name is not None:
        ctx.add("indicator-incomplete", path, indicator=name)
    else:
        label = table.label if table is not None else ""
        ctx.add("row-incomplete", path, table=label, row=ctx.row_number(index))


def _no_rows(ctx: Context, path: tuple[object, ...]) -> None:
    """No indicator rows: a table found with every row blank (a blank form) leaves it to the
    six-dimension rule to name each empty dimension; no table at all is ``no-indicators``;
    a fiscal-layout table (its rows left out of the document) is one error for the table."""
    if ctx.record.layout == FISCAL:
        ctx.add("fiscal-layout-not-accepted", path)
    elif not (ctx.table_found() and ctx.spec.extra.get("dimensions")):
        ctx.add("no-indicators", path)


def _is_table(ctx: Context, path: tuple[object, ...]) -> bool:
    table = ctx.spec.table
    return table is not None and path == (table.key,) and table.key == "indicators"


def _regex(ctx: Context, path: tuple[object, ...], kind: str) -> None:
    if kind == "credit_code":
        word, params = credit_code_reason(ctx.raw(path)) or ("credit-format", {})
        ctx.add("bad-credit-code", path, detail_word=word, **params)
    elif kind in REGEX_CODES:
        ctx.add(REGEX_CODES[kind], path)
    elif kind in ("month", "date"):
        ctx.add("bad-value", path, **_kind(kind))
    else:
        ctx.add("bad-pattern", path)


def _bound(rule: str, constraint: object) -> tuple[str, object]:
    """out-of-range's ``{detail}``: a catalogue line (in the output's language), its bound."""
    if rule == "min":
        return "at-least", _num(constraint)
    if rule == "max":
        return "at-most", _num(constraint)
    return "at-most-items", constraint


def _num(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        return len(value)
    return value
