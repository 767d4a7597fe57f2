"""``formkit panel collect``, reading: the returned workbooks through formkit's own intake
(safety gate, archives) and xlsx reader, each checked against its signed id.

Workbooks come back by e-mail, so anything may arrive: a file that is not a workbook, a
workbook formkit did not write, a changed id, an older sheet, the same expert twice, a
declaration not ticked, a score missing or out of range. Each is a finding naming the file
and the cell; nothing here raises for what came back. A sheet counts only when its id
verifies, it is the latest issued to its expert for this round and its declaration says 是;
a zone's scores from a counted sheet count only when every criterion is scored in range.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NotRequired, TypedDict

from formkit.intake.names import skipped
from formkit.jobs.panel import ident
from formkit.jobs.panel.batch import Batch
from formkit.jobs.panel.words import word
from formkit.model.data import conforms
from formkit.model.document import Cell, Document, Location, Table
from formkit.model.errors import InputFileError
from formkit.model.findings import Finding, finding
from formkit.pipeline import read_document, read_input
from formkit.programme import Panel

Sourced = tuple[str, Finding]
WORKBOOKS = ("xlsx", "xlsm", "xls", "et")
MAX_FILES = 5000


class Payload(TypedDict):
    """What a score sheet's signed id says (written by :mod:`formkit.jobs.panel.sheets`)."""

    expert: str
    unit: NotRequired[str]
    city: NotRequired[str]
    round: int
    sheet: str
    zones: list[list[str]]  # [dossier key, zone]
    zone_col: int
    first_row: int
    scores: list[list[int | str]]  # [column, criterion]
    advice: int
    declaration: list[int]  # [row, column]


@dataclass
class ZoneScore:
    key: str
    zone: str
    scores: list[Decimal]
    total: Decimal
    place: str  # the row, for the summary


@dataclass
class Returned:
    """One returned workbook that passed the checks of the whole sheet."""

    file: str
    expert: str
    city: str
    unit: str
    scores: dict[str, ZoneScore] = field(default_factory=dict)
    advice: dict[str, str] = field(default_factory=dict)


@dataclass
class Collected:
    sheets: list[Returned] = field(default_factory=list)
    findings: list[Sourced] = field(default_factory=list)


def collect(folder: Path, batch: Batch) -> Collected:
    panel = batch.programme.panel
    secret = batch.secret()
    issued = batch.issued(panel.round)
    out = Collected()
    by_expert: dict[str, Returned] = {}
    for name, doc in _documents(folder, out.findings):
        sheet = _sheet(name, doc, secret, issued, panel, out.findings)
        if sheet is None:
            continue
        kept = by_expert.get(sheet.expert)
        if kept is not None:
            out.findings.append(
                (name, finding("panel-duplicate-expert", expert=sheet.expert, kept=kept.file))
            )
            continue
        by_expert[sheet.expert] = sheet
        out.sheets.append(sheet)
    returned = {s.expert for s in out.sheets} | _seen(out)
    for expert in sorted(set(issued) - returned):
        out.findings.append(("", finding("panel-sheet-not-returned", expert=expert)))
    return out


def _seen(out: Collected) -> set[str]:
    """Experts whose sheet came back but was not counted (not "not returned")."""
    return {str(f.params["expert"]) for _, f in out.findings if "expert" in f.params}


# --- files → documents ------------------------------------------------------------------------


def _documents(folder: Path, found: list[Sourced]) -> Iterator[tuple[str, Document]]:
    # on use, not at the top: saves ~24 ms of start-up (measured)
    from formkit.intake.archive import iter_members
    from formkit.intake.gate import inspect

    files = sorted(
        p for p in folder.rglob("*") if p.is_file() and not skipped(p.relative_to(folder).parts)
    )
    for path in files[:MAX_FILES]:
        name = path.relative_to(folder).as_posix()
        members: list[tuple[str, bytes]] = []
        try:
            data = read_input(name, path)
            gate = inspect(data, name)
            if gate.kind != "zip":
                members.append((name, data))
            else:  # members up to one intake refuses are kept; intake stops there
                members.extend((m.name, m.data) for m in iter_members(data, name))
        except InputFileError as exc:
            found.append((exc.file, finding("panel-file-unreadable", detail=exc.reason)))
        for member, body in members:
            doc = _document(member, body, gate.kind if member == name else None, found)
            if doc is not None:
                yield member, doc


def _document(name: str, data: bytes, kind: str | None, found: list[Sourced]) -> Document | None:
    """One file or archive member read as a workbook, or a finding saying why not."""
    # on use, not at the top: saves ~36 ms of start-up (measured)
    from formkit.intake.gate import inspect

    try:
        kind = kind or inspect(data, name).kind
        if kind not in WORKBOOKS:
            found.append((name, finding("panel-not-scoresheet", detail=word("not_workbook"))))
            return None
        return read_document(name, data, kind)
    except InputFileError as exc:
        found.append((exc.file, finding("panel-file-unreadable", detail=exc.reason)))
    except Exception as exc:  # a defect in a reader: one finding, the other files go on
        found.append((name, finding("internal-error", detail=type(exc).__name__)))
    return None


# --- one document → one checked sheet ---------------------------------------------------------


def _sheet(
    name: str,
    doc: Document,
    secret: bytes | None,
    issued: dict[str, str],
    panel: Panel,
    found: list[Sourced],
) -> Returned | None:
    tables = {t.name: t for t in doc.tables}
    id_table = tables.get(word("id_sheet"))
    if id_table is None:
        found.append((name, finding("panel-not-scoresheet", detail=word("no_id"))))
        return None
    cells = _cells(id_table)
    text, digest = _text(cells.get((1, 1))), _text(cells.get((2, 1)))
    payload = ident.verify(secret, text, digest) if secret else None
    if payload is None or not conforms(payload, Payload):  # signed, but not by this formkit
        expert = _claimed(text)
        found.append((name, finding("panel-id-tampered", location=id_table.name, expert=expert)))
        return None
    expert = str(payload["expert"])
    if payload.get("round") != panel.round:
        found.append(
            (
                name,
                finding("panel-wrong-round", found=payload.get("round"), expected=panel.round),
            )
        )
        return None
    if issued.get(expert) != digest.strip():
        found.append((name, finding("panel-id-superseded", expert=expert)))
        return None
    table = tables.get(str(payload["sheet"]))
    if table is None:
        found.append((name, finding("panel-not-scoresheet", detail=word("no_sheet"))))
        return None
    return _scores(name, table, payload, panel, found)


def _claimed(text: str) -> str:
    """The expert an unverified id claims, for the message only."""
    import json

    try:
        value = json.loads(text[: ident.MAX_ID_CHARS])
        return str(value.get("expert", "")) if isinstance(value, dict) else ""
    except ValueError:
        return ""


def _cells(table: Table) -> dict[tuple[int, int], Cell]:
    """1-based (row, col) → cell."""
    return {(c.row + 1, c.col + 1): c for c in table.cells}


def _text(cell: Cell | None) -> str:
    return "" if cell is None else cell.text.strip()


def _where(table: Table, row: int, col: int) -> str:
    return str(Location(sheet=table.name, row=row, col=col))


def _scores(
    name: str, table: Table, payload: Payload, panel: Panel, found: list[Sourced]
) -> Returned | None:
    expert = str(payload["expert"])
    cells = _cells(table)
    row, col = payload["declaration"]
    answer = _text(cells.get((row, col)))
    if answer != word("answer_yes"):
        code = (
            "panel-conflict-declared"
            if answer == word("answer_no")
            else "panel-declaration-missing"
        )
        found.append((name, finding(code, location=_where(table, row, col), expert=expert)))
        return None
    sheet = Returned(name, expert, str(payload.get("city", "")), str(payload.get("unit", "")))
    rows = _zone_rows(cells, int(payload["zone_col"]), int(payload["first_row"]))
    for key, zone in payload["zones"]:
        at = rows.get(str(zone).strip())
        if at is None:
            found.append(
                (
                    name,
                    finding(
                        "panel-zone-row-missing", location=table.name, expert=expert, zone=zone
                    ),
                )
            )
            continue
        score = _zone_score(name, table, cells, payload, panel, at, str(key), str(zone), found)
        if score is not None:
            sheet.scores[str(key)] = score
        advice = _text(cells.get((at, int(payload["advice"]))))
        if advice:
            sheet.advice[str(key)] = advice
    return sheet


def _zone_rows(cells: dict[tuple[int, int], Cell], zone_col: int, first: int) -> dict[str, int]:
    """Zone name → its row (people may sort the rows; the name finds them)."""
    rows: dict[str, int] = {}
    for (row, col), cell in cells.items():
        if col == zone_col and row >= first:
            rows.setdefault(cell.text.strip(), row)
    return rows


def _zone_score(
    name: str,
    table: Table,
    cells: dict[tuple[int, int], Cell],
    payload: Payload,
    panel: Panel,
    row: int,
    key: str,
    zone: str,
    found: list[Sourced],
) -> ZoneScore | None:
    expert = str(payload["expert"])
    values: list[Decimal] = []
    low, high = Decimal(str(panel.score_min)), Decimal(str(panel.score_max))
    for col, criterion in payload["scores"]:
        where = _where(table, row, int(col))
        params = {"expert": expert, "zone": zone, "criterion": str(criterion)}
        cell = cells.get((row, int(col)))
        raw = None if cell is None else (cell.value if cell.value is not None else cell.text)
        if raw is None or str(raw).strip() == "":
            found.append((name, finding("panel-score-missing", location=where, **params)))
            continue
        number = _number(raw)
        if number is None:
            found.append(
                (name, finding("panel-score-not-number", location=where, value=raw, **params))
            )
            continue
        if not low <= number <= high:
            found.append(
                (
                    name,
                    finding(
                        "panel-score-out-of-range",
                        location=where,
                        value=_plain(number),
                        low=_plain(low),
                        high=_plain(high),
                        **params,
                    ),
                )
            )
            continue
        values.append(number)
    if len(values) != len(payload["scores"]):
        return None
    weights = {c.name: Decimal(str(c.weight)) for c in panel.criteria}
    total = sum(
        (
            v * weights.get(str(c), Decimal(0)) / high
            for v, (_, c) in zip(values, payload["scores"], strict=True)
        ),
        Decimal(0),
    )
    return ZoneScore(
        key, zone, values, total.quantize(Decimal("0.01")), str(Location(sheet=table.name, row=row))
    )


def _number(raw: object) -> Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        value = Decimal(str(raw))
    else:
        import unicodedata

        text = unicodedata.normalize("NFKC", str(raw)).strip()
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None
    return value if value.is_finite() else None


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
