"""Test-wide settings."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _spec_cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Loaded specs are cached between runs (formkit.spec_cache); the tests, and the formkit
    processes they start, keep theirs in a folder of their own, not in ~/.cache."""
    before = os.environ.get("FORMKIT_CACHE_DIR")
    os.environ["FORMKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("formkit-cache"))
    yield
    if before is None:
        os.environ.pop("FORMKIT_CACHE_DIR", None)
    else:
        os.environ["FORMKIT_CACHE_DIR"] = before
