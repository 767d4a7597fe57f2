"""How the spellings of one zone's name meet: :func:`zone_key` of 全称 and 简称 agree.

Apart from the catalogue, as the batch's grouping and the dossier checks compare names
without loading one (``check`` of a folder imports this, not the catalogue's loader: 15 M
instructions less). The province, suffix and administrative words are data
(``formkit/vocabulary/catalogue.yaml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TypedDict

from formkit.model.data import conforms
from formkit.model.resources import vocabulary

_NOTE_AT_END = re.compile(r"(?:（[^（）]*）)+$")


@dataclass(frozen=True)
class _Names:
    """How the spellings of a zone's name meet, built from ``vocabulary/catalogue.yaml``."""

    province: re.Pattern[str]  # a province prefix: 山西省, 广西壮族自治区
    city_again: re.Pattern[str]  # 大同市大同…: the city written before a name that repeats it
    admin: re.Pattern[str]  # 省/市/县, removed from the core
    suffixes: tuple[tuple[str, str], ...]  # (suffix wording, its family), longest first


class _NameWords(TypedDict):
    """The zone-name words of ``vocabulary/catalogue.yaml``."""

    provinces: list[str]
    province_suffixes: list[str]
    city_again: list[str]
    admin_words: list[str]
    suffix_families: dict[str, list[str]]


@functools.cache
def _names() -> _Names:
    """Read once, when a zone name is first compared (not at import: ``check`` rarely needs it)."""
    words = vocabulary("catalogue")
    if not conforms(words, _NameWords):
        raise TypeError("formkit/vocabulary/catalogue.yaml: zone-name words are not lists of text")
    city = "".join(words["city_again"])
    families = words["suffix_families"].items()
    return _Names(
        province=re.compile(
            f"^({_either(words['provinces'])})({_either(words['province_suffixes'])})?"
        ),
        city_again=re.compile(f"^([^{city}]{{2,4}})[{city}](?=\\1)"),
        admin=re.compile(f"[{''.join(words['admin_words'])}]"),
        suffixes=tuple(
            sorted(((s, fam) for fam, group in families for s in group), key=lambda i: -len(i[0]))
        ),
    )


def _either(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


def squash(text: str) -> str:
    """The name without white space, with full-width brackets (as the catalogue keys it)."""
    text = re.sub(r"\s+", "", text)
    return text.replace("(", "（").replace(")", "）")


@functools.lru_cache(maxsize=4096)  # the grouping asks twice per file, a zone's files alike
def zone_key(name: str) -> tuple[str, str]:
    """(core, suffix family) of a zone name: 山西省太原市示范经开区 → (太原示范, 开发区).

    The province prefix, a city written before a name that starts with the city again
    (大同市大同演示产业园区), notes in brackets at the end (（省级）) and the suffix wording are
    dropped, and 省/市/县 removed from what is left, so the spellings people write of one
    zone (全称/简称 among them) meet.
    """
    names = _names()
    text = names.province.sub("", squash(name), count=1)
    text = _NOTE_AT_END.sub("", text)
    text = names.city_again.sub("", text, count=1)
    family = ""
    for suffix, fam in names.suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            text, family = text[: -len(suffix)], fam
            break
    core = names.admin.sub("", text) or text
    return core, family
