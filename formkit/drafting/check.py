"""``formkit spec check``: a hand-edited spec's problems, each with file, line and key.

The YAML is composed (not just loaded) so every key keeps its line; a key given twice, which
a loader would silently keep once, is reported. Then the checks :mod:`formkit.spec` makes at
load time, one finding per problem instead of the first one raised.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from formkit.extract.labels import canon
from formkit.model.findings import Finding, finding, finding_of
from formkit.spec import KINDS

if TYPE_CHECKING:
    import yaml

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_KIND_NAMES = ", ".join(sorted(KINDS))


def check_dir(directory: str | os.PathLike[str]) -> dict[str, list[Finding]]:
    """Every ``*.yaml`` of a folder → its findings (empty list: the spec is fine)."""
    return {
        str(p): check_text(p.read_bytes(), str(p)) for p in sorted(Path(directory).glob("*.yaml"))
    }


def check_text(raw: bytes, file: str) -> list[Finding]:
    import yaml

    try:
        root = yaml.compose(raw.decode("utf-8"), Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        return [finding("spec-yaml", file=file, line=1, detail="UTF-8")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return [finding("spec-yaml", file=file, line=line, detail=getattr(exc, "problem", exc))]
    top = _pairs(root)
    if "form" not in top or "schema" not in top:
        return [finding("spec-top", file=file)]
    checker = _Checker(file)
    sections = checker.form(top["form"][1])
    checker.fields(top["schema"][1], sections)
    return checker.found


class _Checker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Finding] = []
        self.labels: dict[str, str] = {}

    def add(self, code: str, node: yaml.Node, **params: object) -> None:
        where = {"file": self.file, "line": node.start_mark.line + 1}
        self.found.append(finding_of(code, where | params))

    def form(self, node: yaml.Node) -> set[str] | None:
        pairs = _pairs(node)
        if "title" not in pairs or not _scalar(pairs["title"][1]):
            self.add("spec-title-missing", node)
        if "sections" not in pairs:
            return set()
        sections = pairs["sections"][1]
        values = getattr(sections, "value", None)
        if not isinstance(values, list) or not all(_scalar(v) for v in values):
            self.add("spec-sections-bad", sections)
            return None
        return {str(v.value) for v in values}

    def fields(self, node: object, sections: set[str] | None, nested: bool = False) -> None:
        seen: set[str] = set()
        for key_node, value in _items(node):
            key = str(key_node.value)
            if key in seen:
                self.add("spec-key-duplicate", key_node, name=key)
            seen.add(key)
            if not _KEY.match(key):
                self.add("spec-key-bad", key_node, name=key)
            self.field(key, key_node, value, sections)

    def field(
        self, key: str, key_node: yaml.Node, node: yaml.Node, sections: set[str] | None
    ) -> None:
        rules = _plain(node)
        if not isinstance(rules, dict):
            self.add("spec-rule-bad", key_node, name=key, detail=type(rules).__name__)
            return
        meta_node = _pairs(node).get("meta", (key_node, key_node))[1]
        meta = rules.get("meta")
        if not isinstance(meta, dict) or not meta.get("label"):
            self.add("spec-label-missing", meta_node, name=key)
            meta = meta if isinstance(meta, dict) else {}
        self.meta(key, meta_node, meta, sections)
        self.rules(key, key_node, rules)
        items = _pairs(node).get("schema")
        inner = _pairs(items[1]).get("schema") if items is not None else None
        if rules.get("type") == "list" and inner is not None:
            saved, self.labels = self.labels, {}
            self.fields(inner[1], None, nested=True)
            self.labels = saved

    def meta(
        self, key: str, node: yaml.Node, meta: dict[str, object], sections: set[str] | None
    ) -> None:
        kind = meta.get("kind", "text")
        if kind not in KINDS and kind not in ("table", "sections"):
            self.add("spec-kind-unknown", node, name=key, kind=kind, kinds=_KIND_NAMES)
        section = meta.get("section")
        if section is not None and sections is not None and section not in sections:
            self.add("spec-section-unknown", node, name=key, section=section)
        aliases = meta.get("aliases") or ()
        spellings = [meta.get("label"), *(aliases if isinstance(aliases, Iterable) else ())]
        for text in (canon(str(s)) for s in spellings if s):
            other = self.labels.setdefault(text, key)
            if other != key:
                self.add("spec-label-duplicate", node, name=key, label=text, other=other)
                break

    def rules(self, key: str, node: yaml.Node, rules: dict[str, object]) -> None:
        import cerberus

        plain = _without_meta(rules)
        try:
            cerberus.Validator({key: plain})
        except cerberus.SchemaError as exc:
            self.add("spec-rule-bad", node, name=key, detail=_schema_error(exc, key))


def _without_meta(rules: object) -> object:
    if isinstance(rules, dict):
        return {k: _without_meta(v) for k, v in rules.items() if k != "meta"}
    return rules


def _schema_error(exc: Exception, key: str) -> str:
    """Cerberus's nested error dict as ``rule: message`` pieces."""
    detail = exc.args[0] if exc.args else exc
    if isinstance(detail, dict):
        detail = detail.get(key, detail)
    return "；".join(_flatten(detail, ""))[:200]


def _flatten(detail: object, rule: str) -> Iterator[str]:
    if isinstance(detail, dict):
        for key, inner in detail.items():
            yield from _flatten(inner, rule or str(key))
    elif isinstance(detail, list):
        for inner in detail:
            yield from _flatten(inner, rule)
    else:
        yield f"{rule}: {detail}" if rule else str(detail)


def _pairs(node: object) -> dict[str, tuple[yaml.ScalarNode, yaml.Node]]:
    return {str(k.value): (k, v) for k, v in _items(node)}


def _items(node: object) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        yield from ((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode))


def _scalar(node: object) -> bool:
    import yaml

    return isinstance(node, yaml.ScalarNode) and bool(str(node.value).strip())


def _plain(node: object) -> object:
    import yaml

    return yaml.safe_load(yaml.serialize(node)) if node is not None else None
