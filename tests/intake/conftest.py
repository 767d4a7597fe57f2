"""Bombs are built once per session (each takes ~0.5 s and ~1-2 MB)."""

from __future__ import annotations

import pytest

from . import hostile


@pytest.fixture(scope="session")
def zip_bomb() -> bytes:
    return hostile.zip_bomb(1024)


@pytest.fixture(scope="session")
def office_bomb() -> bytes:
    return hostile.office_bomb(2048)


@pytest.fixture(scope="session")
def pdf_bomb() -> bytes:
    return hostile.pdf_bomb(1024)
