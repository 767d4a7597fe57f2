"""The words the drafter reads blank forms by, from :file:`vocabulary.yaml` (data, not code)."""

from __future__ import annotations

import functools
from importlib import resources

from formkit.model.data import conforms

Vocabulary = dict[str, list[str] | str | dict[str, str]]  # word lists, words, the calendar


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    import yaml

    text = resources.files("formkit.drafting").joinpath("vocabulary.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not conforms(data, Vocabulary):
        raise TypeError("formkit/drafting/vocabulary.yaml: not lists of words, words or maps")
    return data
