"""The review of a whole inbox, from the registry alone: dossiers, their issues and status.

Nothing here reads the inbox or the clock, so the same registry gives the same review.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from formkit.jobs.batch import checks
from formkit.jobs.batch.dossier import (
    DATE_KEYS,
    LETTER,
    Dossier,
    Grouping,
    Identify,
    Submission,
    group,
    submissions,
)
from formkit.jobs.batch.status import Issue, counts, from_finding, issue, status_of
from formkit.jobs.entries import Entry
from formkit.model.codes import text
from formkit.pipeline import ResultData, ResultDict
from formkit.spec import FormSpec, labels_of

if TYPE_CHECKING:
    from formkit.programme.model import Programme

# the roles of 文件清单 as stored and shown in Chinese (other languages: codes.value_text)
USED, OLDER, BY_FOLDER, UNASSIGNED, LETTER_USED = (
    text(f"role-{r}") for r in ("used", "older", "by-folder", "unassigned", "letter")
)


@dataclass
class ZoneReview:
    dossier: Dossier
    issues: list[Issue]
    status: str
    errors: int
    warnings: int

    @property
    def city(self) -> str:
        return self.dossier.city or text("value-unknown-city")

    @property
    def zone(self) -> str:
        return self.dossier.zone_name

    def carrier(self) -> str:
        return str(
            self.dossier.value("application", "carrier_name")
            or self.dossier.value("targets", "carrier_name")
            or ""
        )

    def subsidy(self) -> float | None:
        for form, key in (
            ("application", "subsidy_requested"),
            ("targets", "subsidy"),
            ("plan", "subsidy_requested"),
        ):
            value = self.dossier.value(form, key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
        return None


@dataclass(frozen=True)
class FileRow:
    """One line of 文件清单."""

    file: str
    form: str  # the document's title, or 未识别
    zone: str
    city: str
    role: str
    errors: int
    warnings: int
    size: int
    sha256: str


@dataclass
class Review:
    zones: list[ZoneReview]
    letters: list[Submission]
    other_issues: list[Issue]  # about letters and files that fit no zone
    files: list[FileRow]
    skipped: list[str]
    titles: dict[str, str]
    date: str  # the newest date the forms carry (填报日期, 成文日期), for the opinions
    grouping: Grouping = field(repr=False)


FIELDS_READ = tuple(sorted({*checks.READ, *DATE_KEYS}))  # and the dossier's grouping


def for_review(result: ResultDict | ResultData) -> dict[str, object]:
    """What the review and its outputs read of a stored result (``Registry.entries(for_review)``
    cuts each row as it is read): the fields the grouping and the checks read and the places
    the checks name; Form B's indicators by name and yearly targets; the findings. The plan's
    section texts, the layout and every other field are left out."""
    rows = result.get("indicators") or []
    fields, sources = result.get("fields") or {}, result.get("sources") or {}
    return {
        "file": result["file"],
        "form": result.get("form"),
        "fields": {k: fields[k] for k in FIELDS_READ if k in fields},
        "sources": {k: sources[k] for k in checks.SOURCED if k in sources},
        "findings": result.get("findings") or [],
        "indicators": [
            {k: r[k] for k in checks.INDICATOR_KEYS if k in r} for r in rows if r.get("indicator")
        ],
    }


def review(
    entries: Iterable[Entry], programme: Programme | None, specs: Mapping[str, FormSpec]
) -> Review:
    subs = submissions(entries)
    grouping = group(subs, programme)
    titles = {name: spec.title for name, spec in specs.items()}
    on_zones, on_others = dossier_issues(grouping, programme, specs)
    zones = []
    for d in grouping.dossiers:
        found = [*_file_issues(d, titles), *on_zones[d.key]]
        found.sort(key=Issue.sort_key)
        zones.append(ZoneReview(d, found, status_of(found), *counts(found)))
    others = [
        *on_others,
        *_letter_issues(grouping, titles),
        *(i for sub in grouping.unassigned for i in _own(sub, titles)),
    ]
    return Review(
        zones,
        sorted(grouping.letters.values(), key=lambda s: s.file),
        sorted(others, key=Issue.sort_key),
        _files(grouping, zones, titles),
        skipped_checks(programme),
        titles,
        _newest_date(subs),
        grouping,
    )


def skipped_checks(programme: Programme | None) -> list[str]:
    return [] if programme is not None else list(checks.PROGRAMME_CHECKS)


def dossier_issues(
    grouping: Grouping, programme: Programme | None, specs: Mapping[str, FormSpec]
) -> tuple[dict[str, list[Issue]], list[Issue]]:
    """The issues of the dossiers as wholes — everything but each file's own findings —
    per dossier key, and those about letters and files that fit no zone. ``batch`` adds the
    files' own findings; ``check`` of a folder shows these beside the files it checked."""
    titles = {name: spec.title for name, spec in specs.items()}
    label = labels_of(specs)
    ident = Identify(programme)
    letter_title = titles.get(LETTER, text("form-city_letter"))
    on_zones, on_letters = checks.check_letters(grouping, ident, letter_title)
    extra = checks.check_programme(grouping, programme) if programme is not None else {}
    zones = {
        d.key: [
            *_placed_by_folder(d, titles),
            *checks.check_dossier(d, titles, label),
            *on_zones.get(d.key, []),
            *extra.get(d.key, []),
        ]
        for d in grouping.dossiers
    }
    others = [
        *on_letters,
        *checks.letter_versions(grouping, letter_title),
        *_unassigned(grouping, titles),
    ]
    return zones, others


def _title(sub: Submission, titles: Mapping[str, str]) -> str:
    return titles.get(sub.form or "", text("value-unknown-file"))


def _own(sub: Submission, titles: Mapping[str, str]) -> list[Issue]:
    return [from_finding(f, sub.file, _title(sub, titles)) for f in sub.findings]


def _file_issues(d: Dossier, titles: Mapping[str, str]) -> list[Issue]:
    return [i for sub in [*d.submissions(), *d.by_folder] for i in _own(sub, titles)]


def _placed_by_folder(d: Dossier, titles: Mapping[str, str]) -> list[Issue]:
    return [
        issue("zone-from-folder", file=sub.file, document=_title(sub, titles), zone=d.zone_name)
        for sub in d.by_folder
        if sub.form and not sub.unreadable
    ]


def _letter_issues(grouping: Grouping, titles: Mapping[str, str]) -> list[Issue]:
    return [i for sub in grouping.letters.values() for i in _own(sub, titles)]


def _unassigned(grouping: Grouping, titles: Mapping[str, str]) -> list[Issue]:
    found = []
    for sub in grouping.unassigned:
        if sub.unreadable:
            continue  # its refusal says why; "not assigned" would only repeat it
        why = "unassigned-no-form" if not sub.form else "unassigned-no-zone"
        found.append(
            issue("file-unassigned", file=sub.file, document=_title(sub, titles), detail_word=why)
        )
    return found


def _files(grouping: Grouping, zones: list[ZoneReview], titles: Mapping[str, str]) -> list[FileRow]:
    rows = []
    for z in zones:
        d = z.dossier
        listed = [(s, USED) for s in d.forms.values()]
        listed += [(s, OLDER) for older in d.older.values() for s in older]
        listed += [(s, BY_FOLDER) for s in d.by_folder]
        rows += [_row(s, titles, z.zone, z.city, role) for s, role in listed]
    for city, letter in grouping.letters.items():
        rows.append(_row(letter, titles, "", city, LETTER_USED))
        rows += [_row(s, titles, "", city, OLDER) for s in grouping.older_letters.get(city, [])]
    rows += [_row(s, titles, "", "", UNASSIGNED) for s in grouping.unassigned]
    return sorted(rows, key=lambda r: r.file)


def _row(sub: Submission, titles: Mapping[str, str], zone: str, city: str, role: str) -> FileRow:
    errors = sum(f.get("severity") == "error" for f in sub.findings)
    warnings = sum(f.get("severity") == "warning" for f in sub.findings)
    return FileRow(
        sub.file,
        _title(sub, titles),
        zone,
        city,
        role,
        errors,
        warnings,
        sub.entry.size,
        sub.entry.sha256,
    )


def _newest_date(subs: list[Submission]) -> str:
    dates = [s.dated for s in subs if len(s.dated) == 10]
    return max(dates) if dates else ""


def not_forms(rev: Review) -> int:
    """Files read that are none of the programme's forms (counted apart, never 需修改)."""
    return sum(
        1
        for sub in rev.grouping.unassigned
        if not sub.unreadable and any(f.get("code") == "form-unknown" for f in sub.findings)
    )
