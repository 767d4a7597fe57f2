"""The zone catalogue: the bureau's copy of 《中国开发区审核公告目录》 plus our columns.

A catalogue is a .csv (UTF-8 with or without BOM, or GBK/GB18030 — detected by trying
``utf-8-sig`` first) or an .xlsx (first sheet). The header row is the first row that has a
开发区名称 cell (a title row above it is fine). Columns, by header:

======================  ==========================================================
序号                    optional
开发区名称              required — the name as the catalogue prints it
批准时间                ``YYYY.MM`` as printed (also 2006年3月, 2006-03, an Excel date)
核准面积（公顷）        number
主导产业                list, split on 、，,；; /
开发区代码              ours: ``S141234`` (G national, S provincial)
级别                    ours: 国家级 / 省级 (else derived from the code's letter)
所属市                  ours: the city the zone belongs to
======================  ==========================================================

**批准时间 and Excel.** The catalogue prints months as ``YYYY.MM``; when such a column passes
through Excel as numbers, ``2006.10`` becomes the number ``2006.1`` (and ``2006.03`` stays
``2006.03``). The loader decides:

* an .xlsx *number* ``2006.1`` is October (Excel keeps ``2006.01`` for January);
* a *text* ``2006.1`` (CSV, text cell) is October only when the column shows it went
  through numbers: zero-padded months (``2006.03``) occur, no ``YYYY.10`` occurs and no
  other one-digit month (``2006.3``) occurs; otherwise it is January.

Every such decision is added to :attr:`Catalogue.notes` so a person can confirm it: a warning
finding (``catalogue-month-*``, ``catalogue-area-not-number``) placed at the file's row, worded
by :meth:`Catalogue.note_lines`. The headings, the province and suffix words of zone names are
data (``formkit/vocabulary/programme.yaml``).
A catalogue that cannot be used raises :class:`~formkit.model.errors.ConfigError` naming the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from formkit.model import codes
from formkit.model.errors import ConfigError
from formkit.model.findings import Finding, finding
from formkit.model.resources import text_map, word, word_section
from formkit.normalize import NormalizeError, month_from_excel_number
from formkit.programme.zonenames import squash, zone_key

LEVELS: dict[str, str] = text_map("identifiers", "zone_levels")


@dataclass(frozen=True)
class Zone:
    """One catalogue row. ``approved`` is ``YYYY-MM`` (or None); ``row`` is the file row."""

    name: str
    code: str | None = None
    level: str | None = None
    city: str | None = None
    approved: str | None = None
    area_ha: float | None = None
    industries: tuple[str, ...] = ()
    seq: str | None = None
    row: int = 0


@dataclass(frozen=True)
class CatalogueMatch:
    """A zone found for a name: ``kind`` is ``exact``, ``variant`` (the name differs in
    prefix or suffix wording) or ``code`` (the name did not match, the code did)."""

    zone: Zone
    kind: str


@dataclass(frozen=True)
class Catalogue:
    zones: tuple[Zone, ...]
    source: str = ""
    notes: tuple[Finding, ...] = ()  # warnings for a person to confirm, placed by file row
    _by_name: dict[str, Zone] = field(default_factory=dict, repr=False, compare=False)
    _by_key: dict[tuple[str, str], list[Zone]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _by_core: dict[str, list[Zone]] = field(default_factory=dict, repr=False, compare=False)
    _by_code: dict[str, Zone] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for zone in self.zones:
            self._by_name.setdefault(squash(zone.name), zone)
            core, family = zone_key(zone.name)
            self._by_key.setdefault((core, family), []).append(zone)
            self._by_core.setdefault(core, []).append(zone)
            if zone.code:
                self._by_code.setdefault(zone.code, zone)

    def __len__(self) -> int:
        return len(self.zones)

    def note_lines(self, lang: str = "zh") -> list[str]:
        """The notes as a person reads them: ``目录.csv 第4行：批准时间…``."""
        sep = ": " if lang == "en" else "："
        return [
            f"{self.source} {codes.place_text(n.location, lang)}{sep}{n.message(lang)}"
            for n in self.notes
        ]

    def by_code(self, code: str) -> Zone | None:
        return self._by_code.get(code.strip().upper())

    def lookup(self, name: str | None, code: str | None = None) -> CatalogueMatch | None:
        """Find a zone by name (exact, then tolerant), else by code; None when not found."""
        if name:
            zone = self._by_name.get(squash(name))
            if zone is not None:
                return CatalogueMatch(zone, "exact")
            core, family = zone_key(name)
            zone = _unique(self._by_key.get((core, family), []), code)
            zone = zone or _unique(self._by_core.get(core, []), code)
            if zone is not None:
                return CatalogueMatch(zone, "variant")
        zone = self.by_code(code) if code else None
        return CatalogueMatch(zone, "code") if zone else None


def _unique(zones: list[Zone], code: str | None) -> Zone | None:
    if len(zones) == 1:
        return zones[0]
    same_code = [z for z in zones if code and z.code == code.strip().upper()]
    return same_code[0] if len(same_code) == 1 else None


# --- name matching --------------------------------------------------------------------------


@functools.cache
def _headers() -> dict[str, tuple[str, ...]]:
    """Column → the headings it goes by, the standard one first."""
    return {
        k: tuple(v) for k, v in word_section("catalogue", "headers", dict[str, list[str]]).items()
    }


# --- loading --------------------------------------------------------------------------------


def load_catalogue(path: str | Path) -> Catalogue:
    """Load a catalogue .csv or .xlsx; raises ConfigError naming the file when unusable."""
    path = Path(path)
    rows = _read_xlsx(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _read_csv(path)
    return _build(path.name, rows)


def _read_csv(path: Path) -> list[list[object]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError("catalogue-unreadable", file=path.name, detail=exc.strerror) from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return [list(r) for r in csv.reader(io.StringIO(text))]
    raise ConfigError("catalogue-encoding", file=path.name)


def _read_xlsx(path: Path) -> list[list[object]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise ConfigError(
            "catalogue-unreadable", file=path.name, detail=type(exc).__name__
        ) from exc
    try:
        sheet = book.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _build(source: str, rows: Sequence[Sequence[object]]) -> Catalogue:
    header_at, columns = _header(source, rows)
    body = [(i + 1, r) for i, r in enumerate(rows) if i > header_at]
    approved_col = columns.get("approved")
    via_numbers = approved_col is not None and went_through_numbers(
        _cell(r, approved_col) for _, r in body
    )
    notes: list[Finding] = []
    zones = []
    for number, row in body:
        name = _text(_cell(row, columns["name"]))
        if not name:
            continue
        zones.append(_zone(number, row, columns, via_numbers, notes))
    if not zones:
        raise ConfigError("catalogue-empty", file=source)
    return Catalogue(tuple(zones), source, tuple(notes))


def _header(source: str, rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(rows[:10]):
        cells = [squash(_text(c)) for c in row]
        columns = {
            key: cells.index(h)
            for key, names in _headers().items()
            for h in reversed(names)
            if h in cells
        }
        if "name" in columns:
            return i, columns
    raise ConfigError("catalogue-no-header", file=source)


def _zone(
    number: int,
    row: Sequence[object],
    columns: dict[str, int],
    via_numbers: bool,
    notes: list[Finding],
) -> Zone:
    def get(key: str) -> object:
        return _cell(row, columns[key]) if key in columns else None

    where = codes.text("place-row", n=number)  # the file is Catalogue.source
    code = _text(get("code")).upper() or None
    level = _text(get("level")) or (LEVELS.get(code[0]) if code else None)
    return Zone(
        name=squash(_text(get("name"))),
        code=code,
        level=level,
        city=_text(get("city")) or None,
        approved=read_month(get("approved"), via_numbers, where, notes),
        area_ha=_number(get("area_ha"), where, notes),
        industries=_split(_text(get("industries"))),
        seq=_text(get("seq")) or None,
        row=number,
    )


def _cell(row: Sequence[object], col: int) -> object:
    return row[col] if col < len(row) else None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"[、，,；;/\n]", text) if p.strip())


def _number(value: object, where: str, notes: list[Finding]) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value).replace(",", "").replace("，", "").strip())
    except ValueError:
        notes.append(finding("catalogue-area-not-number", location=where, value=str(value)))
        return None


# --- 批准时间 ----------------------------------------------------------------------------------

_YEAR, _MONTH = (re.escape(word("calendar", k)) for k in ("year", "month"))
_MONTH_TEXT = re.compile(rf"^(\d{{4}})\s*[.．\-/{_YEAR}]\s*(\d{{1,2}})\s*{_MONTH}?$")


def went_through_numbers(values: Iterable[object]) -> bool:
    """Whether a text column of YYYY.MM months shows it was stored as numbers once."""
    months = [m for v in values if isinstance(v, str) and (m := _MONTH_TEXT.match(v.strip()))]
    padded = any(len(m[2]) == 2 and m[2].startswith("0") for m in months)
    october = any(m[2] == "10" for m in months)
    other_short = any(len(m[2]) == 1 and m[2] != "1" for m in months)
    return padded and not october and not other_short


def read_month(value: object, via_numbers: bool, where: str, notes: list[Finding]) -> str | None:
    """A catalogue 批准时间 cell → ``YYYY-MM`` (see the module docstring for ``2006.1``)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _numeric_month(float(value), where, notes)
    m = _MONTH_TEXT.match(str(value).strip())
    if not m or not 1 <= int(m[2]) <= 12:
        notes.append(finding("catalogue-month-unreadable", location=where, value=str(value)))
        return None
    year, month = m[1], m[2]
    if month == "1" and via_numbers:
        notes.append(
            finding("catalogue-month-october", location=where, value=str(value), year=year)
        )
        return f"{year}-10"
    if month == "1":
        notes.append(
            finding("catalogue-month-january", location=where, value=str(value), year=year)
        )
    return f"{year}-{int(month):02d}"


def _numeric_month(value: float, where: str, notes: list[Finding]) -> str | None:
    """A number cell: 2006.03 and 2006.3 are March, 2006.1 October (see the docstring)."""
    try:
        month, ambiguous = month_from_excel_number(value)
    except NormalizeError:
        notes.append(finding("catalogue-month-unreadable", location=where, value=f"{value:.15g}"))
        return None
    if ambiguous:
        notes.append(
            finding("catalogue-month-number", location=where, value=f"{value:.15g}", month=month)
        )
    return month
