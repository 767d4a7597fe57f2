"""Form specs: one Cerberus schema per form in ``validators/<form>.yaml``, fields carrying a
``meta`` block. Everything else — blank forms, the parser mapping, validation and the wording
of findings — is derived from these views.

A spec file has two top-level keys::

    form:    name, title, heading, sections (ordered), optional table key
    schema:  Cerberus rules per field key, each with
             meta: {label, aliases, kind, unit, section, hint, example, group, sublabels}

A list-of-dict field (Form B's ``indicators``) is the form's *table*; its columns are
fields of the item schema. A dict field with a schema (the plan's ``sections``) is the form's
*outline*; its keys are the required *parts*, each with its canonical heading as label and
the usual heading variants as aliases. A malformed spec raises :class:`SpecError` naming the
file.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cerberus

from formkit.model import preparsed
from formkit.model.errors import SpecError
from formkit.model.resources import validators_dir

KINDS = frozenset(
    {
        "text",
        "longtext",
        "int",
        "number",
        "money",
        "month",
        "date",
        "bool",
        "list",
        "phone",
        "email",
        "credit_code",
        "zone_code",
        "docno",
        "choice",
        "target",
        "period",
    }
)
FORMS = ("application", "targets", "plan", "progress", "city_letter", "self_eval")


@dataclass(frozen=True)
class Field:
    """One field of a form: its key, how it is printed and how its value is read."""

    key: str
    label: str
    kind: str
    rules: Mapping[str, Any]
    aliases: tuple[str, ...] = ()
    unit: str | None = None
    section: str | None = None
    hint: str = ""
    example: Any = None
    group: str | None = None
    sublabels: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return bool(self.rules.get("required"))

    @property
    def allowed(self) -> tuple[object, ...]:
        return tuple(self.rules.get("allowed", ()))

    @property
    def labels(self) -> tuple[str, ...]:
        """Every spelling this field may be printed under, the official label first."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class FormSpec:
    name: str
    title: str
    heading: str
    sections: tuple[str, ...]
    fields: tuple[Field, ...]
    schema: Mapping[str, Any]
    source: str
    table: Field | None = None
    columns: tuple[Field, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    outline: Field | None = None
    parts: tuple[Field, ...] = ()

    def field(self, key: str) -> Field:
        for f in (*self.fields, *self.columns, *self.parts):
            if f.key == key:
                return f
        raise KeyError(key)

    def by_section(self) -> Iterator[tuple[str, list[Field]]]:
        for section in self.sections:
            yield section, [f for f in self.fields if f.section == section]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


def load_spec(name: str, directory: str | Path | None = None) -> FormSpec:
    path = Path(directory or validators_dir()) / f"{name}.yaml"
    return _load(str(path))


def load_all(directory: str | Path | None = None) -> dict[str, FormSpec]:
    """Every spec of a folder (the shipped validators/ by default), read once per process:
    a check calls this for every file."""
    return dict(_load_all(str(Path(directory or validators_dir()))))


def labeller(directory: str | Path | None = None) -> Callable[[str, str], str]:
    """``label(form, key)``: a field's printed label, the key itself when the spec has none."""
    return labels_of(load_all(directory))


def labels_of(specs: Mapping[str, FormSpec]) -> Callable[[str, str], str]:
    """:func:`labeller` over specs already loaded."""

    def label(form: str, key: str) -> str:
        try:
            return specs[form].field(key).label
        except KeyError:
            return key

    return label


@functools.lru_cache(maxsize=8)
def _load_all(directory: str) -> tuple[tuple[str, FormSpec], ...]:
    return tuple((name, load_spec(name, directory)) for name in available_forms(directory))


def available_forms(directory: str | Path | None = None) -> list[str]:
    here = Path(directory or validators_dir())
    found = {p.stem for p in here.glob("*.yaml")}
    return [n for n in FORMS if n in found] + sorted(found - set(FORMS))


@functools.lru_cache(maxsize=64)
def _load(path: str) -> FormSpec:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise SpecError("spec-unreadable", file=str(path), detail=exc.strerror) from exc
    return _parse(path, raw)


def _parse(path: str, raw: bytes) -> FormSpec:
    doc: object = preparsed.document(raw)  # a shipped spec, parsed ahead
    if doc is None:
        doc = _parse_yaml(path, raw)
    if not isinstance(doc, dict) or not {"form", "schema"} <= doc.keys():
        raise SpecError("spec-top", file=str(path))
    return _build(path, doc["form"], doc["schema"], checked=_shipped(path))


def _parse_yaml(path: str, raw: bytes) -> object:
    # on use, not at the top: see formkit.model.preparsed (PyYAML's import, ~105 M instructions)
    import yaml

    try:
        return preparsed.parse_yaml(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SpecError("spec-not-utf8", file=str(path), detail=exc.reason) from exc
    except yaml.YAMLError as exc:
        raise SpecError("spec-yaml-invalid", file=str(path), detail=str(exc)) from exc


def _shipped(path: str) -> bool:
    """Whether a spec file is one of formkit's own (the shipped validators/ folder)."""
    return Path(path).resolve().parent == _shipped_dir()


@functools.cache
def _shipped_dir() -> Path:
    return validators_dir().resolve()


def build_spec(path: str, form: Mapping[str, object], schema: Mapping[str, object]) -> FormSpec:
    """A spec from its two parts already loaded (a drafted spec before it is written)."""
    return _build(path, form, schema)


def _build(
    path: str, form: Mapping[str, object], schema: Mapping[str, object], *, checked: bool = False
) -> FormSpec:
    """``checked``: the schema is known valid. Cerberus' check of formkit's six shipped
    schemas costs ≈ 50 ms of every command's start (measured: loading them 246 → 195 ms CPU
    without it); tests/spec/test_specs.py checks those instead. A user's --validators folder and
    a drafted spec are still checked here, so a bad rule is refused naming its file."""
    if not checked:
        try:
            cerberus.Validator(schema)  # validates the schema itself
        except cerberus.SchemaError as exc:
            raise SpecError("spec-schema-invalid", file=str(path), detail=str(exc)) from exc
    fields: list[Field] = []
    table: Field | None = None
    columns: tuple[Field, ...] = ()
    outline: Field | None = None
    parts: tuple[Field, ...] = ()
    for key, given in schema.items():
        rules = _rules(given)
        f = _field(path, key, rules)
        item = _rules(rules.get("schema", {})) if rules.get("type") == "list" else {}
        if item.get("type") == "dict" and table is None:
            table = f
            columns = tuple(_field(path, k, _rules(r)) for k, r in _rules(item["schema"]).items())
        elif rules.get("type") == "dict" and isinstance(rules.get("schema"), Mapping):
            outline = f
            parts = tuple(_field(path, k, _rules(r)) for k, r in _rules(rules["schema"]).items())
        else:
            fields.append(f)
    sections = tuple(_texts(form.get("sections", ())))
    for f in fields:
        if f.section is not None and f.section not in sections:
            raise SpecError("spec-field-section", file=str(path), name=f.key, section=f.section)
    extra = {k: v for k, v in form.items() if k not in {"name", "title", "heading", "sections"}}
    return FormSpec(
        name=str(form.get("name") or Path(path).stem),
        title=str(form["title"]),
        heading=str(form.get("heading", form["title"])),
        sections=sections,
        fields=tuple(fields),
        schema=schema,
        source=path,
        table=table,
        columns=columns,
        extra=extra,
        outline=outline,
        parts=parts,
    )


def _rules(value: object) -> Mapping[str, object]:
    """A field's rules; anything else as none (cerberus refused such a schema already, and
    a field without rules has no label: spec-field-label)."""
    return value if isinstance(value, Mapping) else {}


def _texts(value: object) -> list[str]:
    """A list of texts of the form part (sections)."""
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def _field(path: str, key: str, rules: Mapping[str, object]) -> Field:
    meta = rules.get("meta")
    if not isinstance(meta, Mapping) or not meta.get("label"):
        raise SpecError("spec-field-label", file=str(path), name=key)
    kind = meta.get("kind", "text")
    if kind not in KINDS and kind not in ("table", "sections"):
        raise SpecError("spec-field-kind", file=str(path), name=key, kind=kind)
    return Field(
        key=key,
        label=meta["label"],
        kind=kind,
        rules={k: v for k, v in rules.items() if k != "meta"},
        aliases=tuple(meta.get("aliases", ())),
        unit=meta.get("unit"),
        section=meta.get("section"),
        hint=meta.get("hint", ""),
        example=meta.get("example"),
        group=meta.get("group"),
        sublabels=tuple(meta.get("sublabels", ())),
    )
