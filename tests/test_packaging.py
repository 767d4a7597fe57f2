"""The wheel ships every subpackage and the templates/validators as package data."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "formkit").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, found - listed
    data = {
        ".".join(p.relative_to(ROOT).parts)
        for p in (ROOT / "formkit").rglob("*")
        if p.is_dir() and p.name != "__pycache__" and not (p / "__init__.py").exists()
    }
    assert data <= listed, data - listed


@pytest.mark.slow
def test_wheel_carries_specs_templates_and_web_assets(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("formkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for spec in (ROOT / "validators").glob("*.yaml"):
        assert f"formkit/_validators/{spec.name}" in names
    for template in (ROOT / "templates").glob("*.docx"):
        assert f"formkit/_templates/{template.name}" in names
    assert "formkit/py.typed" in names
    assert "formkit/fonts/fonts.conf" in names
    assert any(n.startswith("formkit/web/templates/") for n in names)
