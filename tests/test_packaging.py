"""The wheel ships every subpackage and the templates/validators as package data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(CONFIG["tool"]["setuptools"]["packages"])
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


def project_copy(dest: Path) -> Path:
    """What the build reads (pyproject, readme, the package-dir folders), without caches.

    setuptools builds in the source folder it is given (``build/``, ``*.egg-info``) and has no
    setting to build elsewhere, so the wheel is built from this copy, not from the checkout.
    """
    dest.mkdir()
    for name in ("pyproject.toml", CONFIG["project"]["readme"]):
        shutil.copy2(ROOT / name, dest / name)
    caches = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for folder in {Path(d).parts[0] for d in CONFIG["tool"]["setuptools"]["package-dir"].values()}:
        shutil.copytree(ROOT / folder, dest / folder, ignore=caches)
    return dest


def top_level_leftovers() -> set[str]:
    """Untracked or ignored entries at the top of the checkout, where a build leaves its
    ``build/``, ``*.egg-info`` and ``dist/`` (``git status --porcelain --ignored``).

    Deeper entries and the tool caches are left out: the rest of the suite and the people
    working in the checkout add those while this test runs.
    """
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {
        line
        for line in status.splitlines()
        if line[:2] in ("??", "!!") and "/" not in line[3:].rstrip("/") and line[3] != "."
    }


@pytest.mark.slow
def test_wheel_carries_specs_templates_and_web_assets(tmp_path: Path) -> None:
    before = top_level_leftovers()
    source = project_copy(tmp_path / "source")
    wheels = tmp_path / "wheels"
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
            str(wheels),
            str(source),
        ],
        cwd=tmp_path,
        check=True,
    )
    (wheel,) = wheels.glob("formkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in (source / "formkit").rglob("*.py"):
        assert module.relative_to(source).as_posix() in names
    for spec in (source / "validators").glob("*.yaml"):
        assert f"formkit/_validators/{spec.name}" in names
    for template in (source / "templates").glob("*.docx"):
        assert f"formkit/_templates/{template.name}" in names
    assert "formkit/py.typed" in names
    assert "formkit/fonts/fonts.conf" in names
    assert "formkit/web/openapi.yaml" in names
    for words in (source / "formkit" / "vocabulary").glob("*.yaml"):
        assert words.relative_to(source).as_posix() in names
    for folder in ("templates", "static"):  # the page's templates, script, style and icon
        for asset in (source / "formkit" / "web" / folder).iterdir():
            assert asset.relative_to(source).as_posix() in names
    assert top_level_leftovers() == before, "building the wheel left files in the checkout"
