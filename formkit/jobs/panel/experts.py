"""The expert list (``experts.csv``: 姓名, 工作单位, 所在市, 回避开发区 with zones separated by
；) and who scores what: every zone, less those of the expert's own city and those the expert
is listed to avoid."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from formkit.jobs.batch.dossier import Identify
from formkit.jobs.batch.review import ZoneReview
from formkit.model.errors import InputFileError
from formkit.model.findings import Finding, finding
from formkit.model.resources import text_map
from formkit.programme import Programme

_COLUMN: dict[str, str] = text_map("panel", "expert_columns")  # role → heading
COLUMNS = tuple(_COLUMN.values())
MAX_BYTES = 5 * 1024 * 1024
MAX_EXPERTS = 1000
_SEPARATORS = re.compile(r"[；;]")


@dataclass(frozen=True)
class Expert:
    name: str
    unit: str
    city: str
    avoid: tuple[str, ...]
    row: int  # line in the CSV (header = 1)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GBK (GB 18030, what Excel on Chinese Windows saves)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def read_experts(path: str | Path) -> list[Expert]:
    path = Path(path)
    try:
        data = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        raise InputFileError(
            "panel-experts-unreadable", str(path), file=path.name, detail=exc.strerror or exc
        ) from None
    if len(data) > MAX_BYTES:
        raise InputFileError(
            "panel-experts-unreadable", str(path), file=path.name, detail=f"> {MAX_BYTES >> 20} MB"
        )
    try:
        rows = list(csv.reader(io.StringIO(decode(data))))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputFileError(
            "panel-experts-unreadable", str(path), file=path.name, detail=type(exc).__name__
        ) from None
    if not rows:
        raise InputFileError("panel-experts-column", str(path), file=path.name, column=COLUMNS[0])
    header = [h.strip() for h in rows[0]]
    for column in COLUMNS:
        if column not in header:
            raise InputFileError("panel-experts-column", str(path), file=path.name, column=column)
    index = {c: header.index(c) for c in COLUMNS}
    return _experts(path, rows[1 : MAX_EXPERTS + 1], index)


def _experts(path: Path, rows: list[list[str]], index: dict[str, int]) -> list[Expert]:
    experts: list[Expert] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {c: (row[i].strip() if i < len(row) else "") for c, i in index.items()}
        name = re.sub(r"\s+", "", cells[_COLUMN["name"]])
        if not name:
            raise InputFileError("panel-experts-blank", str(path), file=path.name, row=number)
        if name in seen:
            raise InputFileError(
                "panel-experts-duplicate", str(path), file=path.name, row=number, expert=name
            )
        seen.add(name)
        avoided = _SEPARATORS.split(cells[_COLUMN["avoid"]])
        avoid = tuple(z.strip() for z in avoided if z.strip())
        experts.append(Expert(name, cells[_COLUMN["unit"]], cells[_COLUMN["city"]], avoid, number))
    return experts


def assign(
    expert: Expert, zones: list[ZoneReview], programme: Programme
) -> tuple[list[ZoneReview], list[Finding]]:
    """The zones ``expert`` scores, and a warning for each avoided zone not in the batch."""
    ident = Identify(programme)
    own = _city(expert.city, programme)
    avoided: set[str] = set()
    notes = []
    for name in expert.avoid:
        key = ident.key(name)
        match = [z for z in zones if z.dossier.key == key or z.zone == name]
        if not match:
            notes.append(finding("panel-avoid-unknown", expert=expert.name, zone=name))
        avoided.update(z.dossier.key for z in match)
    mine = [
        z
        for z in zones
        if z.dossier.key not in avoided and not (own and _city(z.city, programme) == own)
    ]
    return mine, notes


def _city(name: str, programme: Programme) -> str:
    city = programme.city(name) if name else None
    return city.name if city else name.strip()
