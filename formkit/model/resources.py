"""Where the shipped validators/, templates/ and vocabulary are.

In a wheel they are the package-data packages ``formkit._validators`` and
``formkit._templates``; in a source checkout (also an editable install run from the
checkout) they are the top-level folders beside ``formkit/``. The vocabulary — the Chinese
words the code matches or writes (numerals, units, label asides, yes/no words) — is data in
``formkit/vocabulary/*.yaml``, read by :func:`vocabulary`; a nested section is taken typed by
:func:`word_section` (its shape checked where it is read) or :func:`text_map`.
"""

from __future__ import annotations

import copy
import functools
import importlib.util
from importlib import resources
from pathlib import Path
from typing import TypeVar

from formkit.model import preparsed
from formkit.model.data import conforms

T = TypeVar("T")

_SOURCE_ROOT = Path(__file__).resolve().parent.parent.parent


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


@functools.cache
def vocabulary(name: str) -> dict[str, object]:
    """The words of ``formkit/vocabulary/<name>.yaml``: what the code matches or writes.

    Read once per process (from :mod:`formkit.model.preparsed`, else by libyaml: about a
    millisecond per file), so modules may take their tables from it at import.
    """
    raw = resources.files("formkit").joinpath("vocabulary", f"{name}.yaml").read_bytes()
    data: object = preparsed.document(raw)
    if data is None:
        data = preparsed.parse_yaml(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"formkit/vocabulary/{name}.yaml is not a mapping")
    return data


def words(name: str, key: str) -> tuple[str, ...]:
    """The list ``key`` of a vocabulary file, every entry text (quote ``no``, ``1``, ``>=``)."""
    value = vocabulary(name)[key]
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise TypeError(f"formkit/vocabulary/{name}.yaml: {key} is not a list of text")
    return tuple(value)


def word(name: str, key: str) -> str:
    """The single text ``key`` of a vocabulary file."""
    value = vocabulary(name)[key]
    if not isinstance(value, str):
        raise TypeError(f"formkit/vocabulary/{name}.yaml: {key} is not text")
    return value


def word_map(name: str, key: str) -> dict[str, object]:
    """The mapping ``key`` of a vocabulary file, keys text, in the file's order."""
    return word_section(name, key, dict[str, object])


def text_map(name: str, key: str) -> dict[str, str]:
    """The mapping ``key`` of a vocabulary file, text to text, in the file's order."""
    return word_section(name, key, dict[str, str])


def word_section(name: str, key: str, shape: type[T]) -> T:
    """The section ``key`` of a vocabulary file, checked to have ``shape`` (a TypedDict,
    ``dict[str, int]``, ``dict[str, list[str]]``…; see :func:`formkit.model.data.conforms`).

    A shallow copy, so a module that changes its table leaves the file's words alone.
    """
    value = vocabulary(name)[key]
    if not conforms(value, shape):
        raise TypeError(f"formkit/vocabulary/{name}.yaml: {key} is not {shape}")
    return copy.copy(value)
