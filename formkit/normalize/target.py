"""Indicator values: ``≥65%``, ``不低于30家``, ``>=30``, ``≤ 5``, ``30家以上``, ``达到100`` →
(direction, number in the indicator's own unit); qualitative targets (``完成``) keep their text.

Directions are ``≥``, ``≤``, ``=``, or ``None`` when the value names none. A strict ``>`` or
``<`` is read as ``≥`` / ``≤``: the programme's 指标性质 column knows only ≥ ≤ = 定性.
"""

from __future__ import annotations

import re
from typing import Final

from formkit.model.resources import text_map, words
from formkit.normalize.base import (
    ABSENT,
    NormalizeError,
    UnitMismatch,
    is_none_marker,
    nfkc,
    squash,
)
from formkit.normalize.quantity import parse_quantity, to_plain, typed_quantity
from formkit.normalize.text import clean_text

PLACES: Final = 6
_AT_LEAST, _AT_MOST = words("normalize", "at_least"), words("normalize", "at_most")
_EQUAL, _SOFT = words("normalize", "equal"), words("normalize", "soft")
_PREFIXES: Final = sorted(
    [(w, "≥") for w in _AT_LEAST]
    + [(w, "≤") for w in _AT_MOST]
    + [(w, "=") for w in _EQUAL]
    + [(w, None) for w in _SOFT],
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_SUFFIX_DIRECTION: Final[dict[str, str]] = text_map("normalize", "suffix_directions")
_SUFFIX = re.compile(f"({'|'.join(_SUFFIX_DIRECTION)})$")


def parse_target(raw: object, unit: str | None) -> tuple[str | None, object]:
    """(direction, value): the value a number in ``unit`` or the qualitative text as typed.

    A none-marker (``/``, ``—``, ``无``) gives ``(None, ABSENT)``. A number whose unit belongs
    to another family than ``unit`` (``30万元`` for unit 家) raises :class:`NormalizeError`.
    """
    unit = unit or None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return None, to_plain(typed_quantity("target", raw), PLACES)
    if not isinstance(raw, str):
        raise NormalizeError("target", raw, "not an indicator value")
    if is_none_marker(raw):
        return None, ABSENT
    text = squash(nfkc(raw))
    direction, body = _direction(text)
    try:
        number = parse_quantity("target", body, unit)
    except UnitMismatch:
        raise
    except NormalizeError:
        return None, clean_text(raw)
    return direction, to_plain(number, PLACES)


def _direction(text: str) -> tuple[str | None, str]:
    direction: str | None = None
    changed = True
    while changed:
        changed = False
        for word, meaning in _PREFIXES:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :], True
                direction = direction or meaning
                break
    tail = _SUFFIX.search(text)
    if tail:
        text = text[: tail.start()]
        direction = direction or _SUFFIX_DIRECTION[tail[1]]
    return direction, text


def normalize_target(raw: object, unit: str | None) -> object:
    """The value of kind ``target``: the number (or qualitative text) without its direction."""
    return parse_target(raw, unit)[1]
