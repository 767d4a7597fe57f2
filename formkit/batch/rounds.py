"""Rounds of a dossier (``formkit batch --round N``): what each round found, kept in the
registry, and a later round compared with the one before — by meaning, not by message text.

A round's snapshot (registry ``meta`` key ``round:N``) holds per zone its status, its issues as
(code, field, document, place) with their message, the values read of each form used and the
file of each form. Comparing round N with N−1, per zone: every earlier issue is 已整改 (no
issue with the same code, field, document and place now) or 未整改; a current issue not seen
before is 新发现; values that changed (old → new); forms added, replaced (another file) or
withdrawn. The words come from ``templates/rounds.yaml``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from formkit.batch.review import Review, ZoneReview
from formkit.pipeline import ResultData
from formkit.registry import Registry
from formkit.resources import templates_dir

Label = Callable[[str, str], str]  # (form, key) → printed label


@functools.cache
def words() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (templates_dir() / "rounds.yaml").read_text(encoding="utf-8")
    )
    return data


def _issue(i: Any) -> dict[str, Any]:
    return {
        "code": i.code,
        "field": i.field,
        "document": i.document,
        "place": i.location or "",
        "message": i.message,
        "severity": i.severity,
    }


Read = Mapping[str, tuple[dict[str, Any], dict[str, str]]]  # file → (fields, sources)


def read_values(reg: Registry) -> dict[str, tuple[dict[str, Any], dict[str, str]]]:
    """Every stored result's fields and their places, by file (the review keeps only the
    fields its checks read)."""

    def keep(result: ResultData) -> dict[str, Any]:
        return {k: result.get(k) or {} for k in ("fields", "sources")} | {"file": result["file"]}

    return {e.result["file"]: (e.result["fields"], e.result["sources"]) for e in reg.entries(keep)}


def zone_snapshot(z: ZoneReview, values: Read) -> dict[str, Any]:
    forms = sorted(z.dossier.forms.items())
    read = {f: values.get(s.file, ({}, {})) for f, s in forms}
    return {
        "zone": z.zone,
        "city": z.city,
        "status": z.status,
        "issues": [_issue(i) for i in z.issues if i.severity in ("error", "warning")],
        "values": {f: dict(sorted(fields.items())) for f, (fields, _) in read.items()},
        "sources": {f: dict(sorted(places.items())) for f, (_, places) in read.items()},
        "files": {f: [s.file, s.entry.sha256] for f, s in forms},
    }


def snapshot(rev: Review, values: Read) -> dict[str, Any]:
    return {z.dossier.key: zone_snapshot(z, values) for z in rev.zones}


def current(reg: Registry, round_no: int | None) -> int:
    """The round of this run: as asked (and remembered), else the last one asked, else 1 —
    so a re-run without ``--round`` never overwrites round 1 with a later round's files."""
    if round_no is None:
        return int(reg.get_meta("round") or 1)
    reg.set_meta("round", str(round_no))
    return round_no


def load(reg: Registry, round_no: int) -> dict[str, Any] | None:
    text = reg.get_meta(f"round:{round_no}")
    return None if text is None else dict(json.loads(text))


def save(reg: Registry, round_no: int, snap: Mapping[str, Any]) -> None:
    text = json.dumps(snap, ensure_ascii=False, sort_keys=True, default=str)
    reg.set_meta(f"round:{round_no}", text)


@dataclass
class Changes:
    """One zone's changes since the round before."""

    issues: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (status, issue)
    values: list[tuple[str, str, str, Any, Any, str]] = field(default_factory=list)
    documents: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, form, old, new

    def count(self, status: str) -> int:
        return sum(s == status for s, _ in self.issues)

    def lines(self, titles: Mapping[str, str]) -> list[str]:
        """The 上轮意见整改情况 of the opinion, one line per item."""
        w = words()
        out = [
            w["issue"].format(
                status=w[status],
                document=i["document"],
                place=w["place"].format(place=i["place"]) if i["place"] else "",
                message=i["message"],
            )
            for status, i in self.issues
        ]
        for form, _key, label, old, new, place in self.values:
            out.append(
                w["value"].format(
                    document=titles.get(form, form),
                    place=w["place"].format(place=place) if place else "",
                    label=label,
                    old=_shown(old),
                    new=_shown(new),
                )
            )
        for kind, form, old, new in self.documents:
            out.append(
                w[kind].format(document=titles.get(form, form), file=new or old, old=old, new=new)
            )
        return out


def _key(i: Mapping[str, Any]) -> tuple[Any, ...]:
    return (i["code"], i.get("field"), i.get("document"), i.get("place") or "")


def compare(before: Mapping[str, Any], now: Mapping[str, Any], label: Label) -> Changes:
    """One zone's round before (a snapshot) against this round's."""
    changes = Changes()
    current = {_key(i) for i in now["issues"]}
    earlier = {_key(i) for i in before["issues"]}
    for i in before["issues"]:
        changes.issues.append(("open" if _key(i) in current else "fixed", i))
    changes.issues += [("new", i) for i in now["issues"] if _key(i) not in earlier]
    for form in sorted(set(before["values"]) & set(now["values"])):
        old, new = before["values"][form], now["values"][form]
        places = now["sources"].get(form, {})
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                place = places.get(key) or before["sources"].get(form, {}).get(key, "")
                changes.values.append(
                    (form, key, label(form, key), old.get(key), new.get(key), place)
                )
    _documents(changes, before["files"], now["files"])
    return changes


def _documents(changes: Changes, before: Mapping[str, Any], now: Mapping[str, Any]) -> None:
    for form in sorted(set(before) | set(now)):
        old, new = before.get(form), now.get(form)
        if old is None and new is not None:
            changes.documents.append(("added", form, "", new[0]))
        elif new is None and old is not None:
            changes.documents.append(("withdrawn", form, old[0], ""))
        elif old is not None and new is not None and old[1] != new[1]:
            changes.documents.append(("replaced", form, old[0], new[0]))


def _shown(value: Any) -> str:
    if value is None or value == "":
        return str(words()["blank"])
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)
