"""Shared fixtures of the cycle tests: a programme file written from a few keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from formkit.programme import Programme, load_programme

BASE: dict[str, Any] = {
    "year": 2020,
    "agency": "山西省小企业发展促进局",
    "docno_prefix": "晋企发",
    "parent_notice": "《实施方案》（晋企发〔2019〕1号）",
    "cities": [{"name": "太原市", "quota": 2}, {"name": "大同市", "quota": 1}],
}

MakeProgramme = Callable[..., Programme]


@pytest.fixture
def make_programme(tmp_path: Path) -> MakeProgramme:
    """``make_programme(approved=[...], allocation={...}, evaluation={...})`` → Programme."""

    def make(**keys: Any) -> Programme:
        path = tmp_path / "programme.yaml"
        path.write_text(yaml.safe_dump({**BASE, **keys}, allow_unicode=True), encoding="utf-8")
        return load_programme(path)

    return make


def zone(name: str, city: str = "太原市", **more: Any) -> dict[str, Any]:
    return {"zone": name, "city": city, "carrier": f"{name}载体", **more}


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a .docx, one per line."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)
