"""The reference docs are generated from the code and must be current; every spec key and
every command is documented."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from formkit.cli import main
from formkit.model.codes import CODES
from formkit.spec import load_all

ROOT = Path(__file__).resolve().parent.parent


def _gen_docs():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_current() -> None:
    for path, text in _gen_docs().outputs().items():
        assert path.read_text("utf-8") == text, f"{path.name} is stale: run scripts/gen_docs.py"


def test_every_code_and_command_is_documented() -> None:
    codes = (ROOT / "docs" / "codes.md").read_text("utf-8")
    cli = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert all(f"`{code}`" in codes for code in CODES)
    assert all(f"## formkit {name}" in cli for name in main.commands)  # type: ignore[attr-defined]


def test_every_spec_key_is_documented_in_the_forms_reference() -> None:
    forms = (ROOT / "docs" / "forms.md").read_text("utf-8")
    for spec in load_all().values():
        for f in (*spec.fields, *spec.columns):
            assert f"`{f.key}`" in forms, (spec.name, f.key)


def _api_examples() -> list[str]:
    text = (ROOT / "docs" / "api.md").read_text("utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_the_api_page_lists_exactly_the_public_names() -> None:
    import formkit

    text = (ROOT / "docs" / "api.md").read_text("utf-8")
    first_cells = re.findall(r"^\| (.*?) \|", text, flags=re.M)
    listed = {name for cell in first_cells for name in re.findall(r"`(\w+)", cell)}
    assert listed == set(formkit.__all__)


@pytest.mark.parametrize("example", _api_examples(), ids=lambda e: e.splitlines()[-1][:40])
def test_every_api_example_runs(example: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(example, "docs/api.md", "exec"), {})


def test_the_readme_folder_table_names_every_package() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    packages = {
        p.parent.name
        for p in (ROOT / "formkit").glob("*/__init__.py")
        if not p.parent.name.startswith("_")
    } | {p.name for p in (ROOT / "formkit").iterdir() if p.is_dir() and p.name == "fonts"}
    assert [name for name in sorted(packages) if f"`formkit/{name}/`" not in readme] == []
