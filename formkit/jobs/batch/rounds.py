"""Rounds of a dossier (``formkit batch --round N``): what each round found, kept in the
registry, and a later round compared with the one before — by meaning, not by message text.

A round's snapshot (registry ``meta`` key ``round:N``) holds per zone its status, its issues as
data — their meaning (code, field, document, place) and the finding's params, never its words —,
the values read of each form used and the file of each form. The words are rendered from the
catalogue when an opinion is written, so a wording change in the catalogue never makes an
earlier issue look fixed or new. Snapshots kept before issues were stored as data (registry
schema 4 and older) were migrated with the words they were shown with (``wording``), which
they keep. Comparing round N with N−1, per zone: every earlier issue is 已整改 (no
issue with the same code, field, document and place now) or 未整改; a current issue not seen
before is 新发现; values that changed (old → new); forms added, replaced (another file) or
withdrawn. The words are the catalogue's (``round-*`` lines of
:data:`formkit.model.codes.REPORT_TEXTS`), in the output's language: the opinion's lines are
always Chinese, report.html's and the 轮次对比 sheet's follow ``--lang``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Required, TypedDict

from formkit.jobs.batch.review import Review, ZoneReview
from formkit.jobs.batch.status import Issue
from formkit.jobs.entries import Entry
from formkit.jobs.registry import Registry
from formkit.model.codes import place_text, text, value_text
from formkit.model.data import conforms
from formkit.model.findings import Finding, Param
from formkit.pipeline import ResultData

Label = Callable[[str, str], str]  # (form, key) → printed label
Status = Literal["fixed", "open", "new"]
Kind = Literal["added", "replaced", "withdrawn"]


class KeptIssue(TypedDict, total=False):
    """An issue as a round keeps it. Snapshots migrated from registry schema 4 and older keep
    the words they were shown with (``wording``), not the params, and may lack keys that
    formkit added later: a round reads them with ``.get``."""

    code: Required[str]
    field: str | None
    document: str
    place: str
    severity: str
    severity_override: str | None
    params: dict[str, Param]
    wording: str


class ZoneSnapshot(TypedDict):
    """One zone in a round's snapshot."""

    zone: str
    city: str
    status: str
    issues: list[KeptIssue]
    values: dict[str, dict[str, object]]  # form → field → value read
    sources: dict[str, dict[str, str]]  # form → field → place
    files: dict[str, list[str]]  # form → [file, sha256]


Snapshot = dict[str, ZoneSnapshot]  # dossier key → zone


def _issue(i: Issue) -> KeptIssue:
    """An issue as a round keeps it: what it means and the params of its words."""
    data = i.finding.to_data() if i.finding else None
    return {
        "code": i.code,
        "field": i.field,
        "document": i.document,
        "place": i.location or "",
        "severity": i.severity,
        "severity_override": data["severity_override"] if data else None,
        "params": data["params"] if data else {},
    }


def message(i: Mapping[str, object], lang: str = "zh") -> str:
    """A kept issue's words, from the catalogue now (or, for a snapshot migrated from before
    issues were kept as data, the words it was shown with)."""
    if "wording" in i:
        return str(i["wording"])
    params = i.get("params")
    found = Finding(
        str(i["code"]),
        _text(i.get("field")),
        _text(i.get("place")),
        None,
        dict(params) if isinstance(params, dict) else {},
        _text(i.get("severity_override")),
    )
    return found.message(lang)


def _text(value: object) -> str | None:
    return None if value in (None, "") else str(value)


Read = Mapping[str, tuple[dict[str, object], dict[str, str]]]  # file → (fields, sources)


VALUES = "round_values"  # the key :func:`with_values` adds to a cut result


def with_values(
    keep: Callable[[ResultData], dict[str, object]],
) -> Callable[[ResultData], dict[str, object]]:
    """``keep``'s cut of a stored result, with every field and its place beside it (under
    :data:`VALUES`; the review keeps only the fields its checks read), so the review and
    the round's snapshot read the registry once."""

    def cut(result: ResultData) -> dict[str, object]:
        values = (result.get("fields") or {}, result.get("sources") or {})
        return {**keep(result), VALUES: values}

    return cut


def values_of(entries: Iterable[Entry]) -> dict[str, tuple[dict[str, object], dict[str, str]]]:
    """The fields and places :func:`with_values` kept, by file."""
    return {e.result["file"]: e.result[VALUES] for e in entries}


def zone_snapshot(z: ZoneReview, values: Read) -> ZoneSnapshot:
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


def snapshot(rev: Review, values: Read) -> Snapshot:
    return {z.dossier.key: zone_snapshot(z, values) for z in rev.zones}


def current(reg: Registry, round_no: int | None) -> int:
    """The round of this run: as asked (and remembered), else the last one asked, else 1 —
    so a re-run without ``--round`` never overwrites round 1 with a later round's files."""
    if round_no is None:
        return int(reg.get_meta("round") or 1)
    reg.set_meta("round", str(round_no))
    return round_no


def load(reg: Registry, round_no: int) -> Snapshot | None:
    text = reg.get_meta(f"round:{round_no}")
    if text is None:
        return None
    snap = json.loads(text)
    if not conforms(snap, Snapshot):
        raise ValueError(f"registry meta round:{round_no} is not a round snapshot")
    return snap


def save(reg: Registry, round_no: int, snap: Mapping[str, ZoneSnapshot]) -> None:
    text = json.dumps(snap, ensure_ascii=False, sort_keys=True, default=str)
    reg.set_meta(f"round:{round_no}", text)


@dataclass
class Changes:
    """One zone's changes since the round before."""

    issues: list[tuple[Status, KeptIssue]] = field(default_factory=list)  # (status, issue)
    values: list[tuple[str, str, str, object, object, str]] = field(default_factory=list)
    # (kind, form, old, new)
    documents: list[tuple[Kind, str, str, str]] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(s == status for s, _ in self.issues)

    def lines(self, titles: Mapping[str, str], lang: str = "zh") -> list[str]:
        """The 上轮意见整改情况, one line per item, in ``lang`` (the opinion's: Chinese)."""

        def where(place: str) -> str:
            return text("round-place", lang, place=place_text(place, lang)) if place else ""

        def document(form: str) -> str:
            return value_text(titles.get(form, form), lang)

        out = [
            text(
                "round-issue",
                lang,
                status=text(f"round-{status}", lang),
                document=value_text(str(i["document"]), lang),
                place=where(i["place"]),
                message=message(i, lang),
            )
            for status, i in self.issues
        ]
        for form, _key, label, old, new, place in self.values:
            out.append(
                text(
                    "round-value",
                    lang,
                    document=document(form),
                    place=where(place),
                    label=label,
                    old=_shown(old, lang),
                    new=_shown(new, lang),
                )
            )
        for kind, form, old, new in self.documents:
            out.append(
                text(f"round-{kind}", lang, document=document(form), file=new or old, new=new)
            )
        return out


def _key(i: KeptIssue) -> tuple[str, str | None, str | None, str]:
    return (i["code"], i.get("field"), i.get("document"), i.get("place") or "")


def compare(before: ZoneSnapshot, now: ZoneSnapshot, label: Label) -> Changes:
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


def _documents(
    changes: Changes, before: Mapping[str, list[str]], now: Mapping[str, list[str]]
) -> None:
    for form in sorted(set(before) | set(now)):
        old, new = before.get(form), now.get(form)
        if old is None and new is not None:
            changes.documents.append(("added", form, "", new[0]))
        elif new is None and old is not None:
            changes.documents.append(("withdrawn", form, old[0], ""))
        elif old is not None and new is not None and old[1] != new[1]:
            changes.documents.append(("replaced", form, old[0], new[0]))


def _shown(value: object, lang: str = "zh") -> str:
    if value is None or value == "":
        return text("round-blank", lang)
    if isinstance(value, list):
        return text("list-sep", lang).join(str(v) for v in value)
    return str(value)
