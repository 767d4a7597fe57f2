"""A drafted field's key: from the dictionary of the domain's labels — formkit's own specs
first (label and aliases), then :file:`lexicon.yaml` — else a readable pinyin slug."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from formkit.drafting.vocabulary import vocabulary
from formkit.extract.labels import canon, core
from formkit.model.resources import word
from formkit.spec import Field, load_all

MAX_SLUG = 40
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Known:
    """A label the dictionary knows: its key, and (from a spec) how that spec reads it."""

    key: str
    spellings: tuple[str, ...]
    field: Field | None = None


def lookup(label: str) -> Known | None:
    c = canon(label)
    table = _dictionary()
    return table.get(c) or table.get(core(c))


def lookup_grouped(group: str, sublabel: str) -> Known | None:
    """A sub-label under a group label (联系人 → 电话): the spec field of that group."""
    g, sub = canon(group), canon(sublabel)
    for spec in load_all().values():
        for f in spec.fields:
            if f.group and canon(f.group) == g and sub in {canon(x) for x in f.sublabels}:
                return Known(f.key, f.labels, f)
    return lookup(f"{group}{sublabel}")


def known_form(title: str) -> str | None:
    """The name of formkit's own spec whose title or heading the form prints."""
    c = canon(title)
    for name, spec in load_all().items():
        if c in (canon(spec.title), canon(spec.heading)):
            return name
    return None


@functools.lru_cache(maxsize=1)
def _dictionary() -> dict[str, Known]:
    """Spellings → keys: the specs' printed labels first, then the lexicon, then the specs'
    aliases (an alias such as 项目名称 for 特色载体名称 is this programme's rewording, not
    the meaning another programme gives it)."""
    table: dict[str, Known] = {}
    fields = [f for spec in load_all().values() for f in (*spec.fields, *spec.columns)]
    for f in fields:
        table.setdefault(canon(f.label), Known(f.key, f.labels, f))
    for key, spellings in _lexicon().items():
        known = Known(key, tuple(spellings))
        for spelling in spellings:
            table.setdefault(canon(spelling), known)
    for f in fields:
        for spelling in f.aliases:
            table.setdefault(canon(spelling), Known(f.key, f.labels, f))
    return table


def _lexicon() -> dict[str, list[str]]:
    import yaml

    text = resources.files("formkit.drafting").joinpath("lexicon.yaml").read_text("utf-8")
    data: Any = yaml.safe_load(text)
    return {str(k): [str(s) for s in v] for k, v in data.items()}


def slug(label: str) -> str:
    """``项目负责人`` → ``xiang_mu_fu_ze_ren``; initials when the full pinyin is long."""
    from pypinyin import lazy_pinyin

    words = [
        w
        for w in (_NOT_WORD.sub("_", p.lower()).strip("_") for p in lazy_pinyin(canon(label)))
        if w
    ]
    text = "_".join(words)
    if len(text) > MAX_SLUG:
        text = "".join(w[0] for w in words)
    if not text or not text[0].isalpha():
        text = f"field_{text}".rstrip("_")
    return text


def form_key(title: str) -> str:
    """The spec's name (file name) from the form's title."""
    year = word("calendar", "year") + f"{vocabulary()['year_suffix']}?"  # 年度?
    plain = re.sub(rf"^[\d\s]+(?:{year})?", "", title) or title
    return known_form(title) or slug(plain)[:MAX_SLUG].strip("_") or "form"
