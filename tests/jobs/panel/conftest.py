"""The panel sample (scripts/make_panel_sample.py) built once per session into a temporary
folder: a batch over samples/inbox signed with the sample key, the five experts' issued
sheets and their returned copies (one conflict declared, one score out of range, one sheet
unticked, one clear disagreement on 运城示范经济开发区)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROGRAMME = ROOT / "samples" / "programme.yaml"


def _script() -> ModuleType:
    path = ROOT / "scripts" / "make_panel_sample.py"
    spec = importlib.util.spec_from_file_location("make_panel_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample_script() -> ModuleType:
    return _script()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, sample_script: ModuleType) -> Path:
    root = tmp_path_factory.mktemp("panel")
    sample_script.build(root / "batch", root / "sample")
    return root


@pytest.fixture()
def batch_dir(built: Path, tmp_path: Path) -> Path:
    """A private copy of the sample's batch folder (tests may issue sheets into it)."""
    target = tmp_path / "batch"
    shutil.copytree(built / "batch", target)
    return target


@pytest.fixture()
def sample(built: Path) -> Path:
    return built / "sample"
