"""Atomic writes: the destination is either the old file or the complete new one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from formkit.writers.atomic import atomic_write, write_bytes_atomic


def test_writes_the_bytes(tmp_path: Path) -> None:
    target = tmp_path / "表.xlsx"
    write_bytes_atomic(target, b"content")
    assert target.read_bytes() == b"content"


def test_replaces_an_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_ordinary_mode(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        write_bytes_atomic(tmp_path / "new.bin", b"x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.bin").stat().st_mode) == 0o644


def test_a_failure_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_a_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_bytes_atomic(tmp_path / "nope" / "out.docx", b"x")
