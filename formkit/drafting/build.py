"""A :class:`~formkit.drafting.scan.Scan` → a spec dict in the shape of ``validators/*.yaml``,
and the notes on what a person should decide."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Required, TypedDict

from formkit.drafting import keys
from formkit.drafting.kinds import Guess, guess
from formkit.drafting.scan import BELOW, INLINE, LINE, Grid, Scan, Spot
from formkit.drafting.vocabulary import vocabulary
from formkit.extract import extract
from formkit.extract.labels import bracket_unit, canon, core
from formkit.model.document import Document
from formkit.spec import build_spec

_MUST = vocabulary()["required_word"]  # 必填
_REQUIRED = re.compile(rf"^\s*[*＊※★]+|[*＊※★]+\s*$|[（(]{_MUST}[)）]|{_MUST}")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
_TYPES = {
    "int": "integer",
    "number": "number",
    "money": "number",
    "bool": "boolean",
    "list": "list",
}
_REGEX = {"month": r"^\d{4}-\d{2}$", "date": r"^\d{4}-\d{2}-\d{2}$"}
_LAYOUTS = {1: "two-column", 2: "four-column"}
MIN_TABLE_COLUMNS = 3


@dataclass(frozen=True)
class Note:
    """Something the draft could not decide: a code of :mod:`formkit.model.codes` and its params."""

    code: str
    key: str
    params: dict[str, str] = field(default_factory=dict)


class DraftMeta(TypedDict, total=False):
    """A drafted field's ``meta`` (see ``validators/*.yaml``)."""

    label: Required[str]
    aliases: list[str]
    kind: str
    unit: str
    section: str
    group: str
    sublabels: list[str]
    hint: str


class DraftRules(TypedDict, total=False):
    """A drafted field's cerberus rules, the only ones the drafter writes, and its meta."""

    type: str
    schema: dict[str, object]  # a list's item rules
    required: bool
    regex: str
    min: int
    allowed: list[str]
    meta: DraftMeta


class DraftSpec(TypedDict):
    form: dict[str, object]
    schema: dict[str, DraftRules]


@dataclass
class Draft:
    spec: DraftSpec
    notes: list[Note]

    @property
    def name(self) -> str:
        return str(self.spec["form"]["name"])


def build(scan: Scan, form_key: str | None, fallback_title: str) -> Draft:
    title = scan.title or fallback_title
    name = form_key or keys.form_key(title)
    notes: list[Note] = []
    schema: dict[str, DraftRules] = {}
    sections = list(scan.sections)
    taken: dict[str, str] = {}  # canonical label → key, so a label printed twice is one field
    for spot in scan.spots:
        section = spot.section or title
        if section not in sections:
            sections.insert(0, section)
        _add_field(schema, spot, section, taken, notes)
    for grid in scan.grids[:1]:
        _add_grid(schema, grid, taken, notes)
    for grid in scan.grids[1:]:
        caption = grid.caption or grid.columns[0]
        notes.append(Note("draft-table-extra", "", {"label": caption}))
    _drop_shared_aliases(schema)
    form: dict[str, object] = {
        "name": name,
        "title": title,
        "heading": title,
        "sections": [s for s in sections if _used(schema, s)],
        "layout": _layout(scan),
    }
    return Draft({"form": form, "schema": schema}, notes)


MAX_QUOTED = 16
MAX_PRINTED_ROUNDS = 8


def _drop_shared_aliases(schema: dict[str, DraftRules]) -> None:
    """An alias that is another field's printed label would make the two fields one."""
    labels = {canon(r["meta"]["label"]): k for k, r in schema.items()}
    for key, rules in schema.items():
        meta = rules["meta"]
        kept = [a for a in meta.get("aliases", ()) if labels.get(canon(a), key) == key]
        if kept:
            meta["aliases"] = kept
        else:
            meta.pop("aliases", None)


def printed_notes(draft: Draft, doc: Document) -> None:
    """The blank form read with its own draft must give nothing. A value found there is
    printed on the form (a notice's 项目联系人：张三) under a label the extractor takes for
    the field's: it goes to ``form.printed`` (the extractor passes over it, so the clerk's
    value is read) and a note names it."""
    printed: dict[str, list[str]] = {}
    places: dict[str, str] = {}
    for _ in range(MAX_PRINTED_ROUNDS):  # each round may uncover the next printed value
        form = {**draft.spec["form"], "printed": printed}
        record = extract(doc, build_spec(doc.name, form, draft.spec["schema"]))
        if not record.fields:
            break
        for key, value in record.fields.items():
            printed.setdefault(key, []).append(value.raw.strip())
            places.setdefault(key, str(value.location or ""))
    if not printed:
        return
    draft.spec["form"]["printed"] = printed
    for key, raws in printed.items():
        label = draft.spec["schema"][key]["meta"]["label"]
        params = {"label": label, "place": places[key], "value": raws[0][:MAX_QUOTED]}
        draft.notes.append(Note("draft-label-printed", key, params))


def _used(schema: dict[str, DraftRules], section: str) -> bool:
    return any(r.get("meta", {}).get("section") == section for r in schema.values())


def _layout(scan: Scan) -> str:
    hows = {s.how for s in scan.spots}
    if any(s.group for s in scan.spots):
        return "grouped"
    if hows <= {LINE, INLINE} and hows:
        return "label-value-lines"
    if hows == {BELOW}:
        return "labels-above"
    if scan.widths:
        return _LAYOUTS.get(max(scan.widths), f"{2 * max(scan.widths)}-column")
    return "table" if scan.grids else "unknown"


def clean_label(text: str) -> tuple[str, bool]:
    """The printed label without its required marks, and whether it had one."""
    stripped = _REQUIRED.sub("", text).strip(" ：:")
    label = _CJK_GAP.sub("", " ".join(stripped.split()))  # 姓 名 → 姓名
    return label or text.strip(), stripped != text.strip(" ：:")


def _add_field(
    schema: dict[str, DraftRules],
    spot: Spot,
    section: str,
    taken: dict[str, str],
    notes: list[Note],
) -> None:
    label, required = clean_label(spot.label)
    full = f"{spot.group}{label}" if spot.group else label
    known = keys.lookup_grouped(spot.group, label) if spot.group else keys.lookup(full)
    f = known.field if known is not None else None
    # a spec's grouped field keeps its label, unless that label is taken outside the group
    # (电子邮箱 twice: 联系人电子邮箱 here)
    if spot.group and f is not None and f.group and canon(f.label) not in taken:
        full = f.label
    if canon(full) in taken:
        return
    if known is not None and known.key in schema and spot.group:
        known = None  # the key is taken by the same label outside the group
    same = None if spot.group else _same_core(full, schema)
    if same is not None:  # 甲方 after 甲方（买方）: one field, printed two ways
        schema[same]["meta"].setdefault("aliases", []).append(full)
        taken[canon(full)] = same
        return
    key = _unique(known.key if known else keys.slug(full), schema)
    taken[canon(full)] = key
    g = _guess(full, spot, known)
    rules = _rules(g, required)
    meta: DraftMeta = {"label": full}
    aliases = _aliases(full, known, taken, key)
    if aliases:
        meta["aliases"] = aliases
    meta["kind"] = g.kind
    if g.unit:
        meta["unit"] = g.unit
    meta["section"] = section
    if spot.group:
        meta["group"] = spot.group
        meta["sublabels"] = _sublabels(label, known)
    hint = _hint(spot.value_text)
    if hint:
        meta["hint"] = hint
    rules["meta"] = meta
    schema[key] = rules
    if known is None:
        notes.append(Note("draft-key-slug", key, {"label": full, "key": key}))
    if g.unsure:
        notes.append(Note(g.unsure, key, {"label": full, "kind": g.kind}))


def _sublabels(label: str, known: keys.Known | None) -> list[str]:
    extra = list(known.field.sublabels) if known and known.field and known.field.group else []
    return [label, *(s for s in extra if s != label)]


def _same_core(label: str, schema: dict[str, DraftRules]) -> str | None:
    """The field whose label is ``label`` but for a bracketed aside (甲方 / 甲方（买方）)."""
    mine = core(canon(label))
    for key, rules in schema.items():
        other = rules["meta"]["label"]
        units = {bracket_unit(other), bracket_unit(label)} - {None}
        if core(canon(other)) == mine and len(units) <= 1:
            return key
    return None


def _guess(label: str, spot: Spot, known: keys.Known | None) -> Guess:
    g = guess(label, spot.value_text, spot.tall)
    f = known.field if known else None
    if f is not None and g.unsure:
        # the programme's own spec knows this label better
        return Guess(f.kind, f.unit, [str(a) for a in f.allowed])
    return g


def _rules(g: Guess, required: bool) -> DraftRules:
    rules: DraftRules = {"type": _TYPES.get(g.kind, "string")}
    if g.kind == "list":
        rules["schema"] = {"type": "string"}
    if required:
        rules["required"] = True
    if g.kind in _REGEX:
        rules["regex"] = _REGEX[g.kind]
    if g.kind in ("int", "number", "money"):
        rules["min"] = 0
    if g.allowed:
        rules["allowed"] = list(g.allowed)
    return rules


def _aliases(label: str, known: keys.Known | None, taken: dict[str, str], key: str) -> list[str]:
    if known is None:
        return []
    out: list[str] = []
    for s in known.spellings:
        c = canon(s)
        if c == canon(label) or s in out or taken.get(c, key) != key:
            continue
        out.append(s)
    return out


def _hint(value_text: str) -> str:
    t = value_text.strip()
    if len(t) > 2 and t[0] in "（(" and t[-1] in "）)":
        return t[1:-1].strip()
    return ""


def _unique(key: str, schema: Mapping[str, object]) -> str:
    if key not in schema:
        return key
    n = 2
    while f"{key}_{n}" in schema:
        n += 1
    return f"{key}_{n}"


def _add_grid(
    schema: dict[str, DraftRules], grid: Grid, taken: dict[str, str], notes: list[Note]
) -> None:
    caption = grid.caption or ""
    known = keys.lookup(caption) if caption else None
    key = _unique(known.key if known else (keys.slug(caption) if caption else "rows"), schema)
    columns: dict[str, DraftRules] = {}
    for n, (text, sample) in enumerate(zip(grid.columns, grid.samples, strict=True)):
        label, required = clean_label(text)
        col_known = keys.lookup(label)
        col_key = _unique(col_known.key if col_known else keys.slug(label), columns)
        g = guess(label, sample)
        rules = _rules(g, required or n == 0)
        meta: DraftMeta = {"label": label, "kind": g.kind}
        if g.unit:
            meta["unit"] = g.unit
        rules["meta"] = meta
        columns[col_key] = rules
    schema[key] = {
        "type": "list",
        "schema": {"type": "dict", "schema": columns},
        "meta": {"label": caption or key, "kind": "table"},
    }
    if len(columns) < MIN_TABLE_COLUMNS:
        notes.append(Note("draft-table-narrow", key, {"label": caption or key}))
    notes.append(
        Note("draft-table-rows", key, {"label": caption or key, "column": grid.columns[0]})
    )
