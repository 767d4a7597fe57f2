"""Shared helpers for the extractor tests: read built files with the real readers."""

from __future__ import annotations

import pytest

from formkit.spec import FormSpec, load_all


@pytest.fixture(scope="session")
def specs() -> dict[str, FormSpec]:
    return load_all()
