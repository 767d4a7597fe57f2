"""`check` and `parse` write nothing outside a private temp folder they remove (DESIGN.md):
not in the user's home, not in a cache folder, not beside the inputs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOSSIER = ROOT / "samples" / "inbox" / "太原市" / "太原样例经济技术开发区"
LEGACY_DOC = ROOT.parent / "shared" / "corpus" / "legacy" / "doc" / "47304.doc"


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _inputs(tmp_path: Path) -> Path:
    inputs = tmp_path / "inputs"
    shutil.copytree(DOSSIER, inputs)
    with zipfile.ZipFile(inputs / "dossier.zip", "w") as archive:
        for member in sorted(DOSSIER.iterdir()):
            archive.write(member, member.name)
    if shutil.which("soffice") and LEGACY_DOC.is_file():
        shutil.copy(LEGACY_DOC, inputs / LEGACY_DOC.name)  # LibreOffice keeps a profile
    return inputs


@pytest.mark.parametrize("command", ["check", "parse"])
def test_a_command_that_reads_leaves_home_cache_and_inputs_untouched(
    tmp_path: Path, command: str
) -> None:
    inputs = _inputs(tmp_path)
    home, temp = tmp_path / "home", tmp_path / "temp"
    home.mkdir()
    temp.mkdir()
    before = _tree(inputs)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), TMPDIR=str(temp))
    files = sorted(str(p) for p in inputs.iterdir())
    args = [command, str(inputs)] if command == "check" else [command, *files]
    done = subprocess.run(
        [sys.executable, "-m", "formkit", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert _tree(home) == []
    assert _tree(temp) == []
    assert _tree(inputs) == before
