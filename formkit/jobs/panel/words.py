"""The panel's wording, from ``templates/panel.yaml`` (words live with the templates, not in
the code)."""

from __future__ import annotations

import functools
from typing import Any

import yaml

from formkit.model.resources import templates_dir


@functools.cache
def words() -> dict[str, Any]:
    text = (templates_dir() / "panel.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def word(*path: str) -> Any:
    """``word("columns", "zone")`` → 开发区名称."""
    value: Any = words()
    for key in path:
        value = value[key]
    return value
