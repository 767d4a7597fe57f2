"""A drafted spec as YAML text: the house style of ``validators/*.yaml`` (one block per field,
``meta`` in flow style), the notes as comments above the field they concern, and a header
carrying the hash of the generated body, so a later draft can tell whether a person has
edited the file since (:func:`edited`). Same spec, same text."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping

from formkit.drafting.build import Draft, Note
from formkit.model.codes import CODES

HASH_LINE = "# draft-hash: "
_HASH = re.compile(r"^# draft-hash: ([0-9a-f]{64})$", re.M)
_INDENT = "  "


def note_text(note: Note) -> str:
    return CODES[note.code].render("zh", **note.params)


def render(draft: Draft, source: str) -> str:
    body = _body(draft)
    header = "# " + CODES["draft-header"].render("zh", source=source)
    return f"{header}\n{HASH_LINE}{_digest(body)}\n{body}"


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def edited(text: str) -> bool:
    """Whether a drafted file was changed after it was written (or was never drafted)."""
    found = _HASH.search(text)
    if found is None:
        return True
    body = text[text.index("\n", found.end()) + 1 :] if "\n" in text[found.end() :] else ""
    return _digest(body) != found.group(1)


def _body(draft: Draft) -> str:
    lines = ["form:"]
    for key, value in draft.spec["form"].items():
        if isinstance(value, Mapping):  # form.printed: one field a line
            lines.append(f"{_INDENT}{key}:")
            lines.extend(f"{_INDENT * 2}{k}: {_flow(v)}" for k, v in value.items())
        else:
            lines.append(f"{_INDENT}{key}: {_flow(value)}")
    lines += ["", "schema:"]
    by_key: dict[str, list[Note]] = {}
    for note in draft.notes:
        by_key.setdefault(note.key, []).append(note)
    for key, rules in draft.spec["schema"].items():
        lines.extend(_rules(key, rules, 1, by_key))
    return "\n".join(lines) + "\n"


def _rules(
    key: str, rules: Mapping[str, object], depth: int, notes: Mapping[str, Iterable[Note]]
) -> list[str]:
    pad = _INDENT * depth
    lines = [f"{pad}# {note_text(n)}" for n in notes.get(key, ()) if depth == 1]
    lines.append(f"{pad}{key}:")
    inner = pad + _INDENT
    for name, value in rules.items():
        if name == "schema" and isinstance(value, Mapping) and _is_block(value):
            lines.append(f"{inner}schema:")
            lines.extend(_schema(value, depth + 2, notes))
        else:
            lines.append(f"{inner}{name}: {_flow(value)}")
    return lines


def _is_block(value: Mapping[str, object]) -> bool:
    return value.get("type") == "dict" or all(isinstance(v, Mapping) for v in value.values())


def _schema(
    value: Mapping[str, object], depth: int, notes: Mapping[str, Iterable[Note]]
) -> list[str]:
    pad = _INDENT * depth
    if value.get("type") == "dict":
        lines = [f"{pad}type: dict", f"{pad}schema:"]
        for key, rules in _mapping(value["schema"]).items():
            lines.extend(_rules(key, _mapping(rules), depth + 1, notes))
        return lines
    out: list[str] = []
    for key, rules in value.items():
        out.extend(_rules(key, _mapping(rules), depth, notes))
    return out


def _mapping(value: object) -> Mapping[str, object]:
    """Rules as the drafter builds them: always a mapping (checked by :func:`_is_block`)."""
    if not isinstance(value, Mapping):
        raise TypeError(f"a drafted schema holds {type(value).__name__}, not rules")
    return value


def _flow(value: object) -> str:
    import yaml

    text = yaml.safe_dump(
        value, allow_unicode=True, default_flow_style=True, width=math.inf, sort_keys=False
    )
    text = text.strip()
    return text[: -len("...")].strip() if text.endswith("...") else text
