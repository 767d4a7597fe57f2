"""The shipped YAML parsed ahead (formkit/preparsed.json): the same data as the YAML, found
for every shipped file, missed (so parsed from the YAML) for an edited one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from formkit.model import preparsed
from formkit.model.resources import validators_dir
from formkit.spec import load_spec

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = ROOT / "formkit" / "vocabulary"
SHIPPED = sorted([*VOCABULARY.glob("*.yaml"), *validators_dir().glob("*.yaml")])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_is_found_with_its_yaml_data(path: Path) -> None:
    found = preparsed.document(path.read_bytes())
    assert found is not None, f"{path.name} is not in preparsed.json: run scripts/gen_docs.py"
    assert found == preparsed.parse_yaml(path.read_text("utf-8"))


def test_an_edited_file_is_a_miss() -> None:
    raw = (validators_dir() / "application.yaml").read_bytes()
    assert preparsed.document(raw + b"\n# edited\n") is None


def test_an_edited_spec_is_read_from_its_yaml(tmp_path: Path) -> None:
    shutil.copy(validators_dir() / "targets.yaml", tmp_path / "targets.yaml")
    text = (tmp_path / "targets.yaml").read_text("utf-8")
    shipped = load_spec("targets")
    line = f"title: {shipped.title}"
    assert line in text
    (tmp_path / "targets.yaml").write_text(text.replace(line, "title: 改过的标题"), "utf-8")
    assert load_spec("targets", tmp_path).title == "改过的标题"


def test_a_check_does_not_import_pyyaml(tmp_path: Path) -> None:
    """PyYAML's import is ~105 M instructions of every start; check reads the table instead."""
    form = ROOT / "samples" / "inbox"
    probe = (
        "import sys\n"
        "from formkit.cli import main\n"
        "try:\n"
        f"    main(['check', {str(form)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('yaml' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr
