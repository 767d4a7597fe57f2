"""The province's dossier review, run by the clerk before sending.

``formkit check`` of a folder, of several files or of an archive (and a multi-file upload on
the page) groups its results into dossiers the way ``batch`` does
(:func:`formkit.jobs.batch.dossier.group`) and runs the same dossier checks
(:func:`formkit.jobs.batch.review.dossier_issues`): the same codes, wording and places. Without a
programme the checks that need one are skipped, as in ``batch``.

Each dossier issue is added to the result of the file it names; an issue of the dossier as a
whole (a missing document, the city's quota) to the dossier's 申报信息表, else its first file,
so the JSON, the exit code and the page need nothing new.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from formkit.model.findings import Finding, finding
from formkit.pipeline import FileResult, Keep, Options, check
from formkit.spec import load_all

if TYPE_CHECKING:
    from formkit.jobs.batch.dossier import Dossier, Submission
    from formkit.jobs.batch.status import Issue
    from formkit.jobs.entries import Entry
    from formkit.programme.model import Programme


@dataclass
class DossierCheck:
    """One zone's dossier among the checked files, and its issues as a whole."""

    zone: str
    city: str
    files: list[str]
    issues: list[Issue]

    @property
    def errors(self) -> int:
        return sum(i.severity == "error" for i in self.issues)


@dataclass
class Dossiers:
    zones: list[DossierCheck]
    others: list[Issue]  # letters, files that fit no zone
    skipped: list[str]  # the checks that need a programme, when none was given


def check_paths(paths: Sequence[str | Path], options: Options) -> list[FileResult]:
    """``formkit check``: :func:`formkit.pipeline.check`, then the dossier checks when the
    paths make dossiers. The results carry the values the dossier checks read (all of them
    with ``options.records``); one plain file brings its whole record back, as it may turn out
    to be an archive of a dossier."""
    if len(paths) == 1 and not _may_hold_dossiers(Path(paths[0])):
        options = dataclasses.replace(options, records=True)
    else:
        options = dataclasses.replace(options, keep=dossier_values())
    results = check(paths, options)
    if wants_dossiers(paths, results):
        attach(results, check_dossiers(results, options.programme, options.validators))
    return results


def _may_hold_dossiers(path: Path) -> bool:
    # only a guess at what to send back: an archive named otherwise still gets its records
    return path.is_dir() or path.suffix.lower() == ".zip"


def dossier_values() -> Keep:
    """The values :func:`check_dossiers` reads of each record: the review's fields (the
    grouping's and the checks'), with the places of those the checks name, and Form B's
    indicator columns the checks compare."""
    # on use, not at the top: importing the dossier machinery (review, registry, sqlite3)
    # costs 38 M instructions, ~30 ms CPU (measured), which a check of one file never uses
    from formkit.jobs.batch import checks
    from formkit.jobs.batch.review import FIELDS_READ

    fields = frozenset(FIELDS_READ)
    return Keep(fields, frozenset(checks.INDICATOR_KEYS), located=fields & set(checks.SOURCED))


def without_forms(paths: Sequence[str | Path], results: Sequence[FileResult]) -> list[Finding]:
    """An ``input-no-forms`` finding for each folder given whose files hold no form (an empty
    folder, one of pictures and notes): nothing there could be checked."""
    found = []
    # by resolved path, not by name: ``check .`` names its files README.docx, not ./README.docx;
    # each folder holding a form resolved once, not each file (200 files: 8 → 0.4 ms)
    holding = {os.path.dirname(r.file.partition("!")[0]) for r in results if r.form}
    folders = [Path(f).resolve() for f in sorted(holding)]
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            continue
        root = root.resolve()
        if not any(f == root or root in f.parents for f in folders):
            found.append(finding("input-no-forms", path=str(given)))
    return found


def wants_dossiers(paths: Sequence[str | Path], results: Sequence[FileResult]) -> bool:
    """A folder, several files or an archive make dossiers; one plain file keeps to itself."""
    if len(paths) > 1 or any(Path(p).is_dir() for p in paths):
        return True
    return any("!" in r.file for r in results)


def check_dossiers(
    results: Sequence[FileResult],
    programme: Programme | None = None,
    validators: str | None = None,
) -> Dossiers:
    """Group checked files (their results must carry records, or the values
    :func:`dossier_values` keeps) and check each dossier."""
    # on use, not at the top: see dossier_values
    from formkit.jobs.batch.dossier import group, submissions
    from formkit.jobs.batch.review import dossier_issues, skipped_checks
    from formkit.jobs.batch.status import Issue

    # files that are no form (unreadable, unrecognised) said so themselves: they join no zone
    entries = [_entry(n, r) for n, r in enumerate(results) if r.form is not None]
    grouping = group(submissions(entries), programme)
    on_zones, others = dossier_issues(grouping, programme, load_all(validators))
    zones = [
        DossierCheck(
            d.zone_name,
            d.city,
            [s.file for s in _files(d)],
            sorted(on_zones[d.key], key=Issue.sort_key),
        )
        for d in grouping.dossiers
    ]
    return Dossiers(zones, sorted(others, key=Issue.sort_key), skipped_checks(programme))


def attach(results: Sequence[FileResult], dossiers: Dossiers) -> None:
    """Add each dossier issue to the result of the file it names (see the module's text)."""
    by_file = {r.file: r for r in results}
    for zone in dossiers.zones:
        home = by_file.get(zone.files[0]) if zone.files else None
        for i in zone.issues:
            _add(by_file.get(i.file) or home, i)
    for i in dossiers.others:
        _add(by_file.get(i.file), i)


def _add(result: FileResult | None, i: Issue) -> None:
    if result is not None and i.finding is not None:
        result.findings.append(i.finding)


def _files(d: Dossier) -> list[Submission]:
    """The dossier's files, its 申报信息表 first."""
    used = sorted(d.forms.values(), key=lambda s: (s.form != "application", s.file))
    older = [s for subs in d.older.values() for s in subs]
    return [*used, *sorted([*older, *d.by_folder], key=lambda s: s.file)]


def _entry(ordinal: int, r: FileResult) -> Entry:
    # on use, not at the top: see dossier_values
    from formkit.jobs.batch.review import for_review
    from formkit.jobs.entries import Entry

    return Entry(
        r.file,
        ordinal,
        for_review(r.to_data()),  # the shape batch stores: findings as data
        r.unreadable,
        None,
        _mtime_ns(r.file),
        "",
        0,
    )


def _mtime_ns(name: str) -> int:
    """When the file (or the archive holding the member) was last changed: orders versions."""
    try:
        return os.stat(name.partition("!")[0]).st_mtime_ns
    except OSError:
        return 0
