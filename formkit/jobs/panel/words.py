"""The panel's wording, from ``templates/panel.yaml`` (words live with the templates, not in
the code)."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import yaml

from formkit.model.resources import templates_dir


@functools.cache
def words() -> Mapping[str, object]:
    text = (templates_dir() / "panel.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise TypeError("templates/panel.yaml is not a mapping")
    return data


def _at(path: tuple[object, ...]) -> object:
    value: object = words()
    for key in path:
        if not isinstance(value, Mapping):
            raise TypeError(f"templates/panel.yaml: {path} is not a word")
        value = value[key]
    return value


def word(*path: object) -> str:
    """``word("columns", "zone")`` → 开发区名称 (``word("bool", True)`` → 是)."""
    value = _at(path)
    if not isinstance(value, str):
        raise TypeError(f"templates/panel.yaml: {path} is not text")
    return value


def word_list(*path: str) -> list[str]:
    """``word_list("summary", "scores_header")``: a list of words."""
    value = _at(path)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise TypeError(f"templates/panel.yaml: {path} is not a list of text")
    return value
