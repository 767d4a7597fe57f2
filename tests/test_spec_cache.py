"""Loaded specs kept between runs: the same spec back, never a stale or broken one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from formkit import spec as spec_module
from formkit import spec_cache
from formkit.errors import SpecError
from formkit.resources import validators_dir
from formkit.spec import FormSpec, load_spec


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FORMKIT_CACHE_DIR", str(folder))
    spec_module._load.cache_clear()  # the per-process memo would hide the cache
    yield folder / "specs"
    spec_module._load.cache_clear()


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    folder = tmp_path / "validators"
    shutil.copytree(validators_dir(), folder)
    return folder


def load_fresh(name: str, folder: Path) -> FormSpec:
    spec_module._load.cache_clear()
    return load_spec(name, folder)


def test_a_cached_spec_is_the_spec_read_from_its_file(cache: Path, specs: Path) -> None:
    first = load_fresh("targets", specs)
    assert len(list(cache.glob("*.pickle"))) == 1
    again = load_fresh("targets", specs)
    assert again is not first
    assert again == first
    assert again == spec_module._parse(first.source, Path(first.source).read_bytes())


def test_an_edited_spec_is_read_again_not_taken_from_the_cache(cache: Path, specs: Path) -> None:
    load_fresh("application", specs)
    path = specs / "application.yaml"
    path.write_text(path.read_text("utf-8").replace("开发区名称", "园区名称", 1), "utf-8")
    edited = load_fresh("application", specs)
    assert edited.field("zone_name").label == "园区名称"
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_broken_cache_entry_is_ignored_and_replaced(cache: Path, specs: Path) -> None:
    expected = load_fresh("plan", specs)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")
    assert load_fresh("plan", specs) == expected
    assert load_fresh("plan", specs) == expected  # rewritten, readable again


def test_a_spec_that_fails_is_not_cached(cache: Path, specs: Path) -> None:
    path = specs / "progress.yaml"
    path.write_text(path.read_text("utf-8").replace("type: string", "type: strnig", 1), "utf-8")
    for _ in range(2):
        with pytest.raises(SpecError, match="invalid Cerberus schema"):
            load_fresh("progress", specs)
    assert not list(cache.glob("*.pickle"))


def test_an_unusable_cache_folder_changes_nothing(
    tmp_path: Path, specs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("FORMKIT_CACHE_DIR", str(blocker))
    assert load_fresh("targets", specs).title


def test_an_empty_cache_setting_turns_the_cache_off(
    tmp_path: Path, specs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORMKIT_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert spec_cache.cache_dir() is None
    load_fresh("targets", specs)
    assert not (tmp_path / "xdg").exists()


def test_with_the_specs_cached_a_check_imports_neither_yaml_nor_cerberus_to_load_them(
    cache: Path,
) -> None:
    code = (
        "import sys; from formkit.spec import load_all; load_all(); "
        "print('yaml' in sys.modules, 'cerberus' in sys.modules)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.split() == ["True", "True"]  # the first run reads and validates
    assert runs[1].stdout.split() == ["False", "False"]


def test_a_spec_not_in_utf8_is_a_spec_error_naming_the_file(cache: Path, specs: Path) -> None:
    path = specs / "targets.yaml"
    path.write_bytes(path.read_text("utf-8").encode("gbk"))
    with pytest.raises(SpecError, match=r"targets\.yaml: not UTF-8 text"):
        load_fresh("targets", specs)
    assert not list(cache.glob("*.pickle"))
