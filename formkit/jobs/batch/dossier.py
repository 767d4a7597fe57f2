"""Grouping the files of an inbox into one dossier per zone.

A file belongs to the zone its *content* names (开发区名称, else 开发区代码); folder names are
only hints, for files that name no zone (an unreadable file, a form without its name). Zone
names are compared as the catalogue does: the catalogue's own name when the programme's
catalogue knows the zone, else the name's core and suffix family
(:func:`formkit.programme.zonenames.zone_key`), so 全称 and 简称 of one zone meet.

When a zone sent a form more than once, the newest version counts — by the 填报日期 inside,
then by the archive member's or the file's modification time, then by name — and the others
are listed. City letters (``city_letter``) are kept apart, one per city, the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from formkit.jobs.entries import Entry
from formkit.model.findings import FindingData
from formkit.model.resources import word_map
from formkit.programme.zonenames import zone_key

if TYPE_CHECKING:
    from formkit.programme.model import Programme

LETTER = "city_letter"
DATE_KEYS = ("fill_date", "issue_date")
# a dossier's identity: 目录:<the catalogue's name> or 名称:<the name's key> (kept in the registry)
_KEYS = word_map("batch", "dossier_keys")
BY_CATALOGUE, BY_NAME = str(_KEYS["catalogue"]), str(_KEYS["name"])


@dataclass
class Submission:
    """One form file (or archive member) as the registry holds it."""

    entry: Entry
    file: str  # shown name: inbox path, or archive.zip!member
    form: str | None
    fields: dict[str, Any]
    sources: dict[str, str]
    findings: list[FindingData]
    unreadable: bool
    when: str  # ISO time of the member or file, for ordering versions

    @property
    def zone_name(self) -> str | None:
        value = self.fields.get("zone_name")
        return str(value).strip() if value else None

    @property
    def zone_code(self) -> str | None:
        value = self.fields.get("zone_code")
        return str(value).strip().upper() if value else None

    @property
    def dated(self) -> str:
        return next((str(self.fields[k]) for k in DATE_KEYS if self.fields.get(k)), "")

    @property
    def folder(self) -> str:
        """The folder the file sits in; inside an archive, the folder inside the archive."""
        outer, bang, inner = self.file.rpartition("!")
        if bang:
            return f"{outer}!{inner.rpartition('/')[0]}"
        return self.file.rpartition("/")[0]

    def newer_than(self, other: Submission) -> bool:
        return (self.dated, self.when, self.file) > (other.dated, other.when, other.file)


@dataclass
class Dossier:
    """Everything one zone sent: the version used of each form, and the others."""

    key: str
    zone_name: str
    forms: dict[str, Submission] = field(default_factory=dict)
    older: dict[str, list[Submission]] = field(default_factory=dict)
    by_folder: list[Submission] = field(default_factory=list)  # placed by folder hint
    city: str = ""
    zone_code: str | None = None

    def add(self, sub: Submission) -> None:
        form = sub.form or ""
        current = self.forms.get(form)
        if current is None:
            self.forms[form] = sub
            return
        newer, older = (sub, current) if sub.newer_than(current) else (current, sub)
        self.forms[form] = newer
        self.older.setdefault(form, []).append(older)
        self.older[form].sort(key=lambda s: s.file)

    def value(self, form: str, key: str) -> object:
        sub = self.forms.get(form)
        return None if sub is None else sub.fields.get(key)

    def submissions(self) -> list[Submission]:
        return sorted(self.forms.values(), key=lambda s: s.file)


@dataclass
class Grouping:
    dossiers: list[Dossier]
    letters: dict[str, Submission]  # city → the letter used
    older_letters: dict[str, list[Submission]]
    unassigned: list[Submission]


def submissions(entries: Iterable[Entry]) -> list[Submission]:
    return [_submission(e) for e in entries]


def _submission(entry: Entry) -> Submission:
    r = entry.result
    when = entry.received or _iso(entry.mtime_ns)
    return Submission(
        entry,
        r["file"],
        r.get("form"),
        dict(r.get("fields") or {}),
        dict(r.get("sources") or {}),
        list(r.get("findings") or []),
        entry.unreadable,
        when,
    )


def _iso(mtime_ns: int) -> str:
    return dt.datetime.fromtimestamp(mtime_ns / 1e9, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


class Identify:
    """Zone identity of a name (and code): the catalogue's name, else the name's key."""

    def __init__(self, programme: Programme | None = None) -> None:
        self.catalogue = programme.catalogue if programme is not None else None
        self.programme = programme
        self.by_code: dict[str, str] = {}

    def key(self, name: str | None, code: str | None = None) -> str | None:
        if self.catalogue is not None and (name or code):
            match = self.catalogue.lookup(name, code)
            if match is not None:
                return f"{BY_CATALOGUE}{match.zone.name}"
        if name:
            core, family = zone_key(name)
            return f"{BY_NAME}{core}{family}"
        return self.by_code.get(code or "")

    def city_of(self, key: str) -> str:
        if self.catalogue is not None and key.startswith(BY_CATALOGUE):
            match = self.catalogue.lookup(key.removeprefix(BY_CATALOGUE))
            if match is not None and match.zone.city:
                return str(match.zone.city)
        return ""

    def city_name(self, raw: str | None) -> str:
        text = (raw or "").strip()
        if self.programme is not None and text:
            city = self.programme.city(text)
            if city is not None:
                return str(city.name)
        return text


def group(subs: list[Submission], programme: Programme | None = None) -> Grouping:
    ident = Identify(programme)
    for sub in subs:  # codes first, so a form naming only its code finds its zone
        key = ident.key(sub.zone_name, sub.zone_code) if sub.zone_name else None
        if key and sub.zone_code:
            ident.by_code.setdefault(sub.zone_code, key)
    dossiers: dict[str, Dossier] = {}
    letters: dict[str, Submission] = {}
    older_letters: dict[str, list[Submission]] = {}
    pending: list[Submission] = []
    for sub in subs:
        if sub.form == LETTER:
            _add_letter(letters, older_letters, ident.city_name(sub.fields.get("city")), sub)
            continue
        key = ident.key(sub.zone_name, sub.zone_code) if sub.form else None
        if key is None:
            pending.append(sub)
            continue
        dossier = dossiers.setdefault(key, Dossier(key, sub.zone_name or key.split(":", 1)[1]))
        dossier.add(sub)
    unassigned = _by_folder(pending, dossiers)
    for dossier in dossiers.values():
        _settle(dossier, ident)
        dossier.city = dossier.city or _city_hint(dossier, letters, ident)
    ordered = sorted(dossiers.values(), key=lambda d: (d.city, d.zone_name, d.key))
    return Grouping(ordered, letters, older_letters, unassigned)


def _add_letter(
    letters: dict[str, Submission], older: dict[str, list[Submission]], city: str, sub: Submission
) -> None:
    current = letters.get(city)
    if current is None:
        letters[city] = sub
        return
    newer, old = (sub, current) if sub.newer_than(current) else (current, sub)
    letters[city] = newer
    older.setdefault(city, []).append(old)
    older[city].sort(key=lambda s: s.file)


def _by_folder(pending: list[Submission], dossiers: dict[str, Dossier]) -> list[Submission]:
    """Place files that name no zone by their folder; the rest stay unassigned."""
    placed: list[tuple[str, Dossier]] = [
        (s.folder, d) for d in dossiers.values() for s in d.forms.values()
    ]
    unassigned = []
    for sub in sorted(pending, key=lambda s: s.file):
        dossier = _folder_owner(sub.folder, placed)
        if dossier is None:
            unassigned.append(sub)
        else:
            dossier.by_folder.append(sub)
    return unassigned


def _folder_owner(folder: str, placed: list[tuple[str, Dossier]]) -> Dossier | None:
    """The one dossier whose files share the nearest folder (or archive) above ``folder``."""
    folder = folder.removesuffix("!")
    while folder:
        owners = {id(d): d for f, d in placed if _within(f, folder)}
        if len(owners) == 1:
            return next(iter(owners.values()))
        if owners:
            return None
        cut = max(folder.rfind("/"), folder.rfind("!"))
        folder = folder[:cut] if cut > 0 else ""
    return None


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith((folder + "/", folder + "!"))


def _settle(dossier: Dossier, ident: Identify) -> None:
    """The dossier's name, code and city: Form A's, else the other forms', else the catalogue's."""
    subs = sorted(dossier.forms.values(), key=lambda s: (s.form != "application", s.file))
    dossier.zone_name = next((s.zone_name for s in subs if s.zone_name), dossier.zone_name)
    dossier.zone_code = next((s.zone_code for s in subs if s.zone_code), None)
    cities = [ident.city_name(s.fields.get("city")) for s in subs if s.fields.get("city")]
    dossier.city = cities[0] if cities else ident.city_of(dossier.key)


def _city_hint(dossier: Dossier, letters: dict[str, Submission], ident: Identify) -> str:
    """A city for a dossier whose forms name none: the letter that lists the zone, else the
    first folder of its files when that is a configured city."""
    for city, letter in sorted(letters.items()):
        if any(ident.key(str(z)) == dossier.key for z in letter.fields.get("zones") or ()):
            return city
    for sub in dossier.submissions():
        top = sub.file.split("/", 1)[0]
        if "/" in sub.file and ident.programme is not None and ident.programme.city(top):
            return ident.city_name(top)
    return ""
