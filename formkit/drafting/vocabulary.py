"""The words the drafter reads blank forms by, from :file:`vocabulary.yaml` (data, not code)."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    import yaml

    text = resources.files("formkit.drafting").joinpath("vocabulary.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data
