"""Where the shipped validators/ and templates/ are.

In a wheel they are the package-data packages ``formkit._validators`` and
``formkit._templates``; in a source checkout (also an editable install run from the
checkout) they are the top-level folders beside ``formkit/``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _package_dir(package: str, folder: str) -> Path:
    source = _SOURCE_ROOT / folder
    if source.is_dir():
        return source
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"formkit data folder {folder!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def validators_dir() -> Path:
    return _package_dir("formkit._validators", "validators")


def templates_dir() -> Path:
    return _package_dir("formkit._templates", "templates")
